"""Chromium (Debian's, driven by Playwright) against a real `corroborator serve` on 127.0.0.1.

Opens the seeds' story and sees the weekday discrepancy highlighted, reads an article's annotations, pastes a
third report of the same event into the ingest form and watches it join the story. Screenshots of the main
pages go to docs/screenshots/.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from web_support import AUTH, ROOT, SEEDS, TOKEN

from browser_support import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = ROOT / "docs" / "screenshots"
SERVE = [str(Path(sys.executable).with_name("corroborator")), "serve"]
STARTUP_SECONDS = 60
JOB_SECONDS = 240
THIRD_REPORT = (
    "North Korean leader Kim Jong Un inspected several weapons factories from Thursday to Saturday, "
    "the state news agency KCNA reported on Sunday. Kim visited plants producing engines for strategic "
    "cruise missiles and unmanned aerial vehicles, as well as shells for super-large multiple-rocket "
    "launchers, and called for a rapid increase in production capacity. At a factory building launcher "
    "trucks for ballistic missiles, he said supplying the vehicles was a top priority for the military, "
    "KCNA said."
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`corroborator serve` on a free loopback port; the two seeds uploaded through its API first."""
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: run scripts/install_browser.sh first")
    db = tmp_path_factory.mktemp("served") / "news.db"
    env = {**os.environ, "CORROBORATOR_TOKEN": TOKEN, "HF_HUB_OFFLINE": "1"}
    process = subprocess.Popen(
        [*SERVE, "--port", "0", "--db", str(db)], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        base = _wait_until_serving(process)
        _upload_seeds(base)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stderr is not None:
            process.stderr.close()


def _upload_seeds(base: str) -> None:
    files = [("files", (path.name, path.read_bytes(), "text/plain")) for path in sorted(SEEDS.glob("*.txt"))]
    job = httpx.post(f"{base}/api/ingest/files", files=files, headers=AUTH, timeout=60).json()
    deadline = time.monotonic() + JOB_SECONDS
    while time.monotonic() < deadline:
        job = httpx.get(f"{base}/api/jobs/{job['id']}", timeout=60).json()
        if job["status"] in ("done", "failed"):
            assert job["status"] == "done" and job["result"]["added"] == 2, job["error"]
            return
        time.sleep(0.5)
    raise AssertionError(f"the seeds were not ingested within {JOB_SECONDS} s")


def _wait_until_serving(process: subprocess.Popen[str]) -> str:
    assert process.stderr is not None
    line = process.stderr.readline()
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert found, f"serve did not announce its address: {line!r}"
    base = f"http://127.0.0.1:{found.group(1)}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/status", timeout=5).status_code == 200:
                return base
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"serve did not answer on {base} within {STARTUP_SECONDS} s")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), full_page=False)
    assert path.read_bytes().startswith(b"\x89PNG")


def open_seed_story(page: Page, base: str) -> None:
    page.goto(f"{base}/")
    stories = page.locator("table.stories tbody tr")
    expect(stories).to_have_count(1)
    screenshot(page, "story-list.png")
    stories.first.locator("a").click()
    expect(page.locator("article.source")).to_have_count(2, timeout=JOB_SECONDS * 1000)


def test_the_seed_story_highlights_the_weekday_discrepancy(server: str, page: Page) -> None:
    open_seed_story(page, server)
    weekday = page.locator("mark.hl-discrepancy", has_text="Thursday").first
    expect(weekday).to_be_visible()
    assert "Friday" in (weekday.get_attribute("title") or "")
    expect(page.locator("#discrepancies li.discrepancy").first).to_contain_text("Friday")
    expect(page.locator("svg.timeline g.event").first).to_be_attached()
    expect(page.locator("#relays strong.origin", has_text="KCNA")).to_be_visible()
    screenshot(page, "story.png")


def test_an_article_page_shows_its_annotations(server: str, page: Page) -> None:
    open_seed_story(page, server)
    page.locator("article.source", has_text="August 4").locator("h3 a").click()
    expect(page.locator("div.text.single mark.hl-entity").first).to_be_visible()
    weekday = page.locator("div.text.single mark.hl-discrepancy", has_text="Thursday").first
    expect(weekday).to_be_visible()
    assert "weekday" in (weekday.get_attribute("title") or "")
    expect(page.locator("#times table")).to_be_visible()
    screenshot(page, "article.png")


def test_a_story_links_its_storyline_whose_events_are_on_a_timeline(server: str, page: Page) -> None:
    open_seed_story(page, server)
    headline = page.locator("h1").inner_text()
    page.locator("a.storyline-link").click()
    expect(page.locator("h1")).to_contain_text("Storyline")
    expect(page.locator("#events table.stories tbody tr")).to_have_count(1)
    expect(page.locator("#events svg.timeline g.event")).to_have_count(1)
    expect(page.locator("#events a", has_text=headline)).to_be_visible()
    screenshot(page, "storyline.png")


def test_the_story_page_reads_without_javascript(server: str, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    open_seed_story(page, server)
    expect(page.locator("mark.hl-discrepancy").first).to_be_visible()
    context.close()


def test_a_pasted_report_joins_the_seed_story(server: str, page: Page) -> None:
    page.goto(f"{server}/ingest")
    page.fill("input[name=title]", "Kim inspects weapons factories")
    page.fill("input[name=outlet]", "Test Wire")
    page.fill("input[name=published]", "2023-08-06")
    page.fill("textarea[name=text]", THIRD_REPORT)
    page.fill("input[name=token]", TOKEN)
    screenshot(page, "ingest.png")
    page.click("button[type=submit]")
    expect(page.locator("#job-status")).to_have_text("done", timeout=JOB_SECONDS * 1000)
    joined = page.locator("a.joined")
    expect(joined).to_have_count(1)
    screenshot(page, "job.png")
    joined.click()
    expect(page.locator("article.source")).to_have_count(3, timeout=JOB_SECONDS * 1000)
    expect(page.locator("article.source .meta", has_text="Test Wire")).to_be_visible()
