"""How fast the CLI answers --help: `corroborator --help` and `corroborator COMMAND --help` for every command.

    .venv/bin/python bench/bench_cli.py [--runs N] [--target SECONDS] [--exe PATH]

Each help is run N times (default 5) as a fresh process of the installed console script, the commands taken
in turn each round so that a busy moment on the machine does not fall on one command only. Prints the median
and the max wall-clock seconds of each, against the target (issue: "a CLI answers --help at once", <= 0.5 s),
and exits 1 if any median is over it. Wall-clock time: other processes on a shared machine count too.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_SECONDS = 0.5
CORROBORATOR = Path(sys.executable).parent / "corroborator"


def command_names(exe: Path) -> list[str]:
    """The commands of the app, in the order `corroborator --help` lists them (read from the app itself)."""
    listing = (
        "import typer; from corroborator.cli import app; "
        "print('\\n'.join(typer.main.get_command(app).list_commands(None)))"
    )
    python = exe.parent / "python" if (exe.parent / "python").exists() else Path(sys.executable)
    done = subprocess.run([str(python), "-c", listing], capture_output=True, text=True, check=True)
    return done.stdout.split()


def time_once(exe: Path, args: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"error: `corroborator {' '.join(args)}` exited {done.returncode}:\n{done.stderr}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="runs of each help (default 5)")
    parser.add_argument("--target", type=float, default=TARGET_SECONDS, help="seconds a median may take")
    parser.add_argument("--exe", type=Path, default=CORROBORATOR, help="the corroborator console script")
    options = parser.parse_args()
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if not options.exe.exists():
        parser.error(f"no console script at {options.exe} (install the project into the venv first)")

    helps = [["--help"]] + [[name, "--help"] for name in command_names(options.exe)]
    seconds: dict[str, list[float]] = {" ".join(args): [] for args in helps}
    for _ in range(options.runs):
        for args in helps:
            seconds[" ".join(args)].append(time_once(options.exe, args))

    width = max(len(label) for label in seconds) + len("corroborator ")
    print(f"{'command':<{width}}  median s   max s   (target {options.target:.2f} s, {options.runs} runs)")
    over = []
    for label, times in seconds.items():
        median = statistics.median(times)
        mark = "" if median <= options.target else "  OVER"
        print(f"{'corroborator ' + label:<{width}}  {median:8.3f}  {max(times):6.3f}{mark}")
        if median > options.target:
            over.append(label)
    worst = max(statistics.median(times) for times in seconds.values())
    print(
        f"slowest median {worst:.3f} s; target {options.target:.2f} s: "
        + ("met" if not over else f"missed by {len(over)} of {len(seconds)}")
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
