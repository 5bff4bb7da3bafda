"""The attribute ruler's patterns looked up by tag and word instead of tried at every token.

en_core_web_sm's `attribute_ruler` (coarse POS, morphology and a few lemmas from the tagger's tags) runs its
179 patterns through spaCy's Matcher, which tries every pattern at every token: 45 % of the parse time of
a news article. Its patterns are one or two tokens constrained by tag, lowercase form, dependency label
and `IS_SPACE`, so each can be filed under the tags or words it requires. `index_attribute_ruler` gives
the ruler a `match` that returns the same matches in the same order (`tests/facts/test_ruler.py` checks
them against spaCy's on real text); the ruler's own `set_annotations` then sets the attributes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
Row = tuple[int, int, int, int]
Test = Callable[[Row], bool]
Match = tuple[int, int, int, int]
"""(rule number, match id, start, end), as `AttributeRuler.match` gives them."""
MAX_KNOWN_ROWS = 200_000


class Unsupported(ValueError):
    """A pattern uses an attribute or operator the index does not know; spaCy's Matcher is kept."""


@dataclass(frozen=True)
class _Rule:
    number: int
    key: int
    tokens: tuple[Test, ...]


def index_attribute_ruler(ruler: AttributeRuler) -> bool:
    """Give `ruler` an indexed `match`; False (and the ruler left as it is) if a pattern is not supported."""
    try:
        matcher = _IndexedMatcher(ruler.vocab, _rules(ruler))
    except Unsupported:
        return False
    ruler.match = matcher  # type: ignore[method-assign]
    return True


def _rules(ruler: AttributeRuler) -> list[tuple[int, int, list[dict[str, object]]]]:
    """(rule number, match id, token specs) of every alternative pattern of every rule."""
    rules = []
    for number in range(len(ruler.attrs)):
        key = ruler.vocab.strings[str(number)]
        for pattern in ruler.matcher.get(key)[1]:
            rules.append((number, key, pattern))
    return rules


class _IndexedMatcher:
    def __init__(self, vocab: Vocab, rules: Iterable[tuple[int, int, list[dict[str, object]]]]) -> None:
        self.strings = vocab.strings
        self.by_column: tuple[dict[int, list[_Rule]], dict[int, list[_Rule]]] = ({}, {})
        self.anywhere: list[_Rule] = []
        self.known: dict[Row, tuple[list[tuple[int, int]], list[_Rule]]] = {}
        for number, key, pattern in rules:
            rule = _Rule(number, key, tuple(self._test(spec) for spec in pattern))
            self._file(rule, pattern[0])

    def __call__(self, doc: Doc) -> list[Match]:
        rows: list[Row] = [tuple(row) for row in doc.to_array(ARRAY_ATTRS).tolist()]
        matches: list[Match] = []
        for start, row in enumerate(rows):
            one_token, longer = self._starting_at(row)
            matches.extend((number, key, start, start + 1) for number, key in one_token)
            for rule in longer:
                end = start + len(rule.tokens)
                if end <= len(rows) and all(test(rows[start + i]) for i, test in enumerate(rule.tokens)):
                    matches.append((rule.number, rule.key, start, end))
        return sorted(set(matches))

    def _starting_at(self, row: Row) -> tuple[list[tuple[int, int]], list[_Rule]]:
        """The one-token rules a token of `row` matches, and the longer rules whose first token it matches.

        A token's attributes repeat across a text (a word with one tag and label), so the answer is kept."""
        known = self.known.get(row)
        if known is None:
            if len(self.known) > MAX_KNOWN_ROWS:
                self.known.clear()
            by_tag, by_word = self.by_column
            rules = [*by_tag.get(row[0], ()), *by_word.get(row[1], ()), *self.anywhere]
            first = [rule for rule in rules if rule.tokens[0](row)]
            one_token = [(rule.number, rule.key) for rule in first if len(rule.tokens) == 1]
            known = self.known[row] = (one_token, [rule for rule in first if len(rule.tokens) > 1])
        return known

    def _file(self, rule: _Rule, first: dict[str, object]) -> None:
        """File a rule under each tag (else each word) its first token must have, else under `anywhere`."""
        for column, name in enumerate(("TAG", "LOWER")):
            values = _required(first.get(name))
            if values is not None:
                for value in values:
                    self.by_column[column].setdefault(self.strings.add(value), []).append(rule)
                return
        self.anywhere.append(rule)

    def _test(self, spec: dict[str, object]) -> Test:
        tests = [self._attribute_test(name, value) for name, value in spec.items()]
        return lambda row: all(test(row) for test in tests)

    def _attribute_test(self, name: str, value: object) -> Test:
        if name not in COLUMNS:
            raise Unsupported(f"attribute {name}")
        column = COLUMNS[name]
        if isinstance(value, bool):
            return lambda row: bool(row[column]) is value
        if isinstance(value, str):
            wanted = self.strings.add(value)
            return lambda row: row[column] == wanted
        if isinstance(value, dict) and len(value) == 1:
            return self._operator_test(column, *next(iter(value.items())))
        raise Unsupported(f"{name}: {value!r}")

    def _operator_test(self, column: int, operator: str, operand: object) -> Test:
        if operator in ("IN", "NOT_IN") and isinstance(operand, list):
            hashes = frozenset(self.strings.add(item) if item else 0 for item in operand)
            if operator == "IN":
                return lambda row: row[column] in hashes
            return lambda row: row[column] not in hashes
        if operator == "REGEX" and isinstance(operand, str):
            regex = re.compile(operand)
            strings = self.strings
            return lambda row: regex.search(strings[row[column]]) is not None
        raise Unsupported(f"operator {operator}")


def _required(value: object) -> list[str] | None:
    """The values an attribute must take by `value` (an equality or an IN list), None if it may take any."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
        return [str(item) for item in value["IN"]]
    return None


__all__ = ["index_attribute_ruler"]
