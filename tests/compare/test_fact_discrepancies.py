"""Discrepancies only between one fact told twice: conflicting figures in other words, a developing story's
update, and no conflict between relative dates of undated articles."""

from __future__ import annotations

import json
from pathlib import Path

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import build_brief
from corroborator.facts import extract_facts
from corroborator.types import Article, Brief

CONTEXT = "Riot police fired tear gas at protesters in central Athens. "


def brief_of(
    first: str, second: str, dates: tuple[str | None, str | None] = ("2010-05-05", "2010-05-05")
) -> Brief:
    articles = [
        Article(text=CONTEXT + first, outlet="Daily One", published=dates[0]),
        Article(text=CONTEXT + second, outlet="Daily Two", published=dates[1]),
    ]
    return build_brief("case", articles, shared_analyzer().analyze(articles))


def test_figures_told_in_other_words_conflict() -> None:
    brief = brief_of(
        "Police said 18 people had been injured in the clashes.",
        "Twelve people were injured in the clashes, police said.",
    )
    numbers = [d for d in brief.discrepancies if d.kind == "number"]
    assert len(numbers) == 1, brief.discrepancies
    texts = " | ".join(e.text for e in numbers[0].evidence)
    assert "18" in texts and "Twelve" in texts
    first, second = numbers[0].facts
    assert "18 people" in first.text and "Twelve people" in second.text
    article_text = {a.id: a.text for a in brief.articles}
    assert all(article_text[f.article][f.start : f.end] == f.text for f in numbers[0].facts)


def test_rounded_and_bounded_figures_do_not_conflict() -> None:
    brief = brief_of(
        "Nearly 40 people were injured in the clashes.",
        "39 people were injured in the clashes.",
    )
    assert not [d for d in brief.discrepancies if d.kind == "number"], brief.discrepancies


def test_a_figure_that_changed_between_days_is_an_update_naming_the_newer_article() -> None:
    brief = brief_of(
        "Police said 18 people had been injured in the clashes.",
        "Police said 25 people had been injured in the clashes.",
        dates=("2010-05-05", "2010-05-07"),
    )
    updates = [d for d in brief.discrepancies if d.kind == "update"]
    assert len(updates) == 1 and not [d for d in brief.discrepancies if d.kind == "number"], (
        brief.discrepancies
    )
    assert "Daily Two" in updates[0].explanation and updates[0].severity == 1


def test_relative_dates_of_undated_articles_do_not_conflict() -> None:
    brief = brief_of(
        "Unions held a general strike today against the cuts.",
        "Unions held a general strike on Wednesday against the cuts.",
        dates=(None, None),
    )
    assert not [d for d in brief.discrepancies if d.kind in ("date", "time")], brief.discrepancies


def test_two_weekdays_for_one_event_conflict_even_in_undated_articles() -> None:
    brief = brief_of(
        "The Saints signed running back DeShawn Wynn on Tuesday to replace the injured Pierre Thomas.",
        "The Saints signed running back DeShawn Wynn on Monday to replace the injured Pierre Thomas.",
        dates=(None, None),
    )
    dates = [d for d in brief.discrepancies if d.kind == "date"]
    assert len(dates) == 1, brief.discrepancies
    assert {e.text for e in dates[0].evidence} >= {"Tuesday", "Monday"} or "Tuesday" in dates[0].explanation


def test_a_fact_giving_both_figures_does_not_conflict_with_either() -> None:
    brief = brief_of(
        "With the win the champion improves to 58-3, with 51 wins coming by way of knockout.",
        "With the win the champion improves to a career record of 58 wins and three defeats.",
    )
    assert not [d for d in brief.discrepancies if d.kind == "number"], brief.discrepancies


def test_a_denial_about_someone_else_is_no_polarity_conflict() -> None:
    brief = brief_of(
        "Jennifer Lawrence and Liam Hemsworth are already signed for the sequel, the studio said.",
        "Unlike Jennifer Lawrence and Liam Hemsworth, Gary Ross is not signed for the sequel, the studio "
        "said.",
    )
    assert not [d for d in brief.discrepancies if d.kind == "polarity"], brief.discrepancies


def test_a_denial_of_the_same_fact_is_a_polarity_conflict() -> None:
    brief = brief_of(
        "Gary Ross is signed for the sequel, the studio said.",
        "Gary Ross is not signed for the sequel, the studio said.",
    )
    assert [d for d in brief.discrepancies if d.kind == "polarity"], brief.discrepancies


