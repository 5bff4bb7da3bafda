"""The sex US birth records give a first name ("Sarah" f, "Donald" m; "Kim" and "Chris" neither): from the
Social Security Administration's name counts (`data/first_names.tsv`, made by scripts/make_first_names.py)."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal

Sex = Literal["f", "m"]


@functools.cache
def _first_names() -> dict[str, str]:
    text = resources.files("corroborator").joinpath("data", "first_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if line)


def sex_of_first_name(name: str) -> Sex | None:
    """ "f" or "m" when at least 95 % of the people born with this first name were of that sex, else None."""
    found = _first_names().get(name.casefold())
    return "f" if found == "f" else "m" if found == "m" else None
