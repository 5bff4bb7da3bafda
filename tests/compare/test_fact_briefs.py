"""Briefs built on facts: one fact an agreement, no agreement between a fact and its negation, single-source
facts ranked with reasons, input ids and outlet names kept."""

from __future__ import annotations

import json
from pathlib import Path

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.api import Corroborator
from corroborator.compare import build_brief
from corroborator.compare.agree import states_something, with_subject
from corroborator.facts import extract_facts
from corroborator.types import Article, Brief, Fact

FIRST = (
    "Senator Jane Doe will not resign, her office said on Tuesday. "
    "Doe was elected to the Senate in 2012. "
    "Police arrested 99 protesters outside the Capitol on Monday."
)
SECOND = (
    "Jane Doe said on Tuesday that she will resign from the Senate. "
    "Police arrested 99 demonstrators outside the Capitol on Monday. "
    "The governor of Ohio, Mark Lee, met Doe's staff in Columbus on Wednesday. "
    "Lee's office said 12 staff members attended the meeting in Columbus. "
    "The staff discussed the budget with Lee for two hours. "
    "Lee flew back to Washington on Thursday with three aides. "
    "The Senate will vote on the budget on Friday, its leader said. "
    "Doe's husband, Tom Doe, runs a bakery in Dayton. "
)


