"""Claims: sentence and clause units with their entities, quantities, quote, source chain and polarity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborator.analyze import Analyzer
from corroborator.analyze.claims import build_claims, split_clauses
from corroborator.analyze.entities.media import lookup
from corroborator.analyze.nlp.load import get_nlp
from corroborator.types import Analysis, Article, Claim, Quote, Span

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def seed_articles() -> list[Article]:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", path.read_text(encoding="utf-8"))
        text = re.sub(r"\s*WATCH WION LIVE HERE\s*$", "", text)
        articles.append(Article(text=text, outlet="WION", published="2023-08-06"))
    return articles


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def seeds(analyzer: Analyzer) -> list[Analysis]:
    return analyzer.analyze(seed_articles())


def claim_containing(analysis: Analysis, words: str) -> Claim:
    return next(claim for claim in analysis.claims if words in claim.text)


def test_claims_cover_every_sentence_in_order(seeds: list[Analysis]) -> None:
    for analysis in seeds:
        assert [claim.index for claim in analysis.claims] == list(range(len(analysis.claims)))
        for start, end in analysis.sentences:
            inside = [c for c in analysis.claims if start <= c.start and c.end <= end]
            assert inside and inside[0].start == start and inside[-1].end == end


def test_claim_lists_its_entities_and_quantities(seeds: list[Analysis]) -> None:
    analysis = seeds[0]
    rifles = claim_containing(analysis, "scoped rifles")
    assert [analysis.quantities[i].unit for i in rifles.quantities] == ["scoped rifles"]
    assert "KCNA" in {analysis.entities[i].entity for i in rifles.entities}
    parade = claim_containing(seeds[1], "70th anniversary")
    assert {seeds[1].times[i].value for i in parade.times} == {"2023-07-27"}


def test_quoted_claims_name_their_origin_first_and_the_outlet_last(seeds: list[Analysis]) -> None:
    quoted = [claim for analysis in seeds for claim in analysis.claims if claim.quote is not None]
    assert quoted
    for analysis in seeds:
        for claim in analysis.claims:
            assert claim.attribution[-1] == "WION"
            if claim.quote is not None and claim.attribution[0] != "KCNA":
                quote = analysis.quotes[claim.quote]
                speaker = quote.speaker.text if quote.speaker else None
                names = {quote.speaker_entity, speaker, *quote.cites}
                if names == {None}:
                    continue
                assert claim.attribution[0] in names | {
                    org.name for org in map(lookup, filter(None, names)) if org
                }


def test_claim_takes_the_quote_with_the_longest_relay_chain() -> None:
    text = (
        "Kim called for steadily increasing the performance of the engine, KCNA said. "
        "Cheong Seong-chang, an expert at the Sejong Institute, told Reuters Kim is focused on exports."
    )
    second = text.index("Cheong")
    kim_content = Span(15, 65, text[15:65])
    expert_content = Span(text.index("Kim is"), len(text) - 1, text[text.index("Kim is") : -1])
    analysis = Analysis(
        article_id="a",
        sentences=[(0, second - 1), (second, len(text))],
        quotes=[
            Quote(content=Span(0, 65, text[:65]), speaker_entity="KCNA"),
            Quote(content=kim_content, speaker_entity="Kim Jong Un", via=["KCNA"]),
            Quote(content=expert_content, speaker_entity="Cheong Seong-chang", via=["Reuters"]),
        ],
    )
    claims = build_claims(get_nlp()(text), analysis, Article(text=text, outlet="WION"))
    assert [claim.quote for claim in claims] == [1, 2]
    assert claims[0].attribution == ["Kim Jong Un", "KCNA", "WION"]
    assert claims[1].attribution == ["Cheong Seong-chang", "Reuters", "WION"]


def test_unquoted_claims_inherit_the_lede_attribution(seeds: list[Analysis]) -> None:
    shoigu = claim_containing(seeds[1], "Sergei Shoigu was in North Korea")
    assert shoigu.quote is None
    assert shoigu.attribution == ["KCNA", "Reuters", "WION"]
    visits = claim_containing(seeds[0], "The visits took place")
    assert visits.attribution == ["KCNA", "WION"]


def test_negation(analyzer: Analyzer) -> None:
    text = (
        "Pyongyang denied the report on Monday. The ministry did not comment. Kim visited a factory. "
        "Officials didn't respond. Norway's envoy noted another nomination."
    )
    claims = analyzer.analyze_one(Article(text=text, outlet="Example News")).claims
    assert [claim.negated for claim in claims] == [True, True, False, True, False]
    assert claims[0].attribution == ["Pyongyang", "Example News"]
    assert claims[2].attribution == ["Example News"]


def test_long_sentences_split_at_clause_boundaries_only_when_both_halves_are_long() -> None:
    long_text = (
        "The army moved twelve heavy artillery units to the northern border over the weekend; "
        "the navy at the same time sent four destroyers and two submarines to the eastern coast."
    )
    pieces = split_clauses(long_text, 0, len(long_text))
    assert len(pieces) == 2
    assert long_text[pieces[0][0] : pieces[0][1]].endswith("weekend;")
    assert long_text[pieces[1][0] : pieces[1][1]].startswith("the navy")
    short_text = "The army moved; the navy waited at the eastern coast for many days and nights."
    assert split_clauses(short_text, 0, len(short_text)) == [(0, len(short_text))]
    as_well_as = (
        "Kim inspected engines for strategic cruise missiles and drones, "
        "as well as shells for large rocket launchers and heavy trucks."
    )
    assert len(split_clauses(as_well_as, 0, len(as_well_as))) == 1
