"""Cross-article entity resolution over the seeds and over hand-written mention lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborator.analyze import Analyzer, resolve_entities
from corroborator.analyze.entities.resolve import EntityIndex
from corroborator.types import Analysis, Article, EntityMention

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def seed_articles() -> list[Article]:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", path.read_text(encoding="utf-8"))
        articles.append(Article(text=re.sub(r"\s*WATCH WION LIVE HERE\s*$", "", text), outlet="WION"))
    return articles


@pytest.fixture(scope="module")
def seed_index() -> EntityIndex:
    return resolve_entities(Analyzer().analyze(seed_articles()))


def analysis_of(article_id: str, *names: tuple[str, str]) -> Analysis:
    """An Analysis holding one mention per (name, label), each keyed to itself."""
    mentions = [EntityMention(0, len(name), name, label, name) for name, label in names]
    return Analysis(article_id=article_id, entities=mentions)


def test_one_person_behind_three_spellings_across_the_seeds(seed_index: EntityIndex) -> None:
    canonical = seed_index.canonical("Cheong Seong-chang")
    assert canonical == seed_index.canonical("Cheong Seong Chang") == seed_index.canonical("Chang")
    cluster = seed_index.cluster("Chang")
    assert cluster is not None and cluster.label == "PERSON"
    assert {"Cheong Seong-chang", "Cheong Seong Chang", "Chang"} <= set(cluster.variants)
    assert len(cluster.articles) == 2
    assert 0.5 < cluster.confidence < 1.0


def test_seed_aliases_and_non_aliases(seed_index: EntityIndex) -> None:
    assert seed_index.canonical("US") == seed_index.canonical("United States") == "United States"
    assert seed_index.canonical("S. Korea") == "South Korea"
    assert seed_index.canonical("Pyongyang") != seed_index.canonical("North Korea")
    assert seed_index.canonical("Kim") == "Kim Jong Un"
    assert seed_index.canonical("Kim Il Sung Square") == "Kim Il Sung Square"


def test_news_organisations_are_media(seed_index: EntityIndex) -> None:
    assert seed_index.is_medium("KCNA") and seed_index.is_medium("Associated Press")
    assert not seed_index.is_medium("Sejong Institute") and not seed_index.is_medium("Kim Jong Un")


def test_acronym_joins_its_expansion() -> None:
    index = resolve_entities(
        [
            analysis_of("a", ("Korean Central News Agency", "ORG"), ("IAEA", "ORG")),
            analysis_of("b", ("KCNA", "ORG"), ("International Atomic Energy Agency", "ORG")),
        ]
    )
    assert index.same("KCNA", "Korean Central News Agency")
    assert index.canonical("IAEA") == "International Atomic Energy Agency"
    assert index.confidence("IAEA") < 1.0


def test_unseen_spellings_fold_to_a_known_name() -> None:
    index = resolve_entities([analysis_of("a", ("Cheong Seong-chang", "PERSON"), ("U.S.", "GPE"))])
    assert index.canonical("cheong seongchang") == "Cheong Seong-chang"
    assert index.canonical("the U.S.") == "United States"
    assert index.canonical("America") == "United States"
    assert index.canonical("Atlantis") == "Atlantis"


def test_romanisation_variants_join_but_different_people_do_not() -> None:
    index = resolve_entities(
        [
            analysis_of("a", ("Kim Jong Un", "PERSON"), ("Cheong Seong-chang", "PERSON")),
            analysis_of("b", ("Kim Jong Il", "PERSON"), ("Chong Seong-chang", "PERSON")),
        ]
    )
    assert index.same("Cheong Seong-chang", "Chong Seong-chang")
    assert index.confidence("Chong Seong-chang") < 1.0
    assert not index.same("Kim Jong Un", "Kim Jong Il")


def test_names_romanised_with_another_first_letter_join() -> None:
    index = resolve_entities(
        [
            analysis_of("a", ("Giannis Panagopoulos", "PERSON"), ("Gianni Versace", "PERSON")),
            analysis_of("b", ("Yiannis Panagopoulos", "PERSON"), ("Yanis Varoufakis", "PERSON")),
        ]
    )
    assert index.same("Giannis Panagopoulos", "Yiannis Panagopoulos")
    assert not index.same("Gianni Versace", "Yanis Varoufakis")


def test_surname_only_key_joins_the_single_full_name_it_fits() -> None:
    index = resolve_entities(
        [
            analysis_of("a", ("Sergei Shoigu", "PERSON"), ("Vladimir Putin", "PERSON")),
            analysis_of("b", ("Shoigu", "PERSON"), ("Lee", "PERSON")),
        ]
    )
    assert index.canonical("Shoigu") == "Sergei Shoigu"
    assert index.confidence("Shoigu") == pytest.approx(0.8)
    assert index.canonical("Lee") == "Lee"


def test_an_ambiguous_surname_stays_apart() -> None:
    index = resolve_entities(
        [
            analysis_of("a", ("Kim Jong Un", "PERSON"), ("Kim Yo Jong", "PERSON")),
            analysis_of("b", ("Kim", "PERSON")),
        ]
    )
    assert index.canonical("Kim") == "Kim"


def test_no_analyses_give_an_empty_index() -> None:
    index = resolve_entities([])
    assert index.clusters == []
    assert index.canonical("Seoul") == "Seoul"


def test_an_organisation_named_by_its_last_words_joins_the_one_longer_name() -> None:
    index = resolve_entities(
        [
            analysis_of("a", ("New Orleans Saints", "ORG"), ("State Department", "ORG")),
            analysis_of("b", ("Saints", "ORG"), ("Justice Department", "ORG"), ("Department", "ORG")),
        ]
    )
    assert index.canonical("Saints") == index.canonical("New Orleans Saints") == "New Orleans Saints"
    assert index.canonical("Department") not in {
        index.canonical("State Department"),
        index.canonical("Justice Department"),
    }


def test_a_titled_name_is_the_person_the_story_names_in_full() -> None:
    index = resolve_entities(
        [
            analysis_of("a", ("Charles Ramsey", "PERSON"), ("Inspector Dave Gaskin", "PERSON")),
            analysis_of("b", ("Commissioner Ramsey", "PERSON"), ("Dave Gaskin", "PERSON")),
            analysis_of("c", ("Commissioner Ramsey", "PERSON"), ("Inspector Gaskin", "PERSON")),
        ]
    )
    assert index.canonical("Commissioner Ramsey") == "Charles Ramsey"
    gaskin = {index.canonical(k) for k in ("Inspector Dave Gaskin", "Dave Gaskin", "Inspector Gaskin")}
    assert gaskin == {"Dave Gaskin"}
