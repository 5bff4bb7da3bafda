"""`corroborator batch` as a user runs it: the real console script in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from batch_support import ecb_records, read_jsonl, write_jsonl

CORROBORATOR = Path(sys.executable).parent / "corroborator"


def batch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [str(CORROBORATOR), "batch", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=600, check=False)


def test_the_command_writes_the_folder_and_says_what_it_rejected(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ecb_records({"3"}, 4))
    with source.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "no-text"}\n')
    result = batch(str(source), "missing.csv", "--out", "out", "--workers", "1", "--no-parquet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("4 articles, ") and "2 rejected" in result.stdout
    assert "in.jsonl:5: " in result.stdout and "missing.csv: no such file" in result.stdout
    assert len(read_jsonl(tmp_path / "out" / "articles.jsonl")) == 4
    assert not list((tmp_path / "out").glob("*.parquet"))
    again = batch(str(source), "--out", "out", "--workers", "1", "--no-briefs", cwd=tmp_path)
    assert "0 shards run" in again.stdout and "reused" in again.stdout


def test_bad_options_are_one_line_errors(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ecb_records({"3"}, 1))
    engine = batch(str(source), "--out", "out", "--engine", "spark", cwd=tmp_path)
    assert engine.returncode == 2 and "--engine must be local or ray" in engine.stderr
    nothing = batch(str(tmp_path / "none.jsonl"), "--out", "out", cwd=tmp_path)
    assert nothing.returncode == 1 and "0 articles" in nothing.stdout and "no such file" in nothing.stdout
    assert "Traceback" not in engine.stderr + nothing.stderr


def test_semantic_briefs_align_the_seeds_rifles_like_show_does(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "examples" / "seeds"
    inputs = [str(path) for path in sorted(seeds.glob("*.txt"))]
    options = ("--out", "out", "--workers", "1", "--no-parquet", "--semantic-briefs")
    result = batch(*inputs, *options, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (brief,) = read_jsonl(tmp_path / "out" / "briefs.jsonl")
    details = [d for d in brief["discrepancies"] if d["kind"] == "detail"]
    evidence = " | ".join(e["text"] for d in details for e in d["evidence"])
    assert "scoped rifles" in evidence and "assault rifles" in evidence


def test_one_entity_keeps_one_id_across_articles_and_in_the_brief(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "examples" / "seeds"
    inputs = [str(path) for path in sorted(seeds.glob("*.txt"))]
    result = batch(*inputs, "--out", "out", "--workers", "1", "--no-parquet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    articles = read_jsonl(tmp_path / "out" / "articles.jsonl")
    cheong = [{m["entity_id"] for m in a["entities"] if m["text"].startswith("Cheong")} for a in articles]
    spellings = {m["entity"] for a in articles for m in a["entities"] if m["text"].startswith("Cheong")}
    assert len(spellings) >= 2 and cheong[0] == cheong[1] and len(cheong[0]) == 1
    (brief,) = read_jsonl(tmp_path / "out" / "briefs.jsonl")
    (row,) = [row for row in brief["entities"] if cheong[0] <= set(row["ids"])]
    assert set(row["mentions"]) == {a["article_id"] for a in articles}
