"""The `kravcheck` command line. Heavy modules are imported inside commands: start-up time counts."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import InputError

app = typer.Typer(
    name="kravcheck",
    help="Granska vårdgivares dokument mot regionens krav (Vårdval primärvård).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ParseFormat(StrEnum):
    json = "json"
    md = "md"


def fail(message: str) -> typer.Exit:
    """Print one line on stderr and give the exit code for usage and input errors."""
    typer.echo(f"kravcheck: fel: {message}", err=True)
    return typer.Exit(code=2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kravcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Visa version.")] = False,
) -> None:
    """Granska vårdgivares dokument mot regionens krav (Vårdval primärvård)."""


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="PDF, DOCX eller text (.txt/.md).")],
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Utdataformat.")] = ParseFormat.json,
) -> None:
    """Visa dokumentets struktur: rubriker, stycken, listpunkter, tabeller, sidor och ändringsmarkeringar."""
    from .readers import read_document

    try:
        doc = read_document(file)
    except InputError as exc:
        raise fail(str(exc)) from None
    if fmt is ParseFormat.md:
        from .document_markdown import document_to_markdown

        sys.stdout.write(document_to_markdown(doc))
    else:
        json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
