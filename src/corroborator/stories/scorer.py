"""The pair scorer: a logistic model over pair signals, with vetoes for conflicting dates.

Weights live in `corroborator/data/story_model.json` (fitted by `corroborator.stories.train`)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

from corroborator.errors import InputError
from corroborator.stories.signals import SIGNALS

MODEL_FILE = "story_model.json"


@dataclass
class ScorerModel:
    """Logistic weights per signal plus the decision thresholds of story assignment."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    join: float = 0.5
    """An article joins the best story when its link probability reaches this."""
    merge: float = 0.8
    """Two stories merge when one article links to both at least this strongly."""
    cohesion_share: float = 0.7
    """An article joins a story only if its score is at least this share of the story's cohesion."""
    veto_days: float = 45.0
    """Dated articles further apart than this (and with no date in common) never link."""
    split_ratio: float = 0.75
    """On a recheck, two parts of a story stay together only if their mean link reaches this share of the
    tighter part's cohesion (besides `join`)."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ScorerModel:
        raw = json.loads(text)
        unknown = set(raw.get("weights", {})) - set(SIGNALS)
        if unknown:
            raise InputError(f"story model names unknown signals {sorted(unknown)}", "refit the story model")
        return cls(**raw)


def load_model(path: Path | None = None) -> ScorerModel:
    """The packaged model, or the one at `path`."""
    if path is not None:
        return ScorerModel.from_json(path.read_text(encoding="utf-8"))
    packaged = resources.files("corroborator").joinpath("data", MODEL_FILE)
    if not packaged.is_file():
        return ScorerModel(weights=dict.fromkeys(SIGNALS, 0.0) | {"wording": 6.0, "meaning": 4.0}, bias=-5.0)
    return ScorerModel.from_json(packaged.read_text(encoding="utf-8"))


def vetoed(signals: Mapping[str, float], model: ScorerModel) -> bool:
    """Dates say these are two events: both dated, nothing in common, further apart than `veto_days`."""
    if signals.get("dates_missing", 1.0) or signals.get("dates_shared", 0.0):
        return False
    return signals.get("gap_days", 0.0) > model.veto_days


def probability(signals: Mapping[str, float], model: ScorerModel) -> float:
    """The chance that two articles report the same event (0 when vetoed)."""
    if vetoed(signals, model):
        return 0.0
    total = model.bias + sum(model.weights.get(name, 0.0) * value for name, value in signals.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, total))))


def as_row(signals: Mapping[str, float], names: Sequence[str] = SIGNALS) -> list[float]:
    return [signals.get(name, 0.0) for name in names]
