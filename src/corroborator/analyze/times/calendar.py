"""Calendar arithmetic and tense cues used to resolve relative time expressions."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from corroborator.analyze.times.lexicon import SEASON_OF_MONTH, SEASON_ORDER

Tense = Literal["past", "future"] | None

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# fmt: off
_FUTURE_WORDS = frozenset({
    "will", "won't", "shall", "upcoming", "would", "could", "should", "might", "tomorrow", "payable",
    "effective", "expire", "expires", "record", "deadline", "planning", "scheduled", "planned", "slated",
})
_FUTURE_PAIRS = frozenset({
    ("going", "to"), ("plan", "to"), ("plans", "to"), ("expected", "to"), ("expect", "to"), ("expects", "to"),
    ("intend", "to"), ("intends", "to"), ("due", "to"), ("set", "to"), ("hope", "to"), ("hopes", "to"),
    ("as", "soon"), ("to", "resume"), ("to", "begin"), ("to", "start"), ("to", "be"),
})
_PAST_WORDS = frozenset({
    "was", "were", "had", "did", "said", "told", "met", "went", "came", "took", "gave", "made",
    "saw", "began", "held", "left", "won", "lost", "fell", "rose", "sold", "bought", "paid", "found",
    "got", "led", "ran", "spoke", "wrote", "kept", "brought", "thought", "became", "struck", "knew", "sent",
    "spent", "fled", "flew", "hit", "shot", "tore", "ago", "last", "earlier", "yesterday", "since", "been",
})
_NOT_PAST = frozenset({
    "expected", "scheduled", "planned", "slated", "supposed", "proposed", "need",
})
# fmt: on


def _cue(word: str, following: str) -> Tense:
    lower = word.lower()
    if (
        lower in _FUTURE_WORDS
        or lower.endswith(("'ll", "’ll"))
        or (lower, following.lower()) in _FUTURE_PAIRS
    ):
        return "future"
    if lower in _PAST_WORDS:
        return "past"
    regular_past = word.endswith("ed") and not word.endswith("eed")
    if regular_past and word.islower() and len(word) > 4 and word not in _NOT_PAST:
        return "past"
    return None


def parse_reference(published: str | None) -> dt.date | None:
    """The reference date from an ISO date or date-time, or None when absent or not a real date."""
    if not published:
        return None
    match = _ISO_DATE.match(published)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def tense_near(sentence: str, start: int, end: int) -> Tense:
    """The tense cue closest to the span [start, end) of the sentence, or None without a cue; future cues
    (modals, "expected to", "payable") count as half as far as past ones (past forms, "ago", "last")."""
    tokens = [(m.start(), m.end(), m[0]) for m in _TOKEN.finditer(sentence)]
    words = [word for _, _, word in tokens] + ["", ""]
    best: tuple[int, Tense] = (1 << 30, None)
    for index, (token_start, token_end, word) in enumerate(tokens):
        if start <= token_start < end:
            continue
        tense = _cue(word, words[index + 1])
        if tense == "past" and _cue(words[index + 1], words[index + 2]) == "future":
            continue  # "were planning to", "was expected to": a plan, told in the past
        if tense is None:
            continue
        distance = start - token_end if token_end <= start else token_start - end
        distance = distance // 2 if tense == "future" else distance
        if distance < best[0]:
            best = (distance, tense)
    return best[1]


def day(value: dt.date) -> str:
    return value.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(value: dt.date) -> str:
    year, week, _ = value.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(value: dt.date) -> int:
    return (value.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def weekday_date(ref: dt.date, weekday: int, tense: Tense) -> dt.date:
    """The date of a weekday named without a date: previous for past tense, following for future,
    nearest otherwise (the reference day itself counts for both)."""
    back = ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)
    ahead = ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)
    if tense == "past":
        return back
    if tense == "future":
        return ahead
    return back if (ref - back) <= (ahead - ref) else ahead


def year_for_month(ref: dt.date, month: int, tense: Tense) -> int:
    """The year of a month named without one: the nearer of the latest not after the reference and the
    earliest not before it, the one that fits the tense counting as half as far."""
    back = ref.year if month <= ref.month else ref.year - 1
    ahead = ref.year if month >= ref.month else ref.year + 1
    back_distance = (ref.year - back) * 12 + ref.month - month
    ahead_distance = (ahead - ref.year) * 12 + month - ref.month
    return back if _weighted(back_distance, ahead_distance, tense) else ahead


def year_for_day(ref: dt.date, month: int, day_of_month: int, tense: Tense) -> int:
    """The year of a month-day named without one, as `year_for_month` but to the day."""
    same_year = safe_date(ref.year, month, day_of_month)
    if same_year is None:
        return ref.year
    back = ref.year if same_year <= ref else ref.year - 1
    ahead = ref.year if same_year >= ref else ref.year + 1
    back_distance = (ref - (safe_date(back, month, day_of_month) or ref)).days
    ahead_distance = ((safe_date(ahead, month, day_of_month) or ref) - ref).days
    return back if _weighted(back_distance, ahead_distance, tense) else ahead


def _weighted(back_distance: int, ahead_distance: int, tense: Tense) -> bool:
    """True when the earlier candidate wins: the candidate that fits the tense counts as half as far."""
    if tense == "past":
        return back_distance <= 2 * ahead_distance
    if tense == "future":
        return 2 * back_distance < ahead_distance
    return back_distance <= ahead_distance


def safe_date(year: int, month: int, day_of_month: int) -> dt.date | None:
    try:
        return dt.date(year, month, day_of_month)
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth given weekday of a month (nth = -1 for the last one)."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def season_year(ref: dt.date, season: str, relation: str) -> str:
    """`1997-FA` for "last fall" said in January 1998: last = latest season fully before the current one."""
    current = SEASON_ORDER[SEASON_OF_MONTH[ref.month]]
    target = SEASON_ORDER[season]
    year = ref.year + (1 if ref.month == 12 and season == "WI" else 0)
    if relation == "last":
        year = year if target < current else year - 1
    elif relation == "next":
        year = year if target > current else year + 1
    return f"{year:04d}-{season}"
