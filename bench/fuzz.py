"""Long fuzz run over every reader, analysis and comparison (the CI runs the short form in
tests/reliability/test_fuzz.py). Prints, per target, the inputs tried, the time taken and each distinct
failure with an example input; exits 1 if any target failed.

    .venv/bin/python bench/fuzz.py                        # 20,000 per reader, 500 analysis, 500 compare
    .venv/bin/python bench/fuzz.py --scale 0.1 --seed 7   # a tenth of that, another random seed
    .venv/bin/python bench/fuzz.py --targets html,feed --examples 1000
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import warnings
from pathlib import Path

RELIABILITY = Path(__file__).resolve().parents[1] / "tests" / "reliability"
sys.path[:0] = [str(RELIABILITY), str(RELIABILITY.parent)]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from fuzz_targets import BY_NAME, TARGETS, Outcome, run_target  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--targets", default=",".join(BY_NAME), help="Comma-separated target names.")
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply every target's input count.")
    parser.add_argument("--examples", type=int, default=None, help="Inputs per target (overrides --scale).")
    parser.add_argument("--seed", type=int, default=None, help="Random seed (default: a new one).")
    parser.add_argument("--save", type=Path, default=None, help="Write each failing input to this folder.")
    args = parser.parse_args()
    names = [name.strip() for name in args.targets.split(",") if name.strip()]
    unknown = [name for name in names if name not in BY_NAME]
    if unknown:
        parser.error(f"unknown targets {unknown}; choose from {[target.name for target in TARGETS]}")
    chosen_seed = args.seed if args.seed is not None else random.randrange(1 << 31)
    print(f"seed {chosen_seed}", flush=True)
    _quiet_libraries()
    outcomes = []
    for name in names:
        target = BY_NAME[name]
        examples = args.examples or max(1, round(target.long_examples * args.scale))
        outcome = run_target(target, examples, record=True, random_seed=chosen_seed)
        _print_outcome(outcome)
        if args.save:
            _save_examples(outcome, args.save)
        outcomes.append(outcome)
    total_tried = sum(outcome.tried for outcome in outcomes)
    total_failures = sum(len(outcome.failures) for outcome in outcomes)
    print(f"total: {total_tried} inputs, {total_failures} distinct failures", flush=True)
    return 1 if total_failures else 0


def _print_outcome(outcome: Outcome) -> None:
    print(
        f"{outcome.name:14} {outcome.tried:7d} inputs {outcome.seconds:8.1f} s "
        f"{len(outcome.failures):3d} failures",
        flush=True,
    )
    for failure, example in outcome.failures.items():
        print(f"    {failure}\n        e.g. {example}", flush=True)


def _save_examples(outcome: Outcome, folder: Path) -> None:
    """Each failing input as a file: bytes as they were, text as UTF-8, anything else as its repr."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, (failure, example) in enumerate(outcome.examples.items()):
        stem = folder / f"{outcome.name}-{number}"
        stem.with_suffix(".why").write_text(failure + "\n", encoding="utf-8")
        if isinstance(example, bytes):
            stem.with_suffix(".input").write_bytes(example)
        else:
            text = example if isinstance(example, str) else repr(example)
            stem.with_suffix(".input").write_text(text, encoding="utf-8", errors="surrogatepass")


def _quiet_libraries() -> None:
    """Library chatter about bad input (trafilatura's and spaCy's logs, parser warnings) is expected here;
    what counts is the contract each target checks."""
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")


if __name__ == "__main__":
    raise SystemExit(main())
