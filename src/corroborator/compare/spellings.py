"""Names spelt two ways: one person or body whose name articles write with other letters ("Duncan Rait" in
one, "Duncan Raite" in another). Reported as an `entity` discrepancy of the lowest severity: a reader should
check the spelling, not doubt the story."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from corroborator.analyze.entities.names import name_tokens, romanised
from corroborator.types import Analysis, Discrepancy, EntityMention, Evidence

SPELLING_SEVERITY = 0
LONG_WORD_LETTERS = 8
"""A word this long may differ by two letters ("Alishvandi" / "Alishwandi"); a shorter one by one ("Rait" /
"Raite"), so "North" / "South" Korea are two places."""
MIN_WORD_LETTERS = 4
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "FAC"})


def spelling_discrepancies(
    analyses: Sequence[Analysis], texts: dict[str, str], name: Callable[[str], str]
) -> list[Discrepancy]:
    """One discrepancy per pair of spellings of a full name (two words or more) that differ in one word by
    a letter or two ("Rait" / "Raite"), each spelling found in another article."""
    first_seen = _first_mentions(analyses)
    positions: dict[str, list[int]] = {}
    for position, (mention, _) in enumerate(first_seen):
        positions.setdefault(_folded(mention.text), []).append(position)
    words = {spelling: _words(first_seen[at[0]][0].text) for spelling, at in positions.items()}
    pairs = []
    for left, right in combinations(positions, 2):
        if _words_spelt_two_ways(words[left], words[right]):
            pairs.extend(_first_pair(first_seen, positions[left], positions[right]))
    return [_spelling_discrepancy(first_seen[i], first_seen[j], texts, name) for i, j in sorted(pairs)]


def _first_pair(
    first_seen: Sequence[tuple[EntityMention, str]], left: list[int], right: list[int]
) -> list[tuple[int, int]]:
    """The earliest pair of mentions of two spellings in two articles (none when only one article has
    both)."""
    pairs = [(min(i, j), max(i, j)) for i in left for j in right if first_seen[i][1] != first_seen[j][1]]
    return [min(pairs)] if pairs else []


def _spelling_discrepancy(
    left: tuple[EntityMention, str],
    right: tuple[EntityMention, str],
    texts: dict[str, str],
    name: Callable[[str], str],
) -> Discrepancy:
    (left_mention, left_article), (right_mention, right_article) = left, right
    return Discrepancy(
        kind="entity",
        explanation=(
            f'a name spelt two ways: "{left_mention.text}" in {name(left_article)}, '
            f'"{right_mention.text}" in {name(right_article)}'
        ),
        severity=SPELLING_SEVERITY,
        evidence=[
            _evidence(left_mention, left_article, texts),
            _evidence(right_mention, right_article, texts),
        ],
    )


def is_respelling(discrepancy: Discrepancy, spellings: Sequence[Discrepancy]) -> bool:
    """Whether an `entity` discrepancy found in the words is one of these spelling variants."""
    spans = [(e.article, e.start, e.end) for d in spellings for e in d.evidence]
    return discrepancy.kind == "entity" and any(
        article == e.article and start < e.end and e.start < end
        for e in discrepancy.evidence
        for article, start, end in spans
    )


def _evidence(mention: EntityMention, article: str, texts: dict[str, str]) -> Evidence:
    return Evidence(article, mention.start, mention.end, texts[article][mention.start : mention.end])


def _first_mentions(analyses: Sequence[Analysis]) -> list[tuple[EntityMention, str]]:
    """The first mention of each spelling of a full name in each article."""
    seen: dict[tuple[str, str], tuple[EntityMention, str]] = {}
    for analysis in analyses:
        for mention in analysis.entities:
            if mention.label in NAME_LABELS and len(name_tokens(mention.text)) >= 2:
                seen.setdefault((analysis.article_id, _folded(mention.text)), (mention, analysis.article_id))
    return list(seen.values())


def _folded(text: str) -> str:
    return " ".join(name_tokens(text))


def _words(text: str) -> list[str]:
    """The folded words of a name, marks such as "®" dropped."""
    return [w for w in ("".join(c for c in word if c.isalnum()) for word in name_tokens(text)) if w]


def _spelt_two_ways(left: str, right: str) -> bool:
    """Same words but one, and that one differs by a letter (two in a long word): "Duncan Rait" / "Raite"."""
    return _words_spelt_two_ways(_words(left), _words(right))


def _words_spelt_two_ways(words_left: list[str], words_right: list[str]) -> bool:
    if len(words_left) != len(words_right):
        return False
    differing = [(a, b) for a, b in zip(words_left, words_right, strict=True) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    if romanised(a) == romanised(b):
        return False  # "Giannis" / "Yiannis", "Heydar" / "Heidar": two romanisations, neither is wrong
    if min(len(a), len(b)) < MIN_WORD_LETTERS or not (a.isalpha() and b.isalpha()):
        return False  # "79th" / "85th" are two events, not two spellings
    if a.startswith(b) or b.startswith(a):  # "Rait" / "Raite"; not a plural, another word or a suffix
        return abs(len(a) - len(b)) == 1 and not (a + "s" == b or b + "s" == a)
    return Levenshtein.distance(a, b) <= (2 if min(len(a), len(b)) >= LONG_WORD_LETTERS else 1)
