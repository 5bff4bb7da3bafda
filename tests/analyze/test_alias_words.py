"""Aliases never collide with English words: a name that is also a word ("who", "us", "fox") matches only as
written. Every alias in the data files is checked against an English word list (english-words, web2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from english_words import get_english_words_set

from corroborator.analyze.entities.aliases import alias_of
from corroborator.analyze.entities.media import lookup
from corroborator.analyze.entities.names import is_acronym

DATA = Path(__file__).resolve().parents[2] / "src" / "corroborator" / "data"


def _matched_in_any_case() -> list[tuple[str, str]]:
    """(file, name) for every name or alias that the code matches whatever its capitalisation."""
    names: list[tuple[str, str]] = []
    aliases = json.loads((DATA / "aliases.json").read_text(encoding="utf-8"))
    written = set(aliases.get("case_sensitive", []))
    for canonical, others in aliases["aliases"].items():
        names += [("aliases.json", n) for n in [canonical, *others] if n not in written and not is_acronym(n)]
    for org in json.loads((DATA / "news_orgs.json").read_text(encoding="utf-8"))["orgs"]:
        exact = set(org.get("case_sensitive", []))
        for name in [org["name"], *org["aliases"]]:
            if name not in exact and not is_acronym(name):
                names.append(("news_orgs.json", name))
    return names


def _folded(name: str) -> str:
    words = name.casefold().split()
    return " ".join(words[1:] if words[0] == "the" else words)


def test_no_alias_matched_in_any_case_is_an_english_word() -> None:
    english = get_english_words_set(["web2"], lower=True)
    colliding = [f"{file}: {name}" for file, name in _matched_in_any_case() if _folded(name) in english]
    assert not colliding, f"mark these case_sensitive (they are English words): {colliding}"


@pytest.mark.parametrize(
    ("written", "expected"),
    [("US", "United States"), ("U.S.", "United States"), ("us", None), ("WHO", "World Health Organization"),
     ("who", None), ("EU", "European Union"), ("Britain", "United Kingdom")],
)
def test_acronyms_match_only_as_written(written: str, expected: str | None) -> None:
    assert alias_of(written) == expected


def test_a_medium_whose_name_opens_with_anothers_is_itself() -> None:
    fox_sports, fox_news = lookup("Fox Sports"), lookup("Fox")
    assert fox_sports is not None and fox_sports.name == "Fox Sports"
    assert fox_news is not None and fox_news.name == "Fox News"
    assert lookup("deadline") is None and lookup("variety") is None


def test_media_acronyms_match_only_as_written() -> None:
    assert lookup("AP") is not None and lookup("ap") is None
    assert lookup("KCNA report") is not None and lookup("kcna") is None
    assert lookup("state news agency KCNA") is not None
