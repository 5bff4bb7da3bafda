"""The acceptance case: the two seed reports on Kim Jong Un's August 2023 factory visits."""

from __future__ import annotations

import re

from corroborator.types import Article, Brief, Evidence


def _ids(articles: list[Article]) -> tuple[str, str]:
    first, second = articles
    assert first.origin is not None and first.origin.endswith("000_28c71134cd403fe3.txt")
    return first.id, second.id


def _agreed_in_both(brief: Brief, pattern: str, ids: tuple[str, str]) -> bool:
    wanted = re.compile(pattern, re.IGNORECASE)
    for agreement in brief.agreements:
        hit = {e.article for e in agreement.evidence if wanted.search(e.text)}
        if set(ids) <= hit:
            return True
    return False


def test_two_articles_and_the_undated_one_borrows_the_story_date(
    seed_brief: Brief, seed_articles: list[Article]
) -> None:
    undated, dated = seed_brief.articles
    assert dated.published is not None and dated.published.startswith("2023-08-06")
    assert undated.published is None
    assert undated.inferred_date == "2023-08-06"


def test_agreements_on_the_weapons_the_factories_make(
    seed_brief: Brief, seed_articles: list[Article]
) -> None:
    ids = _ids(seed_articles)
    assert _agreed_in_both(seed_brief, r"engines for strategic cruise missiles", ids)
    assert _agreed_in_both(seed_brief, r"unmanned aerial vehicles|UAVs?|drones?", ids)
    assert _agreed_in_both(seed_brief, r"shells for super large-calibre multiple-rocket launchers", ids)
    assert _agreed_in_both(seed_brief, r"transporter-erector-launchers|launcher trucks", ids)


def test_weekday_mismatch_on_thursday_august_4(seed_brief: Brief, seed_articles: list[Article]) -> None:
    _, second = _ids(seed_articles)
    found = [d for d in seed_brief.discrepancies if d.kind == "weekday_mismatch"]
    assert len(found) == 1
    (evidence,) = found[0].evidence
    assert evidence.article == second
    assert "Thursday" in evidence.text and "August 4" in evidence.text
    assert "Friday" in found[0].explanation


def test_detail_difference_on_the_rifles(semantic_seed_brief: Brief, seed_articles: list[Article]) -> None:
    """Embeddings only: lexically the two rifle clauses score 0.41, just below the related threshold."""
    first, second = _ids(seed_articles)
    details = [d for d in semantic_seed_brief.discrepancies if d.kind == "detail"]
    rifles = [d for d in details if any("rifles" in e.text for e in d.evidence)]
    assert len(rifles) == 1
    texts = {e.article: e.text for e in rifles[0].evidence}
    assert "scoped" in texts[first] and "assault" in texts[second]


def test_no_contradiction_where_the_reports_only_paraphrase(seed_brief: Brief) -> None:
    kinds = {d.kind for d in seed_brief.discrepancies}
    assert kinds <= {"weekday_mismatch", "detail"}, seed_brief.discrepancies


def test_single_source_facts(seed_brief: Brief, seed_articles: list[Article]) -> None:
    first, second = _ids(seed_articles)
    assert any(f.article == first and "Hwasong-18" in f.fact for f in seed_brief.single_source)
    assert any(f.article == second and "Shoigu" in f.fact for f in seed_brief.single_source)
    assert not any(f.article == first and "Shoigu" in f.fact for f in seed_brief.single_source)


def test_one_person_behind_three_spellings(seed_brief: Brief) -> None:
    rows = [r for r in seed_brief.entities if "Cheong Seong-chang" in r.variants]
    assert len(rows) == 1
    assert {"Cheong Seong-chang", "Cheong Seong Chang", "Chang"} <= set(rows[0].variants)
    assert len(rows[0].mentions) == 2


def test_the_visit_traces_to_kcna_alone(semantic_seed_brief: Brief, seed_articles: list[Article]) -> None:
    """Embeddings only: lexically "has visited the weapon factories" best matches an AP sentence, not "toured
    key weapons factories", so the agreement also names "some experts" as an origin."""
    seed_brief = semantic_seed_brief
    ids = _ids(seed_articles)
    visit = [a for a in seed_brief.agreements if any("visited" in e.text for e in a.evidence)]
    assert visit, seed_brief.agreements
    assert {e.article for e in visit[0].evidence} == set(ids)
    assert visit[0].single_origin and visit[0].origins == ["KCNA"]
    assert "KCNA" in seed_brief.independence
    kcna = [t for t in seed_brief.origins if t.origin == "KCNA"]
    assert kcna and kcna[0].kind == "state_media" and set(kcna[0].articles) == set(ids)


def test_timeline_parade_visits_and_drills(seed_brief: Brief) -> None:
    dates = [(e.date, e.end) for e in seed_brief.timeline]
    assert ("2023-08-03", "2023-08-05") in dates
    parade = [e for e in seed_brief.timeline if e.date == "2023-07-27"]
    assert parade and "parade" in parade[0].what
    assert len({e.article for e in parade[0].evidence}) == 2, "the parade of 000 and of 001 are one event"
    drills = [
        e for e in seed_brief.timeline if e.date == "2023-08" and _mentions(e.evidence, "drills|exercises")
    ]
    assert drills
    order = [e.date for e in seed_brief.timeline]
    assert order.index("2023-07-27") < order.index("2023-08-03") < order.index("2023-08")


def _mentions(evidence: list[Evidence], pattern: str) -> bool:
    return any(re.search(pattern, e.text) for e in evidence)


def test_every_evidence_span_indexes_its_article(seed_brief: Brief, seed_articles: list[Article]) -> None:
    texts = {a.id: a.text for a in seed_articles}
    spans = [e for a in seed_brief.agreements for e in a.evidence]
    spans += [e for d in seed_brief.discrepancies for e in d.evidence]
    spans += [e for f in seed_brief.single_source for e in f.evidence]
    spans += [e for t in seed_brief.timeline for e in t.evidence]
    assert spans
    for evidence in spans:
        assert texts[evidence.article][evidence.start : evidence.end] == evidence.text


def test_the_visit_days_agree_as_details_but_not_the_mismatched_weekday(semantic_seed_brief: Brief) -> None:
    """ "from Thursday (August 4) to Saturday" and "on Thursday, Friday and Saturday": Saturday is a detail
    both give; "Thursday (August 4)" does not fit its date, so it is no agreement with "Friday"."""
    dates = [a for a in semantic_seed_brief.agreements if a.detail == "date"]
    assert [sorted(e.text for e in d.evidence) for d in dates] == [["Saturday", "Saturday"]]
    whole = semantic_seed_brief.agreements[dates[0].part_of or 0]
    assert whole.detail is None and "Saturday" in whole.fact
