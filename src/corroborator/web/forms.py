"""The ingest form of the HTML pages: its fields, read from a multipart request."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from starlette.datastructures import FormData, UploadFile


@dataclass
class IngestForm:
    title: str = ""
    outlet: str = ""
    published: str = ""
    text: str = ""
    urls: str = ""
    token: str = ""
    remember: bool = False
    forget: bool = False
    files: list[UploadFile] = field(default_factory=list)

    def url_list(self) -> list[str]:
        return [line.strip() for line in self.urls.splitlines() if line.strip()]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


async def read_form(request: Request) -> FormData:
    return await request.form(max_files=100, max_fields=100)


def ingest_form(form: FormData) -> IngestForm:
    """The submitted fields; an empty file input (no file chosen) is left out."""
    files = [item for item in form.getlist("files") if isinstance(item, UploadFile) and item.filename]
    return IngestForm(
        title=_text(form.get("title")).strip(),
        outlet=_text(form.get("outlet")).strip(),
        published=_text(form.get("published")).strip(),
        text=_text(form.get("text")),
        urls=_text(form.get("urls")),
        token=_text(form.get("token")).strip(),
        remember=bool(form.get("remember")),
        forget=bool(form.get("forget")),
        files=files,
    )
