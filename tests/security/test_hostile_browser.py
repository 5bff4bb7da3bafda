"""In a real Chromium, the pages of hostile articles open without any script of theirs running."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, sync_playwright

from browser_support import CHROMIUM, CHROMIUM_ARGS
from security.conftest import HostileSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]



@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: run scripts/install_browser.sh first")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def test_no_dialog_opens_on_the_pages_of_hostile_articles(
    browser: Browser, hostile_site: HostileSite
) -> None:
    page = browser.new_page()
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
        dialog.dismiss()

    page.on("dialog", record)
    paths = ["/", "/articles?q=alert"]
    paths += [f"/stories/{story_id}" for story_id in hostile_site.story_ids]
    paths += [f"/articles/{article_id}" for article_id in hostile_site.article_ids]
    paths += [f"/jobs/{job_id}" for job_id in hostile_site.job_ids]
    for path in paths:
        response = page.goto(hostile_site.base + path, wait_until="load", timeout=120_000)
        assert response is not None and response.status == 200, path
        page.mouse.move(10, 10)
        page.mouse.move(400, 300)
        page.wait_for_timeout(200)
    assert page.locator("text=alert(1)").count() > 0, "the payloads should be shown as text"
    page.close()
    assert dialogs == []
