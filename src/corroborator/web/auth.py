"""Write access: every write carries the server's token, as a Bearer header (API) or form field or cookie."""

from __future__ import annotations

import hmac
import ipaddress
import os

from corroborator.errors import CorroboratorError

TOKEN_ENV = "CORROBORATOR_TOKEN"
COOKIE = "corroborator_token"


class Unauthorized(CorroboratorError):
    status = 401


class Forbidden(CorroboratorError):
    status = 403


def token_from_env() -> str | None:
    return os.environ.get(TOKEN_ENV, "").strip() or None


def bearer(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, or None."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def check_token(expected: str | None, given: str | None) -> None:
    """Raise unless `given` is the server's token (compared in constant time)."""
    if expected is None:
        raise Forbidden(
            "writes are disabled: the server was started without a token",
            f"restart it with {TOKEN_ENV} set, then send 'Authorization: Bearer <token>'",
        )
    if not given:
        raise Unauthorized(
            "this request changes data and needs the server's token",
            f"send 'Authorization: Bearer <{TOKEN_ENV}>' (or fill in the token field of the form)",
        )
    if not hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8")):
        raise Forbidden("the token is wrong", f"use the value of {TOKEN_ENV} the server was started with")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and `localhost`; the server may listen elsewhere only with a token."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
