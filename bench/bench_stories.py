"""Speed of story assignment: one new article against an index of N articles (analysis excluded).

    .venv/bin/python bench/bench_stories.py --sizes 10000,100000,1000000 [--workdir DIR] [--trials 200]

The corpus is generated (`bench/datagen/synthetic.py`): articles in stories of heavy-tailed
sizes, with Zipf-drawn words, people, places, organisations, numbers and dates, and lead vectors drawn
near per-story centres (themselves near per-topic centres) instead of embedded, since analysis and
embedding are excluded from the measure. `corroborator.stories.bulk` builds the on-disk index of N
articles in a child process; a second child loads it (`load_index`) and times
`StoryIndex.assign_profile` on the next articles of the same generator. With --workdir an index already
built for a size is reused. Prints median/p95 ms, the growth from the previous size, build and load
times, disk size and peak RSS of the assigning process."""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from corroborator.stories.bulk import bulk_build
from corroborator.stories.persist import load_index
from datagen.synthetic import generated, new_articles


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def disk_mb(directory: Path) -> float:
    return sum(p.stat().st_size for p in directory.iterdir()) / 2**20


def build(size: int, directory: Path) -> dict[str, Any]:
    started = time.perf_counter()
    bulk_build(directory, generated(size))
    (directory / "built").write_text(str(size))
    return {"build_s": time.perf_counter() - started, "build_rss_mb": peak_rss_mb()}


def measure(size: int, trials: int, directory: Path) -> dict[str, Any]:
    started = time.perf_counter()
    index = load_index(directory)
    if index is None:
        raise SystemExit(f"no index in {directory}")
    load_seconds = time.perf_counter() - started
    index.auto_recheck = False
    timings = []
    for profile, vector, tokens in new_articles(size, trials):
        began = time.perf_counter()
        index.assign_profile(profile, vector, tokens)
        timings.append((time.perf_counter() - began) * 1000)
    return {
        "load_s": load_seconds,
        "median_ms": statistics.median(timings),
        "p95_ms": sorted(timings)[int(0.95 * len(timings))],
        "peak_rss_mb": peak_rss_mb(),
        "disk_mb": disk_mb(directory),
        "vectors_mb": index.vectors.index.memory_usage / 2**20,
    }


def child(step: str, size: int, trials: int, directory: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--step", step, "--sizes", str(size), "--trials", str(trials),
               "--workdir", str(directory)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_size(size: int, trials: int, workdir: Path) -> dict[str, Any]:
    directory = workdir / f"stories-{size}"
    built = directory / "built"
    row: dict[str, Any] = {"size": size, "build_s": None}
    if not (built.is_file() and built.read_text() == str(size)):
        row |= child("build", size, trials, directory)
    return row | child("measure", size, trials, directory)


def report(row: dict[str, Any], previous: float | None) -> str:
    growth = f" (x{row['median_ms'] / previous:.2f})" if previous else ""
    build = f"build {row['build_s']:.0f} s (peak {row['build_rss_mb']:.0f} MB); " if row["build_s"] else ""
    return (
        f"{row['size']:>9,} articles: assign median {row['median_ms']:.2f} ms{growth} "
        f"p95 {row['p95_ms']:.2f} ms; {build}load {row['load_s']:.1f} s; vectors {row['vectors_mb']:.0f} MB; "
        f"disk {row['disk_mb']:.0f} MB; peak RSS {row['peak_rss_mb']:.0f} MB; load average "
        f"{os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--workdir", type=Path, help="keep built indexes here (reused when present)")
    parser.add_argument("--step", choices=("build", "measure"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.step:
        size = int(options.sizes)
        if options.step == "build":
            print(json.dumps(build(size, options.workdir)))
        else:
            print(json.dumps(measure(size, options.trials, options.workdir)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = options.workdir or Path(tmp)
        previous = None
        for size in (int(s) for s in options.sizes.split(",")):
            row = run_size(size, options.trials, workdir)
            print(report(row, previous), flush=True)
            previous = row["median_ms"]


if __name__ == "__main__":
    main()
