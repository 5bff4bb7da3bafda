"""A real `corroborator serve` as a subprocess on a free 127.0.0.1 port, its output kept for inspection."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"
CLI = str(Path(sys.executable).with_name("corroborator"))
STARTUP_SECONDS = 120.0
JOB_SECONDS = 300.0


def cli_env(token: str | None = None) -> dict[str, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "CORROBORATOR_TOKEN": token or ""}
    env.pop("CORROBORATOR_DB", None)
    return env


class LiveServer:
    """The server process; stdout and stderr are read by threads into `out` and `err`."""

    def __init__(self, db: Path, token: str | None, extra: Sequence[str] = ()) -> None:
        self.process = subprocess.Popen(
            [CLI, "serve", "--port", "0", "--db", str(db), *extra],
            env=cli_env(token), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self.base = ""
        self._announced = threading.Event()
        self._readers = [
            threading.Thread(target=self._read, args=(self.process.stdout, self.out), daemon=True),
            threading.Thread(target=self._read, args=(self.process.stderr, self.err), daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        if not self._announced.wait(STARTUP_SECONDS) or not self.base:
            self.stop()
            raise AssertionError(f"the server did not start: {self.log()}")

    def _read(self, stream: Any, sink: list[str]) -> None:
        for line in stream:
            sink.append(line)
            found = re.search(r"serving (http://\S+?)/ ", line)
            if found:
                self.base = found.group(1)
                self._announced.set()
        self._announced.set()

    def log(self) -> str:
        """Everything the server printed so far, stdout then stderr."""
        return "".join(self.out) + "".join(self.err)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        for reader in self._readers:
            reader.join(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@contextmanager
def live_server(db: Path, token: str | None, extra: Sequence[str] = ()) -> Iterator[LiveServer]:
    server = LiveServer(db, token, extra)
    try:
        yield server
    finally:
        server.stop()


def wait_for_job(base: str, job_id: str, timeout: float = JOB_SECONDS) -> dict[str, Any]:
    """Poll /api/jobs/{id} until the job is done or failed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = httpx.get(f"{base}/api/jobs/{job_id}", timeout=60).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.3)
    raise AssertionError(f"job {job_id} did not end within {timeout} s")


def run_cli(args: Sequence[str], timeout: float = 600.0) -> subprocess.CompletedProcess[str]:
    """`corroborator ARGS...` as a separate process, its output captured as text."""
    return subprocess.run(
        [CLI, *args], capture_output=True, text=True, env=cli_env(), timeout=timeout, check=False
    )
