"""Entity labels checked against context: places after "in", ships, common words opening a sentence."""

from __future__ import annotations

import re

from corroborator.analyze.entities.labels import checked_labels
from corroborator.types import EntityMention

TEXT = (
    "Sarah Palin grew up in Wasilla, where Wasilla police said the fire began. Arson is suspected. "
    "The INS Mysore fired on a boat. Joique Bell ran for 50 yards. Bell scored twice. Riot police came."
)


def mention(text: str, label: str = "PERSON", nth: int = 0) -> EntityMention:
    start = [m.start() for m in re.finditer(re.escape(text), TEXT)][nth]
    return EntityMention(start, start + len(text), text, label, text)


def people_matching(pattern: str, text: str) -> list[EntityMention]:
    """Every match of `pattern` in `text`, tagged a person as the small model would."""
    matches = re.finditer(pattern, text)
    return [EntityMention(m.start(), m.end(), m.group(), "PERSON", m.group()) for m in matches]


def labelled(pattern: str, text: str) -> list[tuple[str, str]]:
    """The mentions `pattern` finds in `text`, tagged a person, as checked_labels leaves them."""
    return [(m.text, m.label) for m in checked_labels(text, people_matching(pattern, text))]


def test_places_ships_and_common_words_are_not_people() -> None:
    mentions = [
        mention("Sarah Palin"),
        mention("Wasilla"),
        mention("Wasilla", nth=1),
        mention("Arson"),
        mention("INS Mysore"),
        mention("Joique Bell"),
        mention("Bell", nth=1),
    ]
    checked = {(m.text, m.start): m.label for m in checked_labels(TEXT, mentions)}
    labels = {text: label for (text, _), label in checked.items()}
    assert labels["Sarah Palin"] == "PERSON" and labels["Joique Bell"] == "PERSON"
    assert [label for (text, _), label in checked.items() if text == "Wasilla"] == ["GPE", "GPE"]
    assert labels["INS Mysore"] == "PRODUCT"
    assert "Arson" not in labels
    assert labels["Bell"] == "PERSON"


def test_a_person_after_a_preposition_that_is_not_locative_stays_a_person() -> None:
    text = "The award went to Maria Lopez. It was handed over by Maria Lopez on Friday."
    start = text.index("Maria Lopez")
    checked = checked_labels(text, [EntityMention(start, start + 11, "Maria Lopez", "PERSON", "Maria Lopez")])
    assert [m.label for m in checked] == ["PERSON"]


def test_a_name_after_the_village_of_or_southwest_of_is_a_place() -> None:
    text = (
        "The injured were taken to the provincial capital of Bandar Abbas. Residents of the village of "
        "Gavarzin complained. Qeshm lies southwest of Bandar Abbas. The wife of Ali Safa said so."
    )
    assert labelled(r"Bandar Abbas|Gavarzin|Ali Safa", text) == [
        ("Bandar Abbas", "FAC"),
        ("Gavarzin", "GPE"),
        ("Bandar Abbas", "FAC"),
        ("Ali Safa", "PERSON"),
    ]


def test_a_name_read_with_the_is_a_body_not_a_person() -> None:
    text = (
        "Valley Dairy Inc., which does business as the Matanuska Creamery, told the board. "
        "Matanuska Creamery lost money. The John F. Kennedy Center opened. Jane Smith of the firm spoke. "
        "Heritage Properties bought it; Heritage Properties sold it."
    )
    found = people_matching(r"Matanuska Creamery|John F\. Kennedy|Jane Smith", text)
    heritage = [m.start() for m in re.finditer("Heritage Properties", text)]
    found += [
        EntityMention(heritage[0], heritage[0] + 19, "Heritage Properties", "ORG", "Heritage Properties"),
        EntityMention(heritage[1], heritage[1] + 19, "Heritage Properties", "PERSON", "Heritage Properties"),
    ]
    labels = [(m.text, m.label) for m in checked_labels(text, found)]
    assert labels == [
        ("Matanuska Creamery", "ORG"),
        ("Matanuska Creamery", "ORG"),
        ("John F. Kennedy", "PERSON"),
        ("Jane Smith", "PERSON"),
        ("Heritage Properties", "ORG"),
        ("Heritage Properties", "ORG"),
    ]


