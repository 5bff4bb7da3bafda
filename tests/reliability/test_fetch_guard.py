"""The fetcher's guard: no loopback, private, link-local or otherwise local address in any spelling, at any
redirect hop; every fetch bounded in size and in total time. Only 127.0.0.0/8 is ever contacted: addresses
outside it are checked with `resolve_checked`, which refuses before any connection."""

from __future__ import annotations

import gzip
import ipaddress
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from guard_servers import DripServer, HopServer
from reliability_support import run_cli

from corroborator.errors import FetchError
from corroborator.ingest import ReadOptions, read_sources
from corroborator.ingest.fetch import PRIVATE_HINT, fetch, resolve_checked
from corroborator.types import Article, Failure
from httpserver import TestServer

PAGE = "<html><head><title>Kim tours factories</title></head><body><article>" + "".join(
    f"<p>Kim Jong Un toured weapons factory number {n} and urged workers to make more engines.</p>"
    for n in range(6)
) + "</article></body></html>"
GUARDED = ReadOptions(timeout=2.0)

OUTSIDE_LOOPBACK = {
    "http://10.0.0.1/": "private address",
    "http://172.16.5.4/": "private address",
    "http://192.168.1.1/": "private address",
    "http://169.254.169.254/latest/meta-data/": "link-local address",
    "http://[fe80::1]/": "link-local address",
    "http://[fc00::1]/": "private address",
    "http://[fd12:3456:789a::1]/": "private address",
    "http://[::ffff:10.0.0.1]/": "private address",
    "http://[::ffff:169.254.169.254]/": "link-local address",
    "http://[2002:a00:1::]/": "private address",
    "http://[fec0::1]/": "site-local address",
    "http://0.0.0.0/": "unspecified address",
    "http://0/": "unspecified address",
    "http://100.64.0.1/": "non-public address",
    "http://224.0.0.1/": "multicast address",
    "http://167772161/": "private address",
    "http://0xa.1/": "private address",
    "http://[2002:7f00:1::]/": "loopback address",
}
LOOPBACK_SPELLINGS = [
    "127.0.0.1", "127.0.0.2", "127.1", "2130706433", "2130706434", "0x7f.1", "0x7f000001", "0x7f.0.0.2",
    "[::1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:2]", "localhost", "LOCALHOST",
]


@pytest.fixture
def server() -> Iterator[TestServer]:
    with TestServer() as running:
        yield running


@pytest.mark.parametrize(("url", "kind"), OUTSIDE_LOOPBACK.items())
def test_addresses_outside_loopback_are_refused_before_any_connection(url: str, kind: str) -> None:
    with pytest.raises(FetchError) as refused:
        resolve_checked(httpx.URL(url), url, allow_private=False)
    assert refused.value.message.startswith(f"refused {url}: ") and refused.value.message.endswith(kind)
    assert refused.value.hint == PRIVATE_HINT


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_every_spelling_of_loopback_is_refused_and_nothing_is_sent(server: TestServer, host: str) -> None:
    server.add("/kim.html", PAGE)
    url = f"http://{host}:{server.port}/kim.html"
    (failure,) = list(read_sources([url], GUARDED))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith(f"refused {url}: ") and "loopback address" in failure.reason
    assert server.requests == []


def test_octal_dotted_forms_are_refused_as_invalid(server: TestServer) -> None:
    url = f"http://0177.0.0.1:{server.port}/"
    with pytest.raises(FetchError, match=r"^refused .*not a valid URL"):
        fetch(url, GUARDED)
    assert server.requests == []


@pytest.mark.parametrize(
    "target",
    ["127.0.0.1", "127.0.0.2", "2130706433", "0x7f.1", "127.1", "[::1]", "[::ffff:127.0.0.1]", "localhost",
     "foo@127.0.0.1"],
)
def test_a_redirect_to_any_loopback_spelling_is_refused(target: str) -> None:
    with HopServer("127.0.0.3") as hops:
        location = f"http://{target}:{hops.port}/kim.html"
        start = hops.redirect("/go", location)
        hops.page("/kim.html", PAGE)
        trusted = {ipaddress.ip_address("127.0.0.3")}
        with pytest.raises(FetchError) as refused:
            fetch(start, GUARDED, trusted=trusted)
        assert refused.value.message.startswith(f"refused {location}: ")
        assert "loopback address" in refused.value.message
        assert hops.requests == ["/go"]


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.3/x", "gopher://127.0.0.3:70/"])
def test_a_redirect_to_another_scheme_is_refused(location: str) -> None:
    with HopServer("127.0.0.3") as hops:
        start = hops.redirect("/go", location)
        with pytest.raises(FetchError, match="unsupported scheme"):
            fetch(start, GUARDED, trusted={ipaddress.ip_address("127.0.0.3")})
        assert hops.requests == ["/go"]


