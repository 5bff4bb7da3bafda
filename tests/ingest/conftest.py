from __future__ import annotations

from collections.abc import Iterator

import ingest_support  # noqa: F401  (puts tests/ on sys.path for the shared server module)
import pytest

from httpserver import TestServer


@pytest.fixture
def server() -> Iterator[TestServer]:
    with TestServer() as running:
        yield running
