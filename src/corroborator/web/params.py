"""Query parameters shared by the API and the pages: list filters and paging."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Query

from corroborator.errors import InputError
from corroborator.web.data import ListQuery


def parse_day(name: str, value: str | None) -> str | None:
    """An ISO day from a query parameter; empty means no filter (HTML forms send empty fields)."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(
            f"query parameter '{name}': {value!r} is not a date", "write it as YYYY-MM-DD"
        ) from None


async def list_query(
    q: Annotated[str | None, Query(description="Full-text search over titles and texts")] = None,
    outlet: Annotated[str | None, Query(description="Only this outlet (its exact name)")] = None,
    entity: Annotated[
        str | None, Query(description="Only articles mentioning this entity (canonical name)")
    ] = None,
    since: Annotated[str | None, Query(description="Published on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="Published on or before this day (YYYY-MM-DD)")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
) -> ListQuery:
    return ListQuery(
        q=(q or "").strip() or None,
        outlet=(outlet or "").strip() or None,
        entity=(entity or "").strip() or None,
        since=parse_day("since", since),
        until=parse_day("until", until),
        page=page,
        per_page=per_page,
    )


Listing = Annotated[ListQuery, Depends(list_query)]
