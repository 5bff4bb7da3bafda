"""`corroborator serve`: the web app and REST API over a database."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from corroborator.cli.common import DbOption, fail
from corroborator.web.auth import TOKEN_ENV, is_loopback, token_from_env

BACKLOG = 2048
"""Connections queue from the moment the address is announced, before the app has started."""


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or a one-line error saying why it cannot be."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        fail(
            f"cannot listen on {host}: {error.strerror}",
            "give an IP address or a known host name with --host",
        )
    family, kind, protocol, _, address = infos[0]
    sock = socket.socket(family, kind, protocol)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(BACKLOG)
    except OSError as error:
        sock.close()
        fail(
            f"cannot listen on {host}:{port}: {error.strerror}", "choose another --port, or stop what uses it"
        )
    return sock


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; beyond loopback only with a token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    db: DbOption = None,
    access_log: Annotated[bool, typer.Option("--access-log", help="Log every request.")] = False,
) -> None:
    """Serve the web pages and the REST API (documented at /docs). Writes need $CORROBORATOR_TOKEN."""
    token = token_from_env()
    if token is None and not is_loopback(host):
        fail(
            f"refusing to listen on {host} without a token",
            f"set {TOKEN_ENV} to a secret, or listen on 127.0.0.1",
        )
    sock = listening_socket(host, port)
    try:
        import uvicorn

        from corroborator.web.app import create_app

        app = create_app(db, token)
    except BaseException:
        sock.close()
        raise
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    writes = "writes need the token" if token else f"read-only: set {TOKEN_ENV} to allow adding articles"
    typer.echo(f"serving http://{shown}:{bound_port}/ ({writes}; API docs at /docs; Ctrl-C stops)", err=True)
    level = "info" if access_log else "warning"
    config = uvicorn.Config(app, log_level=level, access_log=access_log, server_header=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
