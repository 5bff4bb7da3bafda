"""Rules for calendar dates: explicit dates, weekdays, months, years, decades, quarters, seasons, holidays."""

from __future__ import annotations

import datetime as dt
import re

from corroborator.analyze.times import calendar as cal
from corroborator.analyze.times.context import Context, Found, Rule, Unresolved
from corroborator.analyze.times.lexicon import (
    ANY_YEAR,
    DAY_NUM,
    DAY_ORDINALS,
    DAY_WORD,
    DAYS_AFTER_HOLIDAY,
    FIXED_HOLIDAYS,
    FLOATING_HOLIDAYS,
    MONTH_NAME,
    MONTHS,
    ORDINALS,
    PART_OF_DAY,
    PARTS_OF_DAY,
    QUARTER_ORD,
    SEASON_NAME,
    SEASON_OF_MONTH,
    SEASONS,
    WEEKDAY_NAME,
    WEEKDAY_NAMES,
    WEEKDAYS,
    YEAR4,
    alternation,
    year_number,
)

_DAY_DIGITS = re.compile(r"\d+")


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    found = _DAY_DIGITS.match(word)
    return int(found[0]) if found else DAY_ORDINALS.get(" ".join(word.lower().split()), 1)


def weekday_mismatch(weekday_word: str, date_value: str) -> list[str]:
    """A flag when the weekday named next to an explicit date is not that date's weekday."""
    year, month, day_of_month = (int(part) for part in date_value.split("-"))
    date = cal.safe_date(year, month, day_of_month)
    named = WEEKDAYS[weekday_word.lower()]
    if date is None or date.weekday() == named:
        return []
    return [
        f"weekday_mismatch: {date_value} is a {WEEKDAY_NAMES[date.weekday()]}, not a {WEEKDAY_NAMES[named]}"
    ]


def explicit_day(m: re.Match[str], ctx: Context) -> str:
    month, day_of_month = month_number(m["mon"]), day_number(m["day"])
    if m["year"]:
        ctx.last_year = int(m["year"])
        return f"{int(m['year']):04d}-{month:02d}-{day_of_month:02d}"
    ref = ctx.need_ref(f"XXXX-{month:02d}-{day_of_month:02d}")
    relation = (m.groupdict().get("rel") or "").lower()
    tense: cal.Tense = "past" if relation == "last" else "future" if relation == "next" else None
    year = cal.year_for_day(ref, month, day_of_month, tense or ctx.tense(m.start(), m.end()))
    return f"{year:04d}-{month:02d}-{day_of_month:02d}"


def norm_weekday_date(m: re.Match[str], ctx: Context) -> Found:
    """A weekday with its date: one value, flagged when the weekday does not fit the date. "Friday, Oct. 23"
    is one expression (as TimeBank annotates it); "Thursday (August 4)" two, the date being in apposition."""
    date_start = min(m.start("mon"), m.start("day"))
    date_end = m.end("year") if m["year"] else max(m.end("mon"), m.end("day"))
    apposition = "(" in m.string[m.end("wd") : date_start]
    parts = [(m.start("wd"), m.end("wd")), (date_start, date_end)] if apposition else []
    try:
        value = explicit_day(m, ctx)
    except Unresolved as unresolved:
        value, flags = unresolved.underspecified or "", ["unresolved"]
    else:
        flags = weekday_mismatch(m["wd"], value)
    return Found("DATE", value, flags=flags, parts=parts, span_end=date_end)


def norm_month_day(m: re.Match[str], ctx: Context) -> Found | None:
    if m["mon"].lower() == "may" and m["mon"][0] == "m":
        return None
    return Found("DATE", explicit_day(m, ctx))


