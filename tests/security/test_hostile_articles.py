"""Articles whose every field carries markup, script URLs, RTL overrides, control characters and a 200 KB
line: every page, JSON twin and report format shows them as text and runs nothing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from markdown_it import MarkdownIt

from security.conftest import TOKEN, HostileSite
from security.hostile_markup import ATTRIBUTE, IMG, SCRIPT, TEXTAREA, executable_markup, hostile_records
from security.live_server import CLI, cli_env

pytestmark = pytest.mark.slow

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
REPORT_FORMATS = ("html", "md", "text", "json")


def html_paths(site: HostileSite) -> list[str]:
    lists = ["/", "/articles", "/?q=fire", "/articles?q=alert", f"/articles?q={quote(SCRIPT)}", "/ingest"]
    stories = [f"/stories/{story_id}" for story_id in site.story_ids]
    articles = [f"/articles/{article_id}" for article_id in site.article_ids]
    return lists + stories + articles + [f"/jobs/{job_id}" for job_id in site.job_ids]


def json_paths(site: HostileSite) -> list[str]:
    stories = [p for s in site.story_ids for p in (f"/stories/{s}.json", f"/api/stories/{s}")]
    articles = [p for a in site.article_ids for p in (f"/articles/{a}.json", f"/api/articles/{a}")]
    jobs = [f"/api/jobs/{job_id}" for job_id in site.job_ids]
    return ["/api/stories", "/api/articles", f"/api/articles?q={quote(SCRIPT)}", *stories, *articles, *jobs]


def test_the_hostile_articles_were_all_stored_and_placed(hostile_site: HostileSite) -> None:
    assert len(site_articles := hostile_site.article_ids) == len(hostile_records()) + 1, site_articles
    base = hostile_site.base
    jobs = [httpx.get(f"{base}/api/jobs/{job_id}", timeout=60).json() for job_id in hostile_site.job_ids]
    assert [job["status"] for job in jobs] == ["done", "done"], jobs
    assert jobs[0]["result"]["added"] == 1 and jobs[1]["result"]["failed"] == 1, jobs


def test_every_page_shows_the_markup_as_text(hostile_site: HostileSite) -> None:
    for path in html_paths(hostile_site):
        response = httpx.get(hostile_site.base + path, timeout=120)
        assert response.status_code == 200, (path, response.text[:300])
        assert response.headers["content-type"].startswith("text/html"), path
        assert executable_markup(response.text) == [], path
    for path in [f"/stories/{s}" for s in hostile_site.story_ids] + [f"/jobs/{hostile_site.job_ids[1]}"]:
        assert ESCAPED_SCRIPT in httpx.get(hostile_site.base + path, timeout=120).text, path


def test_json_twins_are_json_and_carry_the_markup_as_data(hostile_site: HostileSite) -> None:
    for path in json_paths(hostile_site):
        response = httpx.get(hostile_site.base + path, timeout=120)
        assert response.status_code == 200, (path, response.text[:300])
        assert response.headers["content-type"] == "application/json", path
        assert response.headers["x-content-type-options"] == "nosniff", path
        json.loads(response.text)
    story = httpx.get(f"{hostile_site.base}/stories/{hostile_site.story_ids[0]}.json", timeout=120).json()
    assert any(SCRIPT in article["text"] for article in story["articles"]), story["articles"]


def test_error_pages_escape_what_the_request_carried(hostile_site: HostileSite) -> None:
    hostile_id = quote(f'x{ATTRIBUTE}{IMG}', safe="")
    page = httpx.get(f"{hostile_site.base}/articles/{hostile_id}", timeout=60)
    assert page.status_code == 404 and executable_markup(page.text) == []
    api = httpx.get(f"{hostile_site.base}/api/stories/{hostile_id}", timeout=60)
    assert api.status_code == 404 and json.loads(api.text)["status"] == 404
    bad_day = httpx.get(f"{hostile_site.base}/articles", params={"since": SCRIPT}, timeout=60)
    assert bad_day.status_code == 400 and executable_markup(bad_day.text) == []


def test_the_ingest_form_keeps_a_rejected_submission_inside_its_fields(hostile_site: HostileSite) -> None:
    """A refused form comes back filled in: a `</textarea>` in the text must not close the text area."""
    fields = {"title": f"{ATTRIBUTE}{SCRIPT}", "outlet": IMG, "text": TEXTAREA, "urls": TEXTAREA,
              "token": TOKEN + "-wrong"}
    response = httpx.post(f"{hostile_site.base}/ingest", data=fields, files={"files": ("", b"")}, timeout=60)
    assert response.status_code == 403, response.text[:300]
    assert executable_markup(response.text) == []
    assert TOKEN not in response.text


def _report(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env()
    )


def report_problems(fmt: str, output: str) -> list[str]:
    """What is wrong with a report of the hostile articles: raw control characters, markup that would run."""
    problems = [f"raw {name}" for name, char in (("ESC", "\x1b"), ("NUL", "\x00")) if char in output]
    if fmt == "html":
        problems += executable_markup(output)
        problems += [] if "&lt;script" in output else ["the markup is not shown escaped"]
    elif fmt == "md":
        problems += [f"raw {tag}" for tag in ("<script", "<img") if tag in output.lower()]
        problems += executable_markup(MarkdownIt("commonmark").render(output))
    elif fmt == "json" and SCRIPT not in json.dumps(json.loads(output), ensure_ascii=False):
        problems.append("the markup is missing from the JSON")
    return problems


def test_reports_in_every_format_escape_the_markup(hostile_site: HostileSite, tmp_path: Path) -> None:
    """`compare` of the three reports of the fire, and `show` of every stored story, run side by side."""
    same_event = tmp_path / "fire.jsonl"
    same_event.write_text("".join(json.dumps(r) + "\n" for r in hostile_records()[:3]), encoding="utf-8")
    runs = {f"compare --format {fmt}": (fmt, ["compare", str(same_event), "--format", fmt])
            for fmt in REPORT_FORMATS}
    for story_id in hostile_site.story_ids:
        for fmt in ("html", "md"):
            runs[f"show {story_id} --format {fmt}"] = (fmt, ["show", story_id, "--format", fmt,
                                                            "--db", str(hostile_site.db)])
    processes = {where: (fmt, _report(args)) for where, (fmt, args) in runs.items()}
    problems = []
    for where, (fmt, process) in processes.items():
        output, errors = process.communicate(timeout=600)
        if process.returncode != 0:
            problems.append(f"{where}: exit {process.returncode}: {errors.strip()}")
        problems += [f"{where}: {problem}" for problem in report_problems(fmt, output)]
    assert problems == []
