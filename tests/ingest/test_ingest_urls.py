from __future__ import annotations

import ipaddress
import json

import httpx
import pytest
from ingest_pages import PARAGRAPHS, article_page, rss_feed
from ingest_support import articles_of, failures_of, read_all

from corroborator.errors import FetchError
from corroborator.ingest import ReadOptions
from corroborator.ingest.fetch import address_problem, fetch, resolve_checked
from httpserver import TestServer

LOCAL = ReadOptions(allow_private=True, timeout=5.0)


def test_a_page_url_gives_an_article_with_fetch_metadata(server: TestServer) -> None:
    url = server.add("/kim.html", article_page())
    (article,) = articles_of(read_all([url], LOCAL))
    assert article.text.split("\n") == PARAGRAPHS and article.removed == ["WATCH WION LIVE HERE"]
    assert (article.url, article.origin, article.outlet) == (url, url, "WION")
    assert article.published == "2023-08-06" and article.published_source == "html"
    assert article.fetched_at and article.fetched_at.endswith("+00:00")


def test_a_local_address_is_refused_without_allow_private(server: TestServer) -> None:
    url = server.add("/kim.html", article_page())
    (failure,) = failures_of(read_all([url]))
    hint = "(pass --allow-private to allow local addresses)"
    assert failure.reason == f"refused {url}: loopback address {hint}"
    assert server.requests == []


def test_a_host_name_is_resolved_and_each_answer_checked(server: TestServer) -> None:
    url = f"http://localhost:{server.port}/kim.html"
    with pytest.raises(FetchError) as refused:
        resolve_checked(httpx.URL(url), url, allow_private=False)
    assert "localhost resolves to" in refused.value.message and "loopback address" in refused.value.message


def test_a_redirect_hop_to_a_private_address_is_refused(server: TestServer) -> None:
    server.add("/kim.html", article_page())
    start = server.redirect("/go", f"http://127.0.0.2:{server.port}/kim.html")
    trusted = {ipaddress.ip_address("127.0.0.1")}
    with pytest.raises(FetchError) as refused:
        fetch(start, ReadOptions(timeout=5.0), trusted=trusted)
    assert refused.value.message == f"refused http://127.0.0.2:{server.port}/kim.html: loopback address"
    assert "--allow-private" in refused.value.hint
    assert server.requests == ["/go"]


def test_the_request_goes_to_the_checked_address_with_the_original_host(server: TestServer) -> None:
    url = server.add("/kim.html", article_page()).replace("127.0.0.1", "localhost")
    (article,) = articles_of(read_all([url], LOCAL))
    assert article.url == url and server.hosts == [f"localhost:{server.port}"]


def test_redirects_are_followed_up_to_five_hops(server: TestServer) -> None:
    final = server.add("/kim.html", article_page())
    server.redirect("/r5", "/kim.html")
    for hop in range(4, 0, -1):
        server.redirect(f"/r{hop}", f"/r{hop + 1}")
    (article,) = articles_of(read_all([server.url("/r1")], LOCAL))
    assert article.url == final and article.origin == server.url("/r1")


def test_a_redirect_loop_is_a_failure(server: TestServer) -> None:
    server.redirect("/a", "/b")
    start = server.redirect("/b", "/a")
    (failure,) = failures_of(read_all([start], LOCAL))
    assert "too many redirects" in failure.reason and "more than 5" in failure.reason
    assert len(server.requests) == 6


def test_not_found_is_a_failure(server: TestServer) -> None:
    (failure,) = failures_of(read_all([server.url("/missing")], LOCAL))
    assert "HTTP 404" in failure.reason and failure.item == server.url("/missing")


def test_a_slow_response_times_out(server: TestServer) -> None:
    url = server.add("/slow", article_page(), delay=5.0)
    (failure,) = failures_of(read_all([url], ReadOptions(allow_private=True, timeout=0.3)))
    assert "timed out after 0.3s" in failure.reason and "--timeout" in failure.reason


def test_a_wrong_content_type_is_refused(server: TestServer) -> None:
    url = server.add("/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png")
    (failure,) = failures_of(read_all([url], LOCAL))
    assert "content type image/png" in failure.reason


@pytest.mark.parametrize("send_length", [True, False])
def test_an_oversized_body_is_refused(server: TestServer, send_length: bool) -> None:
    url = server.add("/big", "<p>" + "word " * 20_000 + "</p>", send_length=send_length, chunk_size=4096)
    options = ReadOptions(allow_private=True, timeout=5.0, max_bytes=10_000)
    (failure,) = failures_of(read_all([url], options))
    assert "larger than the limit of 10000 bytes" in failure.reason and "--max-bytes" in failure.reason


