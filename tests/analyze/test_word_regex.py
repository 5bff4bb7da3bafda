"""The regex helpers: a word trie matches exactly its words; first characters never leave out a real start."""

from __future__ import annotations

import re
from pathlib import Path

from corroborator.analyze.nlp.word_regex import first_characters, word_trie
from corroborator.analyze.quotes.lexicon import SINGLE_CUES
from corroborator.analyze.times.extract import RULES

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def seed_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))


def test_a_word_trie_finds_the_same_words_as_a_plain_alternation() -> None:
    text = seed_text() + " said saying sayings unsaid Said SAID s"
    words = sorted(SINGLE_CUES, key=len, reverse=True)
    plain = re.compile(r"(?<![A-Za-z])(?:" + "|".join(words) + r")(?![A-Za-z])", re.I)
    trie = re.compile(r"(?<![A-Za-z])" + word_trie(words) + r"(?![A-Za-z])", re.I)
    expected = [(m.start(), m.group()) for m in plain.finditer(text)]
    assert [(m.start(), m.group()) for m in trie.finditer(text)] == expected
    assert len(expected) > 20


def test_first_characters_of_small_patterns() -> None:
    assert first_characters(r"(?:a|B)?(?P<x>\d+|[C-Dx])") == frozenset("abcdx0123456789")
    assert first_characters(r"(?<!q)\bfoo|(?i:Bar)") == frozenset("fb")
    assert first_characters(r"x?") is None  # may match the empty string
    assert first_characters(r".x") is None
    assert first_characters("\u212a") is None  # the Kelvin sign folds to "k"


def test_every_time_rule_match_begins_with_one_of_its_first_characters() -> None:
    text = seed_text() + " on 5/3/2021, the 1990s, 10 a.m., last week, mid-March, the year-end, '99"
    starts = [0, *(m.start() for m in re.finditer(r"(?<=\W)\w|'", text))]
    matched = 0
    for rule in RULES:
        first = first_characters(rule.pattern, re.IGNORECASE)
        pattern = re.compile(rule.pattern, re.IGNORECASE)
        for start in starts:
            if pattern.match(text, start):
                matched += 1
                assert first is None or text[start].lower() in first, (rule.name, text[start : start + 20])
    assert matched > 30
