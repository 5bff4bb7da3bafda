"""`strip_accents`: text without combining marks after NFKD ("Zürich" -> "Zurich", "ﬁ" -> "fi"), shared by
name matching (analysis) and folding (stories); a table lookup a character, not a Python loop."""

from __future__ import annotations

import functools
import sys
import unicodedata


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_combining_marks())


@functools.cache
def _combining_marks() -> dict[int, None]:
    """A `str.translate` table deleting every combining mark."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}
