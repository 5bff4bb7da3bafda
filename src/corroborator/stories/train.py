"""Fitting the pair scorer: logistic regression with numpy (Newton steps, L2 penalty)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from corroborator.stories.scorer import ScorerModel, as_row
from corroborator.stories.signals import SIGNALS

Matrix = npt.NDArray[np.float64]


def fit_logistic(
    features: Matrix, labels: npt.NDArray[np.bool_], l2: float = 1e-3, steps: int = 50
) -> tuple[Matrix, float]:
    """Weights and bias minimising class-balanced log loss (positives and negatives weigh the same)."""
    y = labels.astype(np.float64)
    positives = max(1.0, float(y.sum()))
    negatives = max(1.0, float(len(y) - y.sum()))
    sample_weight = np.where(y > 0, 0.5 / positives, 0.5 / negatives)
    design = np.hstack([features, np.ones((len(y), 1))])
    theta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        predicted = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = design.T @ ((predicted - y) * sample_weight) + penalty * theta
        curvature = (design * (predicted * (1 - predicted) * sample_weight)[:, None]).T @ design
        step = np.linalg.solve(curvature + np.diag(penalty) + 1e-9 * np.eye(len(theta)), gradient)
        theta -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return theta[:-1], float(theta[-1])


def fit_model(
    pairs: Sequence[Mapping[str, float]], labels: Sequence[bool], base: ScorerModel | None = None
) -> ScorerModel:
    """A scorer model fitted on labelled pairs; thresholds are kept from `base`."""
    features = np.array([as_row(pair) for pair in pairs], dtype=np.float64)
    weights, bias = fit_logistic(features, np.array(labels, dtype=bool))
    model = base or ScorerModel()
    return ScorerModel(
        weights={name: round(float(w), 4) for name, w in zip(SIGNALS, weights, strict=True)},
        bias=round(bias, 4),
        join=model.join,
        merge=model.merge,
        cohesion_share=model.cohesion_share,
        veto_days=model.veto_days,
        split_ratio=model.split_ratio,
    )
