from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_support import make_article

from corroborator.errors import InputError
from corroborator.store import Store
from corroborator.types import Analysis, CopyLink, EntityMention, Story


def _fill(store: Store) -> None:
    articles = [make_article(number, removed=[f"promo {number}"]) for number in range(4)]
    for article in articles:
        store.add_article(article, analysis=Analysis(
            article.id, entities=[EntityMention(0, 3, "Kim", "PERSON", "Kim Jong Un")]))
    store.add_article(make_article(0, text="A corrected text of report 0, with ünïcödé and 北朝鮮."))
    story = Story("s1", [articles[1].id, articles[2].id], [CopyLink(articles[2].id, articles[1].id, 0.9)],
                  "Kim tours factories", ["Example News"], "2023-08-02", "2023-08-03")
    store.replace_stories([story, Story("s2", [articles[3].id], headline="Other")])


def test_export_import_export_gives_an_identical_file(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as original:
        _fill(original)
        counts = original.export_jsonl(tmp_path / "first.jsonl")
    assert counts == {"articles": 5, "analyses": 4, "stories": 2}
    with Store(tmp_path / "b.db") as copy:
        report = copy.import_jsonl(tmp_path / "first.jsonl")
        assert (report.articles, report.present, report.analyses, report.stories) == (5, 0, 4, 2)
        assert report.failed == []
        copy.export_jsonl(tmp_path / "second.jsonl")
        corrected = copy.list_articles(outlet="Example News", limit=10)
        assert sum(len(copy.versions(article.id)) == 2 for article in corrected) == 1
    assert (tmp_path / "first.jsonl").read_bytes() == (tmp_path / "second.jsonl").read_bytes()
    assert not list(tmp_path.glob("*.partial"))


def test_importing_twice_adds_nothing_new(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as original:
        _fill(original)
        original.export_jsonl(tmp_path / "dump.jsonl")
        report = original.import_jsonl(tmp_path / "dump.jsonl")
        assert (report.articles, report.present) == (0, 5)
        assert original.count_articles(latest_only=False) == 5


def test_bad_lines_are_reported_and_the_rest_is_imported(tmp_path: Path, store: Store) -> None:
    good = {"record": "article", "article": {"text": "Fine article.", "id": "1111111111111111"}}
    lines = ["{not json", json.dumps({"record": "mystery"}), json.dumps(good),
             json.dumps({"record": "story", "story": {"id": "s", "articles": ["missing"]}})]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = store.import_jsonl(tmp_path / "mixed.jsonl")
    assert report.articles == 1
    assert [failure.item.rsplit(":", 1)[1] for failure in report.failed] == ["1", "2", "4"]
    assert "not JSON" in report.failed[0].reason
    assert "not stored" in report.failed[2].reason
    assert store.get_article("1111111111111111").text == "Fine article."


def test_importing_a_missing_file_is_an_input_error(tmp_path: Path, store: Store) -> None:
    with pytest.raises(InputError, match="no such file"):
        store.import_jsonl(tmp_path / "nope.jsonl")
