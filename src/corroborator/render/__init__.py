"""render stage: `render(brief, fmt)` for "text", "md", "json" and "html"; `brief_to_dict(brief)`."""

from __future__ import annotations

import json
from typing import Literal, get_args

from corroborator.errors import InputError
from corroborator.render.common import without_controls
from corroborator.render.data import brief_to_dict
from corroborator.render.html import render_html
from corroborator.render.markdown import render_markdown
from corroborator.render.text import render_text
from corroborator.types import Brief

Format = Literal["text", "md", "json", "html"]
FORMATS: tuple[str, ...] = get_args(Format)


def render(brief: Brief, fmt: str = "text", width: int = 100) -> str:
    """The brief as a string in format `fmt`."""
    if fmt == "json":
        return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return without_controls(render_markdown(brief))
    if fmt == "html":
        return without_controls(render_html(brief))
    if fmt == "text":
        return without_controls(render_text(brief, width=width))
    raise InputError(f"unknown format {fmt!r}", f"use one of: {', '.join(FORMATS)}")


__all__ = ["FORMATS", "Format", "brief_to_dict", "render"]
