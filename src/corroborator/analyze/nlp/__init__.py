"""The spaCy pipeline as analysis uses it: loading (`load`), array views of a Doc (`arrays`), text chunks
for parsing (`chunks`), and fast word regexes (`word_regex`)."""
