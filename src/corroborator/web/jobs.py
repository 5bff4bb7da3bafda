"""Background jobs: one worker thread runs queued work (ingest) and records progress for /api/jobs/{id}."""

from __future__ import annotations

import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from corroborator.errors import CorroboratorError, NotFound

JobStatus = Literal["queued", "running", "done", "failed"]
MAX_KEPT = 500


@dataclass
class Job:
    id: str
    kind: str
    description: str
    status: JobStatus = "queued"
    done: int = 0
    total: int | None = None
    message: str = ""
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["url"] = f"/api/jobs/{self.id}"
        data["page"] = f"/jobs/{self.id}"
        return data


class Progress:
    """What a running job reports: items done, items expected, and a one-line message."""

    def __init__(self, job: Job, lock: threading.Lock) -> None:
        self._job = job
        self._lock = lock

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        with self._lock:
            self._job.done = done
            if total is not None:
                self._job.total = total
            if message:
                self._job.message = message


Work = Callable[[Progress], dict[str, Any]]


class JobRunner:
    """Runs jobs one at a time, in submission order, on a daemon worker thread started on first use."""

    def __init__(self, on_finish: Callable[[], None] | None = None) -> None:
        self._on_finish = on_finish
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[tuple[Job, Work] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, kind: str, description: str, work: Work) -> Job:
        job = Job(id=uuid.uuid4().hex[:12], kind=kind, description=description)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="corroborator-jobs", daemon=True)
                self._thread.start()
        self._queue.put((job, work))
        return job

    def get(self, job_id: str) -> dict[str, Any]:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise NotFound(f"no job {job_id!r}", "jobs are kept in memory until the server restarts")
            return job.to_dict()

    def list(self) -> list[dict[str, Any]]:
        with self._lock:
            return [job.to_dict() for job in sorted(self._jobs.values(), key=lambda j: -j.created)]

    def wait(self, job_id: str, timeout: float) -> dict[str, Any]:
        """Poll until the job ends or `timeout` passes (for tests and the CLI)."""
        deadline = time.monotonic() + timeout
        while True:
            data = self.get(job_id)
            if data["status"] in ("done", "failed") or time.monotonic() > deadline:
                return data
            time.sleep(0.05)

    def close(self) -> None:
        """Stop the worker after the job it is running; jobs still queued are dropped."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=30)
            self._thread = None

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            job, work = item
            self._execute(job, work)

    def _execute(self, job: Job, work: Work) -> None:
        with self._lock:
            job.status = "running"
        try:
            result = work(Progress(job, self._lock))
        except CorroboratorError as exc:
            self._finish(job, "failed", {}, exc.one_line())
        except Exception as exc:  # a job must never kill the worker; the error is shown on the job
            self._finish(job, "failed", {}, f"{type(exc).__name__}: {exc}")
        else:
            self._finish(job, "done", result, None)

    def _finish(self, job: Job, status: JobStatus, result: dict[str, Any], error: str | None) -> None:
        with self._lock:
            job.status = status
            job.result = result
            job.error = error
            job.finished = time.time()
        if self._on_finish is not None:
            self._on_finish()

    def _forget_old(self) -> None:
        finished = [job for job in self._jobs.values() if job.finished is not None]
        for job in sorted(finished, key=lambda j: j.created)[: max(0, len(self._jobs) - MAX_KEPT)]:
            del self._jobs[job.id]
