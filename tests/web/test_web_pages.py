"""The HTML pages in-process: lists with filters, the ingest form with its token field and cookie."""

from __future__ import annotations

from fastapi.testclient import TestClient
from web_support import TOKEN, wait_for_job


def test_the_article_list_keeps_its_filters_in_the_form_and_the_pager(client: TestClient) -> None:
    page = client.get("/articles", params={"q": "Kim", "per_page": 1})
    assert page.status_code == 200
    assert 'name="q" value="Kim"' in page.text
    assert 'href="/articles?q=Kim&amp;page=2"' in page.text
    assert "page 1 of 2" in page.text


def test_bad_filters_give_an_error_page(client: TestClient) -> None:
    page = client.get("/", params={"since": "yesterday"})
    assert page.status_code == 400 and "is not a date" in page.text


def test_empty_date_fields_of_the_filter_form_mean_no_filter(client: TestClient) -> None:
    assert client.get("/articles", params={"q": "", "since": "", "until": ""}).status_code == 200


def test_the_ingest_form_without_a_token_is_shown_again_with_the_error(client: TestClient) -> None:
    response = client.post("/ingest", data={"text": "Draft <i>text</i> kept", "title": "Kept"})
    assert response.status_code == 401
    assert "needs the server" in response.text
    assert "Draft &lt;i&gt;text&lt;/i&gt; kept" in response.text and 'value="Kept"' in response.text


def test_the_ingest_form_with_nothing_to_add_says_so(client: TestClient) -> None:
    response = client.post("/ingest", data={"token": TOKEN})
    assert response.status_code == 400 and "nothing to add" in response.text


def test_the_ingest_form_starts_a_job_and_remembers_the_token(client: TestClient) -> None:
    form = {
        "text": "A pasted report about a harbour fire.",
        "title": "Harbour fire",
        "token": TOKEN,
        "remember": "1",
    }
    response = client.post("/ingest", data=form, follow_redirects=False)
    assert response.status_code == 303
    job_page = response.headers["location"]
    assert job_page.startswith("/jobs/")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    job = wait_for_job(client, job_page.rsplit("/", 1)[1])
    assert job["result"]["added"] == 1
    page = client.get(job_page).text
    assert "Harbour fire" in page and "1 added" in page
    again = client.post(
        "/ingest", data={"text": "Another report, sent with the cookie only."}, follow_redirects=False
    )
    assert again.status_code == 303


def test_uploading_files_through_the_form(client: TestClient) -> None:
    files = [("files", ("report.txt", b"A short report uploaded from the form.", "text/plain"))]
    response = client.post("/ingest", data={"token": TOKEN}, files=files, follow_redirects=False)
    assert response.status_code == 303
    job = wait_for_job(client, response.headers["location"].rsplit("/", 1)[1])
    assert job["result"]["added"] == 1


def test_the_job_page_polls_with_javascript_and_links_a_refresh(client: TestClient) -> None:
    response = client.post("/ingest", data={"text": "Report.", "token": TOKEN}, follow_redirects=False)
    page = client.get(response.headers["location"]).text
    assert '<script src="/static/job.js" defer></script>' in page
    assert client.get("/static/job.js").status_code == 200


def test_pages_forbid_framing_and_foreign_scripts(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
