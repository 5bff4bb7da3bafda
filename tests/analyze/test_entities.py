"""Entities of one article: what spaCy finds, boundary repairs, designations, and fullest-name keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborator.analyze.entities.extract import extract_entities
from corroborator.analyze.nlp.load import get_nlp
from corroborator.types import Article, EntityMention

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def seed_text(prefix: str) -> str:
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", text)
    return re.sub(r"\s*WATCH WION LIVE HERE\s*$", "", text)


def entities_of(text: str) -> list[EntityMention]:
    return extract_entities(get_nlp()(text), Article(text=text))


@pytest.fixture(scope="module")
def seed_entities() -> dict[str, list[EntityMention]]:
    return {prefix: entities_of(seed_text(prefix)) for prefix in ("000", "001")}


def test_seed_entities_are_found(seed_entities: dict[str, list[EntityMention]]) -> None:
    keys = {m.entity for mentions in seed_entities.values() for m in mentions}
    expected = {
        "Kim Jong Un", "KCNA", "Reuters", "Associated Press", "Sejong Institute", "Sergei Shoigu",
        "Cheong Seong-chang", "Cheong Seong Chang", "Hwasong-18", "Kim Il Sung Square", "Seoul", "Russia",
        "Ukraine", "Moscow",
    }  # fmt: skip
    assert expected <= keys


def test_offsets_index_the_article_text(seed_entities: dict[str, list[EntityMention]]) -> None:
    for prefix, mentions in seed_entities.items():
        text = seed_text(prefix)
        assert mentions == sorted(mentions, key=lambda m: m.start)
        for mention in mentions:
            assert text[mention.start : mention.end] == mention.text


def test_surname_and_given_name_mentions_take_the_full_name(
    seed_entities: dict[str, list[EntityMention]],
) -> None:
    later = seed_entities["001"]
    chang = [m for m in later if m.text == "Chang"]
    assert chang and all(m.entity == "Cheong Seong Chang" and m.confidence < 1.0 for m in chang)
    kims = [m for m in later if m.text == "Kim"]
    assert len(kims) >= 5 and {m.entity for m in kims} == {"Kim Jong Un"}
    shoigu = [m for m in later if m.text == "Shoigu"]
    assert shoigu and shoigu[0].entity == "Sergei Shoigu"


def test_a_place_named_after_a_person_is_not_that_person(
    seed_entities: dict[str, list[EntityMention]],
) -> None:
    square = [m for m in seed_entities["000"] if m.text == "Kim Il Sung Square"]
    assert [m.label for m in square] == ["FAC"]
    assert all(m.entity != "Kim Il Sung Square" for m in seed_entities["000"] if m.text == "Kim")


def test_boundary_errors_are_repaired(seed_entities: dict[str, list[EntityMention]]) -> None:
    texts = {m.text for mentions in seed_entities.values() for m in mentions}
    assert "Sejong Institute" in texts and "the Sejong Institute" not in texts
    assert "North Korea" in texts and not any(t.endswith(("'s", "’s")) for t in texts)
    assert "Reuters Kim" not in texts
    reuters = [m for m in seed_entities["000"] if m.text == "Reuters"]
    assert reuters and reuters[0].label == "ORG"
    assert "supreme" not in texts and "UAVs" not in texts


def test_designations_are_products() -> None:
    mentions = entities_of("The army showed the Hwasong-18, two F-35A jets and KN-23 missiles amid COVID-19.")
    products = {m.text for m in mentions if m.label == "PRODUCT"}
    assert {"Hwasong-18", "F-35A", "KN-23"} <= products
    assert "COVID-19" not in products


def test_a_name_spacy_cut_short_is_extended_to_the_left() -> None:
    text = "Cheong Seong Chang, an analyst at the Sejong Institute, said so. Chang added more."
    mentions = entities_of(text)
    people = {m.text: m.entity for m in mentions if m.label == "PERSON"}
    assert people.get("Cheong Seong Chang") == "Cheong Seong Chang"
    assert people.get("Chang") == "Cheong Seong Chang"


def test_a_name_cut_at_no_keeps_its_number() -> None:
    text = '"Everyone was respectful," said Juror No. 8, one of six women on the panel.'
    people = {m.text for m in entities_of(text) if m.label == "PERSON"}
    assert "Juror No. 8" in people and "Juror No" not in people


def test_titles_do_not_join_names() -> None:
    mentions = entities_of("Russian President Vladimir Putin spoke on Monday. Putin said little.")
    people = {m.text for m in mentions if m.label == "PERSON"}
    assert "Vladimir Putin" in people and "President Vladimir Putin" not in people


def test_text_without_entities_gives_none() -> None:
    assert entities_of("") == []
    assert entities_of("nothing to see here at all.") == []


def test_a_relative_named_by_first_name_takes_the_family_name_and_its_surname_mentions() -> None:
    text = (
        "Nichols shot David Wilhelm, a customs agent. He took Wilhelm's truck.\n"
        "Wilhelm's widow, Candee, spoke after the sentencing. \"He is evil,\" said Wilhelm, who was detained."
    )
    keys = [(m.text, m.entity) for m in entities_of(text) if "Wilhelm" in m.entity]
    david = ("Wilhelm", "David Wilhelm")
    assert keys[:3] == [("David Wilhelm", "David Wilhelm"), david, david]
    assert ("Candee", "Candee Wilhelm") in keys
    assert keys[-1] == ("Wilhelm", "Candee Wilhelm")


def test_a_surname_goes_to_the_most_named_person_not_a_relative_listed_last() -> None:
    text = (
        "Fred LaRue, a Nixon aide, has died. Fred LaRue was 75. He is survived by his wife, Joyce Burleson "
        "LaRue, and his daughter Grace Burleson LaRue. In an interview, Mr. LaRue said he was no millionaire."
    )
    assert [m.entity for m in entities_of(text) if m.text == "LaRue"] == ["Fred LaRue"]
