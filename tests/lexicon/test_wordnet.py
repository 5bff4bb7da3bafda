"""WordNet read from Debian's wordnet-base through our cache copy: real dictionary lookups."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from corroborator.lexicon import (
    is_common_noun,
    is_document_noun,
    is_only_adjective,
    is_source_noun,
    knows_word,
    opposite_verbs,
    related_verbs,
    same_or_more_general,
)


@pytest.mark.parametrize(
    "word", ["spokesman", "police", "prosecutors", "witnesses", "unions", "sources", "groups"]
)
def test_nouns_that_name_people_or_bodies_are_sources(word: str) -> None:
    assert is_source_noun(word)


@pytest.mark.parametrize(
    "word", ["bill", "grenades", "photographs", "letters", "burglary", "animated", "became"]
)
def test_things_acts_and_other_words_are_not_sources(word: str) -> None:
    assert not is_source_noun(word)


def test_documents_words_and_common_nouns() -> None:
    assert is_document_noun("statement") and is_document_noun("report")
    assert not is_document_noun("grenade")
    assert is_document_noun("footage") and is_document_noun("recording") and is_document_noun("photographs")
    assert not is_document_noun("camera") and not is_document_noun("statue")
    assert knows_word("Collider") and not knows_word("Eleftherotypia")
    assert is_common_noun("Commissioner") and not is_common_noun("Herman")


@pytest.mark.parametrize(("word", "only"), [("hourlong", True), ("biggest", True), ("official", False)])
def test_words_known_only_as_adjectives(word: str, only: bool) -> None:
    assert is_only_adjective(word) is only


def test_missing_dictionary_is_one_clear_error(tmp_path: Path) -> None:
    script = (
        "from corroborator.lexicon import load_wordnet, WordNetMissing\n"
        "try:\n    load_wordnet()\nexcept WordNetMissing as error:\n    print(error.one_line())\n"
    )
    env = {"CORROBORATOR_WORDNET_SOURCE": str(tmp_path / "none"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert "WordNet's dictionary is not in" in out.stdout and "wordnet-base" in out.stdout
    assert not (tmp_path / "cache" / "corroborator" / "wordnet-3.0").exists()


def test_first_use_builds_the_cache_copy(tmp_path: Path) -> None:
    script = "from corroborator.lexicon import is_source_noun\nprint(is_source_noun('spokesman'))\n"
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
    folder = tmp_path / "corroborator" / "wordnet-3.0"
    assert (folder / "lexnames").read_text().count("\n") == 45
    assert not list(tmp_path.glob("corroborator/.wordnet-*"))


@pytest.mark.parametrize(
    ("left", "right", "related"),
    [
        ("assault rifle", "automatic rifle", True),
        ("automatic rifles", "assault rifles", True),
        ("life sentence", "sentence", True),
        ("large", "big", True),
        ("scoped rifle", "assault rifle", False),
        ("wooden", "inflatable", False),
        ("north", "south", False),
        ("nuclear", "", False),
    ],
)
def test_one_term_is_the_other_or_more_general(left: str, right: str, related: bool) -> None:
    assert same_or_more_general(left, right) is related


@pytest.mark.parametrize(
    ("left", "right"), [("murder", "kill"), ("resign", "quit"), ("wound", "injure"), ("killed", "shooting")]
)
def test_verbs_that_can_tell_one_event_are_related(left: str, right: str) -> None:
    assert related_verbs(left, right) and related_verbs(right, left)


@pytest.mark.parametrize(("left", "right"), [("shut", "end"), ("arrest", "sentence"), ("endorse", "air")])
def test_verbs_of_different_events_are_not_related(left: str, right: str) -> None:
    assert not related_verbs(left, right)


def test_opposite_verbs_are_antonyms() -> None:
    assert opposite_verbs("begin", "end") and opposite_verbs("end", "begin") and opposite_verbs("win", "lose")
    assert not opposite_verbs("begin", "start") and not opposite_verbs("arrest", "sentence")


def test_nouns_that_can_name_a_place() -> None:
    from corroborator.lexicon import can_name_a_place

    assert all(can_name_a_place(w) for w in ("village", "town", "province", "county"))
    assert not any(can_name_a_place(w) for w in ("company", "mayor", "ministry", "bank"))
