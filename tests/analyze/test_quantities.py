"""Quantities: numbers with what they count, their modifiers, and the numbers that are not quantities."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborator.analyze.nlp.load import get_nlp
from corroborator.analyze.quantities import extract_quantities
from corroborator.types import Quantity

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def quantities_of(text: str) -> list[Quantity]:
    return extract_quantities(get_nlp()(text))


def seed_quantities(prefix: str) -> list[Quantity]:
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", text)
    return quantities_of(text)


def test_seed_rifles_and_missile_models() -> None:
    found = {q.unit: q for q in seed_quantities("000")}
    rifles = found["scoped rifles"]
    assert (rifles.value, rifles.mod) == (2, "at_least")
    assert rifles.text.startswith("at least two")
    assert found["models of intercontinental ballistic missiles"].value == 2
    assert all(q.value != 18 and q.value != 17 for q in found.values())


def test_seed_anniversary_is_an_ordinal_and_dates_are_skipped() -> None:
    found = seed_quantities("001")
    assert [(q.value, q.unit) for q in found] == [(70, "anniversary")]


@pytest.mark.parametrize(
    ("text", "value", "unit", "mod"),
    [
        ("The contract is worth $40 billion.", 4e10, "USD", None),
        ("Sales rose 12 percent last year.", 12, "percent", None),
        ("Turnout fell by 3.5% in the north.", 3.5, "percent", None),
        (
            "The Air Force will buy 179 new aerial refueling tankers.",
            179,
            "new aerial refueling tankers",
            None,
        ),
        ("Officials said more than 2,500 people were evacuated.", 2500, "people", "more_than"),
        ("Twenty-five soldiers were wounded.", 25, "soldiers", None),
        ("The fund holds nearly 5m euros.", 5e6, "EUR", "about"),
        ("Up to a dozen ships were seen.", 12, "ships", "at_most"),
        ("It was the third anniversary of the attack.", 3, "anniversary", None),
        ("The ministry will buy 14 new Airbus tankers.", 14, "", None),
        ("The commandos also seized two other rifles.", 2, "rifles", None),
        ("Divers found seven AK-47s in the boat.", 7, "AK-47s", None),
        ("Three MPs resigned on Friday.", 3, "MPs", None),
        ("He died after falling about 60m from a ridge.", 60, "metres", "about"),
        ("The club paid £60m for him.", 6e7, "GBP", None),
        ("The final drew 10m viewers.", 1e7, "viewers", None),
        ("He fell around 200ft from a ridge.", 200, "ft", "about"),
    ],
)
def test_quantity_values_units_and_modifiers(text: str, value: float, unit: str, mod: str | None) -> None:
    found = quantities_of(text)
    assert [(q.value, q.unit, q.mod) for q in found] == [(value, unit, mod)]
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize(
    "text",
    [
        "The parade was held on July 27, 2023.",
        "North Korea tested a Hwasong-18 and a KN-23.",
        "The Air Force had picked the Boeing 767 over the Airbus A330.",
        "No one said anything at all.",
        "Someone was often there.",
    ],
)
def test_numbers_in_dates_names_and_words_are_not_quantities(text: str) -> None:
    assert quantities_of(text) == []


def test_a_scale_word_after_a_no_break_space_is_read() -> None:
    """PolNeAR has "$5\xa0million": the scale after a no-break space once raised KeyError."""
    found = extract_quantities(get_nlp()("The deal is worth $5\xa0million, officials said."))
    assert [(q.value, q.unit) for q in found] == [(5e6, "USD")]
