"""Controlled pairs from real Wikinews articles (MEANTIME): one changed number, date or name must give exactly
that discrepancy at the change; reordering, dropping sentences or synonyms must give none."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import build_brief
from corroborator.types import Analysis, Article, Brief
from datagen.perturb import Case, cases_for, score_case

MEANTIME = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "meantime_wikinews.jsonl"
ARTICLES = 3

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not MEANTIME.exists(), reason="shared MEANTIME data not present"),
]


def _articles() -> list[Article]:
    rows = [json.loads(line) for line in MEANTIME.read_text(encoding="utf-8").splitlines()[:ARTICLES]]
    return [
        Article(text=r["text"], outlet="Wikinews", published=r["published"], source_id=r["id"]) for r in rows
    ]


@pytest.fixture(scope="module")
def originals() -> list[tuple[Article, Analysis]]:
    articles = _articles()
    return list(zip(articles, shared_analyzer().analyze(articles), strict=True))


@pytest.fixture(scope="module")
def cases(originals: list[tuple[Article, Analysis]]) -> list[tuple[Case, Analysis]]:
    return [(case, analysis) for article, analysis in originals for case in cases_for(article, analysis)]


def _brief_of(case: Case, original: Analysis) -> Brief:
    changed = shared_analyzer().analyze([case.changed])[0]
    copy = dataclasses.replace(case.changed, outlet="Wikinews (copy)")
    return build_brief("pair", [case.original, copy], [original, changed])


def test_changed_numbers_names_and_paraphrases_are_built(cases: list[tuple[Case, Analysis]]) -> None:
    assert {case.kind for case, _ in cases} >= {"number", "entity", "paraphrase"}


def test_changed_facts_give_exactly_that_discrepancy(cases: list[tuple[Case, Analysis]]) -> None:
    changed = [(c, a) for c, a in cases if c.kind != "paraphrase"]
    assert changed
    for case, original in changed:
        result = score_case(case, _brief_of(case, original))
        assert (result.true_positives, result.false_positives) == (1, 0), (case.kind, case.name, result.notes)


def test_paraphrase_gives_no_discrepancy(cases: list[tuple[Case, Analysis]]) -> None:
    paraphrases = [(c, a) for c, a in cases if c.kind == "paraphrase"]
    assert len(paraphrases) >= ARTICLES
    for case, original in paraphrases:
        result = score_case(case, _brief_of(case, original))
        assert result.false_positives == 0, (case.name, result.notes)


def test_a_changed_weekday_gives_a_date_discrepancy_at_the_change() -> None:
    from datagen.perturb import weekday_case

    rows = [json.loads(line) for line in MEANTIME.read_text(encoding="utf-8").splitlines()[:60]]
    articles = [
        Article(text=r["text"], outlet="Wikinews", published=r["published"], source_id=r["id"]) for r in rows
    ]
    found = [case for article in articles if (case := weekday_case(article)) is not None][:2]
    assert len(found) == 2
    for case in found:
        original = shared_analyzer().analyze([case.original])[0]
        result = score_case(case, _brief_of(case, original))
        assert (result.true_positives, result.false_positives) == (1, 0), (case.name, result.notes)
