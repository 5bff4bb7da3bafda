"""Quality of `compare` on controlled pairs built from real articles (MEANTIME Wikinews, ECB+).

Each real article is paired with a copy in which exactly one fact is changed (a number, a date, a weekday, a
person's name: the brief must report exactly that discrepancy, at the change) or only the wording is changed
(sentences swapped or dropped, a said-clause moved, synonyms: the brief must report no discrepancy).
Prints precision and recall of discrepancies over all pairs, and per kind.

    .venv/bin/python bench/quality_compare.py --limit 20 [--corpus meantime|ecbplus] [--lexical] [--verbose]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import build_brief
from corroborator.types import Analysis, Article
from datagen.perturb import Case, CaseResult, cases_for, score_case

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
CORPORA = {"meantime": "meantime_wikinews.jsonl", "ecbplus": "ecbplus_traindev.jsonl"}


def load_articles(corpus: str, limit: int) -> list[Article]:
    path = DATA / CORPORA[corpus]
    if not path.exists():
        sys.exit(f"error: {path} not found (the shared data folder is expected next to the repository)")
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            published = row.get("published") or "2013-01-01"
            articles.append(
                Article(
                    text=row["text"],
                    title=row.get("title", ""),
                    outlet=row.get("outlet") or corpus,
                    published=published,
                    source_id=row["id"],
                )
            )
            if len(articles) >= limit:
                break
    return articles


def run_case(case: Case, originals: dict[str, Analysis], semantic: bool = True) -> CaseResult:
    analyzer = shared_analyzer()
    original = originals[case.original.id]
    changed = analyzer.analyze([case.changed])[0]
    renamed = dataclasses.replace(case.changed, outlet=f"{case.changed.outlet} (copy)")
    brief = build_brief(
        f"{case.kind}:{case.name}", [case.original, renamed], [original, changed], semantic=semantic
    )
    return score_case(case, brief)


def summarise(results: list[CaseResult]) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for result in results:
        for key in (result.case.kind, "all"):
            row = table[key]
            row["cases"] += 1
            row["tp"] += result.true_positives
            row["fp"] += result.false_positives
            row["fn"] += result.false_negatives
    for row in table.values():
        row["precision"] = row["tp"] / (row["tp"] + row["fp"]) if row["tp"] + row["fp"] else 1.0
        row["recall"] = row["tp"] / (row["tp"] + row["fn"]) if row["tp"] + row["fn"] else 1.0
    return table


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="meantime")
    parser.add_argument("--limit", type=int, default=20, help="articles to perturb")
    parser.add_argument("--verbose", action="store_true", help="print every failed case")
    parser.add_argument(
        "--lexical", action="store_true", help="align claims without clause embeddings, as batch briefs do"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    articles = load_articles(args.corpus, args.limit)
    analyses = shared_analyzer().analyze(articles)
    index: dict[str, Analysis] = {a.article_id: a for a in analyses}
    results = []
    for article, analysis in zip(articles, analyses, strict=True):
        for case in cases_for(article, analysis):
            result = run_case(case, index, semantic=not args.lexical)
            results.append(result)
            if args.verbose and (result.false_positives or result.false_negatives):
                print(
                    f"[{case.kind}] {article.source_id} {case.name}: fn={result.false_negatives}",
                    *result.notes,
                    sep="\n    ",
                )
    elapsed = time.perf_counter() - started
    table = summarise(results)
    print(f"{'kind':<12}{'cases':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}")
    for kind in ("number", "date", "weekday", "entity", "paraphrase", "all"):
        if kind in table:
            row = table[kind]
            print(
                f"{kind:<12}{row['cases']:>6.0f}{row['tp']:>5.0f}{row['fp']:>5.0f}{row['fn']:>5.0f}"
                f"{row['precision']:>11.3f}{row['recall']:>8.3f}"
            )
    overall = table["all"]
    mode = "lexical" if args.lexical else "semantic"
    print(f"{len(articles)} {args.corpus} articles, {len(results)} pairs, {mode} alignment, {elapsed:.0f}s")
    print(f"discrepancy precision {overall['precision']:.3f} recall {overall['recall']:.3f}")


if __name__ == "__main__":
    main()
