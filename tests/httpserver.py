"""A real HTTP server on 127.0.0.1 for tests: threaded `http.server` serving canned routes.

Use as a context manager, or through a pytest fixture:

    with TestServer() as server:
        server.add("/page", "<html>...</html>")
        server.redirect("/old", "/page")
        httpx.get(server.url("/old"))

Routes can delay their answer (handlers wait on the server's stop event, so shutdown is quick), send
a body without Content-Length (closing the connection ends it), or stream a body in chunks.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True
    chunk_size: int = 1 << 16


class TestServer:
    """Serves registered routes on 127.0.0.1 at a free port; unknown paths are 404."""

    __test__ = False

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.hosts: list[str] = []
        """The Host header of each request, in order."""
        self.stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        **options: object,
    ) -> str:
        """Serve `body` at `path`; returns the full URL. Options are Route fields."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        route = Route(body=data, **options)  # type: ignore[arg-type]
        route.headers.setdefault("Content-Type", content_type)
        self.routes[path] = route
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, headers={"Location": location})
        return self.url(path)

    def start(self) -> TestServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> TestServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def _handler_for(server: TestServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append(self.path)
            server.hosts.append(self.headers.get("Host", ""))
            route = server.routes.get(self.path) or Route(b"not found", 404, {"Content-Type": "text/plain"})
            if route.delay and server.stopping.wait(route.delay):
                return
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._answer(route)  # the client may stop reading early, as a size cap makes it do

        def _answer(self, route: Route) -> None:
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            for start in range(0, len(route.body), route.chunk_size):
                self.wfile.write(route.body[start : start + route.chunk_size])
                self.wfile.flush()

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler
