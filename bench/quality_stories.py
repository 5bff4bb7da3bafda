"""Story quality on ECB+ (B-cubed F1 over `story`, articles streamed in random orders) and MEANTIME topics;
storylines (stories grouped into sagas) scored the same way: against MEANTIME's topics (years of coverage
of one company, the nearest to storylines a shared corpus labels) and against ECB+'s stories (where each
story is its own saga: how often storylines join distinct events).

    .venv/bin/python bench/quality_stories.py            # figures: train and dev, 5 orders each, MEANTIME
    .venv/bin/python bench/quality_stories.py --train    # refit data/story_model.json on train
    .venv/bin/python bench/quality_stories.py --orders 1 --splits dev

Scores with ../shared/tools/score_stories.py; ids in the written stories.jsonl are the JSONL ids."""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from corroborator.stories.batch import cluster, stories_to_jsonl_rows
from corroborator.stories.embed import Embedder
from corroborator.stories.lite import analyses_for
from corroborator.stories.profile import build_profile
from corroborator.stories.scorer import MODEL_FILE, ScorerModel, load_model, vetoed
from corroborator.stories.signals import PairContext, pair_signals
from corroborator.stories.train import fit_model
from corroborator.stories.vocab import StreamingIdf
from corroborator.types import Analysis, Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
ECB = SHARED / "data" / "ecbplus_traindev.jsonl"
MEANTIME = SHARED / "data" / "meantime_wikinews.jsonl"
SCORER = SHARED / "tools" / "score_stories.py"
MODEL_PATH = Path(__file__).resolve().parents[1] / "src" / "corroborator" / "data" / MODEL_FILE
CROSS_TOPIC_SAMPLE = 0.05
HARD_NEGATIVE_MEANING = 0.3
"""Cross-topic pairs whose leads are at least this alike are all kept: the negatives that matter."""


def read_rows(path: Path, split: str | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if split is None or row.get("split") == split]


def to_article(row: dict[str, Any]) -> Article:
    return Article(
        text=row["text"],
        title=row.get("title", ""),
        url=row.get("url"),
        outlet=row.get("outlet"),
        published=row.get("published"),
        source_id=str(row["id"]),
    )


def score(rows: list[dict[str, Any]], label: str, predicted: list[dict[str, Any]], workdir: Path) -> float:
    gold_path, out_path = workdir / "gold.jsonl", workdir / "stories.jsonl"
    gold_path.write_text("".join(json.dumps({"id": r["id"], "story": r[label]}) + "\n" for r in rows))
    out_path.write_text("".join(json.dumps(row) + "\n" for row in predicted))
    result = subprocess.run(
        [sys.executable, str(SCORER), str(gold_path), str(out_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def storyline_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Story rows (`stories_to_jsonl_rows`) joined into one row a storyline."""
    lines: dict[str, list[str]] = {}
    for row in rows:
        lines.setdefault(row["storyline"], []).extend(row["articles"])
    return [{"story": line, "articles": articles} for line, articles in lines.items()]


def evaluate(
    rows: list[dict[str, Any]], label: str, orders: int, embedder: Embedder, model: ScorerModel, workdir: Path
) -> tuple[list[float], list[float]]:
    """B-cubed F1 of the stories and of the storylines against `label`, one figure an arrival order."""
    articles = [to_article(r) for r in rows]
    analyses = analyses_for(articles)
    ids = {a.id: str(a.source_id) for a in articles}
    stories_f1, storylines_f1 = [], []
    for seed in range(orders):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        stories = cluster([articles[i] for i in order], [analyses[i] for i in order], model, embedder)
        predicted = stories_to_jsonl_rows(stories, ids)
        stories_f1.append(score(rows, label, predicted, workdir))
        storylines_f1.append(score(rows, label, storyline_rows(predicted), workdir))
    return stories_f1, storylines_f1


def summary(figures: list[float]) -> str:
    return f"min {min(figures):.4f} median {statistics.median(figures):.4f}"


class BatchSignals:
    """Pair signals among `rows` with vocabularies over all of them (batch, not streamed, statistics)."""

    def __init__(self, rows: list[dict[str, Any]], embedder: Embedder) -> None:
        articles = [to_article(r) for r in rows]
        analyses: list[Analysis] = analyses_for(articles)
        self.profiles = [build_profile(a, an) for a, an in zip(articles, analyses, strict=True)]
        self.vectors = embedder.vectors([a.id for a in articles], [p.lead for p in self.profiles])
        self.context = PairContext(StreamingIdf(), StreamingIdf())
        for profile in self.profiles:
            self.context.terms.add(profile.terms)
            self.context.entities.add(profile.entity_keys())
        self.weighted = [self.context.terms.weigh(p.terms) for p in self.profiles]

    def meaning(self, i: int, j: int) -> float:
        return float(self.vectors[i] @ self.vectors[j])

    def pair(self, i: int, j: int) -> dict[str, float]:
        left, right = self.profiles[i], self.profiles[j]
        return pair_signals(left, right, self.context, self.meaning(i, j), self.weighted[i], self.weighted[j])


def kept_for_training(
    rows: list[dict[str, Any]], i: int, j: int, meaning: float, sampler: random.Random
) -> bool:
    """Same-topic pairs, cross-topic pairs with alike leads, and a sample of the other cross-topic pairs."""
    sampled = sampler.random() <= CROSS_TOPIC_SAMPLE or meaning >= HARD_NEGATIVE_MEANING
    return rows[i]["topic"] == rows[j]["topic"] or sampled


def training_pairs(
    rows: list[dict[str, Any]], embedder: Embedder, model: ScorerModel
) -> tuple[list[dict[str, float]], list[bool]]:
    """The pairs `kept_for_training`, with batch (whole-split) vocabularies; pairs the date veto of `model`
    decides are left out."""
    batch = BatchSignals(rows, embedder)
    sampler = random.Random(0)
    pairs, labels = [], []
    for i, j in itertools.combinations(range(len(rows)), 2):
        if not kept_for_training(rows, i, j, batch.meaning(i, j), sampler):
            continue
        signals = batch.pair(i, j)
        if not vetoed(signals, model):
            pairs.append(signals)
            labels.append(rows[i]["story"] == rows[j]["story"])
    return pairs, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="refit the pair model on the train split first")
    parser.add_argument("--orders", type=int, default=5)
    parser.add_argument("--splits", default="train,dev")
    parser.add_argument("--no-meantime", action="store_true")
    options = parser.parse_args()
    embedder = Embedder()
    if options.train:
        base = load_model(MODEL_PATH if MODEL_PATH.exists() else None)
        pairs, labels = training_pairs(read_rows(ECB, "train"), embedder, base)
        model = fit_model(pairs, labels, base)
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(model.to_json() + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH} from {len(pairs)} pairs ({sum(labels)} same story)")
    model = load_model(MODEL_PATH if MODEL_PATH.exists() else None)
    with tempfile.TemporaryDirectory() as tmp:
        for split in options.splits.split(","):
            rows = read_rows(ECB, split)
            figures, lines = evaluate(rows, "story", options.orders, embedder, model, Path(tmp))
            print(
                f"ECB+ {split}: B-cubed F1 {summary(figures)} over {len(figures)} orders "
                f"{[round(f, 4) for f in figures]}; storylines against stories {summary(lines)}"
            )
        if not options.no_meantime:
            rows = read_rows(MEANTIME)
            figures, lines = evaluate(rows, "topic", options.orders, embedder, model, Path(tmp))
            print(f"MEANTIME topics: stories B-cubed F1 {summary(figures)}; storylines {summary(lines)}")


if __name__ == "__main__":
    main()
