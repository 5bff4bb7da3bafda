"""Quality of briefs on real multi-outlet stories, scored against gold briefs written by careful reading.

Each gold story's articles are written to a JSONL file and compared exactly as `corroborator compare
FILE.jsonl --format json` does (same reader, analyser and brief); the briefs go to one JSON list that
`../shared/tools/score_briefs.py` scores. Prints the scorer's output; `--json` prints only its headline.

    .venv/bin/python bench/quality_briefs.py                      # ../shared/data/briefs_dev.jsonl
    .venv/bin/python bench/quality_briefs.py --gold bench/gold/briefs_own.jsonl --per-story
    .venv/bin/python bench/quality_briefs.py --lexical            # aligned as batch briefs are
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

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
DEV_GOLD = SHARED / "data" / "briefs_dev.jsonl"
ARTICLES = SHARED / "data" / "ecbplus_traindev.jsonl"
SCORER = SHARED / "tools" / "score_briefs.py"


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def story_briefs(gold: list[dict[str, Any]], articles: Path, semantic: bool) -> list[dict[str, Any]]:
    """One brief a gold story, through the reader and brief builder `compare` uses."""
    from corroborator.analyze.pipeline import shared_analyzer
    from corroborator.compare.brief import build_brief
    from corroborator.compare.sources import adhoc_story_id, input_ids_kept
    from corroborator.ingest import ReadOptions, read_sources
    from corroborator.render.data import brief_to_dict
    from corroborator.types import Article

    rows = {str(r["id"]): r for r in load_jsonl(articles)}
    briefs = []
    with tempfile.TemporaryDirectory() as scratch:
        for story in gold:
            path = Path(scratch) / f"{story['story']}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for article_id in story["articles"]:
                    out.write(json.dumps(rows[str(article_id)]) + "\n")
            found = [a for a in read_sources([str(path)], ReadOptions()) if isinstance(a, Article)]
            found = input_ids_kept(found)
            analyses = shared_analyzer().analyze(found)
            brief = build_brief(adhoc_story_id(found), found, analyses, semantic=semantic)
            briefs.append(brief_to_dict(brief))
    return briefs


def score(gold: Path, briefs_path: Path, per_story: bool) -> tuple[str, dict[str, Any]]:
    command = [sys.executable, str(SCORER), str(gold), str(ARTICLES), str(briefs_path)]
    if per_story:
        command.append("--per-story")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return output, json.loads(output.strip().splitlines()[-1])


def measure(gold: Path, semantic: bool = True, out: Path | None = None) -> dict[str, Any]:
    """The scorer's headline figures for briefs built on every story of a gold file."""
    briefs = story_briefs(load_jsonl(gold), ARTICLES, semantic)
    with tempfile.TemporaryDirectory() as scratch:
        path = out or Path(scratch) / "briefs.json"
        path.write_text(json.dumps(briefs), encoding="utf-8")
        return score(gold, path, per_story=False)[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=DEV_GOLD, help="gold briefs (JSONL)")
    parser.add_argument("--lexical", action="store_true", help="align without clause embeddings (batch)")
    parser.add_argument("--out", type=Path, default=None, help="keep the briefs (JSON list) here")
    parser.add_argument("--per-story", action="store_true", help="the scorer's counts per story")
    parser.add_argument("--json", action="store_true", help="print only the headline figures")
    args = parser.parse_args()
    if not args.gold.exists() or not ARTICLES.exists():
        sys.exit(f"error: {args.gold} or {ARTICLES} not found (../shared must be beside the repository)")
    started = time.perf_counter()
    briefs = story_briefs(load_jsonl(args.gold), ARTICLES, semantic=not args.lexical)
    elapsed = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as scratch:
        path = args.out or Path(scratch) / "briefs.json"
        path.write_text(json.dumps(briefs), encoding="utf-8")
        output, head = score(args.gold, path, args.per_story)
    if args.json:
        print(json.dumps({**head, "seconds": round(elapsed, 1)}))
    else:
        print(output, end="")
        print(f"{len(briefs)} briefs in {elapsed:.1f} s")


if __name__ == "__main__":
    main()