def test_a_feed_url_gives_every_entry(server: TestServer) -> None:
    items = [
        {"title": "One", "link": "https://wion.example/1", "content": f"<p>{PARAGRAPHS[0]}</p>"},
        {"title": "Two", "link": "https://wion.example/2", "content": f"<p>{PARAGRAPHS[1]}</p>"},
    ]
    url = server.add("/feed", rss_feed(items), content_type="application/rss+xml")
    articles = articles_of(read_all([url], LOCAL))
    assert [(a.title, a.text, a.outlet, a.published_source) for a in articles] == [
        ("One", PARAGRAPHS[0], "WION World News", "feed"),
        ("Two", PARAGRAPHS[1], "WION World News", "feed"),
    ]
    assert all(a.fetched_at and a.origin == url for a in articles)


def summary_feed(server: TestServer) -> str:
    server.add("/story/1", article_page(title="Factories"))
    items = [
        {"title": "Kim tours factories", "link": "/story/1", "summary": "Kim toured factories."},
        {"title": "Gone", "link": server.url("/story/gone"), "summary": "A story that vanished."},
    ]
    return server.add("/summaries.xml", rss_feed(items), content_type="application/xml")


def test_summary_only_entries_keep_their_summary_without_follow_links(server: TestServer) -> None:
    articles = articles_of(read_all([summary_feed(server)], LOCAL))
    assert [a.text for a in articles] == ["Kim toured factories.", "A story that vanished."]
    assert "/story/1" not in server.requests


def test_follow_links_fetches_the_linked_pages(server: TestServer) -> None:
    options = ReadOptions(allow_private=True, follow_links=True, timeout=5.0)
    items = read_all([summary_feed(server)], options)
    followed, kept = articles_of(items)
    assert followed.text.split("\n") == PARAGRAPHS and followed.title == "Kim tours factories"
    assert (followed.published, followed.published_source) == ("2023-08-06T10:00:00+00:00", "feed")
    assert followed.outlet == "WION World News" and followed.url == server.url("/story/1")
    assert kept.text == "A story that vanished."
    (failure,) = failures_of(items)
    assert failure.item == server.url("/story/gone") and "HTTP 404" in failure.reason
    assert "kept the feed summary" in failure.reason


def test_followed_links_go_through_the_same_guard(server: TestServer) -> None:
    feed = rss_feed([{"title": "T", "link": "file:///etc/passwd", "summary": "Short summary here."}])
    url = server.add("/feed.xml", feed, content_type="text/xml")
    items = read_all([url], ReadOptions(allow_private=True, follow_links=True, timeout=5.0))
    (failure,) = failures_of(items)
    assert "unsupported scheme 'file'" in failure.reason


def test_plain_text_and_json_urls_are_read(server: TestServer) -> None:
    text_url = server.add("/report.txt", "date 2023-08-06 A plain report.", content_type="text/plain")
    record = {"id": "j1", "text": PARAGRAPHS[0], "url": "https://wion.example/j1"}
    json_url = server.add("/records", json.dumps(record), content_type="application/json")
    plain, given = articles_of(read_all([text_url, json_url], LOCAL))
    assert (plain.text, plain.url, plain.published) == ("A plain report.", text_url, "2023-08-06")
    assert (given.source_id, given.url, given.text) == ("j1", "https://wion.example/j1", PARAGRAPHS[0])


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback address"),
        ("::1", "loopback address"),
        ("::ffff:127.0.0.1", "loopback address"),
        ("10.1.2.3", "private address"),
        ("192.168.0.1", "private address"),
        ("172.16.0.1", "private address"),
        ("169.254.169.254", "link-local address"),
        ("fe80::1", "link-local address"),
        ("224.0.0.1", "multicast address"),
        ("0.0.0.0", "unspecified address"),
        ("240.0.0.1", "reserved address"),
        ("100.64.0.1", "non-public address"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_problems(address: str, problem: str | None) -> None:
    assert address_problem(ipaddress.ip_address(address)) == problem


def test_an_xhtml_page_sent_as_xml_is_read_as_a_page(server: TestServer) -> None:
    url = server.add("/page.xhtml", article_page(), content_type="application/xml")
    (article,) = articles_of(read_all([url], LOCAL))
    assert article.title == "Kim Jong Un tours weapons factories"
