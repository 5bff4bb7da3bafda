"""Fixtures for the web tests: a real SQLite database filled through the Python API, and the app over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import SEEDS, TOKEN

from corroborator.api import Corroborator
from corroborator.web.app import create_app


@pytest.fixture(scope="session")
def seeds_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two seed articles ingested once; each test gets its own copy."""
    path = tmp_path_factory.mktemp("template") / "seeds.db"
    with Corroborator(path) as corroborator:
        report = corroborator.ingest([str(SEEDS)])
    assert report.added == 2, report
    return path


@pytest.fixture
def seeds_db(seeds_db_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    shutil.copy(seeds_db_template, path)
    return path


@pytest.fixture
def client(seeds_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seeds_db, token=TOKEN)) as test_client:
        yield test_client
