"""Rules for expressions within a day: named days ("yesterday"), parts of a day ("this morning",
"mid-afternoon"), clock times ("2 p.m. Sunday", "4 in the morning")."""

from __future__ import annotations

import datetime as dt
import re

from corroborator.analyze.times import calendar as cal
from corroborator.analyze.times.context import Context, Found, Rule
from corroborator.analyze.times.lexicon import DAY_NUM, MONTH_NAME, PART_OF_DAY, PARTS_OF_DAY, WEEKDAY_NAME
from corroborator.analyze.times.rules_dates import explicit_day

_GENERIC_TODAY = re.compile(
    r"['’]s\s+(?:world|youth|society|generation|young|children|kids|teenagers|students|families|parents|"
    r"economy|marketplace|technology|computers|culture|standards)\b",
    re.IGNORECASE,
)
"""Generic "today's world", "today's youth": nowadays, not the reference day."""


def norm_named_day(m: re.Match[str], ctx: Context) -> Found | None:
    word = " ".join(m["day"].lower().split())
    if word == "today" and not m["pod"] and _GENERIC_TODAY.match(ctx.text, m.end()):
        return None
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]  # fmt: skip
    date = ctx.need_ref() + dt.timedelta(days=offset)
    part = m["pod"] or ("night" if word in ("tonight", "last night") else None)
    if part:
        return Found("TIME", f"{date.isoformat()}T{PARTS_OF_DAY[part.lower()]}")
    return Found("DATE", date.isoformat())


_TODAY_IS = re.compile(r"(?:today\s+is|it\s+is|it['’]s)\s+$", re.IGNORECASE)


def norm_nth_day(m: re.Match[str], ctx: Context) -> Found | None:
    """The reference day counted from the start of an event ("Today is the eighth day of Desert Shield",
    "It's the second day of an offensive"); other ordinal days need the event's date."""
    if not _TODAY_IS.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    return Found("DATE", ctx.need_ref().isoformat())


def norm_this_part(m: re.Match[str], ctx: Context) -> Found:
    """A part of the reference day, or of the named day ("this morning", "mid-afternoon yesterday")."""
    offset = {"yesterday": -1, "tomorrow": 1}.get((m["named"] or "").lower(), 0)
    date = ctx.need_ref() + dt.timedelta(days=offset)
    part = PARTS_OF_DAY[(m["pod"] or m["day_part"]).lower()]
    return Found("TIME", f"{date.isoformat()}T{part}", mod="MID" if m["mid"] else None)


def norm_clock(m: re.Match[str], ctx: Context) -> Found | None:
    hour = 12 if m["word"] and m["word"].lower() == "noon" else int(m["hour"] or 0)
    minute = int(m["minute"] or 0)
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if ampm.startswith("in"):
        ampm = "am" if ampm.endswith("morning") else "pm"
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if m["word"] and m["word"].lower() == "midnight":
        hour = 24
    if hour > 24 or minute > 59:
        return None
    date = clock_day(m, ctx)
    return Found("TIME", f"{date}T{hour:02d}:{minute:02d}")


def clock_day(m: re.Match[str], ctx: Context) -> str:
    if m["mon"]:
        return explicit_day(m, ctx)
    ref = ctx.need_ref()
    named = (m["named"] or "").lower()
    if named in ("yesterday", "tomorrow", "today", "tonight"):
        return (ref + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(named, 0))).isoformat()
    if m["wd"]:
        weekday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        return cal.weekday_date(
            ref, weekday.index(m["wd"].lower()), ctx.tense(m.start(), m.end())
        ).isoformat()
    return ref.isoformat()


def norm_midday(m: re.Match[str], ctx: Context) -> Found:
    part = "12:00" if m[0].lower() == "midday" else "NI"
    return Found("TIME", f"{ctx.need_ref().isoformat()}T{part}")


_CLOCK_DAY = (
    rf"(?:,?\s+(?:(?P<named>today|yesterday|tomorrow|tonight)|(?P<wd>{WEEKDAY_NAME})|"
    rf"(?P<mon>{MONTH_NAME})\s+(?P<day>{DAY_NUM})(?:,?\s+(?P<year>\d{{4}}))?))?"
)
_ZONE = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?"

DAY_RULES = [
    Rule("named_day", r"(?P<day>today|tonight|yesterday|tomorrow|last\s+night|the\s+day\s+before\s+yesterday"
         rf"|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>{PART_OF_DAY}))?", norm_named_day),
    Rule("nth_day", r"the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
         r"\d{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|full\s+)?day", norm_nth_day),
    Rule("this_part", rf"(?:this\s+(?P<pod>{PART_OF_DAY})|(?:the\s+|(?P<mid>mid)[\s-]?)"
         r"(?P<day_part>morning|afternoon|evening)(?!\s+of\b))(?:\s+(?P<named>yesterday|today|tomorrow))?",
         norm_this_part),
    Rule("clock", r"(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm|"
         r"in\s+the\s+(?:morning|afternoon|evening))"
         rf"|(?P<word>noon|midnight)){_ZONE}{_CLOCK_DAY}", norm_clock),
    Rule("midday", r"midday|overnight", norm_midday),
]  # fmt: skip
