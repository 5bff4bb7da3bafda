"""Removal of promo and boilerplate lines from article text.

The documented cleaning, in order:
1. newlines are normalised to `\\n` (`\\r\\n` and lone `\\r` alike);
2. whole lines that match the curated boilerplate patterns below (and are short) are removed and
   kept, stripped, in `removed`;
3. whitespace-only lines count as blank, and a run of blank lines becomes one blank line
   (a paragraph break);
4. the text is stripped of leading and trailing whitespace.
Nothing else changes: words, inner spacing and line breaks inside paragraphs stay as they were.
"""

from __future__ import annotations

import re

_MAX_BOILERPLATE_WORDS = 30
_SOCIAL = r"(twitter|x|facebook|instagram|telegram|whatsapp|linkedin|youtube|threads|google news|tiktok)"
_PATTERNS = (
    r"watch:? (\w+ ){0,3}live( tv)?( here| now)?",
    r"(also read|read also|also see|see also|must read|don't miss|do not miss|read more|more from \w+)\b.*",
    r"(related|recommended)( (articles?|stories|news|coverage|reading))?\s*[:|\-–—].*",
    r"(related|recommended|you may also like|recommended for you|more stories|top stories|trending( now)?)",
    r"subscribe (to|for|now|here)\b.*",
    r"sign up (for|to)\b.*",
    r"click here\b.*",
    r"follow us\b.*",
    rf"(join|follow) (\w+ ){{0,3}}on {_SOCIAL}\b.*",
    r"(download|get) (the|our) .*\bapp\b.*",
    r"\(?\s*with (additional )?(inputs|reporting|agency inputs) (from|by)\b.*",
    r"\(?\s*(inputs|with inputs) from (agencies|agency|reuters|ap|afp|pti|ani|ians)\b.*",
    r"(advertisement( - scroll to continue)?|scroll to continue( with content)?|sponsored( content)?)",
    r"story continues below( this)?( ad| advertisement)?",
    r"share (this|on) .*",
    r"(share|tweet|email|print|comments?)",
    r"(listen to|watch) this (article|story)\b.*",
    r"(©|\(c\)|copyright\b).*all rights reserved\.?",
    r"all rights reserved\.?",
)
_BOILERPLATE = re.compile(r"(?:" + "|".join(_PATTERNS) + r")\s*[.:!)]*", re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """True when the whole (stripped) line is promo or boilerplate, not reporting."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > _MAX_BOILERPLATE_WORDS:
        return False
    return _BOILERPLATE.fullmatch(stripped) is not None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_text(text: str) -> tuple[str, list[str]]:
    """The cleaned text and the lines removed from it (see the module docstring for what changes)."""
    kept: list[str] = []
    removed: list[str] = []
    for line in normalise_newlines(text).split("\n"):
        if is_boilerplate(line):
            removed.append(line.strip())
        elif line.strip():
            kept.append(line)
        elif kept and kept[-1]:
            kept.append("")
    return "\n".join(kept).strip(), removed
