"""Small real documents the ingest tests write to files or serve over HTTP."""

from __future__ import annotations

PARAGRAPHS = [
    "North Korea's supreme leader Kim Jong Un toured key weapons factories making missile engines and "
    "artillery shells from Thursday to Saturday, state media reported on Sunday.",
    "Kim's inspections included the production of engines for strategic cruise missiles and unmanned aerial "
    "vehicles, as well as shells for super large-calibre multiple-rocket launchers.",
    "He called for mass production of cutting-edge strategic weapon engines, the news agency KCNA said, "
    "according to a report relayed by Reuters.",
]


def article_page(
    title: str = "Kim Jong Un tours weapons factories",
    paragraphs: list[str] | None = None,
    site: str = "WION",
    published: str = "2023-08-06T09:30:00+05:30",
    author: str = "Jane Doe",
    extra: str = "<p>WATCH WION LIVE HERE</p>",
) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs or PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<script>var tracking = "<p>not article text</p>";</script>
<style>p {{ color: black; }}</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{title}</h1>{body}{extra}</article>
<footer>Copyright 2023 {site}. All rights reserved.</footer>
</body></html>"""


def rss_feed(items: list[dict[str, str]], title: str = "WION World News") -> str:
    entries = "".join(
        "<item>"
        + f"<title>{item['title']}</title><link>{item['link']}</link>"
        + f"<pubDate>{item.get('date', 'Sun, 06 Aug 2023 10:00:00 GMT')}</pubDate>"
        + (f"<description><![CDATA[{item['summary']}]]></description>" if "summary" in item else "")
        + (f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if "content" in item else "")
        + "</item>"
        for item in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>https://www.wionews.com/</link>"
        f"<description>News</description>{entries}</channel></rss>"
    )


def atom_feed(title: str = "Yonhap English") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:yonhap</id>
<updated>2023-08-07T00:00:00Z</updated>
<entry><title>Kim inspects munitions factories</title><id>urn:1</id>
<link href="https://en.yna.co.kr/view/1"/><published>2023-08-06T08:00:00Z</published>
<updated>2023-08-06T09:00:00Z</updated>
<content type="html">&lt;p&gt;{PARAGRAPHS[0]}&lt;/p&gt;&lt;p&gt;{PARAGRAPHS[1]}&lt;/p&gt;</content></entry>
</feed>"""
