"""The analysis pipeline: step order checks, the seeds end to end, bad input, the `article` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from corroborator.analyze import Analyzer, analyze_articles
from corroborator.analyze.nlp.chunks import split_for_parsing
from corroborator.analyze.pipeline import (
    PipelineError,
    Step,
    StepInput,
    check_order,
    default_steps,
    load_step_function,
)
from corroborator.cli.analysis_cmd import register
from corroborator.cli.common import CorroboratorGroup
from corroborator.store import Store
from corroborator.types import Analysis, Article

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
PROMO = re.compile(r"\s*WATCH WION LIVE HERE\s*$")


def seed_articles() -> list[Article]:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = PROMO.sub("", HEADER.sub("", path.read_text(encoding="utf-8")))
        articles.append(Article(text=text, outlet="WION", published="2023-08-06", title=path.stem))
    return articles


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def seeds(analyzer: Analyzer) -> list[tuple[Article, Analysis]]:
    articles = seed_articles()
    return list(zip(articles, analyzer.analyze(articles), strict=True))


def assert_offsets_match(article: Article, analysis: Analysis) -> None:
    for mention in analysis.entities:
        assert article.text[mention.start : mention.end] == mention.text
    for quantity in analysis.quantities:
        assert article.text[quantity.start : quantity.end] == quantity.text
    for claim in analysis.claims:
        assert article.text[claim.start : claim.end] == claim.text
    for start, end in analysis.sentences:
        assert article.text[start:end].strip() == article.text[start:end] != ""


def test_seeds_get_every_part_of_the_analysis(seeds: list[tuple[Article, Analysis]]) -> None:
    for article, analysis in seeds:
        assert analysis.article_id == article.id
        assert len(analysis.sentences) >= 9
        assert analysis.entities and analysis.times and analysis.quotes and analysis.quantities
        assert len(analysis.claims) >= len(analysis.sentences)
        assert_offsets_match(article, analysis)


def test_paragraph_breaks_end_sentences(seeds: list[tuple[Article, Analysis]]) -> None:
    article, analysis = seeds[1]
    texts = [article.text[start:end] for start, end in analysis.sentences]
    assert "Possible military cooperation with Russia" in texts
    assert all("\n\n" not in text for text in texts)


def test_step_order_check_rejects_a_step_before_its_requirement() -> None:
    steps = default_steps()
    misordered = [steps[-1], *steps[:-1]]
    with pytest.raises(PipelineError, match=r"'claims' requires .*no earlier step produces"):
        check_order(misordered)
    with pytest.raises(PipelineError, match="'claims' requires"):
        Analyzer(steps=misordered)


def test_step_order_check_accepts_a_custom_order() -> None:
    steps = default_steps()
    by_name = {step.name: step for step in steps}
    order = ["quantities", "sentences", "entities", "quotes", "times", "claims"]
    check_order([by_name[name] for name in order])


def test_missing_step_module_fails_at_start_up_with_its_name() -> None:
    with pytest.raises(PipelineError, match=r"step 'coreference' is missing: corroborator\.analyze\.coref"):
        load_step_function("coref", "resolve", "coreference")


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n \t ", "!!! ... ???", "…", "北朝鮮の金正恩 Kim Jong Un 김정은 visited Москва. Ура! 🚀🚀"],
    ids=["empty", "whitespace", "punctuation", "ellipsis", "mixed-scripts"],
)
def test_bad_input_gives_an_analysis_not_a_crash(analyzer: Analyzer, text: str) -> None:
    article = Article(text=text)
    analysis = analyzer.analyze_one(article)
    assert analysis.article_id == article.id
    assert_offsets_match(article, analysis)
    assert not analyzer.failures
    if not text.strip():
        assert analysis.sentences == [] and analysis.claims == [] and analysis.entities == []


def test_two_megabyte_article_is_analysed_in_pieces(analyzer: Analyzer) -> None:
    blob = ("x" * 999 + " ") * 2000
    text = "Kim Jong Un visited Pyongyang on Friday.\n\n" + blob + "\n\nKim Jong Un left for Moscow."
    assert len(text) > 2_000_000
    analysis = analyzer.analyze_one(Article(text=text))
    keys = [mention.entity for mention in analysis.entities]
    assert keys.count("Kim Jong Un") == 2 and "Moscow" in keys
    moscow = next(m for m in analysis.entities if m.entity == "Moscow")
    assert text[moscow.start : moscow.end] == "Moscow"


def test_text_longer_than_one_piece_keeps_offsets(analyzer: Analyzer) -> None:
    paragraph = "Sergei Shoigu met Kim Jong Un in Pyongyang and saw 12 new drones.\n\n"
    text = paragraph * 2000
    assert len(text) > 100_000
    article = Article(text=text)
    analysis = analyzer.analyze_one(article)
    assert len(analysis.sentences) == 2000
    assert sum(1 for q in analysis.quantities if q.value == 12 and q.unit == "new drones") == 2000
    assert_offsets_match(article, analysis)


@pytest.mark.parametrize(
    "text",
    ["short text", "para one.\n\n" * 30_000, "word " * 50_000, "x" * 250_001, "Sentence one. " * 20_000],
    ids=["short", "paragraphs", "words", "one-long-token", "sentences"],
)
def test_pieces_join_back_to_the_text(text: str) -> None:
    pieces = split_for_parsing(text, limit=100_000)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= 100_000 for piece in pieces)


def test_a_failing_step_is_reported_and_the_batch_goes_on() -> None:
    def explode_on_marker(given: StepInput) -> None:
        if "EXPLODE" in given.article.text:
            raise ValueError("marker found")
        given.analysis.sentences = [(0, len(given.article.text.strip()))]

    analyzer = Analyzer(steps=[Step("fragile", ("doc",), ("sentences",), explode_on_marker)])
    articles = [Article(text="Fine text."), Article(text="EXPLODE here."), Article(text="Also fine.")]
    analyses = analyzer.analyze(articles)
    assert [len(a.sentences) for a in analyses] == [1, 0, 1]
    assert len(analyzer.failures) == 1
    failure = analyzer.failures[0]
    assert failure.item == articles[1].id
    assert "'fragile' failed: ValueError: marker found" in failure.reason


def test_batch_size_does_not_change_results(analyzer: Analyzer) -> None:
    articles = seed_articles()
    one_by_one = Analyzer(batch_size=1).analyze(articles)
    assert one_by_one == analyzer.analyze(articles)
    assert analyze_articles(articles) == one_by_one


def _cli() -> typer.Typer:
    app = typer.Typer(cls=CorroboratorGroup)
    app.callback()(lambda: None)
    register(app)
    return app


def test_article_command_analyses_on_the_fly_and_prints_json(tmp_path: Path) -> None:
    article = seed_articles()[1]
    with Store(tmp_path / "c.db") as store:
        store.add_article(article)
    result = CliRunner().invoke(_cli(), ["article", article.id, "--db", str(tmp_path / "c.db"), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["article"]["id"] == article.id
    keys = {mention["entity"] for mention in payload["analysis"]["entities"]}
    assert {"Kim Jong Un", "Cheong Seong Chang", "Sergei Shoigu"} <= keys
    assert any("weekday_mismatch" in " ".join(t["flags"]) for t in payload["analysis"]["times"])


def test_article_command_prints_the_stored_analysis(tmp_path: Path, analyzer: Analyzer) -> None:
    article = seed_articles()[0]
    analysis = analyzer.analyze_one(article)
    with Store(tmp_path / "c.db") as store:
        store.add_article(article)
        store.save_analysis(analysis)
    result = CliRunner().invoke(_cli(), ["article", article.id, "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    for heading in ("Entities", "Times", "Quotes", "Claims"):
        assert heading in result.stdout
    assert "Cheong Seong-chang" in result.stdout and "Reuters" in result.stdout


def test_article_command_errors_are_one_line(tmp_path: Path) -> None:
    missing_db = CliRunner().invoke(_cli(), ["article", "abc", "--db", str(tmp_path / "none.db")])
    assert missing_db.exit_code == 1
    assert missing_db.stderr.strip().count("\n") == 0 and "no database at" in missing_db.stderr
    with Store(tmp_path / "c.db"):
        pass
    missing_article = CliRunner().invoke(_cli(), ["article", "abc", "--db", str(tmp_path / "c.db")])
    assert missing_article.exit_code == 1
    assert "error: no article with id abc" in missing_article.stderr
