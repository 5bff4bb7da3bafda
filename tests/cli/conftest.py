"""Fixtures for CLI tests: the real `corroborator` console script in a subprocess, and typer's CliRunner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from corroborator.cli import app

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "examples" / "seeds"
CORROBORATOR = Path(sys.executable).parent / "corroborator"

RunCli = Callable[..., subprocess.CompletedProcess[str]]
InvokeCli = Callable[..., Result]


@pytest.fixture
def seeds() -> Path:
    """examples/seeds: the two model-case articles."""
    return SEEDS


@pytest.fixture
def corroborator_exe() -> Path:
    """The installed `corroborator` console script."""
    return CORROBORATOR


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """The environment for a CLI run: the database in tmp_path, no debug tracebacks."""
    env = {key: value for key, value in os.environ.items() if key not in ("CORROBORATOR_DEBUG",)}
    env["CORROBORATOR_DB"] = str(tmp_path / "cli.db")
    return env


@pytest.fixture
def run_cli(cli_env: dict[str, str], tmp_path: Path) -> RunCli:
    """Run `corroborator ARGS...` as a real process (cwd tmp_path); returns the CompletedProcess."""

    def run(
        *args: str, env: dict[str, str] | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(CORROBORATOR), *args], capture_output=True, text=True, cwd=tmp_path,
            env=env if env is not None else cli_env, timeout=timeout, check=False,
        )

    return run


@pytest.fixture
def invoke_cli(cli_env: dict[str, str]) -> InvokeCli:
    """Run the Typer app in-process with CliRunner (stdout and stderr kept apart)."""

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(app, list(args), env=cli_env)

    return invoke
