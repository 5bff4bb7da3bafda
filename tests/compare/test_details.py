"""Agreed details: the numbers, dates and places inside an agreed fact that several articles give alike,
each listed under its fact with the words that give it in each article."""

from __future__ import annotations

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import build_brief
from corroborator.render import brief_to_dict, render
from corroborator.types import Agreement, Article, Brief

SENTENCED = (
    "Judge James Bodiford sentenced Brian Nichols to seven consecutive life sentences"
    " on Saturday in Atlanta.\n"
    "The hearing lasted two hours.\n"
)
SENTENCED_AGAIN = (
    "Brian Nichols was sentenced to seven life sentences by Judge James Bodiford on Saturday in Atlanta.\n"
    "His lawyers said they would appeal.\n"
)


def brief_of(*texts: str) -> Brief:
    articles = [Article(text=t, outlet=f"Outlet {i}", published="2008-12-15") for i, t in enumerate(texts)]
    return build_brief("test", articles, shared_analyzer().analyze(articles))


def details_of(brief: Brief) -> dict[str, Agreement]:
    return {a.detail: a for a in brief.agreements if a.detail}


def test_each_detail_two_articles_give_alike_is_listed_under_its_fact() -> None:
    brief = brief_of(SENTENCED, SENTENCED_AGAIN)
    found = details_of(brief)
    assert {"number", "date", "place"} <= set(found), brief.agreements
    counts = {e.text for e in found["number"].evidence}
    assert counts == {"seven consecutive life sentences", "seven life sentences"}
    assert [e.text for e in found["date"].evidence] == ["Saturday", "Saturday"]
    assert [e.text for e in found["place"].evidence] == ["Atlanta", "Atlanta"]
    texts = {a.id: a.text for a in brief.articles}
    for detail in found.values():
        whole = brief.agreements[detail.part_of or 0]
        assert whole.detail is None and detail.part_of is not None
        assert brief.agreements.index(detail) > detail.part_of
        assert len({e.article for e in detail.evidence}) == 2
        for span in detail.evidence:
            assert texts[span.article][span.start : span.end] == span.text
            fact = next(e for e in whole.evidence if e.article == span.article)
            assert fact.start <= span.start and span.end <= fact.end


def test_a_figure_is_a_detail_in_any_unit_of_one_measure_and_not_when_it_counts_other_things() -> None:
    fell = "The climber fell {} from a ridge on Mount Sefton on Friday.\n"
    in_feet = brief_of(fell.format("about 200 feet"), fell.format("around 200ft"))
    heights = sorted(e.text for e in details_of(in_feet)["number"].evidence)
    assert heights == ["about 200 feet", "around 200ft"]
    crews = brief_of(
        "Seven firefighters fought the blaze at the old mill on Friday.\n",
        "Firefighters with seven engines fought the blaze at the old mill on Friday.\n",
    )
    assert any(a.detail is None for a in crews.agreements), crews.agreements
    assert "number" not in details_of(crews) and "date" in details_of(crews)


def test_details_reach_every_format_and_the_independence_line_counts_whole_facts() -> None:
    brief = brief_of(SENTENCED, SENTENCED_AGAIN)
    wholes = [a for a in brief.agreements if a.detail is None]
    details = len(brief.agreements) - len(wholes)
    assert details >= 3
    data = brief_to_dict(brief)
    assert {"detail", "part_of"} <= set(data["agreements"][0])
    facts = f"{len(wholes)} fact{'s' if len(wholes) > 1 else ''}"
    assert f"Agreements ({facts}, {details} details agreed within them)" in render(brief, "md")
    assert "↳ number: seven life sentences" in render(brief, "md")
    assert "↳ number" in render(brief, "text", width=200)
    assert 'class="detail"' in render(brief, "html")