def test_the_guard_holds_at_the_third_hop() -> None:
    with HopServer("127.0.0.3") as hops:
        hops.redirect("/1", "/2")
        hops.redirect("/2", f"http://0x7f.0.0.4:{hops.port}/3")
        with pytest.raises(FetchError, match=r"refused .*/3: .*loopback address"):
            fetch(hops.url("/1"), GUARDED, trusted={ipaddress.ip_address("127.0.0.3")})
        assert hops.requests == ["/1", "/2"]


def test_links_followed_from_a_feed_file_go_through_the_guard(server: TestServer, tmp_path: Path) -> None:
    link = server.add("/kim.html", PAGE).replace("127.0.0.1", "2130706433")
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        f"<item><title>Kim</title><link>{link}</link><description>Kim toured factories, state media said."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    items = list(read_sources([str(feed)], ReadOptions(follow_links=True, timeout=2.0)))
    failures = [item for item in items if isinstance(item, Failure)]
    assert len(failures) == 1 and "refused" in failures[0].reason and "loopback" in failures[0].reason
    kept = [item.text for item in items if isinstance(item, Article)]
    assert kept == ["Kim toured factories, state media said."]
    assert server.requests == []


def test_the_cli_refuses_a_decimal_loopback_url_in_one_line(server: TestServer, tmp_path: Path) -> None:
    url = server.add("/kim.html", PAGE).replace("127.0.0.1", "2130706433")
    done = run_cli("ingest", "--db", str(tmp_path / "g.db"), url, cwd=tmp_path)
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {url}: refused {url}: ")
    assert line.endswith(f"resolves to 127.0.0.1, a loopback address ({PRIVATE_HINT})")
    assert server.requests == []


def test_a_declared_length_over_the_limit_is_refused_unread(server: TestServer) -> None:
    url = server.add("/big.html", b"x" * 5000)
    with pytest.raises(FetchError, match="larger than the limit of 1000 bytes"):
        fetch(url, ReadOptions(allow_private=True, max_bytes=1000, timeout=2.0))


def test_an_undeclared_length_is_cut_at_the_limit(server: TestServer) -> None:
    url = server.add("/big.html", b"x" * 300_000, send_length=False, chunk_size=4096)
    with pytest.raises(FetchError, match="larger than the limit of 100000 bytes"):
        fetch(url, ReadOptions(allow_private=True, max_bytes=100_000, timeout=2.0))


def test_a_gzip_bomb_is_cut_at_the_limit_after_decompression(server: TestServer) -> None:
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)
    url = server.add("/bomb.html", bomb, headers={"Content-Encoding": "gzip"}, chunk_size=1024)
    started = time.monotonic()
    with pytest.raises(FetchError, match="larger than the limit of 1000000 bytes"):
        fetch(url, ReadOptions(allow_private=True, max_bytes=1_000_000, timeout=5.0))
    assert time.monotonic() - started < 5.0


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_a_slow_drip_is_cut_by_the_total_time_cap(path: str) -> None:
    timeout = 0.5
    with DripServer(interval=0.1) as drip:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            fetch(drip.url(path), ReadOptions(allow_private=True, timeout=timeout))
        elapsed = time.monotonic() - started
    assert 3 * timeout - 0.2 < elapsed < 3 * timeout + 1.5


def test_slow_redirect_hops_share_one_total_time_cap(server: TestServer) -> None:
    server.add("/kim.html", PAGE)
    for hop in range(1, 6):
        server.redirect(f"/r{hop}", f"/r{hop + 1}" if hop < 5 else "/kim.html")
        server.routes[f"/r{hop}"].delay = 0.4
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/r1"), ReadOptions(allow_private=True, timeout=0.5))
    assert time.monotonic() - started < 1.5 + 1.0
    assert len(server.requests) <= 4


def test_a_server_that_never_answers_times_out(server: TestServer) -> None:
    url = server.add("/silent.html", PAGE, delay=30.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(url, ReadOptions(allow_private=True, timeout=0.5))
    assert time.monotonic() - started < 0.5 + 1.0
