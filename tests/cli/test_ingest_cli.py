from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import typer
from typer.testing import CliRunner, Result

from corroborator.cli.common import CorroboratorGroup
from corroborator.errors import StoreError
from corroborator.store import Store

RunCli = Callable[..., subprocess.CompletedProcess[str]]
InvokeCli = Callable[..., Result]


def _seed_files(seeds: Path) -> list[str]:
    return sorted(str(path) for path in seeds.iterdir())


def test_ingest_the_seeds_then_list_two_articles(
    seeds: Path, run_cli: RunCli, cli_env: dict[str, str]
) -> None:
    ingested = run_cli("ingest", *_seed_files(seeds))
    assert ingested.returncode == 0, ingested.stderr
    assert "added 2, already present 0, updated 0, failed 0" in ingested.stdout
    listed = run_cli("articles", "--json")
    assert listed.returncode == 0, listed.stderr
    articles = json.loads(listed.stdout)
    assert len(articles) == 2
    assert set(articles[0]) == {"id", "title", "outlet", "published", "published_source", "url", "words"}
    with Store(cli_env["CORROBORATOR_DB"]) as store:
        origins = {item["id"]: Path(store.get_article(item["id"]).origin or "").name for item in articles}
    from_001 = [article for article in articles if origins[article["id"]].startswith("001_")]
    assert len(from_001) == 1 and from_001[0]["published"][:10] == "2023-08-06"
    assert all(article["words"] > 100 for article in articles)


def test_search_shows_snippets(seeds: Path, run_cli: RunCli) -> None:
    run_cli("ingest", str(seeds))
    hits = json.loads(run_cli("search", "--json", "Shoigu").stdout)
    assert len(hits) == 1
    assert [hits[0]["snippet"][start:end] for start, end in hits[0]["matches"]] == ["Shoigu"]
    shown = run_cli("search", "Shoigu")
    assert shown.returncode == 0 and "Shoigu" in shown.stdout and hits[0]["id"] in shown.stdout


def test_ingesting_again_reports_already_present(seeds: Path, run_cli: RunCli) -> None:
    run_cli("ingest", str(seeds))
    again = run_cli("ingest", str(seeds))
    assert again.returncode == 0
    assert "added 0, already present 2, updated 0, failed 0" in again.stdout


def test_a_changed_text_at_a_stored_url_is_reported_updated(run_cli: RunCli, tmp_path: Path) -> None:
    feed = tmp_path / "items.jsonl"
    record = {"url": "https://news.example/kim", "title": "Kim tours factories", "published": "2023-08-06"}
    feed.write_text(json.dumps({**record, "text": "Kim toured factories on Thursday."}) + "\n")
    assert "added 1" in run_cli("ingest", str(feed)).stdout
    feed.write_text(json.dumps({**record, "text": "Kim toured factories on Friday."}) + "\n")
    assert "added 0, already present 0, updated 1" in run_cli("ingest", str(feed)).stdout
    listed = json.loads(run_cli("articles", "--json").stdout)
    assert len(listed) == 1


def test_a_bad_item_is_reported_and_the_batch_goes_on(seeds: Path, run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run_cli("ingest", str(missing), *_seed_files(seeds))
    assert result.returncode == 0
    assert "added 2, already present 0, updated 0, failed 1" in result.stdout
    assert f"failed: {missing}:" in result.stdout


def test_nothing_readable_is_a_one_line_error_without_traceback(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("ingest", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr


def test_an_unusable_database_path_is_a_one_line_error(run_cli: RunCli, tmp_path: Path) -> None:
    for db in (tmp_path / "no" / "such" / "folder" / "x.db", tmp_path):
        result = run_cli("articles", "--db", str(db))
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
        assert "(" in result.stderr and "Traceback" not in result.stderr
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("hello\n" * 500)
    result = run_cli("search", "kim", "--db", str(not_sqlite))
    assert result.returncode == 1 and "not a corroborator database" in result.stderr


def test_a_bad_date_option_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("articles", "--since", "last tuesday")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_every_command_has_help(run_cli: RunCli) -> None:
    for command in ("ingest", "articles", "search"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout
    assert "ingest" in run_cli("--help").stdout


def test_articles_and_search_in_process(seeds: Path, invoke_cli: InvokeCli) -> None:
    assert invoke_cli("ingest", str(seeds)).exit_code == 0
    table = invoke_cli("articles", "--outlet", "nobody")
    assert table.exit_code == 0 and "no articles match" in table.stderr
    listed = invoke_cli("articles", "--since", "2023-08-01", "--until", "2023-08-31", "--json")
    assert [article["published"] for article in json.loads(listed.stdout)] == ["2023-08-06"]
    found = invoke_cli("search", "scoped rifles")
    assert found.exit_code == 0 and "scoped rifles" in found.stdout
    malformed = invoke_cli("search", "rifles AND (", "--limit", "1")
    assert malformed.exit_code == 0 and "rifles" in malformed.stdout


def test_two_ingest_processes_on_overlapping_inputs(
    corroborator_exe: Path, cli_env: dict[str, str], tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, numbers in ((first, range(0, 40)), (second, range(25, 65))):
        folder.mkdir()
        for number in numbers:
            text = f"title: Report {number}\n\nReport {number}: inspectors counted {number} engines."
            (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")
    runs = [
        subprocess.Popen([str(corroborator_exe), "ingest", "--json", str(folder)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=cli_env)
        for folder in (first, second)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [errors for _, errors in outputs]
    reports = [json.loads(stdout) for stdout, _ in outputs]
    assert sum(report["added"] for report in reports) == 65
    assert sum(report["present"] for report in reports) == 15
    assert all(report["failed"] == [] for report in reports)
    listed = subprocess.run([str(corroborator_exe), "articles", "--json", "--limit", "1000"],
                            capture_output=True, text=True, env=cli_env, check=True)
    titles = sorted(article["title"] for article in json.loads(listed.stdout))
    assert titles == sorted(f"Report {number}" for number in range(65))


def _app_that_fails() -> typer.Typer:
    """A real Typer app on the corroborator command group, with commands that fail in each way."""
    app = typer.Typer(cls=CorroboratorGroup, pretty_exceptions_enable=False)

    @app.command()
    def known() -> None:
        raise StoreError("database x: the disk is full", "free some space")

    @app.command()
    def unexpected() -> None:
        raise ValueError("boom\nsecond line")

    return app


def test_errors_become_one_line_and_debug_shows_the_traceback() -> None:
    app = _app_that_fails()
    known = CliRunner().invoke(app, ["known"], env={"CORROBORATOR_DEBUG": ""})
    assert (known.exit_code, known.stderr) == (1, "error: database x: the disk is full (free some space)\n")
    unexpected = CliRunner().invoke(app, ["unexpected"], env={"CORROBORATOR_DEBUG": ""})
    assert unexpected.exit_code == 1 and unexpected.stderr.count("\n") == 1
    assert unexpected.stderr.startswith("error: unexpected ValueError: boom second line")
    debugging = CliRunner().invoke(app, ["unexpected"], env={"CORROBORATOR_DEBUG": "1"})
    assert isinstance(debugging.exception, ValueError)
