"""News organisations: the curated list and how names, aliases and descriptions match it."""

from __future__ import annotations

import json

import pytest

from corroborator.analyze.entities import media


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Reuters", "Reuters"),
        ("the news agency Reuters", "Reuters"),
        ("Reuters'", "Reuters"),
        ("AP", "Associated Press"),
        ("the Associated Press", "Associated Press"),
        ("The Associated Press's", "Associated Press"),
        ("KCNA", "KCNA"),
        ("KCNA's", "KCNA"),
        ("Korean Central News Agency", "KCNA"),
        ("the news agency KCNA", "KCNA"),
        ("state broadcaster KCTV", "KCTV"),
        ("Yonhap news agency", "Yonhap"),
        ("xinhua", "Xinhua"),
        ("ITAR-TASS", "TASS"),
        ("CBS News", "CBS"),
        ("the New York Times", "The New York Times"),
        ("NYT", "The New York Times"),
        ("Washington Post", "The Washington Post"),
        ("The Hill", "The Hill"),
        ("WION", "WION"),
        ("Al-Jazeera", "Al Jazeera"),
        ("Fox", "Fox News"),
    ],
)
def test_lookup_finds_names_aliases_and_descriptions(name: str, canonical: str) -> None:
    org = media.lookup(name)
    assert org is not None, name
    assert org.name == canonical


@pytest.mark.parametrize(
    "name", ["North Korea", "Kim Jong Un", "Hill", "fox", "map", "state media", "", "the"]
)
def test_lookup_rejects_what_is_not_a_medium(name: str) -> None:
    assert media.lookup(name) is None
    assert not media.is_medium(name)


def test_kinds_and_countries() -> None:
    kcna = media.lookup("KCNA")
    reuters = media.lookup("Reuters")
    bbc = media.lookup("BBC")
    assert kcna is not None and kcna.kind == "state_media" and kcna.country == "KP"
    assert reuters is not None and reuters.kind == "wire"
    assert bbc is not None and bbc.kind == "broadcaster"
    assert [org.name for org in media.state_media_of("kp")][:1] == ["KCNA"]
    assert media.state_media_of("ZZ") == []


def test_data_file_is_well_formed() -> None:
    data = json.loads(media.DATA_FILE.read_text(encoding="utf-8"))
    names = [org["name"] for org in data["orgs"]]
    assert len(names) >= 150
    assert len(names) == len(set(names))
    assert {org["kind"] for org in data["orgs"]} <= media.KINDS
    assert all(len(org["country"]) == 2 for org in data["orgs"])
    assert len(media.all_orgs()) == len(names)


def test_unknown_kind_is_a_clear_error() -> None:
    bad = {"orgs": [{"name": "Daily Planet", "aliases": [], "country": "US", "kind": "tabloid"}]}
    with pytest.raises(ValueError, match=r"Daily Planet.*unknown kind 'tabloid'"):
        media._build_index(bad)


def test_first_words_cover_every_name() -> None:
    words = media.first_words()
    assert {"reuters", "associated", "kcna", "korean"} <= words
    assert "the" not in words


@pytest.mark.parametrize(
    "name", ["Timaru Herald", "the Timaru Herald", "Sioux City Journal", "The Fresno Times"]
)
def test_a_newspaper_the_list_does_not_hold_is_known_by_its_masthead(name: str) -> None:
    found = media.lookup(name)
    assert found is not None and found.kind == "newspaper"
    assert found.name == name.removeprefix("the ").removeprefix("The ")


@pytest.mark.parametrize("name", ["John Post", "Herald", "the local herald", "Lone Star", "Freddie Mercury"])
def test_a_masthead_needs_capitalised_words_and_a_newspaper_word(name: str) -> None:
    assert media.lookup(name) is None
