"""Time-expression quality on TempEval-3 (value F1 with the shared scorer) and speed of extract_times.

    .venv/bin/python bench/quality_times.py [--out DIR] [--split NAME] [--errors FILE]

Runs the real spaCy pipeline (senter + ner) on every article of ../shared/data/tempeval3_train.jsonl,
extracts time expressions against each article's `published` date, writes OUT/articles.jsonl, runs
../shared/tools/score_times.py on it (overall and per `split`), and prints words/s of extract_times alone.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from corroborator.analyze.nlp.load import get_nlp
from corroborator.analyze.times.extract import extract_times

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
GOLD = SHARED / "data" / "tempeval3_train.jsonl"
SCORER = SHARED / "tools" / "score_times.py"


def load_gold(split: str | None = None) -> list[dict[str, Any]]:
    articles = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [a for a in articles if split is None or a.get("split") == split]


def run_system(articles: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float, int]:
    """System output lines, seconds spent in extract_times alone, and the number of words."""
    nlp = get_nlp()
    docs = list(nlp.pipe(a["text"] for a in articles))
    spent = 0.0
    out = []
    for article, doc in zip(articles, docs, strict=True):
        began = time.perf_counter()
        times = extract_times(doc, article.get("published"))
        spent += time.perf_counter() - began
        out.append({"id": article["id"], "times": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod}
            for t in times]})  # fmt: skip
    words = sum(len(a["text"].split()) for a in articles)
    return out, spent, words


def score(gold_path: Path, system_path: Path) -> tuple[str, float]:
    """The scorer's printed report and its last line (value F1)."""
    result = subprocess.run(
        [sys.executable, str(SCORER), str(gold_path), str(system_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout, float(result.stdout.strip().splitlines()[-1])


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def evaluate(out_dir: Path, split: str | None = None) -> dict[str, float]:
    """Run, write OUT/articles.jsonl, score overall and per split; returns {name: value F1, "words_per_s"}."""
    articles = load_gold(split)
    system, spent, words = run_system(articles)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(out_dir / "articles.jsonl", system)
    report, overall = score(GOLD, out_dir / "articles.jsonl") if split is None else (None, 0.0)
    figures = {"all": overall} if split is None else {}
    if report:
        print(report, end="")
    for name in sorted({a.get("split") or "" for a in articles}):
        subset = [a for a in articles if (a.get("split") or "") == name]
        ids = {a["id"] for a in subset}
        write_jsonl(out_dir / f"gold_{name}.jsonl", subset)
        write_jsonl(out_dir / f"articles_{name}.jsonl", [s for s in system if s["id"] in ids])
        _, figures[name] = score(out_dir / f"gold_{name}.jsonl", out_dir / f"articles_{name}.jsonl")
    figures["words_per_s"] = words / spent if spent else float("inf")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=None, help="output directory (a temporary one if not given)"
    )
    parser.add_argument("--split", default=None, help="only this split of the data")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = evaluate(args.out or Path(tmp), args.split)
    for name, figure in figures.items():
        if name != "words_per_s":
            print(f"value F1 [{name or 'all'}]: {figure:.4f}")
    print(f"extract_times: {figures['words_per_s']:,.0f} words/s (one core, noisy shared machine)")


if __name__ == "__main__":
    main()
