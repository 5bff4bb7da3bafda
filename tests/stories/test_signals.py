"""Contrast signals: what tells two similar events apart (main person, figures, opening names, weekdays)."""

from __future__ import annotations

from collections import Counter

from corroborator.stories.event import tells_other_event
from corroborator.stories.profile import ArticleProfile
from corroborator.stories.signals import contrast_signals, event_signals


def _profile(
    surnames: set[str], numbers: set[str], lead: str, mentions: dict[str, int], lead_names: set[str]
) -> ArticleProfile:
    return ArticleProfile(
        article_id=lead[:8],
        lead=lead,
        surnames=surnames,
        numbers=numbers,
        mentions=Counter(mentions),
        lead_names=lead_names,
    )


def test_two_fights_of_one_champion_conflict_and_a_report_of_one_fight_does_not() -> None:
    rahman = _profile(
        {"klitschko", "rahman"},
        {"7 round"},
        "Klitschko stops Rahman in the seventh round on Saturday.",
        {"p:rahman": 4, "p:klitschko": 3},
        {"p:klitschko", "p:rahman"},
    )
    thompson = _profile(
        {"klitschko", "thompson"},
        {"6 round"},
        "Klitschko stops Thompson in the sixth round. The fight was on Sunday.",
        {"p:thompson": 5, "p:klitschko": 3},
        {"p:klitschko", "p:thompson"},
    )
    same_fight = _profile(
        {"klitschko", "rahman"},
        {"7 round"},
        "Rahman was stopped by Klitschko on Saturday night.",
        {"p:rahman": 3, "p:klitschko": 2},
        {"p:rahman", "p:klitschko"},
    )
    apart = contrast_signals(rahman, thompson)
    assert apart["main_person_conflict"] == 1.0
    assert apart["number_conflict"] == 1.0
    assert apart["weekday_conflict"] == 1.0
    assert apart["lead_unmatched"] == 0.5
    together = contrast_signals(rahman, same_fight)
    assert together["main_person_conflict"] == 0.0 and together["main_same"] == 1.0
    assert together["number_conflict"] == 0.0
    assert together["weekday_conflict"] == 0.0
    assert together["lead_unmatched"] == 0.0


def test_a_follow_up_naming_the_earlier_arrest_still_differs_in_its_main_person() -> None:
    jackson = _profile(
        {"jackson"},
        set(),
        "Chargers receiver Jackson arrested on suspicion of DUI.",
        {"p:jackson": 5},
        {"p:jackson"},
    )
    williams = _profile(
        {"williams", "jackson"},
        set(),
        "Chargers lineman Williams arrested on suspicion of DUI, weeks after Jackson.",
        {"p:williams": 6, "p:jackson": 1},
        {"p:williams", "p:jackson"},
    )
    same_arrest = _profile(
        {"jackson"}, set(), "Jackson says he is innocent of DUI.", {"p:jackson": 3}, {"p:jackson"}
    )
    apart = contrast_signals(jackson, williams)
    assert apart["main_person_conflict"] == 0.0
    assert apart["main_person_differs"] == 1.0
    assert contrast_signals(jackson, same_arrest)["main_person_differs"] == 0.0


def test_openings_that_tell_other_events_differ_and_related_verbs_do_not() -> None:
    def opening(*events: str) -> ArticleProfile:
        return ArticleProfile(article_id="-".join(events), events=list(events))

    assert event_signals(opening("shut"), opening("shut", "furlough"))["event_same"] == 1.0
    assert event_signals(opening("murder"), opening("kill"))["event_same"] == 1.0
    assert event_signals(opening("shut"), opening("end", "sign"))["event_differs"] == 1.0
    assert event_signals(opening("begin"), opening("end"))["event_opposite"] == 1.0
    assert set(event_signals(opening(), opening("end")).values()) == {0.0}


def test_other_events_need_days_between_them() -> None:
    from datetime import date

    differs = {"event_same": 0.0, "event_opposite": 0.0, "event_differs": 1.0}
    opposite = {"event_same": 0.0, "event_opposite": 1.0, "event_differs": 1.0}
    day = date(2013, 10, 1)
    assert tells_other_event(differs, day, date(2013, 10, 17))
    assert not tells_other_event(differs, day, date(2013, 10, 2)), "a development of the same event"
    assert tells_other_event(opposite, day, date(2013, 10, 2))
    assert not tells_other_event(opposite, day, day)
    assert not tells_other_event(differs, day, None), "undated: no event told apart"
