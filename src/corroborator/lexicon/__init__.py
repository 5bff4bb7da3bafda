"""English word knowledge from WordNet: which nouns name people or bodies, which words are synonyms or more
general than one another. Loaded once, where it is used."""

from corroborator.lexicon.wordnet import (
    WordNetMissing,
    is_common_noun,
    is_document_noun,
    is_source_noun,
    knows_word,
    load_wordnet,
    more_general_or_same,
    noun_senses,
    verb_base,
)

__all__ = [
    "WordNetMissing",
    "is_common_noun",
    "is_document_noun",
    "is_source_noun",
    "knows_word",
    "load_wordnet",
    "more_general_or_same",
    "noun_senses",
    "verb_base",
]
