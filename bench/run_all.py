"""Run every quality and speed benchmark in bench/, one after another, and print their figures.

    python bench/run_all.py [NAME ...]      # e.g. quality_times bench_analysis

Each script is a standalone program; see bench/README.md for what each measures and the recorded figures.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(p for p in BENCH.glob("*.py") if p.name not in {"run_all.py", "__init__.py"})
    if names:
        scripts = [p for p in scripts if p.stem in names]
    failed = 0
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        started = time.monotonic()
        result = subprocess.run([sys.executable, str(script)], check=False)
        print(f"== {script.stem}: exit {result.returncode} in {time.monotonic() - started:.0f} s", flush=True)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
