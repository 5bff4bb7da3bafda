"""An httpx transport whose every socket operation ends by one deadline.

httpx's timeouts bound each read; a server that sends its status line and headers one byte at a time
never trips them. Here each connect, read and write gets at most the time left before the deadline, so
a whole fetch (headers included) ends in time.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

SocketOption = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose operations are cut off at `deadline` (a `time.monotonic()` value)."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, time_left(self._deadline, timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, time_left(self._deadline, timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        secured = self._stream.start_tls(ssl_context, server_hostname, time_left(self._deadline, timeout))
        return DeadlineStream(secured, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's blocking backend with every stream it opens bounded by `deadline`."""

    def __init__(self, deadline: float) -> None:
        self._backend = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, time_left(self._deadline, timeout), local_address, socket_options
        )
        return DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[SocketOption] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(min(seconds, max(0.0, self._deadline - time.monotonic())))


def time_left(deadline: float, timeout: float | None) -> float:
    """The smaller of `timeout` and the time left; a timeout error once the deadline has passed."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise httpcore.ReadTimeout("the time limit for the whole fetch has passed")
    return remaining if timeout is None else min(timeout, remaining)


def deadline_transport(deadline: float) -> httpx.HTTPTransport:
    """An httpx transport (no proxies from the environment) whose connections all end by `deadline`."""
    transport = httpx.HTTPTransport(trust_env=False)
    pool = transport._pool
    if not isinstance(pool, httpcore.ConnectionPool):
        raise TypeError("httpx built a proxy pool although no proxy was given")
    # httpx has no option for the network backend; its pool reads this attribute on each connect.
    pool._network_backend = DeadlineBackend(deadline)
    return transport
