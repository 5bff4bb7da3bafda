"""Bounded reading of local files and the decoding of bytes to text."""

from __future__ import annotations

import codecs
import gzip
import zlib
from pathlib import Path
from typing import Protocol

from corroborator.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_SHARE_LIMIT = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_CHUNK = 1 << 16


def size_limit_error(what: str, max_bytes: int) -> InputError:
    return InputError(
        f"{what} is larger than the limit of {max_bytes} bytes", "raise --max-bytes to read larger inputs"
    )


class ByteStream(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def read_capped(stream: ByteStream, what: str, max_bytes: int) -> bytes:
    """Read at most `max_bytes` from `stream`; past that, an InputError instead of more memory."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise size_limit_error(what, max_bytes)
    return data


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file (gunzipped when its name ends in .gz), refusing files over `max_bytes`."""
    try:
        size = path.stat().st_size
        if not path.name.endswith(".gz") and size > max_bytes:
            raise size_limit_error(f"{path} ({size} bytes)", max_bytes)
        with path.open("rb") as raw:
            if path.name.endswith(".gz"):
                with gzip.GzipFile(fileobj=raw) as unzipped:
                    return read_capped(unzipped, f"{path} (decompressed)", max_bytes)
            return read_capped(raw, str(path), max_bytes)
    except (OSError, EOFError, zlib.error) as error:  # zlib.error: a corrupt deflate stream inside a .gz
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(f"cannot read {path}: {reason}", "check the file exists and is readable") from error


def decode_text(data: bytes, what: str, declared: str | None = None) -> str:
    """Decode text: by its BOM, else as `declared`, else UTF-8, else cp1252 (Latin-1 for bytes cp1252 lacks).

    Bytes with NUL (outside UTF-16/32 with a BOM) are binary; so are undeclared non-UTF-8 bytes
    with more than 5% control characters.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise _binary(what, f"bad {encoding} after its byte-order mark") from error
    if b"\x00" in data:
        raise _binary(what, "it contains NUL bytes")
    for encoding in [declared or "utf-8", "utf-8"]:
        try:
            return data.decode(encoding)
        except (ValueError, LookupError):  # ValueError: a bad decode, or a charset name with a NUL in it
            continue
    text = _decode_legacy(data)
    if _control_share(text) > _CONTROL_SHARE_LIMIT:
        raise _binary(what, "it is not UTF-8 and is full of control characters")
    return text


def _decode_legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for char in text if (char < " " or char == "\x7f") and char not in _TEXT_CONTROLS)
    return controls / len(text)


def _binary(what: str, why: str) -> InputError:
    return InputError(f"{what} looks binary, not text: {why}", "give a text, HTML, feed, JSONL or CSV file")
