"""Event coding (PLOVER types, CAMEO codes) from analysed documents.

The coder works over the dependency parse: :func:`newsgraph.events.document.code_events` is the
entry point (the ``events`` pipeline stage, :mod:`newsgraph.pipeline.stages.events`, wraps it);
:mod:`.cameo` is the verb lexicon (``data/lexicon/cameo_verbs.json`` plus ``event_verbs.yaml``),
:mod:`.coder` and :mod:`.nominal` code verbs and event nouns, :mod:`.tree` reads participants from
the parse, :mod:`.mood` flags negated and hypothetical events, :mod:`.when` dates them and
:mod:`.speech` codes statements made in quotes.
"""
