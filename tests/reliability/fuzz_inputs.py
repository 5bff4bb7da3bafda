"""Hypothesis strategies for fuzzing: random bytes, mutated real samples, and structure-aware generators
(nested HTML, RSS/Atom entries, JSON Lines, CSV, WARC records, broken gzip, hostile Unicode text)."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from hypothesis import strategies as st

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SEED_TEXT = sorted(SEEDS.iterdir())[0].read_bytes()
SEED_PARAGRAPHS = [line for line in SEED_TEXT.decode("utf-8").split("\n") if line.strip()][:6]

TEXT_CHARS = st.characters(codec="utf-8")
"""Any Unicode character that can be encoded (lone surrogates cannot come out of a decoder)."""
NASTY_TOKENS = [
    b"<", b">", b"&", b"&amp", b"&#0;", b"&#xD800;", b"&#x110000;", b"]]>", b"<![CDATA[", b"<!--", b"-->",
    b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\r", b"\r\n", b"\n\n", b'"', b",", b"\\", b"{",
    b"[", b"}", b"\x1b[31m", b"\xe2\x80\xae", b"\xc3", b"\xf0\x9f\x98", b"<script>", b"</p>", b"date ",
    b"title: ", b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"\x1f\x8b",
]


# --- real samples --------------------------------------------------------------------------------------


def sample_html(paragraphs: list[str] | None = None) -> str:
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in (paragraphs or SEED_PARAGRAPHS))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Kim tours factories</title>'
        '<meta property="article:published_time" content="2023-08-06T10:00:00Z">'
        '<meta property="og:site_name" content="WION"></head><body><nav>Home | World</nav>'
        f"<article><h1>Kim tours factories</h1>{body}</article><footer>All rights reserved.</footer>"
        "</body></html>"
    )


def sample_feed() -> str:
    items = "".join(
        f"<item><title>Report {number}</title><link>https://news.example/{number}</link>"
        f"<pubDate>Sun, 06 Aug 2023 10:0{number}:00 GMT</pubDate><description>{escape(paragraph)}"
        "</description></item>"
        for number, paragraph in enumerate(SEED_PARAGRAPHS[:3])
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>WION</title>{items}'
        "</channel></rss>"
    )


def sample_jsonl() -> str:
    return "".join(
        json.dumps(
            {
                "id": f"r{number}",
                "text": paragraph,
                "title": f"Report {number}",
                "url": f"https://news.example/{number}",
                "published": "2023-08-06",
            }
        )
        + "\n"
        for number, paragraph in enumerate(SEED_PARAGRAPHS[:3])
    )


def sample_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "title", "text", "published"])
    for number, paragraph in enumerate(SEED_PARAGRAPHS[:3]):
        writer.writerow([f"r{number}", f"Report {number}", paragraph, "2023-08-06"])
    return out.getvalue()


def warc_bytes(records: list[tuple[str, str, str, bytes]], compressed: bool) -> bytes:
    """A WARC archive of response records (uri, HTTP status line, content type, body), written byte by byte
    (deterministic, unlike warcio's writer: fixed record ids and dates); gzipped one member per record."""
    members = []
    for number, (uri, status, content_type, body) in enumerate(records):
        block = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
        payload = block.encode("utf-8") + body
        target = f"WARC-Target-URI: {uri}\r\n" if uri else ""
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>"
            f"\r\nWARC-Date: 2023-08-06T10:00:00Z\r\n{target}"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
        )
        record = head.encode("utf-8") + payload + b"\r\n\r\n"
        members.append(gzip.compress(record, mtime=0) if compressed else record)
    return b"".join(members)


def sample_warc(compressed: bool) -> bytes:
    page = sample_html().encode("utf-8")
    return warc_bytes([("https://news.example/kim", "200 OK", "text/html; charset=utf-8", page)], compressed)


SAMPLES: dict[str, bytes] = {
    "text": SEED_TEXT,
    "html": sample_html().encode("utf-8"),
    "feed": sample_feed().encode("utf-8"),
    "jsonl": sample_jsonl().encode("utf-8"),
    "csv": sample_csv().encode("utf-8"),
    "warc": sample_warc(compressed=False),
    "warc.gz": sample_warc(compressed=True),
}


# --- mutation of samples ---------------------------------------------------------------------------------

