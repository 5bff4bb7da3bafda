"""What the steps read from a parsed Doc, taken from its token arrays once per Doc and kept in
`doc.user_data`: spaCy builds a Python object for every Token and Span it hands out, and Span properties
such as `text` and `label_` walk the tokens or the string store on every access."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, TypeVar

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

_SENT_START, _IDX, _LENGTH = range(3)
_T = TypeVar("_T")


class DocEntity(NamedTuple):
    """One of `doc.ents`: token and character offsets and label."""

    start: int
    end: int
    start_char: int
    end_char: int
    label: str


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """`(sent.start_char, sent.end_char)` of `doc.sents`; empty when the Doc has no sentence annotation."""
    return _cached(doc, "sentence_bounds", _sentence_bounds)


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    return read_sentence_bounds(doc) if doc.has_annotation("SENT_START") else []


def read_sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """The sentence bounds of the token arrays; the whole Doc is one sentence when it has no annotation."""
    if len(doc) == 0:
        return []
    columns = doc.to_array([SENT_START, IDX, LENGTH]).astype(numpy.int64)
    starts = numpy.flatnonzero(columns[:, _SENT_START] == 1)
    if len(starts) == 0 or starts[0] != 0:
        starts = numpy.concatenate(([0], starts))
    lasts = numpy.append(starts[1:], len(doc)) - 1
    begin = columns[starts, _IDX]
    finish = columns[lasts, _IDX] + columns[lasts, _LENGTH]
    return list(zip(begin.tolist(), finish.tolist(), strict=True))


def doc_entities(doc: Doc) -> list[DocEntity]:
    """`doc.ents` as plain offsets and labels, read once per Doc."""
    return _cached(doc, "entities", _doc_entities)


def _doc_entities(doc: Doc) -> list[DocEntity]:
    return [DocEntity(ent.start, ent.end, ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def _cached(doc: Doc, name: str, read: Callable[[Doc], _T]) -> _T:
    key = f"corroborator_{name}"
    if key not in doc.user_data:
        doc.user_data[key] = read(doc)
    found: _T = doc.user_data[key]
    return found
