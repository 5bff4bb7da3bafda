"""`serve` refuses to listen beyond loopback without a token, and says so in one line."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborator.web.__main__ import app
from corroborator.web.auth import is_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::"])
def test_serve_refuses_a_public_address_without_a_token(host: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["serve", "--host", host, "--db", str(tmp_path / "x.db")], env={"CORROBORATOR_TOKEN": ""}
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [
        f"error: refusing to listen on {host} without a token (set CORROBORATOR_TOKEN to a "
        "secret, or listen on 127.0.0.1)"
    ]
    assert not (tmp_path / "x.db").exists()


def test_serve_says_when_the_port_is_taken(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert result.output.strip().startswith(f"error: cannot listen on 127.0.0.1:{port}:")
    assert "choose another --port" in result.output


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
        ("example.org", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_says_when_the_database_cannot_be_opened(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "0", "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot open database") and "--db" in result.output
