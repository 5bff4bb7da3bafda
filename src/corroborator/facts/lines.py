"""Lines of the page that are not the report: headlines, datelines, bylines and page stamps. Plain text
rules, light enough for any stage to import."""

from __future__ import annotations

import re

HEADING_WORDS = 12
HEADING_CHARS = 40 * HEADING_WORDS
"""A line longer than this is no heading, whatever its words (not split to count them)."""
CLOSING = (".", "!", "?", '"', "”", "’", "'", ".)", "!)", "?)")
"""How a line of the report ends; a bare ")" ends a stamp or a list line ("10:00 (GMT+05:00)", "TE Jimmy
Graham (ankle)")."""
PAGE_STAMP = re.compile(
    r"^(?:originally\s+)?(?:posted|published|updated|last\s+updated)\b|\b(?:posted|published)\s+(?:in|on|at)\b",
    re.I,
)
DATED_STAMP = re.compile(
    r"^(?:(?:on\s+behalf\s+of|by)\s.{0,60}\s)?(?:posted|published|updated)\s+(?:in|on|at)\b.{0,80}\b(?:19|20)\d\d\.?$",
    re.I,
)
"""A stamp that ends with its date: "On behalf of X posted in Pedestrian Accidents on Wednesday, September
18, 2013." """
MIN_CAPITALS = 6


def is_heading_line(line: str) -> bool:
    """A line of the page, not of the report: a short line without closing punctuation (a headline, a
    dateline, a URL or a "watch live" line), a headline in capitals ("FIRED IN PHILLY!!"), or a line that
    tells when or by whom the page was posted ("Posted: 04/9/2012 8:33 am Updated: ...", "Originally
    published 05/03/2013 at 10:20 AM EDT", "On behalf of X posted in Pedestrian Accidents on ...")."""
    line = line.strip()
    if len(line) > HEADING_CHARS:
        return False
    if len(line.split()) < HEADING_WORDS and not line.endswith(CLOSING):
        return True
    stamp = bool(PAGE_STAMP.search(line)) and (not line.endswith(CLOSING) or bool(DATED_STAMP.search(line)))
    return _in_capitals(line) or stamp


def _in_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 2 and len(letters) >= MIN_CAPITALS and all(c.isupper() for c in letters)


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether the span [start, end) of `text` lies on a line of the page, not of the report."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", max(start, end - 1))
    line_end = line_end if line_end >= 0 else len(text)
    if line_end - line_start > HEADING_CHARS:
        return False
    return is_heading_line(text[line_start:line_end])
