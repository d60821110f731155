"""Actor recognition, classification and in-document coreference (the "actors" stage).

The stage (:mod:`newsgraph.pipeline.stages.actors`) runs, per document and over body paragraphs only:

1. :mod:`.recognize`: candidate spans from the spaCy model (PER/ORG/LOC), the knowledge base
   (phrase and template matches), title-plus-name rules, bracketed and "known as" aliases;
   headings (the title line, all-caps/title-case section heads) get KB and known names only;
   :mod:`.compounds` splits hyphenated pairs of people ("Trump-Biden") and joins hyphenated units
   ("IRGC-Quds Force"); :mod:`.nonactors` drops diseases, laws, events and campaigns ("COVID-19").
2. :mod:`.classify`: actor types (PERSON/ORG/STATE/LOCATION), capital-city metonymy versus
   venue use, demonyms ("Israelis", "the Russian side") and doc-local demonyms ("Valdorian").
3. :mod:`.coref`: short names, kunyas, acronyms, descriptions ("the Hamas official") and
   pronouns to the right local entity; unresolved when the text does not make it clear.
4. :mod:`.roles`: titles ("Deputy Foreign Minister", appositions) and affiliations; institutions
   with generic names ("the Supreme Court") belong to the state the document is about.

Cross-document linking of the resulting entities is :mod:`newsgraph.linking.actors`.
"""
