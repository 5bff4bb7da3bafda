"""The README is the manual: every CLI command is documented there with an example, and its first two
set-up commands are the ones the Makefile and CI run."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from corroborator.cli import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_cli_command_has_a_section_and_an_example_in_the_readme() -> None:
    names = command_names()
    assert len(names) >= 4
    for name in names:
        assert re.search(rf"^#+ .*`corroborator {name}\b", README, re.M), f"no README section for {name}"
        assert re.search(rf"^\s*(\$ )?corroborator {name}\b", README, re.M), f"no README example of {name}"


def test_the_readme_opens_with_exactly_two_setup_commands_that_exist_in_the_makefile() -> None:
    setup = README.split("\n## ", 2)[1]
    commands = re.findall(r"^make (\w+)$", setup, re.M)
    assert commands == ["demo", "test"]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in commands:
        assert re.search(rf"^{target}:", makefile, re.M)
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
