"""A 20-second run of bench/soak_web.py: a steady request rate plus ingest jobs, no error, memory flat."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from security.live_server import ROOT, cli_env

pytestmark = pytest.mark.slow

SOAK = ROOT / "bench" / "soak_web.py"


def test_twenty_seconds_of_steady_traffic_with_ingest_jobs() -> None:
    command = [sys.executable, str(SOAK), "--seconds", "20", "--rate", "20", "--articles", "12",
               "--ingest-every", "6", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, env=cli_env(), timeout=900, check=False)
    assert done.stdout.strip(), done.stderr
    report = json.loads(done.stdout)
    assert report["requests"] >= 20 * 20
    assert report["errors"] == 0, report["first_errors"]
    assert report["ingest_jobs"] >= 2 and report["ingest_jobs_added"] == report["ingest_jobs"], report
    assert report["bad_server_log_lines"] == [], report
    assert report["rss_growth_end_vs_middle"] <= 0.10, report["rss_mb"]
    assert done.returncode == 0, report