def test_a_person_the_model_read_as_a_body_is_a_person_when_the_article_names_her_surname() -> None:
    text = "Bettie Page died. Ms Page was 85. Valley Dairy said Smith would stay. Valley Smith agreed."
    names = [("Bettie Page", "ORG"), ("Ms Page", "PERSON"), ("Valley Dairy", "ORG"), ("Smith", "PERSON")]
    names.append(("Valley Smith", "ORG"))
    mentions = [EntityMention(text.index(n), text.index(n) + len(n), n, label, n) for n, label in names]
    labels = {m.text: m.label for m in checked_labels(text, mentions)}
    assert labels["Bettie Page"] == "PERSON"
    assert labels["Valley Dairy"] == "ORG"
    assert labels["Valley Smith"] == "ORG"  # "valley" is a common noun: no given name


def test_a_surname_read_as_a_body_or_place_beside_the_full_name_is_a_person() -> None:
    text = (
        "Andrew Halcro spoke. Halcro said the co-op failed. Sean Payton coached. Payton was fined. "
        "Michael Jordan flew to Jordan. NYPD officers met Tom NYPD."
    )
    names = [("Andrew Halcro", "PERSON"), ("Halcro", "ORG"), ("Sean Payton", "PERSON"), ("Payton", "GPE")]
    names += [("Michael Jordan", "PERSON"), ("Jordan", "GPE"), ("NYPD", "ORG"), ("Tom NYPD", "PERSON")]
    mentions = [EntityMention(text.rindex(n), text.rindex(n) + len(n), n, label, n) for n, label in names]
    labels = {m.text: m.label for m in checked_labels(text, mentions)}
    assert labels["Halcro"] == "PERSON"
    assert labels["Payton"] == "PERSON"
    assert labels["Jordan"] == "GPE"  # WordNet knows Jordan as a country
    assert labels["NYPD"] == "ORG"  # an acronym is no surname


def test_a_town_before_a_state_abbreviation_and_the_abbreviation_are_places() -> None:
    text = "Vishwanand Subryan, 23, of Schenectady, N. Y., was charged. Schenectady police said so."
    assert labelled(r"Vishwanand Subryan|Schenectady|N\. Y\.", text) == [
        ("Vishwanand Subryan", "PERSON"),
        ("Schenectady", "GPE"),
        ("N. Y.", "GPE"),
        ("Schenectady", "GPE"),
    ]


def test_headline_words_taken_for_a_person_are_dropped_but_named_people_stay() -> None:
    text = "Driver Charged In Crash\nLindsay Lohan Returns\nBy Brian Krebs\nPolice said the driver was held."
    found = people_matching(r"Driver Charged|Lindsay Lohan|Brian Krebs", text)
    assert [m.text for m in checked_labels(text, found)] == ["Lindsay Lohan", "Brian Krebs"]
    body = "Suspended Worker Kills 2\nThe suspended worker, Yvonne Hiller, was arrested."
    found = people_matching(r"Suspended Worker Kills 2|Yvonne Hiller", body)
    assert [m.text for m in checked_labels(body, found)] == ["Yvonne Hiller"]


def test_a_name_an_apposition_describes_as_a_person_is_a_person() -> None:
    text = (
        "Darcy Davies, an agriculture student at the University of Alaska, wrote a thesis. "
        "Apple, the maker of the iPhone, said sales rose. Heritage Properties, a restoration company, agreed."
    )
    bodies = [
        EntityMention(m.start(), m.end(), m.group(), "ORG", m.group())
        for m in re.finditer(r"Darcy Davies|Apple|Heritage Properties", text)
    ]
    assert [(m.text, m.label) for m in checked_labels(text, bodies)] == [
        ("Darcy Davies", "PERSON"),
        ("Apple", "ORG"),
        ("Heritage Properties", "ORG"),
    ]


def test_a_name_before_a_group_noun_is_a_body_but_not_before_people_or_an_act() -> None:
    text = (
        "Palmer and Mat Su Central fire departments responded. Obama aides said so. "
        "The Obama administration agreed. Smith said the Gray family was told of the Jones family."
    )
    assert labelled(r"Mat Su Central|Obama|Smith|Gray|Jones", text) == [
        ("Mat Su Central", "ORG"),
        ("Obama", "PERSON"),
        ("Obama", "PERSON"),
        ("Smith", "PERSON"),
        ("Gray", "ORG"),
        ("Jones", "ORG"),
    ]
