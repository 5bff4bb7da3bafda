"""Shared by the reliability tests (a unique module name: tests/ is no package): paths, the real CLI in a
subprocess, and database checks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
SEEDS = REPO / "examples" / "seeds"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

def cli_command(*args: str) -> list[str]:
    """The argv that runs the real `corroborator ARGS...` console entry point in a new Python process."""
    entry = "import sys; from corroborator.cli import main; sys.argv[0] = 'corroborator'; main()"
    return [sys.executable, "-c", entry, *args]


def cli_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CORROBORATOR_")}
    env.update({"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false", **extra})
    return env


def run_cli(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `corroborator ARGS...` to the end; returns the CompletedProcess (never raises on exit status)."""
    env = cli_env()
    return subprocess.run(
        cli_command(*args), capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout, check=False
    )


def table_rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of a query on a database opened read-only."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


def integrity(db: Path) -> str:
    rows = table_rows(db, "PRAGMA integrity_check")
    return ", ".join(str(row[0]) for row in rows)
