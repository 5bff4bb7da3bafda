"""The `corroborator` command: a Typer app assembled from one module per command group."""

from __future__ import annotations

import typer

from corroborator.cli import (
    analysis_cmd,
    batch_cmd,
    compare_cmd,
    ingest_cmd,
    stories_cmd,
    transfer_cmd,
    web_cmd,
)
from corroborator.cli.common import CorroboratorGroup

app = typer.Typer(
    name="corroborator",
    cls=CorroboratorGroup,
    help="Read news reports; tell which describe the same event, what they agree on and where they differ.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

ingest_cmd.register(app)
analysis_cmd.register(app)
batch_cmd.register(app)
stories_cmd.register(app)
compare_cmd.register(app)
transfer_cmd.register(app)
web_cmd.register(app)


def main() -> None:
    """Console script entry point (`corroborator = corroborator.cli:main`)."""
    app(prog_name="corroborator")