def norm_numeric_date(m: re.Match[str], ctx: Context) -> Found | None:
    year = int(m["year"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    date = cal.safe_date(year, int(m["month"]), int(m["day"]))
    return Found("DATE", date.isoformat()) if date else None


def norm_month_year(m: re.Match[str], ctx: Context) -> Found | None:
    if m["mon"].islower():
        return None
    ctx.last_year = year_number(m["year"])
    return Found("DATE", cal.month_value(ctx.last_year, month_number(m["mon"])))


def norm_month(m: re.Match[str], ctx: Context) -> Found | None:
    word = m["mon"]
    relation = (m["rel"] or "").lower()
    if word[0].islower() or (not relation and not month_like(word, m.start(), ctx)):
        return None
    month = month_number(word)
    ref = ctx.need_ref(f"XXXX-{month:02d}")
    if m["yrel"]:
        year = ref.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    elif relation == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif relation == "next":
        year = ref.year if month > ref.month else ref.year + 1
    elif relation == "this":
        year = ref.year
    else:
        year = cal.year_for_month(ref, month, ctx.tense(m.start(), m.end()))
    return Found("DATE", cal.month_value(year, month))


_PROCESSION_AFTER = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z]")
"""After "March": a procession ("the March for Life", "the March of the Combatant Mothers")."""


def month_like(word: str, start: int, ctx: Context) -> bool:
    """A bare month name that is not a verb or a name: capitalised, abbreviations with a dot, and
    "May"/"March" not at the start of a sentence."""
    if word[0].islower():
        return False
    key = word.lower()
    if key == "march" and _PROCESSION_AFTER.match(ctx.text, start + len(word)):
        return False
    if key in ("may", "march"):
        return ctx.sentence_of(start)[0] != start
    return key.endswith(".") or (key in MONTHS and len(key) > 4) or key == "june" or key == "july"


def norm_weekday(m: re.Match[str], ctx: Context) -> Found | None:
    weekday = WEEKDAYS[m["wd"].lower().rstrip("s")]
    if m["wd"][0].islower():
        return None
    if m["wd"].lower().endswith("s") or (m["rel"] or "").lower() in ("every", "each"):
        return Found("SET", f"XXXX-WXX-{weekday + 1}" + part_suffix(m["pod"]))
    ref = ctx.need_ref()
    relation = (m["rel"] or "").lower()
    if relation == "last":
        date = ref - dt.timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
    elif relation == "next":
        date = ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    elif relation in ("this", "coming"):
        date = cal.weekday_date(ref, weekday, "future" if relation == "coming" else None)
    else:
        possessive = ctx.text[m.end() : m.end() + 2] in ("'s", "’s")
        date = cal.weekday_date(ref, weekday, "past" if possessive else ctx.tense(m.start(), m.end()))
    if m["pod"]:
        return Found("TIME", date.isoformat() + part_suffix(m["pod"]))
    return Found("DATE", date.isoformat())


def part_suffix(part: str | None) -> str:
    return "T" + PARTS_OF_DAY[part.lower().rstrip("s")] if part else ""


def norm_year(m: re.Match[str], ctx: Context) -> Found | None:
    ctx.last_year = int(m["year"])
    return Found("DATE", f"{int(m['year']):04d}")


def norm_decade(m: re.Match[str], ctx: Context) -> Found:
    if m["full"]:
        return Found("DATE", m["full"][:3])
    century = "19"
    if ctx.ref is not None and int(m["short"]) <= ctx.ref.year % 100 // 10 and ctx.ref.year >= 2000:
        century = "20"
    return Found("DATE", century + m["short"])


def quarter_year(m: re.Match[str], ctx: Context, quarter: int) -> int:
    if m["year"]:
        return int(m["year"])
    ref = ctx.need_ref(f"XXXX-Q{quarter}")
    relation = (m["yrel"] or "").lower()
    if relation == "last" or (m["qrel"] or "").lower() in ("year-earlier", "year-ago"):
        return ref.year - 1
    if relation == "next":
        return ref.year + 1
    if relation == "this":
        return ref.year
    if quarter >= cal.quarter_of(ref) and ctx.tense(m.start(), m.end()) == "past":
        return ref.year - 1 if quarter > cal.quarter_of(ref) else ref.year
    return ref.year


def norm_quarter(m: re.Match[str], ctx: Context) -> Found:
    quarter = ORDINALS[m["ord"].lower()]
    year = quarter_year(m, ctx, quarter)
    if _reported_quarter(m, ctx, (year, quarter)):
        ctx.last_quarter = (year, quarter)
    return Found("DATE", f"{year:04d}-Q{quarter}")


_INDEFINITE_BEFORE = re.compile(r"\ban?\s+(?:\w+\s+)?$", re.IGNORECASE)


def _reported_quarter(m: re.Match[str], ctx: Context, quarter: tuple[int, int]) -> bool:
    """Whether a quarter is one a report is about (and so anchors "a year ago", "the quarter"): not one
    named with an indefinite article ("after a flat second quarter"); "a third-quarter loss" is."""
    if ctx.tense(m.start(), m.end()) == "future":
        return False
    adjective = "-quarter" in m[0].lower()
    return adjective or _INDEFINITE_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()) is None


