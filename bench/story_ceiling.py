"""How far the story pair signals can go on ECB+: clustering with every pair known, and other pair models.

    .venv/bin/python bench/story_ceiling.py     # about 2 minutes

1. Batch: average linkage over every pair of a split at once (the best an order-free clusterer could do with
   these links), with the packaged pair model and whole-split vocabularies, at the model's thresholds and a
   small grid around them.
2. Held-out topics: the topics of train and dev cut into two folds by the parity of their number; on each
   fold, a logistic model (the packaged kind) and gradient-boosted trees (scikit-learn, which
   sentence-transformers installs) are fitted on the other fold's pairs, sampled as `quality_stories.py
   --train` samples them. Each is scored by pair ROC AUC and by the batch B-cubed F1 of the held-out fold.

B-cubed figures come from ../shared/tools/score_stories.py."""

from __future__ import annotations

import argparse
import itertools
import random
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

from corroborator.stories.embed import Embedder
from corroborator.stories.scorer import ScorerModel, as_row, load_model, probability, vetoed
from corroborator.stories.split import average_linkage
from corroborator.stories.train import fit_logistic
from quality_stories import (
    ECB,
    MODEL_PATH,
    BatchSignals,
    kept_for_training,
    read_rows,
    score,
)

Matrix = npt.NDArray[np.float64]
Pair = tuple[int, int]
GRID = ((0.5, 0.75), (0.6, 0.75), (0.5, 0.0), (0.6, 0.0), (0.7, 0.0))
"""(join threshold, split ratio) pairs tried; the packaged model's are (0.5, 0.75)."""


def all_pair_signals(rows: list[dict[str, Any]], embedder: Embedder) -> dict[Pair, dict[str, float]]:
    """Signals of every pair of `rows`, with vocabularies over all of them."""
    batch = BatchSignals(rows, embedder)
    return {(i, j): batch.pair(i, j) for i, j in itertools.combinations(range(len(rows)), 2)}


def batch_f1(
    rows: list[dict[str, Any]], members: list[int], links: dict[Pair, float], workdir: Path
) -> dict[tuple[float, float], float]:
    """B-cubed F1 of average linkage over `members` (row numbers) at each GRID setting."""
    position = {row: k for k, row in enumerate(members)}
    matrix = np.zeros((len(members), len(members)))
    for (i, j), link in links.items():
        matrix[position[i], position[j]] = matrix[position[j], position[i]] = link
    chosen = [rows[i] for i in members]
    figures = {}
    for threshold, ratio in GRID:
        groups = average_linkage(matrix, threshold, ratio)
        predicted = [{"story": n, "articles": [chosen[k]["id"] for k in g]} for n, g in enumerate(groups)]
        figures[threshold, ratio] = score(chosen, "story", predicted, workdir)
    return figures


def training_rows(
    rows: list[dict[str, Any]],
    signals: dict[Pair, dict[str, float]],
    inside: Sequence[bool],
    model: ScorerModel,
) -> tuple[Matrix, npt.NDArray[np.bool_]]:
    """The pairs of the rows `inside` that are `kept_for_training`, vetoed pairs left out."""
    sampler = random.Random(0)
    features, labels = [], []
    for (i, j), pair in signals.items():
        if not (inside[i] and inside[j]) or not kept_for_training(rows, i, j, pair["meaning"], sampler):
            continue
        if not vetoed(pair, model):
            features.append(as_row(pair))
            labels.append(rows[i]["story"] == rows[j]["story"])
    return np.array(features), np.array(labels, dtype=bool)


def held_out(rows: list[dict[str, Any]], signals: dict[Pair, dict[str, float]], model: ScorerModel) -> None:
    fold = [int(row["topic"]) % 2 for row in rows]
    with tempfile.TemporaryDirectory() as tmp:
        for held in (0, 1):
            features, labels = training_rows(rows, signals, [f != held for f in fold], model)
            members = [i for i in range(len(rows)) if fold[i] == held]
            pairs = list(itertools.combinations(members, 2))
            test = np.array([as_row(signals[p]) for p in pairs])
            truth = np.array([rows[i]["story"] == rows[j]["story"] for i, j in pairs])
            kept = np.array([not vetoed(signals[p], model) for p in pairs])
            weights, bias = fit_logistic(features, labels)
            logistic = 1.0 / (1.0 + np.exp(-(test @ weights + bias)))
            balance = np.where(labels, 0.5 / labels.sum(), 0.5 / (~labels).sum())
            trees = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)
            boosted = trees.fit(features, labels, sample_weight=balance).predict_proba(test)[:, 1]
            for name, links in (("logistic", logistic), ("boosted trees", boosted)):
                links = np.where(kept, links, 0.0)
                auc = roc_auc_score(truth, links)
                f1 = batch_f1(rows, members, dict(zip(pairs, links.tolist(), strict=True)), Path(tmp))
                shown = f"held-out fold {held} ({len(members)} articles), {name}: pair AUC {auc:.4f}; "
                print(shown + _shown(f1))


def _shown(figures: dict[tuple[float, float], float]) -> str:
    return "batch B-cubed F1 " + ", ".join(f"{t}/{r}: {f:.4f}" for (t, r), f in figures.items())


def main() -> None:
    layout = argparse.RawDescriptionHelpFormatter
    argparse.ArgumentParser(description=__doc__, formatter_class=layout).parse_args()
    embedder = Embedder()
    model = load_model(MODEL_PATH if MODEL_PATH.exists() else None)
    print(f"join threshold/split ratio: B-cubed F1; the packaged model uses {model.join}/{model.split_ratio}")
    with tempfile.TemporaryDirectory() as tmp:
        for split in ("train", "dev"):
            rows = read_rows(ECB, split)
            signals = all_pair_signals(rows, embedder)
            links = {pair: probability(values, model) for pair, values in signals.items()}
            f1 = batch_f1(rows, list(range(len(rows))), links, Path(tmp))
            print(f"ECB+ {split}, packaged model, every pair at once: " + _shown(f1))
    rows = read_rows(ECB)
    held_out(rows, all_pair_signals(rows, embedder), model)


if __name__ == "__main__":
    main()
