"""Each kind of discrepancy on small real texts run through the real analyzer, and none for paraphrase."""

from __future__ import annotations

import pytest

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import build_brief
from corroborator.types import Article, Brief

PUBLISHED = "2024-03-08"
BASE = (
    "Heavy rain flooded the northern city of Tarnow on Wednesday. "
    "Rescue teams evacuated residents from low-lying streets overnight. "
)


def _brief(first: str, second: str) -> Brief:
    articles = [
        Article(text=BASE + first, outlet="Daily One", published=PUBLISHED),
        Article(text=BASE + second, outlet="Daily Two", published=PUBLISHED),
    ]
    return build_brief("case", articles, shared_analyzer().analyze(articles))


def _kinds(brief: Brief) -> list[str]:
    return [d.kind for d in brief.discrepancies]


@pytest.mark.parametrize(
    ("kind", "first", "second"),
    [
        (
            "number",
            "The storm killed 12 people in the region, officials said.",
            "The storm killed 19 people in the region, officials said.",
        ),
        (
            "date",
            "Mayor Anna Nowak will visit the shelters on March 12, her office said.",
            "Mayor Anna Nowak will visit the shelters on March 14, her office said.",
        ),
        (
            "entity",
            "Mayor Anna Nowak toured the flooded district with army engineers.",
            "Governor Piotr Zielinski toured the flooded district with army engineers.",
        ),
        (
            "time",
            "The river peaked at 9 a.m. on Thursday, the water authority said.",
            "The river peaked at 11 a.m. on Thursday, the water authority said.",
        ),
        (
            "polarity",
            "The government will declare a state of emergency in the province.",
            "The government will not declare a state of emergency in the province.",
        ),
        (
            "detail",
            "Soldiers used inflatable boats to reach the stranded families.",
            "Soldiers used wooden boats to reach the stranded families.",
        ),
        (
            "quote",
            '"We have never seen water this high in our lifetime," said Mayor Anna Nowak.',
            '"We have never seen the water rise this high in all our lives," said Mayor Anna Nowak.',
        ),
        (
            "attribution",
            '"The dikes held better than anyone expected," said Mayor Anna Nowak.',
            '"The dikes held better than anyone expected," said Governor Piotr Zielinski.',
        ),
    ],
)
def test_one_changed_fact_gives_that_discrepancy(kind: str, first: str, second: str) -> None:
    brief = _brief(first, second)
    found = [d for d in brief.discrepancies if d.kind == kind]
    assert len(found) == 1, brief.discrepancies
    assert {e.article for e in found[0].evidence} == {a.id for a in brief.articles}
    assert found[0].explanation and "\n" not in found[0].explanation


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The storm killed 12 people in the region, officials said.",
            "Officials said the storm killed 12 people in the region.",
        ),
        (
            "Soldiers used large boats to reach the stranded families.",
            "Soldiers used big boats to reach the stranded families.",
        ),
        (
            "The storm killed 12 people in the region, officials said.",
            "Officials said 15 people were injured in the region.",
        ),
        (
            "Rescuers began pumping water out of the hospital basement.",
            "Rescuers started pumping water out of the hospital basement.",
        ),
        (  # an assault rifle is an automatic rifle (WordNet): a more general word, not a conflict
            "The navy seized three other automatic rifles from the pirates.",
            "The navy seized three other assault rifles from the pirates.",
        ),
        (  # a superlative ranks the thing, it does not say what kind it is
            "Members of the largest union marched to parliament on Monday.",
            "Members of the sector union marched to parliament on Monday.",
        ),
        (  # a degree ("maximum") says how much, not what kind: the maximum sentence may be a life sentence
            "The judge sentenced Nichols to consecutive maximum sentences on each of his charges.",
            "The judge sentenced Nichols to consecutive life sentences on each of his charges.",
        ),
    ],
)
def test_paraphrase_or_another_fact_gives_no_discrepancy(first: str, second: str) -> None:
    assert _kinds(_brief(first, second)) == []


def test_discrepancies_are_ordered_by_severity() -> None:
    brief = _brief(
        "The storm killed 12 people. Soldiers used inflatable boats to reach the stranded families.",
        "The storm killed 19 people. Soldiers used wooden boats to reach the stranded families.",
    )
    severities = [d.severity for d in brief.discrepancies]
    assert severities == sorted(severities, reverse=True)
    assert _kinds(brief)[0] == "number"


def test_a_quotation_is_worded_alike_whatever_its_quotes_dashes_and_apostrophes() -> None:
    from corroborator.compare.discrepancy import quote_wording

    curly = "“ You know what they say – the third time ’ s the charm, ”"
    straight = '"You know what they say - - the third time\'s the charm,"'
    assert (
        quote_wording(curly) == quote_wording(straight) == "you know what they say the third time's the charm"
    )
    assert quote_wording("he said 'yes' and left") == "he said yes and left"
    assert quote_wording("the third time's a charm") != quote_wording(straight)
