"""Real servers on loopback addresses for the fetch-guard tests.

`DripServer` answers slowly on purpose, a byte at a time, headers or body:

    with DripServer(interval=0.1) as server:
        fetch(server.url("/body"), ...)     # headers at once, then the body one byte per interval
        fetch(server.url("/headers"), ...)  # the status line and headers themselves one byte per interval

Every answer stops when the server stops, so shutdown is quick. `HopServer` serves canned answers (pages,
redirects) on any 127.x.y.z address, so a guard that trusts one loopback address can be tested against others.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import BaseRequestHandler, ThreadingTCPServer
from types import TracebackType

BODY_BYTES = 400
"""Bytes a drip answer would send in all (40 s at 0.1 s per byte): far past any fetch's time cap."""


class DripServer:
    __test__ = False

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.stopping = threading.Event()
        self.requests: list[str] = []
        self._server = ThreadingTCPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> DripServer:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _handler_for(server: DripServer) -> type[BaseRequestHandler]:
    class Handler(BaseRequestHandler):
        def handle(self) -> None:
            connection: socket.socket = self.request
            request = connection.recv(65536).decode("latin-1")
            path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
            server.requests.append(path)
            head = (
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                f"Content-Length: {BODY_BYTES}\r\nX-Padding: {'p' * 200}\r\n\r\n"
            ).encode("ascii")
            body = b"a" * BODY_BYTES
            with contextlib.suppress(OSError):
                if path == "/headers":
                    self._drip(connection, head + body)
                else:
                    connection.sendall(head)
                    self._drip(connection, body)

        def _drip(self, connection: socket.socket, data: bytes) -> None:
            for index in range(len(data)):
                if server.stopping.wait(server.interval):
                    return
                connection.sendall(data[index : index + 1])

    return Handler


class HopServer:
    """Canned answers on `host` (a 127.0.0.0/8 address): `page(path, body)`, `redirect(path, location)`."""

    __test__ = False

    def __init__(self, host: str = "127.0.0.3") -> None:
        if not host.startswith("127."):
            raise ValueError("test servers listen on loopback addresses only")
        self.host = host
        self.answers: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[str] = []
        self._server = ThreadingHTTPServer((host, 0), _hop_handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def page(self, path: str, body: str, content_type: str = "text/html; charset=utf-8") -> str:
        self.answers[path] = (200, {"Content-Type": content_type}, body.encode("utf-8"))
        return self.url(path)

    def redirect(self, path: str, location: str) -> str:
        self.answers[path] = (302, {"Location": location}, b"")
        return self.url(path)

    def __enter__(self) -> HopServer:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _hop_handler_for(server: HopServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append(self.path)
            status, headers, body = server.answers.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler
