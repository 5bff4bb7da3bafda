"""First names and the sex US birth records give them."""

from __future__ import annotations

import pytest

from corroborator.lexicon import sex_of_first_name


@pytest.mark.parametrize(("name", "sex"), [("Sarah", "f"), ("hillary", "f"), ("Donald", "m"), ("JASON", "m")])
def test_names_most_people_of_one_sex_are_given(name: str, sex: str) -> None:
    assert sex_of_first_name(name) == sex


@pytest.mark.parametrize("name", ["Kim", "Chris", "Jordan", "Xqzt", ""])
def test_names_given_to_both_sexes_or_unknown_have_none(name: str) -> None:
    assert sex_of_first_name(name) is None