def brief_of(*texts: str, limit: int | None = 5) -> Brief:
    articles = [Article(text=t, outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    analyses = shared_analyzer().analyze(articles)
    return build_brief("test", articles, analyses, single_source_limit=limit)


def test_one_fact_an_agreement_and_one_span_an_article() -> None:
    brief = brief_of(FIRST, SECOND)
    arrests = [a for a in brief.agreements if any("arrested 99" in e.text for e in a.evidence)]
    assert len(arrests) == 1, brief.agreements
    for agreement in brief.agreements:
        articles = [e.article for e in agreement.evidence]
        assert len(articles) == len(set(articles)) >= 2


def test_a_fact_never_agrees_with_its_negation() -> None:
    brief = brief_of(FIRST, SECOND)
    for agreement in brief.agreements:
        texts = " | ".join(e.text for e in agreement.evidence)
        assert "resign" not in texts, texts


def test_single_source_facts_are_ranked_with_reasons_and_limited() -> None:
    shown = brief_of(FIRST, SECOND)
    every = brief_of(FIRST, SECOND, limit=None)
    second = every.articles[1].id
    ranks = [f.rank for f in every.single_source if f.article == second]
    assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) > 5
    assert len([f for f in shown.single_source if f.article == second]) == 5
    assert all(f.why for f in every.single_source)
    assert not any("arrested 99" in f.fact for f in every.single_source)


def test_compare_keeps_jsonl_ids_and_names_articles_by_outlet(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [{"id": "a-1", "text": FIRST, "outlet": "Daily Planet"}, {"id": "b-2", "text": SECOND}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    brief = Corroborator.compare([str(path)])
    assert [a.id for a in brief.articles] == ["a-1", "b-2"]
    names = [a.name for a in brief.articles]
    assert names[0] == "Daily Planet" and "in" not in names[1].split()
    evidence = {e.article for a in brief.agreements for e in a.evidence}
    assert evidence <= {"a-1", "b-2"}
    everything = Corroborator.compare([str(path)], all_single_source=True)
    assert len(everything.single_source) >= len(brief.single_source)


def test_a_fact_ranks_by_the_names_in_its_own_words_not_a_shared_subject() -> None:
    from corroborator.compare.rank import score_fact
    from corroborator.types import Argument, Fact

    text = "Kim Jong Un visited the factories, stepping up war readiness."
    subject = Argument("subject", 0, 11, "Kim Jong Un", "un", entities=("Kim Jong Un",))
    own = Argument("object", 51, 61, "readiness", "readiness")
    start = text.index("stepping")
    shared = Fact("a", 0, start, 61, text[start:61], "step", start, start + 8, arguments=[own, subject])
    named = Fact("a", 1, 0, 33, text[:33], "visit", 12, 19, arguments=[subject])
    assert not any("name" in why for why in score_fact(shared, 1)[1])
    assert "a name" in score_fact(named, 1)[1]


def test_a_fragment_every_article_repeats_is_no_agreement() -> None:
    brief = brief_of(
        "Police arrested 99 protesters outside the Capitol on Monday. It is expected.",
        "Police arrested 99 demonstrators outside the Capitol on Monday. It is expected.",
    )
    texts = [" | ".join(e.text for e in a.evidence) for a in brief.agreements]
    assert any("arrested 99" in t for t in texts), texts
    assert not any(t.startswith("It is expected") for t in texts), texts


def test_an_agreement_is_stated_by_a_fact_that_stands_alone() -> None:
    brief = brief_of(
        "The shop, which had at least a dozen people inside, was closed.",
        "There were at least a dozen other people at the shop on the scene.",
    )
    (agreement,) = [a for a in brief.agreements if "dozen" in a.fact and a.detail is None]
    assert any(e.text.startswith("which") for e in agreement.evidence)
    assert agreement.fact.startswith("There were")


def test_a_passive_with_its_subject_stands_alone() -> None:
    brief = brief_of(
        "Firefighters fought the fire, which gutted a Waitrose supermarket in Surrey.",
        "A Waitrose supermarket in Surrey has been completely gutted.",
    )
    (agreement,) = [a for a in brief.agreements if "gutted" in a.fact and a.detail is None]
    assert agreement.fact == "A Waitrose supermarket in Surrey has been completely gutted"


def test_a_fragment_is_no_evidence_of_an_agreement() -> None:
    def fact(text: str) -> Fact:
        return Fact("a", 0, 0, len(text), text, text.split()[-1], 0, len(text))

    assert not states_something(fact("which has caused"))
    assert not states_something(fact("the Angels are"))
    assert states_something(fact("killing two of them"))
    assert states_something(fact("Lo Presti, 52"))
    assert states_something(fact("the jury did everything"))


def test_a_fact_without_its_own_subject_is_shown_after_the_subject_it_shares() -> None:
    text = "Police surrounded the building and negotiated with the suspect for two hours."
    articles = [Article(text=text, outlet="One")]
    (facts,) = extract_facts(articles, shared_analyzer().analyze(articles))
    shown = {f.text: with_subject(f) for f in facts}
    assert shown["Police surrounded the building"] == "Police surrounded the building"
    negotiated = "negotiated with the suspect for two hours"
    assert shown[negotiated] == f"Police … {negotiated}"


def test_an_agreement_without_a_subject_of_its_own_is_stated_after_one_its_facts_share() -> None:
    brief = brief_of(
        "Qeshm is a free-trade zone with a population of more than 100,000 on the gulf.",
        "The quake hit Qeshm, which has a population of more than 100,000.",
        "Officials visited the island, and it has a population of more than 100,000.",
    )
    (agreement,) = [a for a in brief.agreements if "population" in a.fact and a.detail is None]
    assert agreement.fact.startswith("Qeshm"), agreement.fact


def test_a_fact_worded_like_another_reports_ranks_below_one_that_is_not() -> None:
    from corroborator.compare.rank import LIKENESS_SHOWN, ranked_single_source

    text = "The mayor opened the bridge. The council closed the road."
    near = Fact("a", 0, 0, 27, text[:27], "open", 10, 16, sentence=0)
    alone = Fact("a", 1, 29, 57, text[29:57], "close", 41, 47, sentence=0)
    ranked = list(ranked_single_source([near, alone], None, [LIKENESS_SHOWN + 0.1, 0.1]))
    assert [(fact.predicate, rank) for fact, rank, _ in ranked] == [("close", 1), ("open", 2)]
    assert "close to another report's wording" in ranked[1][2]
    assert "wording" not in ranked[0][2]
    unweighted = list(ranked_single_source([near, alone], None))
    assert [fact.predicate for fact, _, _ in unweighted] == ["open", "close"]
