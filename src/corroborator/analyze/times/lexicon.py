"""Word tables and regex fragments for time expressions (HeidelTime-style resources)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "F",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour"})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12,
}  # fmt: skip
SMALL_NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "half an": 0.5,
    "a half": 0.5, "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
SEASON_OF_MONTH = {1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                   9: "FA", 10: "FA", 11: "FA", 12: "WI"}  # fmt: skip
SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "noon": "12:00", "midnight": "24:00",
}  # fmt: skip
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF", "right now": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "formerly": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "coming quarters": "FUTURE_REF", "future quarters": "FUTURE_REF", "upcoming quarters": "FUTURE_REF",
}  # fmt: skip
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "hourly": "PT1H",
}  # fmt: skip
MOD_WORDS: dict[str, str] = {
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN", "almost": "LESS_THAN",
    "more than": "MORE_THAN", "just over": "MORE_THAN", "longer than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "nearly": "APPROX", "about": "APPROX",
    "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "close to": "APPROX", "an estimated": "APPROX", "as many as": "EQUAL_OR_LESS",
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "late": "END", "later": "END", "the end of": "END", "end-": "END", "mid": "MID", "mid-": "MID",
    "early-": "START", "late-": "END",
    "the middle of": "MID",
}  # fmt: skip

# Holidays with a fixed month-day, and those given as (month, weekday, nth; -1 = last).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26),
}  # fmt: skip
FLOATING_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3), "presidents day": (2, 0, 3),
    "mother's day": (5, 6, 2), "father's day": (6, 6, 3), "election day": (11, 0, 1),
}  # fmt: skip
DAYS_AFTER_HOLIDAY = {"election day": 1}
"""US Election Day is the Tuesday after the first Monday of November."""

PROPER_TIME_WORDS = frozenset(
    list(MONTHS) + list(WEEKDAYS) + [w + "s" for w in WEEKDAYS]
    + [word for name in [*FIXED_HOLIDAYS, *FLOATING_HOLIDAYS] for word in name.replace("'s", "").split()]
    + ["day", "eve"]
)  # fmt: skip
"""Words written with a capital in running text (months, weekdays, holidays): not a sign of a title."""


def alternation(words: object) -> str:
    """A non-capturing regex alternation of the words, longest first (so that prefixes do not win)."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items) + ")"


_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
NUMBER_WORD = rf"(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|{_ONES})"
DIGITS = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?)"
COUNT = (
    rf"(?:{DIGITS}|(?:{NUMBER_WORD}|an?)\s+(?:hundred|thousand)|{NUMBER_WORD}(?:\s+and\s+a\s+half)?|"
    r"an?(?:\s+and\s+a\s+half)?|half\s+an?|a\s+dozen|"
    r"a\s+hundred|a\s+few|few|several|a\s+couple(?:\s+of)?|couple\s+of|a\s+number\s+of|many)"
)
MONTH_NAME = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\.|sept|aug|oct|nov|dec|jan|feb)"
)
WEEKDAY_NAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
_YEAR_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90}  # fmt: skip
_TWENTIETH = rf"nineteen\s+(?:{'|'.join(_YEAR_TENS)})(?:[\s-](?:{_ONES}))?"
SPELLED_YEAR = rf"(?:{_TWENTIETH}|two\s+thousand(?:\s+and)?(?:\s+(?:{_ONES}))?)"
"""A year in words, as broadcast transcripts write it ("nineteen ninety-four", "two thousand")."""
ANY_YEAR = rf"(?:{YEAR4}|{SPELLED_YEAR})"


def year_number(text: str) -> int:
    """The year of digits or words ("1994", "nineteen ninety-four", "two thousand and one")."""
    if text.isdigit():
        return int(text)
    words = text.lower().replace("-", " ").split()
    if words[0] == "two":
        return 2000 + int(SMALL_NUMBERS.get(words[-1], 0))
    return 1900 + _YEAR_TENS[words[1]] + (int(SMALL_NUMBERS[words[2]]) if len(words) > 2 else 0)


DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_UNIT_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEEN_ORDINALS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth"]  # fmt: skip
DAY_ORDINALS: dict[str, int] = (
    {word: n for n, word in enumerate(_UNIT_ORDINALS + _TEEN_ORDINALS, start=1)}
    | {"twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31}
    | {f"twenty{sep}{word}": 21 + n for n, word in enumerate(_UNIT_ORDINALS) for sep in ("-", " ")}
)
"""Days of the month in words, as broadcast transcripts write them ("March eighth")."""
DAY_WORD = alternation(DAY_ORDINALS)
UNIT_NAME = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
QUARTER_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
SEASON_NAME = r"(?:spring|summer|fall|autumn|winter)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

# Every time expression contains one of these words (lower case, as `\w+` splits them): the scanner only
# tries the rules near them.
TRIGGER_WORDS = frozenset(
    list(MONTHS) + list(WEEKDAYS) + [w + "s" for w in WEEKDAYS] + list(SEASONS) + list(SET_WORDS)
    + [u for unit in UNITS for u in (unit, unit + "s")] + ["centuries", "weekend", "weekends"]
    + ["today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "noon", "midnight",
       "now", "currently", "current", "nowadays", "presently", "present", "moment", "days", "recently",
       "lately", "past", "formerly", "future", "nineteen", "thousand", "period", "m", "am", "pm", "sept",
       "christmas", "thanksgiving", "year", "independence", "halloween", "valentine", "veterans", "boxing",
       "labor", "memorial", "election", "luther", "presidents", "mother", "father", "eve", "midday",
       "overnight", "term",
       "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
)  # fmt: skip
