"""Story lists and story pages in-process, over the seeds ingested (and analysed) by the Python API and
compared by the real compare stage. The story itself (both seeds, one event) is given here, so these tests
do not depend on the stories stage's judgement (the browser tests use it end to end).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_support import TOKEN

from corroborator.store import Store
from corroborator.types import Article, Story
from corroborator.web.app import create_app
from corroborator.web.cache import LruCache
from corroborator.web.data import story_data

STORY = "seeds-story"


@pytest.fixture(scope="module")
def story_db_template(seeds_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("story") / "story.db"
    shutil.copy(seeds_db_template, path)
    with Store(path) as store:
        seeds = store.list_articles()
        assert all(store.get_analysis(article.id) for article in seeds), "ingest analyses every article"
        store.save_story(
            Story(
                id=STORY,
                articles=[article.id for article in seeds],
                headline="Kim Jong Un tours weapons factories",
                outlets=["000", "001"],
                first_published="2023-08-06",
                last_published="2023-08-06",
            )
        )
    return path


@pytest.fixture
def story_db(story_db_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "story.db"
    shutil.copy(story_db_template, path)
    return path


@pytest.fixture
def story_client(story_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(story_db, token=TOKEN)) as client:
        yield client


def weekday_discrepancy(data: dict[str, Any]) -> dict[str, Any]:
    found = [item for item in data["brief"]["discrepancies"] if item["kind"] == "weekday_mismatch"]
    assert found, data["brief"]["discrepancies"]
    return found[0]


def test_the_story_list_shows_the_story_and_its_filters_work(story_client: TestClient) -> None:
    listed = story_client.get("/api/stories").json()
    assert [story["id"] for story in listed["items"]] == [STORY]
    assert listed["items"][0]["article_count"] == 2
    for filters in (
        {"q": "Shoigu"},
        {"entity": "Kim Jong Un"},
        {"since": "2023-08-01", "until": "2023-08-31"},
    ):
        assert story_client.get("/api/stories", params=filters).json()["total"] == 1, filters
    for filters in (
        {"q": "zeppelin"},
        {"entity": "Nobody Known"},
        {"since": "2024-01-01"},
        {"outlet": "Nope"},
    ):
        assert story_client.get("/api/stories", params=filters).json()["total"] == 0, filters
    page = story_client.get("/", params={"q": "Shoigu"}).text
    assert f'href="/stories/{STORY}"' in page and "Kim Jong Un tours weapons factories" in page


def test_the_story_page_and_its_json_share_one_data_function(story_client: TestClient) -> None:
    api = story_client.get(f"/api/stories/{STORY}").json()
    assert story_client.get(f"/stories/{STORY}.json").json() == api
    assert story_client.get(f"/api/stories/{STORY}/brief").json() == api["brief"]
    assert [article["id"] for article in api["articles"]] == [item["id"] for item in api["brief"]["articles"]]


def test_the_weekday_discrepancy_is_highlighted_in_the_source_text(story_client: TestClient) -> None:
    data = story_client.get(f"/api/stories/{STORY}").json()
    discrepancy = weekday_discrepancy(data)
    evidence = discrepancy["evidence"][0]
    text = next(article["text"] for article in data["articles"] if article["id"] == evidence["article"])
    quoted = text[evidence["start"] : evidence["end"]]
    assert "Thursday" in quoted
    page = story_client.get(f"/stories/{STORY}").text
    assert f'<mark class="hl-discrepancy" title="{discrepancy["explanation"]}' in page.replace("&#34;", '"')
    assert f">{quoted}</mark>" in page
    assert "Friday" in page


def test_an_agreed_detail_is_listed_under_its_fact_and_marked_in_the_text(story_client: TestClient) -> None:
    data = story_client.get(f"/api/stories/{STORY}").json()
    agreements = data["brief"]["agreements"]
    details = [(number, a) for number, a in enumerate(agreements, start=1) if a["detail"]]
    assert details, agreements
    page = story_client.get(f"/stories/{STORY}").text
    for number, detail in details:
        assert agreements[detail["part_of"]]["detail"] is None and detail["part_of"] < number - 1
        row = page.split(f'<tr id="a-{number}" class="detail">')[1].split("</tr>")[0]
        assert f'↳ <span class="detail-kind">{detail["detail"]}</span>: {detail["fact"]}' in row
        assert f'href="#a-{number}"' in page


def test_the_story_page_draws_timeline_entities_and_relays(story_client: TestClient) -> None:
    data = story_client.get(f"/api/stories/{STORY}").json()
    page = story_client.get(f"/stories/{STORY}").text
    assert '<svg class="timeline"' in page and page.count('<g class="event') >= 1
    assert '<strong class="origin">KCNA</strong>' in page
    for row in data["brief"]["entities"][:5]:
        assert f"<td>{row['entity']}</td>" in page
    for item in data["brief"]["single_source"][:3]:
        assert item["fact"].replace("'", "&#39;").replace('"', "&#34;") in page


def test_the_brief_is_computed_once_per_story_version(story_db: Path) -> None:
    with Store(story_db) as store:
        cache = LruCache()
        first = story_data(store, STORY, cache)
        assert story_data(store, STORY, cache) is first
        extra = Article(text="A third report of the factory visits by Kim Jong Un.", outlet="Extra Wire")
        store.add_article(extra)
        story = store.get_story(STORY)
        store.save_story(Story(id=STORY, articles=[*story.articles, extra.id], headline=story.headline))
        changed = story_data(store, STORY, cache)
    assert changed is not first
    assert [article["id"] for article in changed["articles"]][-1] == extra.id


def test_article_text_in_a_story_is_escaped(story_db: Path) -> None:
    hostile = Article(text='Breaking: <script>document.title="owned"</script> <img src=x onerror=alert(1)>')
    with Store(story_db) as store:
        store.add_article(hostile)
        story = store.get_story(STORY)
        store.save_story(Story(id=STORY, articles=[*story.articles, hostile.id], headline="<b>headline</b>"))
    with TestClient(create_app(story_db, token=TOKEN)) as client:
        page = client.get(f"/stories/{STORY}").text
        listing = client.get("/").text
    assert "<script>document" not in page and "<img src=x" not in page
    assert "&lt;script&gt;document.title=&#34;owned&#34;&lt;/script&gt;" in page
    assert "<b>headline</b>" not in listing and "&lt;b&gt;headline&lt;/b&gt;" in listing


def test_an_article_page_highlights_its_annotations(story_client: TestClient) -> None:
    data = story_client.get(f"/api/stories/{STORY}").json()
    dated = next(article for article in data["articles"] if article["published"])
    annotations = story_client.get(f"/api/articles/{dated['id']}").json()["annotations"]
    page = story_client.get(f"/articles/{dated['id']}").text
    entity = annotations["entities"][0]
    assert f'<mark class="hl-entity" title="{entity["label"]}: {entity["entity"]}">' in page
    flagged = [time for time in annotations["times"] if any("weekday" in flag for flag in time["flags"])]
    assert flagged, annotations["times"]
    assert f">{flagged[0]['text']}</mark>" in page and 'class="hl-discrepancy"' in page
    assert f'href="/stories/{STORY}"' in page


def test_a_figure_that_changed_between_days_is_shown_as_a_change_over_time(tmp_path: Path) -> None:
    from corroborator.analyze.pipeline import shared_analyzer

    text = (
        "Riot police fired tear gas at protesters in central Athens on Wednesday. "
        "Police said {} people were injured in the clashes near parliament.\n"
    )
    articles = [
        Article(text=text.format(12), outlet="Daily One", published="2010-05-05"),
        Article(text=text.format(15), outlet="Daily Two", published="2010-05-06"),
    ]
    path = tmp_path / "updates.db"
    with Store(path) as store:
        for article, analysis in zip(articles, shared_analyzer().analyze(articles), strict=True):
            store.add_article(article)
            store.save_analysis(analysis)
        store.save_story(Story(id="riot", articles=[a.id for a in articles], headline="Athens riot"))
    with TestClient(create_app(path, token=TOKEN)) as client:
        (update,) = client.get("/api/stories/riot").json()["brief"]["discrepancies"]
        page = client.get("/stories/riot").text
    assert update["kind"] == "update"
    assert [e["text"] for e in update["evidence"]] == ["12 people", "15 people"]
    discrepancies = page.split('<section id="discrepancies">')[1].split("</section>")[0]
    changes = page.split('<section id="updates">')[1].split("</section>")[0]
    assert "do not contradict each other on anything found" in discrepancies
    assert "Changes over time" in changes and "Daily Two" in changes
    assert changes.index("12") < changes.index("15")
    assert '<mark class="hl-update"' in page


def test_a_storyline_lists_its_events_in_date_order_with_a_timeline(story_db: Path) -> None:
    with Store(story_db) as store:
        seeds = store.list_articles()
        store.replace_stories(
            [
                Story(
                    "later",
                    [seeds[1].id],
                    headline="Kim tours missile plants",
                    first_published="2023-09-02",
                    last_published="2023-09-03",
                    storyline="saga",
                ),
                Story(
                    "earlier",
                    [seeds[0].id],
                    headline="Kim visits factories",
                    first_published="2023-08-06",
                    last_published="2023-08-06",
                    storyline="saga",
                ),
            ]
        )
    with TestClient(create_app(story_db, token=TOKEN)) as client:
        api = client.get("/api/storylines/saga").json()
        assert [event["id"] for event in api["events"]] == ["earlier", "later"]
        assert (api["first_published"], api["last_published"]) == ("2023-08-06", "2023-09-03")
        assert client.get("/storylines/saga.json").json() == api
        listed = client.get("/api/storylines").json()
        assert [line["id"] for line in listed["items"]] == ["saga"] and listed["total"] == 1
        page = client.get("/storylines/saga").text
        assert page.index("Kim visits factories") < page.index("Kim tours missile plants")
        assert '<svg class="timeline"' in page and page.count('<g class="event') == 2
        assert 'href="/storylines/saga"' in client.get("/stories/later").text
        missing = client.get("/api/storylines/nothing")
        assert missing.status_code == 404 and "no storyline" in missing.json()["error"]
