"""Name forms shared by within-article linking and cross-article resolution."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corroborator.accents import strip_accents

_FOLDED_OUT = re.compile(r"[\s\-‐‑‒–—.'’`]+")
_TOKEN_SPLIT = re.compile(r"[\s\-‐‑‒–—]+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$")
ACRONYM_SKIPPED_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "de", "des", "du", "&"})


def name_key(name: str) -> str:
    """The form two spellings of one name share: no case, accents, spaces, hyphens, dots or apostrophes.

    "Cheong Seong-chang", "Cheong Seong Chang" and "cheong seongchang" all give "cheongseongchang".
    """
    without_the = _LEADING_THE.sub("", name.strip())
    return _FOLDED_OUT.sub("", strip_accents(without_the).casefold())


def name_tokens(name: str) -> list[str]:
    """The folded words of a name, hyphenated parts split: "Cheong Seong-chang" -> [cheong, seong, chang]."""
    folded = strip_accents(name).casefold().replace("’", "'")
    return [token.strip(".,'") for token in _TOKEN_SPLIT.split(folded) if token.strip(".,'")]


def is_acronym(name: str) -> bool:
    """KCNA, U.S., EU: two to seven capitals, with or without dots."""
    return bool(_ACRONYM.match(name.strip()))


def acronym_letters(name: str) -> str:
    return name.replace(".", "").strip().upper()


def initials(name: str) -> str:
    """The acronym a long name would make: "Korean Central News Agency" -> "KCNA"."""
    words = [word for word in re.split(r"[\s\-]+", name) if word]
    return "".join(word[0].upper() for word in words if word.casefold() not in ACRONYM_SKIPPED_WORDS)


def is_part_of(short: Sequence[str], full: Sequence[str]) -> bool:
    """True when `short` is the leading or trailing run of `full` (surname-only or given-name-only)."""
    if not short or len(short) >= len(full):
        return False
    return tuple(full[: len(short)]) == tuple(short) or tuple(full[-len(short) :]) == tuple(short)


ROMANISATIONS = (
    (re.compile(r"^[gy](?=i[aeiou])"), ""),  # Greek Γι-: "Giannis", "Yiannis", "Iannis"
    (re.compile(r"(?<=[aeo])y(?![aeiou])"), "i"),  # diphthongs: "Heydar" / "Heidar", "Hossayn" / "Hossain"
    (re.compile(r"ou"), "u"),  # "Yousef" / "Yusef", "Mahmoud" / "Mahmud"
)
"""Letters that romanisations of one name written in another script (Greek, Arabic, Persian) choose
between. Names that differ only in these are one name written two accepted ways: no discrepancy. Other
letters are a misspelling ("Rait" / "Raite")."""


def romanised(word: str) -> str:
    """`word` with the letters romanisations choose between made one (lower case)."""
    key = word.lower()
    for pattern, replacement in ROMANISATIONS:
        key = pattern.sub(replacement, key)
    return key