_OPERATIONS = st.tuples(
    st.sampled_from(["flip", "delete", "insert", "truncate", "repeat"]),
    st.integers(min_value=0, max_value=1 << 30),
    st.one_of(st.sampled_from(NASTY_TOKENS), st.binary(min_size=1, max_size=16)),
)


def mutate(sample: bytes, operations: list[tuple[str, int, bytes]]) -> bytes:
    """`sample` with byte flips, deletions, insertions, truncation and repeated runs applied in order."""
    data = bytearray(sample)
    for kind, where, payload in operations:
        position = where % (len(data) + 1)
        if kind == "flip" and position < len(data):
            data[position] ^= payload[0] or 0xFF
        elif kind == "delete":
            del data[position : position + len(payload) * 4]
        elif kind == "insert":
            data[position:position] = payload
        elif kind == "truncate":
            del data[position:]
        elif kind == "repeat":
            data[position:position] = data[position : position + 64] * (1 + payload[0] % 8)
    return bytes(data)


def mutated(sample: bytes) -> st.SearchStrategy[bytes]:
    return st.lists(_OPERATIONS, max_size=8).map(lambda operations: mutate(sample, operations))


def broken_gzip(sample: bytes) -> st.SearchStrategy[bytes]:
    """The gzip of `sample`, then mutated: truncated streams, bad CRCs, corrupt deflate blocks."""
    return mutated(gzip.compress(sample, mtime=0))


# --- structure-aware generators -------------------------------------------------------------------------

short_text = st.text(alphabet=TEXT_CHARS, max_size=60)
words = st.lists(st.sampled_from(" ".join(SEED_PARAGRAPHS).split()), min_size=1, max_size=30).map(" ".join)
field_text = st.one_of(
    words, short_text, st.sampled_from(["", " ", "\n", "2023-08-06", "Thursday (August 4)"])
)

HTML_TAGS = [
    "html", "head", "body", "title", "meta", "article", "main", "p", "div", "span", "a", "script",
    "style", "br", "table", "tr", "td", "ul", "li", "h1", "h2", "time", "noscript", "template", "svg",
    "math", "iframe", "form", "pre", "blockquote", "figure", "img", "nav", "footer", "header", "section",
    "!--", "?xml",
]
HTML_ATTRIBUTES = ["class", "id", "href", "content", "name", "property", "datetime", "charset", "lang", "src"]


def _element(tag: str, attributes: dict[str, str], children: list[str], closed: bool) -> str:
    shown = "".join(f' {name}="{escape(value, {chr(34): "&quot;"})}"' for name, value in attributes.items())
    inner = "".join(children)
    return f"<{tag}{shown}>{inner}</{tag}>" if closed else f"<{tag}{shown}>{inner}"


_html_leaf = st.one_of(
    field_text.map(escape), short_text, st.sampled_from(["&nbsp;", "&#8217;", "&bogus;", "<"])
)
html_tree = st.recursive(
    _html_leaf,
    lambda children: st.builds(
        _element,
        st.sampled_from(HTML_TAGS),
        st.dictionaries(st.sampled_from(HTML_ATTRIBUTES), field_text, max_size=3),
        st.lists(children, max_size=5),
        st.booleans(),
    ),
    max_leaves=40,
)
html_documents = st.builds(
    lambda doctype, tree, paragraphs: f"{doctype}{tree}{paragraphs}",
    st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0" encoding="latin-1"?>', "\ufeff"]),
    html_tree,
    st.lists(words.map(lambda line: f"<p>{escape(line)}</p>"), max_size=4).map("".join),
).map(lambda text: text.encode("utf-8"))


def _wrapped(value: str, how: str) -> str:
    if how == "cdata":
        return f"<![CDATA[{value}]]>"
    return value if how == "raw" else escape(value)


