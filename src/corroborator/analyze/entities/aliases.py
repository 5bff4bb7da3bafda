"""Aliases of places and bodies (data/aliases.json), and the cross-article id of an entity."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from corroborator.analyze.entities.names import acronym_letters, is_acronym, name_key

ALIASES_FILE = Path(__file__).resolve().parents[2] / "data" / "aliases.json"


@functools.cache
def _alias_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(folded alias -> canonical name, alias as written -> canonical name), from data/aliases.json.

    Acronyms ("US", "U.S.", "WHO") and the names in its `case_sensitive` list match only as written, so the
    word "us" or "who" is never the United States or the World Health Organization."""
    data = json.loads(ALIASES_FILE.read_text(encoding="utf-8"))
    as_written = set(data.get("case_sensitive", []))
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    for canonical, aliases in data["aliases"].items():
        for name in [canonical, *aliases]:
            if is_acronym(name):
                exact[acronym_letters(name)] = canonical
            elif name in as_written:
                exact[name] = canonical
            else:
                folded[name_key(name)] = canonical
    return folded, exact


@functools.lru_cache(maxsize=65536)
def alias_of(name: str) -> str | None:
    """The canonical name `name` is an alias of ("U.S." -> "United States"), or None."""
    folded, exact = _alias_tables()
    written = name.strip()
    if is_acronym(written):
        return exact.get(acronym_letters(written))
    return exact.get(written) or folded.get(name_key(written))


def entity_id(name: str) -> str:
    """One id for one entity across articles, however they spell it: "Cheong Seong-chang" and "Cheong Seong
    Chang" -> "cheongseongchang"; an alias takes its canonical name's id ("U.S." -> "unitedstates")."""
    return name_key(alias_of(name) or name)
