"""Property: whatever Unicode an article holds, the store gives it back unchanged and search never fails."""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborator.store import Store
from corroborator.types import Article

_numbers = itertools.count()


@pytest.fixture(scope="module")
def shared_store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "unicode.db") as store:
        yield store


@settings(max_examples=150, deadline=None)
@given(text=st.text(), title=st.text(), removed=st.lists(st.text(), max_size=3), outlet=st.none() | st.text())
def test_any_unicode_text_reads_back_identical(
    shared_store: Store, text: str, title: str, removed: list[str], outlet: str | None
) -> None:
    article = Article(text=text, title=title, removed=removed, outlet=outlet, url=f"u{next(_numbers)}")
    assert shared_store.add_article(article) == "added"
    assert shared_store.get_article(article.id) == article


@settings(max_examples=150, deadline=None)
@given(query=st.text())
def test_any_query_returns_a_list(shared_store: Store, query: str) -> None:
    assert isinstance(shared_store.search(query), list)
