"""Speed of `compare` on a small story after start-up: N articles of about W words each (real ECB+ texts of
one topic), read from a JSONL file, analysed, parsed for facts and compared, as `corroborator compare` does.
The first run loads the models (start-up, reported apart); the figure is the median of the runs after it.

    .venv/bin/python bench/bench_compare.py [--articles 3] [--words 800] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ecbplus_traindev.jsonl"
TARGET_SECONDS = 3.0


def pick(articles: int, words: int) -> list[dict[str, str]]:
    """`articles` texts of one topic whose lengths are nearest `words`, each cut to `words` words."""
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    by_topic: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        if len(row["text"].split()) >= words * 0.7:
            by_topic.setdefault(row["topic"], []).append(row)
    topic = max(by_topic.values(), key=len)
    chosen = sorted(topic, key=lambda r: abs(len(r["text"].split()) - words))[:articles]
    return [{"id": r["id"], "text": " ".join(r["text"].split(" ")[:words])} for r in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"error: {DATA} not found (../shared must be beside the repository)")
    from corroborator.api import Corroborator

    rows = pick(args.articles, args.words)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "story.jsonl"
        times = []
        for round_number in range(args.rounds + 1):
            # A new text each round, so that no cache of embeddings or parses helps.
            edited = [{**r, "text": f"{r['text']} Round {round_number}."} for r in rows]
            path.write_text("".join(json.dumps(r) + "\n" for r in edited), encoding="utf-8")
            started = time.perf_counter()
            brief = Corroborator.compare([str(path)])
            times.append(time.perf_counter() - started)
    words = sum(len(r["text"].split()) for r in rows)
    median = statistics.median(times[1:])
    print(
        f"{len(rows)} articles, {words} words: start-up run {times[0]:.2f} s, then median {median:.2f} s "
        f"(max {max(times[1:]):.2f} s) over {args.rounds}; target {TARGET_SECONDS} s; "
        f"{len(brief.agreements)} agreements, {len(brief.single_source)} single-source facts"
    )
    sys.exit(0 if median <= TARGET_SECONDS else 1)


if __name__ == "__main__":
    main()