def norm_year_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    if m["ord"]:
        quarter = ORDINALS[m["ord"].lower()]
    elif ctx.last_quarter:
        quarter = ctx.last_quarter[1]
    else:
        return None
    return Found("DATE", f"{int(m['year']):04d}-Q{quarter}")


def norm_relative_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    relation = (m["qrel"] or "").lower()
    if not relation and not m["the"]:
        return None
    ref = ctx.need_ref()
    current = (ref.year, cal.quarter_of(ref))
    anchor = ctx.last_quarter or cal.shift_quarter(*current, -1)
    if relation == "latest":
        anchor = cal.shift_quarter(*current, -1)
    offsets = {"last": (current, -1), "previous": (current, -1), "past": (current, -1),
               "this": (current, 0), "current": (current, 0), "next": (current, 1), "coming": (current, 1),
               "year-earlier": (anchor, -4), "year-ago": (anchor, -4)}  # fmt: skip
    base, delta = offsets.get(relation, (anchor, 0))
    year, quarter = cal.shift_quarter(*base, delta)
    return Found("DATE", f"{year:04d}-Q{quarter}")


def norm_half(m: re.Match[str], ctx: Context) -> Found:
    half = 1 if m["ord"].lower() == "first" else 2
    if m["year"]:
        return Found("DATE", f"{int(m['year']):04d}-H{half}")
    ref = ctx.need_ref(f"XXXX-H{half}")
    shift = {"last": -1, "next": 1}.get((m["yrel"] or "").lower(), 0)
    return Found("DATE", f"{ref.year + shift:04d}-H{half}")


def norm_season(m: re.Match[str], ctx: Context) -> Found | None:
    season = SEASONS[m["season"].lower()]
    if m["year"]:
        return Found("DATE", f"{year_number(m['year']):04d}-{season}")
    relation = (m["rel"] or "").lower()
    if not relation and not m["the"]:
        return None
    ref = ctx.need_ref(f"XXXX-{season}")
    if relation in ("last", "past", "previous"):
        return Found("DATE", cal.season_year(ref, season, "last"))
    if relation == "next":
        return Found("DATE", cal.season_year(ref, season, "next"))
    if (m["the"] or "").lower() == "this" or SEASON_OF_MONTH[ref.month] == season:
        return Found("DATE", cal.season_year(ref, season, "this"))
    tense = ctx.tense(m.start(), m.end())
    return Found(
        "DATE", cal.season_year(ref, season, {"past": "last", "future": "next"}.get(tense or "", "this"))
    )


def norm_holiday(m: re.Match[str], ctx: Context) -> Found:
    name = " ".join(m["holiday"].lower().split())
    if name in FIXED_HOLIDAYS:
        month, day_of_month = FIXED_HOLIDAYS[name]
    else:
        month, weekday, nth = FLOATING_HOLIDAYS[name]
        day_of_month = 0
    if m["year"]:
        year = int(m["year"])
    else:
        ref = ctx.need_ref(f"XXXX-{month:02d}-{day_of_month:02d}" if day_of_month else None)
        year = cal.year_for_day(ref, month, day_of_month or 20, ctx.tense(m.start(), m.end()))
    if not day_of_month:
        date = cal.nth_weekday(year, month, weekday, nth) + dt.timedelta(days=DAYS_AFTER_HOLIDAY.get(name, 0))
        return Found("DATE", date.isoformat())
    return Found("DATE", f"{year:04d}-{month:02d}-{day_of_month:02d}")


HOLIDAY_NAME = alternation(list(FIXED_HOLIDAYS) + list(FLOATING_HOLIDAYS))
_YEAR_TAIL = rf"(?:,?\s+(?P<year>{YEAR4})(?![\d%]))?"
_QREL = (
    r"(?:(?P<qrel>last|this|next|current|latest|past|previous|year-earlier|year-ago|comparable|same|recent)"
    r"\s+)"
)
_YREL = r"(?:(?P<yrel>this|last|next)\s+year's\s+)"

