from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ingest_support import read_article

from corroborator.ingest.clean import clean_text, is_boilerplate
from corroborator.ingest.text import looks_like_header

PROMO_LINES = [
    "WATCH WION LIVE HERE",
    "Watch: WION Live TV",
    "Also read: Kim Jong Un fires missiles",
    "ALSO READ | North Korea tests engine",
    "Read more",
    "Read More:",
    "Subscribe to our newsletter",
    "Click here to download the app",
    "Follow us on Twitter and Facebook",
    "Follow WION on Google News",
    "(With inputs from Reuters)",
    "With inputs from agencies",
    "Inputs from PTI",
    "Advertisement",
    "Story continues below this ad",
    "Share this article",
    "Download the WION app",
    "© 2023 WION. All rights reserved.",
    "Related: Seoul and Washington plan drills",
    "You may also like",
]
REPORTING_LINES = [
    "Kim was photographed firing different types of assault rifles.",
    "Possible military cooperation with Russia",
    "Share prices in Seoul fell after the launch.",
    "Watchers of North Korea said the visits were unusual.",
    "Related talks between the two sides stalled last year, officials said.",
    "Readers of the state newspaper saw the photographs on Sunday.",
    "Subscribe to our newsletter " + "and read the long account of the visits to the factories " * 4,
]


@pytest.mark.parametrize("line", PROMO_LINES)
def test_promo_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", REPORTING_LINES)
def test_reporting_lines_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_cleaning_keeps_paragraphs_and_reports_what_it_removed() -> None:
    text = "First paragraph.\n\n\n\nAlso read: other story\n\nSecond, line one.\nLine two.\n\nWATCH WION LIVE"
    cleaned, removed = clean_text(text)
    assert cleaned == "First paragraph.\n\nSecond, line one.\nLine two."
    assert removed == ["Also read: other story", "WATCH WION LIVE"]


# Lines of any Unicode except surrogates (not encodable), NUL (binary), CR/LF (line ends), and
# a leading BOM; no line blank or padded (blank runs and padding are what cleaning folds).
_LINE = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00\r\n"), min_size=1, max_size=40
).filter(lambda line: line == line.strip() and line != "")
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=5), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_text_reads_back_intact_modulo_cleaning(
    tmp_path: Path, paragraphs: list[list[str]], newline: str
) -> None:
    lines = [line for paragraph in paragraphs for line in paragraph]
    assume(not any(is_boilerplate(line) for line in lines))
    assume(not looks_like_header(lines[0]) and not lines[0].startswith("\ufeff"))
    text = "\n\n".join("\n".join(paragraph) for paragraph in paragraphs)
    path = tmp_path / "property.txt"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    assert read_article(path).text == text
