"""Token-level differences between two aligned clauses, each classified as the kind of fact that differs."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from corroborator.compare.embed import word_similarity
from corroborator.compare.entities_table import EntityClusters
from corroborator.compare.pos import MODIFIER_TAGS, NOUN_TAGS, tag_at
from corroborator.compare.text import (
    MONTHS,
    WEEKDAYS,
    Token,
    is_capitalised,
    is_content,
    is_negation,
    is_number,
    norm,
    normed,
    tokens,
)
from corroborator.compare.units import Unit
from corroborator.types import DiscrepancyKind

SYNONYM_SIMILARITY = 0.5
"""Two modifiers at least this similar (embedding cosine) are a paraphrase, not a differing detail."""
MAX_DETAIL_WORDS = 3
MAX_FACT_WORDS = 4
MAX_FRAME_CHANGE = 0.5
"""Clauses differing in more than this share of their common words state different facts."""
"""A replaced stretch longer than this is a rewording, not one changed number, date or name."""
GENERIC_MODIFIERS = frozenset(
    {"different", "various", "several", "many", "new", "other", "some", "type", "kind"}
)


@dataclass(frozen=True)
class Difference:
    kind: DiscrepancyKind
    left: list[Token]
    right: list[Token]

    @property
    def left_text(self) -> str:
        return " ".join(t.text for t in self.left)

    @property
    def right_text(self) -> str:
        return " ".join(t.text for t in self.right)


def differences(left: Unit, right: Unit, clusters: EntityClusters) -> list[Difference]:
    """Replaced stretches of `right` against `left` that change a number, date, name or detail."""
    a, b = list(tokens(left.text, left.start)), list(tokens(right.text, right.start))
    opcodes = word_opcodes(left.text, right.text)
    same_frame = frame_change(a, b) <= MAX_FRAME_CHANGE
    found: list[Difference] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "replace":
            continue
        side_a, side_b = a[i1:i2], b[j1:j2]
        heads = (_head_after(opcodes, index, a, 1), _head_after(opcodes, index, b, 3))
        kind = _classify(left, right, side_a, side_b, heads, clusters)
        if kind == "detail" or (kind is not None and same_frame):
            found.append(Difference(kind, side_a, side_b))
    return found


@functools.lru_cache(maxsize=4096)
def word_opcodes(left: str, right: str) -> tuple[tuple[str, int, int, int, int], ...]:
    """difflib's opcodes between the normalised word tokens of two clauses (cached: a related pair is
    checked for differences and for negation)."""
    matcher = difflib.SequenceMatcher(None, normed(left), normed(right), autojunk=False)
    return tuple(matcher.get_opcodes())


def frame_change(a: list[Token], b: list[Token]) -> float:
    """Share of the common words (not names, numbers or dates) that only one clause has: "12 people died" and
    "15 people were injured" are different facts, not one fact with two counts."""
    words_a = {norm(t.text) for t in a if _is_frame_word(t)}
    words_b = {norm(t.text) for t in b if _is_frame_word(t)}
    union = words_a | words_b
    return len(words_a ^ words_b) / len(union) if union else 0.0


def _is_frame_word(token: Token) -> bool:
    return is_content(token.text) and not is_capitalised(token.text) and token.lower not in MONTHS | WEEKDAYS


def negation_differs(left: Unit, right: Unit) -> bool:
    """One clause negates what the other affirms: a negation word added or replaced inside the words they
    share ("will declare" / "will not declare"), not in a tail only one of them has."""
    a, b = tokens(left.text, left.start), tokens(right.text, right.start)
    opcodes = word_opcodes(left.text, right.text)
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal" or index == 0 or index == len(opcodes) - 1:
            continue
        negated_a = any(is_negation(t.text) for t in a[i1:i2])
        negated_b = any(is_negation(t.text) for t in b[j1:j2])
        if negated_a != negated_b:
            return True
    return False


def _head_after(
    opcodes: Sequence[tuple[str, int, int, int, int]], index: int, side: list[Token], column: int
) -> Token | None:
    """The first token of the equal block after opcode `index` (column 1: left side, 3: right side)."""
    if index + 1 >= len(opcodes) or opcodes[index + 1][0] != "equal":
        return None
    _, left_start, _, right_start, _ = opcodes[index + 1]
    return side[left_start if column == 1 else right_start]


def _classify(
    left: Unit,
    right: Unit,
    side_a: list[Token],
    side_b: list[Token],
    heads: tuple[Token | None, Token | None],
    clusters: EntityClusters,
) -> DiscrepancyKind | None:
    head, head_b = heads
    short = max(len(side_a), len(side_b)) <= MAX_FACT_WORDS
    if short and _is_time(left, side_a) and _is_time(right, side_b):
        return _time_kind(left, right, side_a, side_b)
    if short and _has_number(side_a) and _has_number(side_b):
        return "number" if _numbers(side_a) != _numbers(side_b) else None
    names_a, names_b = _names(left, side_a), _names(right, side_b)
    if names_a and names_b and _mostly_names(left, side_a) and _mostly_names(right, side_b):
        return _entity_kind(names_a, names_b, clusters)
    if head is not None and head_b is not None and _is_detail(left, right, side_a, side_b, head, head_b):
        return "detail"
    return None


def _overlapping_times(unit: Unit, side: list[Token]) -> list[str]:
    start, end = side[0].start, side[-1].end
    return [t.value or t.text for t in unit.times if t.start < end and start < t.end]


def _is_time(unit: Unit, side: list[Token]) -> bool:
    if _overlapping_times(unit, side):
        return True
    words = {t.lower for t in side}
    return bool(words & (MONTHS | WEEKDAYS))


def _time_kind(left: Unit, right: Unit, side_a: list[Token], side_b: list[Token]) -> DiscrepancyKind | None:
    """`date` when the days differ ("Friday morning" / "Sunday morning"), `time` when only the hour does."""
    values_a, values_b = _overlapping_times(left, side_a), _overlapping_times(right, side_b)
    if values_a and values_b and set(values_a) & set(values_b):
        return None
    kinds = {t.type for t in left.times + right.times if (t.value or t.text) in values_a + values_b}
    if kinds and kinds <= {"DURATION", "SET"}:
        return "number" if _has_number(side_a) and _has_number(side_b) else None
    if kinds != {"TIME"}:
        return "date"
    days_a, days_b = ({value.split("T")[0] for value in values} for values in (values_a, values_b))
    return "date" if days_a and days_b and not days_a & days_b else "time"


def _has_number(side: list[Token]) -> bool:
    return any(is_number(t.text) for t in side)


def _numbers(side: list[Token]) -> set[str]:
    return {norm(t.text).replace(",", "") for t in side if is_number(t.text)}


def _names(unit: Unit, side: list[Token]) -> set[tuple[str, str]]:
    """(entity key, label) of the entity mentions the stretch touches; capitalised words if none are known."""
    start, end = side[0].start, side[-1].end
    found = {(m.entity, m.label) for m in unit.entities if m.start < end and start < m.end}
    if found or unit.entities:
        return found
    if side[0].start == unit.start:
        return set()
    return {(t.text, "NAME") for t in side if is_capitalised(t.text) and is_content(t.text)}


def _mostly_names(unit: Unit, side: list[Token]) -> bool:
    """All words of the stretch but one lie inside entity mentions (or are capitalised, if none are known)."""
    if unit.entities:
        outside = [t for t in side if not any(m.start <= t.start and t.end <= m.end for m in unit.entities)]
    else:
        outside = [t for t in side if not is_capitalised(t.text)]
    return len(outside) <= 1 and len(outside) < len(side)


def _entity_kind(
    names_a: set[tuple[str, str]], names_b: set[tuple[str, str]], clusters: EntityClusters
) -> DiscrepancyKind | None:
    for key_a, label_a in names_a:
        for key_b, label_b in names_b:
            if label_a == label_b and not clusters.same(key_a, key_b):
                return "entity"
    return None


def _modifies_noun(unit: Unit, modifier: Token, head: Token) -> bool:
    """The modifier is an adjective, participle or noun and the head a common noun (by the POS tagger)."""
    return (
        tag_at(unit.text, modifier.start - unit.start) in MODIFIER_TAGS
        and tag_at(unit.text, head.start - unit.start) in NOUN_TAGS
    )


def _is_detail(
    left: Unit, right: Unit, side_a: list[Token], side_b: list[Token], head: Token, head_b: Token
) -> bool:
    """Different modifiers of one shared head noun: "scoped rifles" / "types of assault rifles"."""
    if len(side_a) > MAX_DETAIL_WORDS or len(side_b) > MAX_DETAIL_WORDS:
        return False
    if not is_content(head.text) or is_capitalised(head.text):
        return False
    mod_a, mod_b = side_a[-1].text, side_b[-1].text
    for word in (mod_a, mod_b):
        if not is_content(word) or is_capitalised(word) or norm(word) in GENERIC_MODIFIERS:
            return False
        if _is_degree(word):
            return False
    if norm(mod_a) == norm(mod_b) or _same_or_more_general(mod_a, head.text, mod_b, head_b.text):
        return False
    if not (_modifies_noun(left, side_a[-1], head) and _modifies_noun(right, side_b[-1], head_b)):
        return False
    return word_similarity(mod_a, mod_b) < SYNONYM_SIMILARITY


def _is_degree(word: str) -> bool:
    from corroborator.lexicon import is_degree_word

    return is_degree_word(word)


def _same_or_more_general(mod_a: str, head_a: str, mod_b: str, head_b: str) -> bool:
    """WordNet knows the two details as one, or one as a kind of the other: synonym modifiers, or
    compounds such as "assault rifle" (a kind of "automatic rifle")."""
    from corroborator.lexicon import same_or_more_general

    compounds = f"{mod_a} {head_a}", f"{mod_b} {head_b}"
    return same_or_more_general(mod_a, mod_b) or same_or_more_general(*compounds)
