"""Rendering a brief: JSON schema, Markdown, rich text, and a self-contained, escaped HTML page."""

from __future__ import annotations

import json
import re

import pytest

from corroborator.errors import InputError
from corroborator.render import FORMATS, brief_to_dict, render
from corroborator.render.data import TOP_LEVEL_KEYS
from corroborator.render.html import _Mark, segments
from corroborator.types import (
    Agreement,
    Brief,
    BriefArticle,
    Discrepancy,
    EntityRow,
    Evidence,
    OriginTrace,
    SingleSourceFact,
    TimelineEvent,
)

HOSTILE = 'Officials said <script>alert("x")</script> 12 people & "others" were hurt | on 3 May.'
OTHER = "Officials said 15 people were hurt on 3 May."


def _span(article: str, text: str, part: str) -> Evidence:
    start = text.index(part)
    return Evidence(article, start, start + len(part), part)


def _brief() -> Brief:
    return Brief(
        story="s1",
        articles=[
            BriefArticle(
                "a1", "First <b>title</b>", "Daily One", "2024-05-04", None, name="Daily One", text=HOSTILE
            ),
            BriefArticle(
                "a2",
                "Second",
                "Daily Two",
                None,
                None,
                inferred_date="2024-05-04",
                name="Daily Two",
                text=OTHER,
            ),
        ],
        agreements=[
            Agreement(
                "people were hurt | on 3 May",
                [_span("a1", HOSTILE, "on 3 May"), _span("a2", OTHER, "on 3 May")],
                0.8,
                ["Daily One"],
                1,
                True,
            )
        ],
        discrepancies=[
            Discrepancy(
                "number",
                'numbers differ: "12" vs "15"',
                4,
                [_span("a1", HOSTILE, "12"), _span("a2", OTHER, "15")],
            )
        ],
        single_source=[
            SingleSourceFact("<script> fact", "a1", [_span("a1", HOSTILE, "<script>")], ["Daily One"])
        ],
        origins=[OriginTrace("Daily One", "newspaper", [["Daily One"]], ["a1"])],
        independence="2 articles, 1 independent origin",
        timeline=[TimelineEvent("2024-05-03", None, "people hurt", [_span("a2", OTHER, "3 May")])],
        entities=[EntityRow("Officials", "ORG", ["Officials"], {"a1": 1, "a2": 1})],
    )


def test_json_has_exactly_the_documented_keys() -> None:
    data = json.loads(render(_brief(), "json"))
    assert tuple(data) == TOP_LEVEL_KEYS
    assert data == brief_to_dict(_brief())
    (discrepancy,) = data["discrepancies"]
    assert set(discrepancy) == {"kind", "explanation", "severity", "evidence", "facts"}
    assert all(set(e) == {"article", "start", "end", "text"} for e in discrepancy["evidence"])
    assert {"date", "end", "what", "evidence"} <= set(data["timeline"][0])


def test_html_escapes_every_text_and_needs_nothing_outside() -> None:
    page = render(_brief(), "html")
    assert "<script>" not in page and "<b>title" not in page
    assert "&lt;script&gt;" in page
    assert not re.search(r"<(?:script|link|img|iframe)\b|\bsrc=|href=\"?https?:", page)
    assert re.search(r'<mark class="disc sev4"[^>]*>12</mark>', page)
    assert re.search(r'<mark class="disc sev4"[^>]*>15</mark>', page)


def test_markdown_and_text_carry_the_findings() -> None:
    brief = _brief()
    markdown = render(brief, "md")
    assert markdown.startswith("# Story s1")
    assert 'numbers differ: "12" vs "15"' in markdown
    assert "hurt \\| on 3 May" in markdown
    assert "<b>" not in markdown and "&lt;b&gt;" in markdown
    text = render(brief, "text")
    assert "numbers differ" in text and "\x1b[" not in text
    assert "2024-05-04 (inferred)" in text


def test_unknown_format_is_refused_with_a_hint() -> None:
    assert set(FORMATS) == {"text", "md", "json", "html"}
    with pytest.raises(InputError) as raised:
        render(_brief(), "pdf")
    assert "text, md, json, html" in raised.value.one_line()


def test_segments_give_each_character_its_strongest_mark() -> None:
    marks = [_Mark(0, 10, "agree", "", 1), _Mark(4, 6, "disc", "d", 3)]
    runs = segments("abcdefghijkl", marks)
    assert "".join(r.text for r in runs) == "abcdefghijkl"
    assert [(r.text, r.css) for r in runs] == [
        ("abcd", "agree"),
        ("ef", "disc"),
        ("ghij", "agree"),
        ("kl", ""),
    ]


def test_an_update_is_a_change_over_time_not_a_discrepancy() -> None:
    brief = _brief()
    brief.discrepancies.append(
        Discrepancy(
            "update",
            'how many people changed: Daily One said "12 people", the newer Daily Two says "15 people"',
            1,
            [_span("a1", HOSTILE, "12"), _span("a2", OTHER, "15")],
        )
    )
    markdown = render(brief, "md")
    assert "## Discrepancies (1)" in markdown and "## Changes over time (1)" in markdown
    changes = markdown.split("## Changes over time (1)")[1].split("##")[0]
    assert "the newer Daily Two" in changes and changes.index("12") < changes.index("15")
    text = render(brief, "text")
    assert "Discrepancies (1)" in text and "Changes over time (1)" in text
    page = render(brief, "html")
    assert "Changes over time (1)" in page and "Discrepancies (1)" in page
    assert re.search(r'<mark class="update"[^>]*>', page)
