"""`python -m corroborator.web`: the same server as `corroborator serve`."""

from __future__ import annotations

import typer

from corroborator.cli.common import CorroboratorGroup
from corroborator.cli.web_cmd import register

app = typer.Typer(cls=CorroboratorGroup, add_completion=False, pretty_exceptions_enable=False)
register(app)


@app.callback()
def main() -> None:
    """corroborator's web app and REST API."""


if __name__ == "__main__":
    app(prog_name="corroborator")
