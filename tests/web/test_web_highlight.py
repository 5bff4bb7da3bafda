"""Highlighting: text escaped piece by piece, marks from offsets, overlaps split, bad offsets recovered."""

from __future__ import annotations

import re

from corroborator.web.highlight import Mark, evidence_marks, highlight, locate


def strip_tags(html: str) -> str:
    return re.sub(r"<sup class=\"ref\">.*?</sup>|<[^>]+>", "", html)


def test_markup_in_the_text_is_shown_as_text() -> None:
    text = "Before <script>alert('x')</script> after & more"
    html = str(highlight(text, [Mark(7, 15, "discrepancy", "a <b>note</b>", "d-1")]))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'title="a &lt;b&gt;note&lt;/b&gt;"' in html
    assert (
        strip_tags(html).replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&")
        == text
    )


def test_a_mark_wraps_exactly_its_span_and_links_its_note() -> None:
    text = "The visits took place on Thursday (August 4) in the north."
    start = text.index("Thursday (August 4)")
    mark = Mark(start, start + len("Thursday (August 4)"), "discrepancy", "2023-08-04 was a Friday", "d-1")
    html = str(highlight(text, [mark]))
    assert '<mark class="hl-discrepancy" title="2023-08-04 was a Friday">Thursday (August 4)</mark>' in html
    assert '<sup class="ref"><a href="#d-1">D1</a></sup>' in html


def test_overlapping_marks_split_into_pieces_that_keep_the_stronger_kind() -> None:
    text = "abcdefghij"
    html = str(
        highlight(text, [Mark(2, 6, "agreement", "shared", "a-1"), Mark(4, 8, "discrepancy", "bad", "d-2")])
    )
    assert html.count("<mark") == 3
    assert '<mark class="hl-agreement" title="shared">cd</mark>' in html
    assert '<mark class="hl-discrepancy" title="shared; bad">ef</mark>' in html
    assert '<mark class="hl-discrepancy" title="bad">gh</mark>' in html
    assert html.count('href="#d-2"') == 1 and html.count('href="#a-1"') == 1
    assert strip_tags(html) == text


def test_marks_outside_the_text_are_ignored() -> None:
    assert str(highlight("short", [Mark(3, 99, "discrepancy", "x"), Mark(4, 2, "single", "y")])) == "short"


def test_locate_falls_back_to_the_quoted_text_when_offsets_are_stale() -> None:
    text = "one two three two"
    assert locate(text, 4, 7, "two") == (4, 7)
    assert locate(text, 0, 3, "three") == (8, 13)
    assert locate(text, 0, 3, "four") is None


def test_evidence_marks_keep_only_the_article_s_evidence() -> None:
    items = [
        {
            "explanation": "weekday does not fit the date",
            "evidence": [
                {"article": "a1", "start": 0, "end": 3, "text": "one"},
                {"article": "a2", "start": 0, "end": 3, "text": "uno"},
            ],
        }
    ]
    marks = evidence_marks("a1", "one two", items, "discrepancy", "d")
    assert marks == [Mark(0, 3, "discrepancy", "weekday does not fit the date", "d-1")]
