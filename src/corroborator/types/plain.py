"""`plain`: a dataclass as nested dicts and lists, exactly as `dataclasses.asdict` gives it, a few times
faster (field names read once a class; strings, numbers and None returned as they are, not deep-copied).
Every analysis and brief a batch writes goes through it."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

_ATOMS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """`dataclasses.asdict(value)` for a dataclass instance; for any other value, what asdict gives for it
    as a field."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    names = field_names(kind)
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if kind is list:
        return [plain(item) for item in value]
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return kind(*[plain(item) for item in value])
    if isinstance(value, (list, tuple)):
        return kind(plain(item) for item in value)
    if isinstance(value, dict):
        return kind((plain(key), plain(item)) for key, item in value.items())
    return copy.deepcopy(value)


def as_dict(instance: Any) -> dict[str, Any]:
    """`plain` of a dataclass instance: a dict of its fields."""
    made = plain(instance)
    if not isinstance(made, dict):
        raise TypeError(f"{type(instance).__name__} is not a dataclass")
    return made


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass, in order; None for any other class."""
    if kind not in _FIELD_NAMES:
        fields = dataclasses.fields(kind) if dataclasses.is_dataclass(kind) else None
        _FIELD_NAMES[kind] = None if fields is None else tuple(field.name for field in fields)
    return _FIELD_NAMES[kind]
