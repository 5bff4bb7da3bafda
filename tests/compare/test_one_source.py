"""Which origin strings name a police body, and which describe the police."""

from __future__ import annotations

import pytest

from corroborator.compare.one_source import is_police_body, is_police_description


@pytest.mark.parametrize(
    "name", ["NYPD", "LAPD", "Surrey Police", "New York Police Department", "Garda Siochana"]
)
def test_named_police_forces_are_police_bodies(name: str) -> None:
    assert is_police_body(name)


@pytest.mark.parametrize("name", ["police", "Police", "PD", "Police Department", "Daily News", "DPRK"])
def test_bare_police_words_and_other_names_are_no_police_body(name: str) -> None:
    assert not is_police_body(name)


@pytest.mark.parametrize(
    "origin", ["police", "Police", "the police", "a police spokeswoman", "two police sources", "cops"]
)
def test_descriptions_of_the_police(origin: str) -> None:
    assert is_police_description(origin)


@pytest.mark.parametrize(
    "origin", ["State police", "French police", "police sources and witnesses", "a police car", "witnesses"]
)
def test_qualified_police_or_other_phrases_are_no_police_description(origin: str) -> None:
    assert not is_police_description(origin)
