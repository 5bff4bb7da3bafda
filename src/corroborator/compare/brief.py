"""build_brief: the whole comparison of one story's articles."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import PurePath

from corroborator.analyze.times.extract import find_times
from corroborator.compare.agree import UnitLookup, agreements, single_source_facts
from corroborator.compare.align import align
from corroborator.compare.bigstory import fold_copies
from corroborator.compare.details import ValueMentions
from corroborator.compare.discrepancy import find_discrepancies, with_conflicts
from corroborator.compare.entities_table import build_clusters, entity_rows
from corroborator.compare.fact_align import FactAlignment, align_facts, fact_span
from corroborator.compare.fact_conflicts import developing, number_conflicts, within_rounding
from corroborator.compare.fact_dates import date_conflicts
from corroborator.compare.independence import cited_origins, independence_summary
from corroborator.compare.origins import trace_origins
from corroborator.compare.pair_model import clause_links
from corroborator.compare.spellings import is_respelling, spelling_discrepancies
from corroborator.compare.timeline import build_timeline
from corroborator.compare.units import build_units
from corroborator.errors import InputError
from corroborator.facts import extract_facts
from corroborator.types import Analysis, Article, Brief, BriefArticle, CopyLink, Discrepancy
from corroborator.types.brief import SINGLE_SOURCE_SHOWN

INFERRED = "inferred"
TITLE_WORDS = 6


def build_brief(
    story_id: str,
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    copies: Sequence[CopyLink] = (),
    semantic: bool = True,
    single_source_limit: int | None = SINGLE_SOURCE_SHOWN,
) -> Brief:
    """What a story's articles agree on, where they differ, what only one says, where claims come from.

    Agreements and single-source facts come from the facts of each sentence (`corroborator.facts`),
    aligned across articles; `single_source_limit` is how many single-source facts of each article the
    brief lists, best ranked first (None: all). `semantic=False` aligns by words and facts alone, without
    embeddings (batch). A copy's clauses worded as in the article it copies are folded onto those
    (`compare.bigstory`)."""
    articles = _unique(articles)
    by_id = {a.article_id: a for a in analyses}
    missing = [a.id for a in articles if a.id not in by_id]
    if missing:
        raise InputError(
            f"no analysis for article {missing[0]}", "analyze the articles before comparing them"
        )
    story_date = max((a.published_date for a in articles if a.published_date), default=None)
    ordered = [_with_borrowed_dates(a, by_id[a.id], story_date) for a in articles]
    names = article_names(articles)
    units = build_units(list(articles), ordered)
    clusters = build_clusters(ordered)
    alignment = align(units, semantic, fold_copies(units, copies))
    origins = trace_origins(list(articles), units, clusters, names, tuple(copies))
    facts = [f for per_article in extract_facts(articles, ordered) for f in per_article if f.kind != "speech"]
    lookup = UnitLookup(units)
    clause_of = [lookup.unit_of(f) for f in facts]
    clauses = clause_links(
        [u.key if u is not None else None for u in clause_of], alignment.related, len(units)
    )
    fact_alignment = align_facts(facts, clusters, semantic, clauses)
    agreed = agreements(fact_alignment, origins, lookup, ValueMentions(ordered, clusters))
    return Brief(
        story=story_id,
        articles=[_brief_article(a, names[a.id], story_date) for a in articles],
        agreements=agreed,
        discrepancies=_discrepancies(
            find_discrepancies(
                list(articles),
                alignment,
                clusters,
                names.__getitem__,
                _copy_articles(articles, copies),
                fact_alignment.supports,
            ),
            [
                *number_conflicts(fact_alignment, articles, ordered, names.__getitem__),
                *date_conflicts(fact_alignment, ordered, names.__getitem__),
            ],
            articles,
            ordered,
            names.__getitem__,
            fact_alignment,
        ),
        single_source=single_source_facts(
            fact_alignment, origins, lookup, alignment.best_against_others, single_source_limit
        ),
        origins=cited_origins(origins, list(articles), names),
        independence=independence_summary(
            len(articles), [a.origins for a in agreed if a.detail is None], origins, set(names.values())
        ),
        timeline=build_timeline(alignment),
        entities=entity_rows(ordered, clusters),
    )


def _discrepancies(
    found: list[Discrepancy],
    conflicts: list[Discrepancy],
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    name: Callable[[str], str],
    fact_alignment: FactAlignment,
) -> list[Discrepancy]:
    """The discrepancies found in the words (each linked to the two facts it compares) and between aligned
    facts, and names spelt two ways, less figures within rounding, with figures of different days told as
    updates, most severe first."""
    spellings = spelling_discrepancies(analyses, {a.id: a.text for a in articles}, name)
    found = [d for d in found if not is_respelling(d, spellings)]
    for item in found:
        if item.kind not in ("weekday_mismatch", "quote", "attribution"):
            item.facts = [fact_span(f) for f in fact_alignment.compared(item.evidence)]
    merged = developing(
        within_rounding(with_conflicts(found, [*conflicts, *spellings]), analyses), articles, name
    )
    return sorted(merged, key=lambda d: (-d.severity, d.kind, d.evidence[0].start if d.evidence else 0))


def _copy_articles(articles: Sequence[Article], copies: Sequence[CopyLink]) -> set[str]:
    """The articles recorded as copies of another article of the story."""
    ids = {article.id for article in articles}
    return {link.article for link in copies if link.copy_of in ids and link.article != link.copy_of}


def _unique(articles: Sequence[Article]) -> list[Article]:
    seen: dict[str, Article] = {}
    for article in articles:
        seen.setdefault(article.id, article)
    return list(seen.values())


def article_names(articles: Sequence[Article]) -> dict[str, str]:
    """Short, unique names: the outlet, else the title, else the file name when the file held this article
    alone, else the id; numbered only when two articles share an outlet or title."""
    per_file = Counter(article.origin for article in articles if article.origin)
    names: dict[str, str] = {}
    used: set[str] = set()
    for article in articles:
        base = article.outlet or _short_title(article.title)
        if not base and article.origin and per_file[article.origin] == 1:
            base = PurePath(article.origin).stem
        base = base or article.source_id or article.id[:8]
        name, count = base, 1
        while name in used:
            count += 1
            name = f"{base} ({count})"
        used.add(name)
        names[article.id] = name
    return names


def _short_title(title: str) -> str:
    words = title.split()
    return " ".join(words[:TITLE_WORDS]) + ("..." if len(words) > TITLE_WORDS else "")


def _with_borrowed_dates(article: Article, analysis: Analysis, story_date: str | None) -> Analysis:
    """An undated article's relative dates resolved against the story date, each marked inferred."""
    if article.published_date or not story_date:
        return analysis
    times = find_times(article.text, story_date, analysis.sentences)
    for time in times:
        if time.value and INFERRED not in time.flags:
            time.flags.append(INFERRED)
    return dataclasses.replace(analysis, times=times)


def _brief_article(article: Article, name: str, story_date: str | None) -> BriefArticle:
    return BriefArticle(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        url=article.url,
        inferred_date=None if article.published_date else story_date,
        name=name,
        text=article.text,
    )