def test_one_quotation_in_other_typography_is_not_quoted_in_different_words() -> None:
    brief = brief_of(
        "“ I am so excited to be hosting the Oscars. You know what they say – the third time ’ s the "
        "charm, ” Ellen DeGeneres said.",
        "\"I am so excited to be hosting the Oscars. You know what they say - - the third time's the "
        'charm," Ellen DeGeneres said.',
    )
    assert not [d for d in brief.discrepancies if d.kind == "quote"], brief.discrepancies


def test_a_time_on_another_day_is_a_date_discrepancy() -> None:
    brief = brief_of(
        "Protesters marched to parliament on Friday morning, police said.",
        "Protesters marched to parliament on Sunday morning, police said.",
    )
    kinds = [d.kind for d in brief.discrepancies]
    assert "date" in kinds and "time" not in kinds, brief.discrepancies


def test_one_distance_in_two_units_agrees_and_another_conflicts() -> None:
    same = brief_of(
        "A climber died after falling about 200ft from a ridge near the summit.",
        "A climber died after falling about 60m from a ridge near the summit.",
    )
    assert not [d for d in same.discrepancies if d.kind == "number"], same.discrepancies
    other = brief_of(
        "A climber died after falling about 200ft from a ridge near the summit.",
        "A climber died after falling about 150 metres from a ridge near the summit.",
    )
    numbers = [d for d in other.discrepancies if d.kind == "number"]
    assert len(numbers) == 1, other.discrepancies
    assert {e.text for e in numbers[0].evidence} == {"about 200ft", "about 150 metres"}


def test_other_things_of_a_list_are_counted_apart_from_the_named_ones() -> None:
    brief = brief_of(
        "The commandos seized seven AK-47 assault rifles, two other rifles and 13 magazines.",
        "The commandos found seven AK-47s, three other assault rifles and 13 magazines on the boats.",
    )
    numbers = [d for d in brief.discrepancies if d.kind == "number"]
    assert len(numbers) == 1, brief.discrepancies
    assert {e.text for e in numbers[0].evidence} == {"two other rifles", "three other assault rifles"}


def test_one_event_dated_to_two_days_conflicts_and_a_date_after_since_does_not() -> None:
    brief = brief_of(
        "On November 19, the frigate sank a trawler held by pirates, its third strike since its deployment"
        " on November 2.",
        "The Indian frigate sank a pirate trawler on November 18.",
        dates=(None, None),
    )
    dates = [d for d in brief.discrepancies if d.kind == "date"]
    assert len(dates) == 1, brief.discrepancies
    assert {e.text for e in dates[0].evidence} == {"November 19", "November 18"}
    assert "sank" in dates[0].explanation and len(dates[0].facts) == 2


def test_a_year_and_a_day_of_that_year_do_not_conflict() -> None:
    brief = brief_of(
        "In 2009, the frigate sank a trawler held by pirates off the coast.",
        "On November 18, 2009, the frigate sank a trawler held by pirates off the coast.",
        dates=(None, None),
    )
    assert not [d for d in brief.discrepancies if d.kind == "date"], brief.discrepancies


def test_a_fact_giving_both_figures_in_words_does_not_conflict() -> None:
    brief = brief_of(
        "The judge sentenced Nichols to seven consecutive life sentences and four sentences of life"
        " without parole.",
        "The judge sentenced Nichols to four consecutive life sentences without parole.",
    )
    assert not [d for d in brief.discrepancies if d.kind == "number"], brief.discrepancies


ECBPLUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ecbplus_traindev.jsonl"


def test_a_supposition_conflicts_with_no_fact() -> None:
    """ "They asked, 'How about if it had been 50 people?'" (a juror's question in one report of the
    Nichols sentencing) is no count of the victims against another report's "killing four people"."""
    rows = {r["id"]: r for r in map(json.loads, ECBPLUS.read_text(encoding="utf-8").splitlines())}
    articles = [Article(id=i, text=rows[i]["text"]) for i in ("3_4ecb", "3_6ecb")]
    (facts,) = extract_facts(articles[:1], shared_analyzer().analyze(articles[:1]))
    assert any(f.text == "it had been 50 people" and f.modality == "if" for f in facts)
    brief = build_brief("s", articles, shared_analyzer().analyze(articles), semantic=False)
    assert not [d for d in brief.discrepancies if "50 people" in {e.text for e in d.evidence}]
