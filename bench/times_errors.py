"""Error analysis of time expressions on TempEval-3 train: false positives, misses and wrong values,
grouped by the lowercased text with digits folded (so that "March 3" and "March 14" share a group).

    .venv/bin/python bench/times_errors.py [--cache FILE] [--top N] [--split NAME] [--show KIND]

Sentence offsets come from the real spaCy pipeline once and are cached (default: a file in the temporary
directory), so that rule changes can be measured in seconds. Matching follows ../shared/tools/score_times.py
(strict match first, else the first overlapping system expression; each used once).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from corroborator.analyze.times.extract import find_times

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
GOLD = SHARED / "data" / "tempeval3_train.jsonl"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "corroborator_tempeval3_sentences.json"
Row = dict[str, Any]


def load_gold() -> list[Row]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentence_spans(articles: list[Row], cache: Path) -> dict[str, list[list[int]]]:
    if cache.exists():
        cached: dict[str, list[list[int]]] = json.loads(cache.read_text(encoding="utf-8"))
        return cached
    from corroborator.analyze.nlp.load import get_nlp

    docs = get_nlp().pipe(a["text"] for a in articles)
    spans = {
        a["id"]: [[s.start_char, s.end_char] for s in doc.sents]
        for a, doc in zip(articles, docs, strict=True)
    }
    cache.write_text(json.dumps(spans), encoding="utf-8")
    return spans


def system_times(article: Row, spans: list[list[int]]) -> list[Row]:
    found = find_times(article["text"], article.get("published"), [(a, b) for a, b in spans])
    return [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value} for t in found]


def match(gold: list[Row], system: list[Row]) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """(gold, system) pairs, gold misses, system false positives, as the shared scorer pairs them."""
    used: set[int] = set()
    pairs, misses = [], []
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used:
                continue
            if s["start"] == g["start"] and s["end"] == g["end"]:
                best = i
                break
            if best is None and s["start"] < g["end"] and g["start"] < s["end"]:
                best = i
        if best is None:
            misses.append(g)
        else:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs, misses, [s for i, s in enumerate(system) if i not in used]


def pattern(text: str) -> str:
    return re.sub(r"\d", "9", " ".join(text.lower().split()))


def context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[[{text[start:end]}]]{right}..."


def print_changes(before: dict[str, str], after: dict[str, str]) -> None:
    """Outcomes that changed between two runs, the "ok" ones first lost, then gained."""
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key, "-"), after.get(key, "-")
        if old.split(" ")[0] != new.split(" ")[0] or old != new:
            print(f"{key}\n   before: {old}\n   after:  {new}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--split", default=None)
    parser.add_argument("--show", default=None, help="print every example of: fp, miss, value, type")
    parser.add_argument("--grep", default=None, help="with --show: only examples whose text matches")
    parser.add_argument("--save", type=Path, default=None, help="store the outcome per gold expression")
    parser.add_argument("--diff", type=Path, default=None, help="list gold expressions whose outcome changed")
    args = parser.parse_args()
    articles = [a for a in load_gold() if args.split is None or a.get("split") == args.split]
    spans = sentence_spans(load_gold(), args.cache)
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    n_gold = n_sys = n_value = 0
    outcome: dict[str, str] = {}
    for article in articles:
        system = system_times(article, spans[article["id"]])
        pairs, misses, false_pos = match(article["times"], system)
        n_gold += len(article["times"])
        n_sys += len(system)
        n_value += sum(str(g["value"]) == str(s["value"]) for g, s in pairs)
        text, doc = article["text"], article["id"]
        for s in false_pos:
            groups["fp"][pattern(s["text"])] += 1
            examples["fp"].append(f"{doc} {s['value']} {context(text, s['start'], s['end'])}")
        for g in misses:
            groups["miss"][pattern(g["text"])] += 1
            examples["miss"].append(f"{doc} {g['type']} {g['value']} {context(text, g['start'], g['end'])}")
        for g in misses:
            outcome[f"{doc}:{g['start']}"] = f"miss gold={g['value']} {g['text']!r}"
        for s in false_pos:
            outcome[f"{doc}:fp:{s['start']}"] = f"fp {s['value']} {context(text, s['start'], s['end'], 30)}"
        for g, s in pairs:
            verdict = "ok" if str(g["value"]) == str(s["value"]) else "wrong"
            outcome[f"{doc}:{g['start']}"] = (
                f"{verdict} gold={g['value']} sys={s['value']} {context(text, s['start'], s['end'], 30)}"
            )
            if str(g["value"]) != str(s["value"]):
                key = f"{pattern(g['text'])} | sys={pattern(s['text'])}"
                groups["value"][key] += 1
                examples["value"].append(
                    f"{doc} ref={article.get('published')} gold={g['type']}:{g['value']} sys={s['type']}:"
                    f"{s['value']} {context(text, s['start'], s['end'])} gold_text={g['text']!r}"
                )
            if g["type"] != s["type"]:
                groups["type"][f"{g['type']}->{s['type']} {pattern(g['text'])}"] += 1
                examples["type"].append(f"{doc} gold={g['type']}:{g['value']} sys={s['type']}:{s['value']} "
                                        f"{context(text, s['start'], s['end'])}")  # fmt: skip
    precision, recall = n_value / n_sys, n_value / n_gold
    f1 = 2 * precision * recall / (precision + recall)
    print(
        f"gold {n_gold} system {n_sys} value-correct {n_value}  P {precision:.3f} R {recall:.3f} F1 {f1:.4f}"
    )
    if args.save:
        args.save.write_text(json.dumps(outcome), encoding="utf-8")
    if args.diff:
        print_changes(json.loads(args.diff.read_text(encoding="utf-8")), outcome)
        return
    if args.show:
        for line in examples[args.show]:
            if args.grep is None or re.search(args.grep, line, re.IGNORECASE):
                print(line)
        return
    for kind in ("fp", "miss", "value", "type"):
        counter = groups[kind]
        print(f"\n== {kind}: {sum(counter.values())} in {len(counter)} groups")
        for key, count in counter.most_common(args.top):
            print(f"{count:4d}  {key}")


if __name__ == "__main__":
    main()
