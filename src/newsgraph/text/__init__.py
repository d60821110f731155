"""The text layer every stage uses.

* :mod:`.tokens` -- the one tokenizer (words and punctuation with offsets);
* :mod:`.util` -- normalisation and document ids, paragraphs, lines and sentences;
* :mod:`.headings` -- the one test for titles and section headings;
* :mod:`.lexicons` -- the one loader of the word lists in ``data/lexicon/*.yaml`` (user files
  through ``NEWSGRAPH_LEXICONS``), and :mod:`.vocabulary`, the shared English words it reads;
* :mod:`.speechverbs` (the speech-verb lexicon), :mod:`.nounphrases` (speaker phrases),
  :mod:`.dates` (date expressions), :mod:`.names` (transliteration-aware name matching).
"""