_feed_value = st.builds(_wrapped, field_text, st.sampled_from(["escaped", "raw", "cdata"]))
_feed_date = st.one_of(
    st.sampled_from(["Sun, 06 Aug 2023 10:00:00 GMT", "2023-08-06T10:00:00Z", "yesterday", "", "99/99/9999"]),
    short_text.map(escape),
)
_rss_entry = st.builds(
    lambda title, link, text, date: (
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>{date}</pubDate><description>{text}</description></item>"
    ),
    _feed_value,
    _feed_value,
    _feed_value,
    _feed_date,
)
_atom_entry = st.builds(
    lambda title, link, text, date: (
        f'<entry><title>{title}</title><link href="{escape(link)}"/>'
        f'<updated>{date}</updated><content type="html">{text}</content></entry>'
    ),
    _feed_value,
    field_text,
    _feed_value,
    _feed_date,
)
feed_documents = st.one_of(
    st.lists(_rss_entry, max_size=6).map(
        lambda items: (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
            + "".join(items)
            + "</channel></rss>"
        )
    ),
    st.lists(_atom_entry, max_size=6).map(
        lambda entries: (
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title>' + "".join(entries) + "</feed>"
        )
    ),
).map(lambda text: text.encode("utf-8"))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | field_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(field_text, children, max_size=4),
    max_leaves=12,
)
_record = st.fixed_dictionaries(
    {"text": st.one_of(field_text, json_values)},
    optional={
        name: st.one_of(field_text, json_values) for name in ("id", "title", "url", "outlet", "published")
    },
)
_jsonl_line = st.one_of(
    st.builds(json.dumps, _record, ensure_ascii=st.booleans()),
    st.builds(json.dumps, json_values),
    short_text,
    st.builds(lambda n, opening: opening * n, st.integers(500, 20_000), st.sampled_from(["[", '{"a":'])),
)
jsonl_documents = st.lists(_jsonl_line, max_size=8).map(lambda lines: "\n".join(lines).encode("utf-8"))


def _csv_document(
    header: list[str], rows: list[list[str]], quoting: Literal[0, 1, 2, 3], newline: str
) -> bytes:
    out = io.StringIO()
    csv.writer(out, quoting=quoting, lineterminator=newline).writerows([header, *rows])
    return out.getvalue().encode("utf-8")


csv_documents = st.builds(
    _csv_document,
    st.lists(st.sampled_from(["text", "title", "url", "published", "id", "outlet", "x", ""]), max_size=6),
    st.lists(st.lists(field_text, max_size=7), max_size=6),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    st.sampled_from(["\r\n", "\n", "\r"]),
)

_warc_record = st.tuples(
    st.one_of(st.just("https://news.example/kim"), short_text),
    st.sampled_from(["200 OK", "404 Not Found", "301 Moved Permanently", "200", "abc"]),
    st.sampled_from(
        [
            "text/html",
            "text/html; charset=utf-8",
            "text/html; charset=bogus-9",
            "text/html; charset=utf-16",
            "application/pdf",
            "",
        ]
    ),
    st.one_of(html_documents, st.binary(max_size=512)),
)
warc_documents = st.builds(warc_bytes, st.lists(_warc_record, max_size=4), st.booleans())


def any_bytes_for(kind: str, generated: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """Random bytes, the real sample of `kind` mutated, or generated structure (raw or mutated)."""
    return st.one_of(
        st.binary(max_size=2048),
        mutated(SAMPLES[kind]),
        generated,
        generated.flatmap(mutated),
    )


# --- text for analysis ---------------------------------------------------------------------------------

SCRIPTS = [
    "Kim Jong Un", "김정은", "金正恩", "Ким Чен Ын", "كيم جونغ أون", "किम जोंग उन", "קים ג'ונג און",
    "e\u0301\u0301\u0301", "🚀🇰🇵👩‍👩‍👧", "\u200b\u200d\ufeff", "\u202e\u2066", "\x00\x01\x1b\x7f",
    "\u2028\u2029", " ", "\n", "\n\n", "\t", ".", '"', "“", "”", "(", ")", "2023-08-04",
    "Thursday (August 4)", "$2.5 billion", "at least two", "said", "according to Reuters", "KCNA", "100%",
    "1e308", "-0", "½", "١٢٣",
]
mixed_text = st.lists(st.one_of(st.sampled_from(SCRIPTS), words, short_text), max_size=40).map("".join)
analysis_texts = st.one_of(st.text(alphabet=TEXT_CHARS, max_size=400), mixed_text)


def huge_texts(max_chars: int) -> st.SearchStrategy[str]:
    """One line of many words, one giant token, or a long run of one repeated piece."""
    size = st.integers(min_value=1_000, max_value=max_chars)
    return st.one_of(
        st.builds(
            lambda piece, n: (piece + " ") * (n // (len(piece) + 1)), st.sampled_from(SCRIPTS[:6]), size
        ),
        st.builds(lambda char, n: char * n, st.sampled_from(["x", "金", ".", "\n", "-", "a."]), size),
        st.builds(lambda line, n: (line + " ") * max(1, n // (len(line) + 1)), mixed_text, size),
    )
