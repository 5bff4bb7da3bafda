"""Regexes that find the words of a large word list fast: one trie-shaped alternation instead of one
branch per word (Python's `re` tries the branches one by one)."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

_END = ""
_Trie = dict[str, "_Trie"]


def word_trie(words: Iterable[str]) -> str:
    """A non-capturing regex matching exactly the given words (escaped literals), sharing prefixes."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _pattern(trie)


def _pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


_CATEGORY_CHARACTERS = {
    _constants.CATEGORY_DIGIT: frozenset(string.digits),
    _constants.CATEGORY_WORD: frozenset(string.ascii_lowercase + string.digits + "_"),
    _constants.CATEGORY_SPACE: frozenset(" \t\n\r\f\v"),
}
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
_First = tuple[frozenset[str] | None, bool]
"""The lower-case ASCII characters a piece of pattern may begin with (None: any), and whether it may be
empty."""


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The lower-case ASCII characters a match of `pattern` may begin with, case ignored; None when that is
    not known (it may be empty, begin with any character, or with a non-ASCII one that folds to ASCII).
    A match can begin with an ASCII character `c` only if `c.lower()` is in the set."""
    characters, may_be_empty = _first_of_sequence(list(_parser.parse(pattern, flags)))
    return None if may_be_empty else characters


def _first_of_sequence(items: list[tuple[Any, Any]]) -> _First:
    characters: set[str] = set()
    for operator, argument in items:
        first, may_be_empty = _first_of(operator, argument)
        if first is None:
            return None, False
        characters |= first
        if not may_be_empty:
            return frozenset(characters), False
    return frozenset(characters), True


def _first_of(operator: Any, argument: Any) -> _First:
    if operator is _constants.LITERAL:
        return _characters([chr(argument)]), False
    if operator is _constants.IN:
        return _first_of_set(argument), False
    if operator is _constants.SUBPATTERN:
        return _first_of_sequence(list(argument[3]))
    if operator is _constants.ATOMIC_GROUP:
        return _first_of_sequence(list(argument))
    if operator is _constants.BRANCH:
        return _first_of_branches([_first_of_sequence(list(branch)) for branch in argument[1]])
    if operator in _REPEATS:
        first, may_be_empty = _first_of_sequence(list(argument[2]))
        return first, may_be_empty or argument[0] == 0
    if operator in _ZERO_WIDTH:
        return frozenset(), True
    return None, False


def _first_of_branches(branches: list[_First]) -> _First:
    characters: set[str] = set()
    for first, _ in branches:
        if first is None:
            return None, False
        characters |= first
    return frozenset(characters), any(may_be_empty for _, may_be_empty in branches)


def _first_of_set(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    characters: set[str] = set()
    for operator, argument in items:
        if operator is _constants.LITERAL:
            found = _characters([chr(argument)])
        elif operator is _constants.RANGE and argument[1] < 128:
            found = _characters([chr(code) for code in range(argument[0], argument[1] + 1)])
        elif operator is _constants.CATEGORY:
            found = _CATEGORY_CHARACTERS.get(argument)
        else:
            return None
        if found is None:
            return None
        characters |= found
    return frozenset(characters)


def _characters(characters: list[str]) -> frozenset[str] | None:
    """Lower-cased; None if one is not ASCII (non-ASCII letters such as the Kelvin sign fold to ASCII)."""
    if not all(character.isascii() for character in characters):
        return None
    return frozenset(character.lower() for character in characters)
