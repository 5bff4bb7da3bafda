"""Attribution quality on PolNeAR: runs extract_quotes over a split and scores it with the shared scorer.

    .venv/bin/python bench/quality_attributions.py --split dev [--out OUT] [--limit N]

Writes OUT/articles.jsonl ({"id", "quotes": [{"speaker", "cue", "content"}]}), runs
../shared/tools/score_attributions.py against the gold filtered to the split, and prints attribution P/R/F1,
speaker accuracy and words per second (spaCy plus quotes, and quotes alone). Tune on train, report dev.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from corroborator.analyze.nlp.load import get_nlp
from corroborator.analyze.quotes.extract import extract_quotes
from corroborator.types.analysis import EntityMention, Quote
from corroborator.types.article import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
GOLD = SHARED / "data" / "polnear_traindev.jsonl"
SCORER = SHARED / "tools" / "score_attributions.py"


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    words_per_second: float
    quote_words_per_second: float
    report: str


def read_gold(split: str, limit: int | None = None) -> list[dict[str, object]]:
    rows = []
    with GOLD.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if split in ("all", row.get("split")):
                rows.append(row)
    return rows[:limit] if limit else rows


def entities_of(doc: Doc, row: dict[str, object]) -> list[EntityMention]:
    """The real entity extractor when it exists, else spaCy's entities as they are."""
    try:
        from corroborator.analyze.entities.extract import extract_entities
    except ImportError:
        return [EntityMention(e.start_char, e.end_char, e.text, e.label_, e.text) for e in doc.ents]
    article = Article(text=str(row["text"]), outlet=str(row.get("outlet") or "") or None)
    return list(extract_entities(doc, article))


def _span(span: object) -> dict[str, int] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end}  # type: ignore[attr-defined]


def quote_row(quote: Quote) -> dict[str, object]:
    return {"speaker": _span(quote.speaker), "cue": _span(quote.cue), "content": _span(quote.content)}


def analyse(rows: list[dict[str, object]]) -> Iterator[tuple[str, list[Quote], float]]:
    """(id, quotes, seconds spent in extract_quotes) for each row, docs from nlp.pipe."""
    nlp = get_nlp()
    texts = (str(row["text"]) for row in rows)
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=32), strict=True):
        entities = entities_of(doc, row)
        started = time.perf_counter()
        quotes = extract_quotes(doc, entities, str(row.get("outlet") or "") or None)
        yield str(row["id"]), quotes, time.perf_counter() - started


def score(split: str, out: Path, limit: int | None = None) -> Scores:
    rows = read_gold(split, limit)
    out.mkdir(parents=True, exist_ok=True)
    words = sum(len(str(row["text"]).split()) for row in rows)
    started = time.perf_counter()
    quote_seconds = 0.0
    with (out / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for doc_id, quotes, seconds in analyse(rows):
            quote_seconds += seconds
            handle.write(json.dumps({"id": doc_id, "quotes": [quote_row(q) for q in quotes]}) + "\n")
    elapsed = time.perf_counter() - started
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as gold:
        for row in rows:
            gold.write(json.dumps({"id": row["id"], "attributions": row["attributions"]}) + "\n")
    result = subprocess.run(
        [sys.executable, str(SCORER), gold.name, str(out / "articles.jsonl")],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(gold.name).unlink()
    return _parse(result.stdout, words / elapsed, words / max(quote_seconds, 1e-9))


def _parse(report: str, words_per_second: float, quote_wps: float) -> Scores:
    prf = re.search(r"P ([\d.]+)\s+R ([\d.]+)\s+F1 ([\d.]+)", report)
    speaker = re.search(r"speaker right on \d+/\d+ .*\(([\d.]+)\)", report)
    if prf is None or speaker is None:
        raise RuntimeError(f"unexpected scorer output: {report!r}")
    p, r, f = (float(x) for x in prf.groups())
    return Scores(p, r, f, float(speaker.group(1)), words_per_second, quote_wps, report)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["train", "dev", "all"], default="dev")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "quality_attributions")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the split")
    args = parser.parse_args()
    scores = score(args.split, args.out, args.limit)
    print(scores.report.rstrip())
    print(
        f"split {args.split}: attribution P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.3f}; "
        f"speaker accuracy {scores.speaker_accuracy:.3f}; {scores.words_per_second:,.0f} words/s "
        f"(spaCy + quotes), {scores.quote_words_per_second:,.0f} words/s (quotes alone)"
    )


if __name__ == "__main__":
    main()
