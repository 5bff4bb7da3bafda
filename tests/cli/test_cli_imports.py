"""`corroborator --help` answers at once: the CLI imports heavy libraries only in the commands that use them.

A fresh interpreter imports `corroborator.cli` and prints the help of the app and of every command; none of
the heavy libraries may be loaded by then. (How fast that is, is measured in bench/bench_cli.py.)
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "spacy",
    "torch",
    "sentence_transformers",
    "numpy",
    "fastapi",
    "uvicorn",
    "pyarrow",
    "ray",
    "usearch",
    "datasketch",
    "thinc",
    "trafilatura",
)

PROBE = """
import json, sys
import typer
from typer.testing import CliRunner
from corroborator.cli import app

heavy = json.loads(sys.argv[1])
group = typer.main.get_command(app)
names = sorted(group.list_commands(None))
runner = CliRunner()
helps = {}
for args in [["--help"]] + [[name, "--help"] for name in names]:
    result = runner.invoke(app, args)
    helps[" ".join(args)] = [result.exit_code, result.output]
loaded = sorted(name for name in heavy if name in sys.modules)
print(json.dumps({"commands": names, "helps": helps, "loaded": loaded}))
"""


def _probe() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_help_of_app_and_every_command_loads_no_heavy_library() -> None:
    found = _probe()
    commands = found["commands"]
    assert isinstance(commands, list)
    assert {"ingest", "article", "batch", "stories", "compare", "show", "export", "serve"} <= set(commands)
    helps = found["helps"]
    assert isinstance(helps, dict)
    for args, (code, output) in helps.items():
        assert code == 0, f"corroborator {args}: exit {code}\n{output}"
        assert "Usage:" in output, f"corroborator {args} printed no usage:\n{output}"
    assert found["loaded"] == [], f"`corroborator --help` imported {found['loaded']}"


def test_the_cli_lists_the_formats_render_knows() -> None:
    """compare_cmd spells out the formats (importing the renderers would slow --help): they must agree."""
    from corroborator.cli.compare_cmd import FORMATS
    from corroborator.render import FORMATS as RENDER_FORMATS

    assert FORMATS == RENDER_FORMATS
