"""Hostile article records, and an audit of HTML for markup that would run in a browser."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
ATTRIBUTE = '" onmouseover="alert(1)'
JS_URL = "javascript:alert(1)"
TEXTAREA = "</textarea><script>alert(2)</script>"
RTL = "\u202egnp.exe\u202c"
CONTROL = "\x00\x01\x07\x1b[31mred\x1b[0m\x7f"
LINKS = f'[click me]({JS_URL}) and <a href="{JS_URL}">this link</a>'
PAYLOADS = (SCRIPT, IMG, ATTRIBUTE, JS_URL, TEXTAREA, RTL, CONTROL, LINKS)
ALL_PAYLOADS = " ".join(PAYLOADS)
LONG_LINE_BYTES = 200_000

APP_SCRIPTS = frozenset({"/static/job.js"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"})
FORBIDDEN_TAGS = frozenset({"iframe", "object", "embed", "frame", "base", "meta-refresh"})

EVENT = (
    "A fire broke out at the Riverside chemical plant in Springfield on Tuesday, killing two workers and "
    "injuring 14 others, the fire department said. Fire chief Maria Lopez said the blaze started in a "
    "storage hall at about 3 a.m. and was under control by noon. Governor Tom Hale visited the site and "
    "promised an inquiry. The plant's owner, Apex Chemicals, said production would stop for a week."
)


def hostile_records() -> list[dict[str, Any]]:
    """Three reports of one event with payloads in every field, and a 200 KB one-line report."""
    records = []
    urls = (JS_URL, f"http://example.com/{ATTRIBUTE}", f"https://example.org/{SCRIPT}")
    for number, url in enumerate(urls):
        records.append(
            {
                "title": f"Plant fire {number} {SCRIPT} {IMG} {ATTRIBUTE} {RTL}",
                "outlet": f"Outlet {number} {IMG}{ATTRIBUTE}",
                "url": url,
                "published": "2023-08-0" + str(number + 1),
                "text": f"{EVENT}\n\nA spokesman, {SCRIPT} Jones, said {IMG} the inquiry {ATTRIBUTE} would "
                f"start soon. {LINKS}. He added {TEXTAREA} and {RTL} and {CONTROL}.\n\n{EVENT} "
                f"(report {number})",
            }
        )
    sentence = f"Officials in Lakeside counted 3 boats after the storm {SCRIPT} {IMG} {ATTRIBUTE}. "
    long_line = (sentence * (LONG_LINE_BYTES // len(sentence) + 1))[:LONG_LINE_BYTES]
    records.append({"title": f"Long line {TEXTAREA}", "outlet": SCRIPT, "text": long_line})
    return records


def write_records(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _bad_url(value: str) -> bool:
    squeezed = "".join(ch for ch in value if ch > " ").lower()
    return squeezed.startswith(("javascript:", "vbscript:", "data:text/html"))


@dataclass
class MarkupAudit(HTMLParser):
    """Collects everything in an HTML document that could execute: scripts, `on*` handlers, script URLs."""

    scripts: list[str | None] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value is not None and _bad_url(value):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def executable_markup(html: str) -> list[str]:
    """What in `html` would run: scripts other than the app's own, event handlers, script URLs."""
    audit = MarkupAudit()
    audit.feed(html)
    audit.close()
    foreign = [f"<script src={src!r}>" for src in audit.scripts if src not in APP_SCRIPTS]
    return foreign + audit.problems
