"""Words per second of the whole analysis stage on one core, against spaCy (senter + ner) alone.

    .venv/bin/python bench/bench_analysis.py [--corpus polnear|meantime] [--limit N] [--rounds R]

Both are timed in the same run over the same texts, alternating, best round kept; the last line is the
headline: analysis words/s, spaCy words/s and their ratio (target: analysis >= 12,000 words/s).
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "TORCH_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import torch  # noqa: E402

from corroborator.analyze.pipeline import Analyzer, Step, StepInput, default_steps  # noqa: E402
from corroborator.types import Article  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
CORPORA = {"polnear": "polnear_traindev.jsonl", "meantime": "meantime_wikinews.jsonl"}
TARGET_WORDS_PER_SECOND = 12_000


def load_articles(corpus: str, limit: int) -> list[Article]:
    articles = []
    with (DATA / CORPORA[corpus]).open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            articles.append(
                Article(text=row["text"], outlet=row.get("outlet"), published=row.get("published"))
            )
            if len(articles) == limit:
                break
    return articles


def timed_steps(seconds: dict[str, float]) -> list[Step]:
    def timed(step: Step) -> Callable[[StepInput], None]:
        def run(given: StepInput) -> None:
            started = time.perf_counter()
            step.run(given)
            seconds[step.name] += time.perf_counter() - started

        return run

    return [Step(s.name, s.requires, s.produces, timed(s)) for s in default_steps()]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="polnear")
    parser.add_argument("--limit", type=int, default=150, help="articles to read (default 150)")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds of each (default 2)")
    arguments = parser.parse_args()
    torch.set_num_threads(1)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    articles = load_articles(arguments.corpus, arguments.limit)
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)
    step_seconds: dict[str, float] = defaultdict(float)
    analyzer = Analyzer(steps=timed_steps(step_seconds))
    analyzer.analyze(articles[:5])  # warm-up: model loaded, regexes compiled
    step_seconds.clear()

    spacy_best = analysis_best = float("inf")
    for _ in range(arguments.rounds):
        started = time.perf_counter()
        for _doc in analyzer.nlp.pipe(texts, batch_size=analyzer.batch_size):
            pass
        spacy_best = min(spacy_best, time.perf_counter() - started)
        started = time.perf_counter()
        analyzer.analyze(articles)
        analysis_best = min(analysis_best, time.perf_counter() - started)

    print(f"corpus {arguments.corpus}: {len(articles)} articles, {words} words, best of {arguments.rounds}")
    for name, seconds in step_seconds.items():
        print(f"  step {name:<11} {seconds / arguments.rounds:7.3f} s per round")
    spacy_rate, analysis_rate = words / spacy_best, words / analysis_best
    verdict = "meets" if analysis_rate >= TARGET_WORDS_PER_SECOND else "below"
    print(f"spaCy senter+ner alone: {spacy_rate:,.0f} words/s ({spacy_best:.2f} s)")
    print(
        f"whole analysis stage:   {analysis_rate:,.0f} words/s ({analysis_best:.2f} s), {verdict} the target"
    )
    print(
        f"analysis {analysis_rate:,.0f} words/s, spaCy alone {spacy_rate:,.0f} words/s, "
        f"ratio {analysis_rate / spacy_rate:.2f} (target {TARGET_WORDS_PER_SECOND:,} words/s)"
    )


if __name__ == "__main__":
    main()
