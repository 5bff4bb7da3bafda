"""Ingest from the web: pasted text, uploaded files and URLs become sources of one background job each."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator
from starlette.datastructures import UploadFile

from corroborator.errors import CorroboratorError, InputError
from corroborator.ingest import ReadOptions
from corroborator.web.auth import check_token
from corroborator.web.forms import IngestForm
from corroborator.web.jobs import Job, Progress, Work
from corroborator.web.report import run_ingest
from corroborator.web.state import WebState

MAX_UPLOAD_BYTES = 20_000_000
MAX_URLS = 100
CHUNK = 1 << 16
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class TooLarge(CorroboratorError):
    status = 413


class TextIngest(BaseModel):
    """One article pasted as text, with what is known about it."""

    text: str = Field(min_length=1, max_length=MAX_UPLOAD_BYTES, description="The article's body")
    title: str = Field("", max_length=1000)
    outlet: str | None = Field(None, max_length=200, description="Who published it, e.g. Reuters")
    published: dt.date | None = Field(None, description="Publication day, YYYY-MM-DD")
    url: str | None = Field(None, max_length=2000)

    @field_validator("text")
    @classmethod
    def has_words(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("the text is empty")
        return text


class UrlIngest(BaseModel):
    """Addresses of articles or feeds (RSS/Atom); feeds bring in every item they list."""

    urls: list[str] = Field(min_length=1, max_length=MAX_URLS)
    outlet: str | None = Field(None, max_length=200)
    follow_links: bool = Field(False, description="For a feed, also fetch each item's page")

    @field_validator("urls")
    @classmethod
    def are_http(cls, urls: list[str]) -> list[str]:
        cleaned = [url.strip() for url in urls if url.strip()]
        bad = [url for url in cleaned if not url.lower().startswith(("http://", "https://"))]
        if bad:
            raise ValueError(f"not an http(s) address: {bad[0]!r}")
        if not cleaned:
            raise ValueError("no address given")
        return cleaned


def _record(body: TextIngest) -> dict[str, Any]:
    record: dict[str, Any] = {"text": body.text, "title": body.title.strip()}
    if body.outlet and body.outlet.strip():
        record["outlet"] = body.outlet.strip()
    if body.published:
        record["published"] = body.published.isoformat()
    if body.url and body.url.strip():
        record["url"] = body.url.strip()
    return record


def _scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="corroborator-web-"))


def _upload_path(upload: UploadFile, folder: Path, index: int) -> Path:
    """Each upload in a numbered folder under its own (sanitised) name, so the name is what sources show."""
    name = SAFE_NAME.sub("_", Path(upload.filename or "").name).strip("._") or "upload.txt"
    target = folder / f"{index:03d}" / name
    target.parent.mkdir()
    return target


def save_upload(upload: UploadFile, folder: Path, index: int) -> Path:
    """Copy an upload to `folder`, refusing one larger than MAX_UPLOAD_BYTES."""
    target = _upload_path(upload, folder, index)
    written = 0
    with target.open("wb") as sink:
        while chunk := upload.file.read(CHUNK):
            written += len(chunk)
            if written > MAX_UPLOAD_BYTES:
                raise TooLarge(
                    f"file {upload.filename!r} is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB",
                    "split it, or ingest it from the command line with `corroborator ingest`",
                )
            sink.write(chunk)
    return target


def ingest_work(db_path: Path, sources: Sequence[str], options: ReadOptions, scratch: Path | None) -> Work:
    """The job body: ingest `sources` through the Python API, then remove the scratch folder."""
    shown = {str(scratch): "upload"} if scratch is not None else {}

    def work(progress: Progress) -> dict[str, Any]:
        try:
            return run_ingest(db_path, list(sources), options, progress, shown)
        finally:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)

    return work


def submit(
    state: WebState, label: str, sources: Sequence[str], options: ReadOptions, scratch: Path | None
) -> Job:
    return state.jobs.submit("ingest", label[:200], ingest_work(state.db_path, sources, options, scratch))


def write_pasted(scratch: Path, body: TextIngest) -> Path:
    """The pasted article as a one-record JSONL file (records keep their text verbatim, with the metadata)."""
    path = scratch / "pasted.jsonl"
    path.write_text(json.dumps(_record(body), ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def save_uploads(scratch: Path, uploads: Sequence[UploadFile]) -> list[Path]:
    return [save_upload(upload, scratch, index) for index, upload in enumerate(uploads)]


def submit_text(state: WebState, body: TextIngest) -> dict[str, Any]:
    scratch = _scratch()
    path = write_pasted(scratch, body)
    label = f"pasted text: {body.title.strip() or body.text.strip()[:60]}"
    return submit(state, label, [str(path)], ReadOptions(), scratch).to_dict()


def submit_files(state: WebState, uploads: Sequence[UploadFile]) -> dict[str, Any]:
    if not uploads:
        raise InputError("no file was uploaded", "choose one or more files")
    scratch = _scratch()
    try:
        paths = [str(path) for path in save_uploads(scratch, uploads)]
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    names = ", ".join(upload.filename or "?" for upload in uploads)
    return submit(state, f"files: {names}", paths, ReadOptions(), scratch).to_dict()


def submit_urls(state: WebState, body: UrlIngest) -> dict[str, Any]:
    options = ReadOptions(outlet=body.outlet, follow_links=body.follow_links)
    return submit(state, f"addresses: {', '.join(body.urls)}", body.urls, options, None).to_dict()


def _validated(model: type[BaseModel], **fields: Any) -> Any:
    """A model built from form fields; a validation failure becomes a one-line InputError."""
    try:
        return model(**fields)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "form"
        raise InputError(
            f"{where}: {first.get('msg', 'invalid')}", "correct the field and send again"
        ) from None


def submit_form(state: WebState, form: IngestForm, cookie_token: str | None) -> Job:
    """One job for everything the ingest form carries: pasted text, files and addresses."""
    check_token(state.token, form.token or cookie_token)
    pasted = None
    if form.text.strip():
        published = form.published or None
        pasted = _validated(
            TextIngest, text=form.text, title=form.title, outlet=form.outlet or None, published=published
        )
    addresses = (
        _validated(UrlIngest, urls=form.url_list(), outlet=form.outlet or None) if form.urls.strip() else None
    )
    if pasted is None and not form.files and addresses is None:
        raise InputError("nothing to add", "paste a text, choose files, or give web addresses")
    scratch = _scratch()
    try:
        sources = [str(write_pasted(scratch, pasted))] if pasted is not None else []
        sources += [str(path) for path in save_uploads(scratch, form.files)]
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    sources += addresses.urls if addresses is not None else []
    label = (pasted.title or pasted.text.strip()[:60]) if pasted is not None else ", ".join(sources)
    return submit(state, f"form: {label}", sources, ReadOptions(), scratch)