DATE_RULES = [
    Rule("weekday_date", rf"(?:(?:this\s+)?(?:coming|next|last)\s+|this\s+)?(?P<wd>{WEEKDAY_NAME})"
         rf"(?:,\s*|\s*\(\s*|\s+)(?P<mon>{MONTH_NAME})\s+(?P<day>{DAY_NUM}|{DAY_WORD})(?!\d){_YEAR_TAIL}\)?",
         norm_weekday_date),
    Rule("weekday_day_month", rf"(?P<wd>{WEEKDAY_NAME})(?:,\s*|\s*\(\s*|\s+)(?P<day>{DAY_NUM})\s+"
         rf"(?P<mon>{MONTH_NAME}){_YEAR_TAIL}\)?", norm_weekday_date),
    Rule("week_of", rf"the\s+week\s+of\s+(?P<mon>{MONTH_NAME})\s+(?P<day>{DAY_NUM})(?![\d:]){_YEAR_TAIL}",
         lambda m, ctx: Found("DATE", cal.iso_week(dt.date.fromisoformat(explicit_day(m, ctx))))),
    Rule("month_day", rf"(?:(?P<rel>last|next)\s+)?(?P<mon>{MONTH_NAME})\s+(?P<day>{DAY_NUM}|{DAY_WORD})"
         rf"(?![\d:]){_YEAR_TAIL}", norm_month_day),
    Rule("day_month", rf"(?P<day>{DAY_NUM})\s+(?:of\s+)?(?P<mon>{MONTH_NAME}){_YEAR_TAIL}", norm_month_day),
    Rule("numeric_date", r"(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/"
         r"(?P<year>\d{4}|\d{2})(?!\d)", norm_numeric_date),
    Rule("iso_date", rf"(?P<year>{YEAR4})-(?P<month>1[0-2]|0[1-9])-(?P<day>3[01]|[12]\d|0[1-9])(?!\d)",
         norm_numeric_date),
    Rule("month_year", rf"(?P<mon>{MONTH_NAME}),?\s+(?:of\s+)?(?P<year>{ANY_YEAR})(?![\d%])",
         norm_month_year),
    Rule("month", rf"(?:(?P<rel>last|this|next)\s+)?(?P<mon>{MONTH_NAME})"
         r"(?:\s+(?P<yrel>this|last|next)\s+year)?", norm_month),
    Rule("weekday", rf"(?:(?P<rel>last|this|next|coming|every|each)\s+)?(?P<wd>{WEEKDAY_NAME}s?)"
         rf"(?:\s+(?P<pod>{PART_OF_DAY}s?))?", norm_weekday),
    Rule("year", rf"(?:(?:fiscal|calendar|the\s+year)\s+)?(?P<year>{YEAR4})"
         r"(?![\d%]|\.\d|,\d|\s*(?:percent|per))", norm_year),
    Rule("decade", r"(?:the\s+)?(?:(?P<full>1[5-9]\d0|20[0-9]0)|'(?P<short>\d)0)'?s", norm_decade),
    Rule("quarter", rf"(?:the\s+)?{_YREL}?{_QREL}?(?:(?:fiscal|calendar)[\s-]+)?(?P<ord>{QUARTER_ORD})"
         rf"(?:[\s-]+fiscal)?[\s-]+quarter(?:\s+of)?(?:(?:\s+fiscal)?\s+(?P<year>{YEAR4})(?!\d))?",
         norm_quarter),
    Rule("year_quarter", rf"(?:the\s+)?(?P<year>{YEAR4})\s+(?:(?P<ord>{QUARTER_ORD})[\s-]+)?(?:fiscal\s+)?"
         r"(?:quarter|period)", norm_year_quarter),
    Rule("relative_quarter", rf"(?P<the>the\s+)?{_QREL}?(?:(?:fiscal|calendar)\s+)?quarter(?!-)",
         norm_relative_quarter),
    Rule("half", rf"(?:the\s+)?(?P<ord>first|second|last)\s+(?:half|two\s+quarters)(?:\s+of\s+"
         rf"(?:(?P<year>{YEAR4})|(?P<yrel>this|last|next)\s+year|the\s+year))?(?!\s+of\b)", norm_half),
    Rule("season", rf"(?:(?P<the>the|this)\s+|(?P<rel>last|next|past|previous)\s+)?(?P<season>{SEASON_NAME})"
         rf"(?:\s+(?:of\s+)?(?P<year>{ANY_YEAR})(?!\d))?", norm_season),
    Rule("holiday", rf"(?P<holiday>{HOLIDAY_NAME}){_YEAR_TAIL}", norm_holiday),
]  # fmt: skip
