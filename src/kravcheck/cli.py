"""The `kravcheck` command line. Heavy modules are imported inside commands: start-up time counts."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from click import unstyle as click_unstyle

from . import __version__
from .errors import InputError

app = typer.Typer(
    name="kravcheck",
    help="Granska vårdgivares dokument mot regionens krav (Vårdval primärvård).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


catalog_app = typer.Typer(help="Kravkataloger: validera och visa.", no_args_is_help=True)
app.add_typer(catalog_app, name="catalog")


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


class Coverage(StrEnum):
    complete = "complete"
    partial = "partial"


@app.command()
def extract(
    source: Annotated[Path, typer.Argument(help="Beställningen: PDF, DOCX eller text.")],
    region: Annotated[str, typer.Option("--region", help="Regionen, t.ex. norrbotten.")],
    year: Annotated[int, typer.Option("--year", help="Beställningens år.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Katalogfil (standard: requirements_catalog/REGION/YEAR.yaml).")] = None,
    update: Annotated[bool, typer.Option("--update", help="Slå ihop med en befintlig katalog och behåll kurateringen.")] = False,
    title: Annotated[str | None, typer.Option("--title", help="Dokumentets titel.")] = None,
    coverage: Annotated[Coverage, typer.Option("--coverage", help="partial när källan bara anger en del av årets krav.")] = Coverage.complete,
) -> None:
    """Extrahera alla krav ur en beställning till en versionerad YAML-katalog."""
    from .catalogue import dump_yaml, id_prefix, merge_update, read_yaml, to_yaml_map, write_atomic
    from .extract import extract_catalogue

    region = region.lower()
    target = output or Path("requirements_catalog") / region / f"{year}.yaml"
    if target.exists() and not update:
        raise fail(f"katalogen finns redan: {target} (använd --update för att slå ihop och behålla kurateringen)")
    try:
        catalogue = extract_catalogue(source, region, year, title=title, coverage=str(coverage))
        if target.exists():
            existing = read_yaml(target)
            summary = merge_update(existing, catalogue, id_prefix(region, year))
            backup = write_atomic(target, dump_yaml(existing), backup=True)
            typer.echo(
                f"{target}: {len(summary.added)} nya, {len(summary.changed)} ändrade (review: changed), "
                f"{len(summary.removed)} borttagna (status: removed), {summary.unchanged} oförändrade; "
                f"säkerhetskopia {backup}",
                err=True,
            )
            return
    except InputError as exc:
        raise fail(str(exc)) from None
    write_atomic(target, dump_yaml(to_yaml_map(catalogue)))
    elements = sum(len(list(k.walk())) - 1 for k in catalogue.krav)
    typer.echo(f"{target}: {len(catalogue.krav)} krav och {elements} delkrav", err=True)


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"
    xlsx = "xlsx"
    docx = "docx"


# Formats that are files, not text: they go to -o, never to a terminal.
BINARY_FORMATS = (CheckFormat.xlsx, CheckFormat.docx)


def _needs_output(fmt: StrEnum, output: Path | None) -> None:
    """A binary format of any command (formats compare by name) refuses to go to a terminal."""
    if fmt in BINARY_FORMATS and output is None:
        raise fail(f"--format {fmt} skriver en fil, inte text: ange den med -o, t.ex. -o rapport.{fmt}")


def _fail_statuses(value: str | None) -> set[str]:
    from .check.verdict import Status

    known = [str(status) for status in Status]
    statuses = {part.strip() for part in (value or "").split(",") if part.strip()}
    unknown = statuses - set(known)
    if unknown:
        raise typer.BadParameter(f"okänd status {', '.join(sorted(unknown))} (välj bland {', '.join(known)})")
    return statuses


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Inlämningens dokument (PDF, DOCX, text); tillsammans en inlämning.")],
    catalog: Annotated[Path, typer.Option("--catalog", "-c", help="Kravkatalogen, t.ex. requirements_catalog/norrbotten/2026.yaml.")],
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="table (läsbar sammanfattning), json, md, html (en fristående fil), xlsx (kravmatris) eller docx (begäran om rättelse); xlsx och docx kräver -o."),
    ] = CheckFormat.table,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Skriv rapporten till en fil i stället för till standard ut.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över en befintlig rapportfil.")] = False,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="Avsluta med kod 1 om någon av dessa statusar förekommer, t.ex. missing,contradicted."),
    ] = None,
    provider: Annotated[str | None, typer.Option("--provider", help="Vårdgivarens namn, som rapporten anger (html, xlsx, docx).")] = None,
) -> None:
    """Granska en inlämning mot en kravkatalog: status per krav, med citat som belägg eller det som saknas."""
    from .catalogue import load_catalogue
    from .check import Checker
    from .readers import reading_aside

    failing = _fail_statuses(fail_on)
    _needs_output(fmt, output)
    if output is not None and output.exists() and not force:
        raise fail(f"rapporten finns redan: {output} (använd --force för att skriva över)")
    try:
        catalogue = load_catalogue(catalog)
        with reading_aside(files) as documents:
            checker = Checker(catalogue)
            submission = documents()
    except InputError as exc:
        raise fail(str(exc)) from None
    checked = checker.check(submission, progress=_progress_bar())
    checked.provider = provider
    report = checked.to_dict()

    _emit(_render_report(report, fmt), output, fmt == "table", f"{len(report['krav'])} krav granskade")
    found = {item["status"] for item in report["krav"]}
    if failing & found:
        raise typer.Exit(code=1)


def _emit(text: str | bytes, output: Path | None, coloured: bool, done: str) -> None:
    """A report to standard out (colours only for the terminal table), or atomically to `output`
    with one line on stderr saying what was `done`."""
    if output is None:
        typer.echo(text, nl=False, color=None if coloured else False)
        return
    from .catalogue import write_atomic

    write_atomic(output, text if isinstance(text, bytes) else click_unstyle(text))
    typer.echo(f"{output}: {done}", err=True)


def _render_report(report: dict, fmt: CheckFormat) -> str | bytes:
    if fmt is CheckFormat.json:
        return json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    from .reports import render

    return render(report, str(fmt))


def _progress_bar():
    """A progress bar on stderr for the krav loop, when stderr is a terminal; otherwise None."""
    if not sys.stderr.isatty():
        return None

    def wrap(items):
        with typer.progressbar(items, label="Granskar krav", file=sys.stderr) as bar:
            yield from bar

    return wrap


class DiffFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"
    docx = "docx"


class DiffGrouping(StrEnum):
    topic = "topic"


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="Den äldre beställningen: katalog (YAML) eller dokument (PDF, DOCX, text).")],
    new: Annotated[Path, typer.Argument(help="Den nyare beställningen: katalog eller dokument (dess ändringsmarkeringar läses).")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="table (läsbar sammanfattning), json, md, html (en fristående fil) eller docx (kräver -o).")] = DiffFormat.table,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Skriv rapporten till en fil i stället för till standard ut.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över en befintlig rapportfil.")] = False,
    region: Annotated[str | None, typer.Option("--region", help="Regionen för dokument (standard: läses ur dokumentet).")] = None,
    old_year: Annotated[int | None, typer.Option("--old-year", help="Året för OLD när det är ett dokument (standard: läses ur dokumentet).")] = None,
    new_year: Annotated[int | None, typer.Option("--new-year", help="Året för NEW när det är ett dokument (standard: läses ur dokumentet).")] = None,
    cross_region: Annotated[bool, typer.Option("--cross-region", help="Jämför två regioner i stället för två år.")] = False,
    by: Annotated[DiffGrouping, typer.Option("--by", help="Med --cross-region: jämför per ämne.")] = DiffGrouping.topic,
) -> None:
    """Visa vad som ändrats krav för krav mellan två års beställningar, eller jämför två regioner per ämne."""
    from .diff import diff_catalogues
    from .diff.cross_region import compare_by_topic
    from .diff.sources import load_side

    if output is not None and output.exists() and not force:
        raise fail(f"rapporten finns redan: {output} (använd --force för att skriva över)")
    _needs_output(fmt, output)
    if cross_region and fmt is DiffFormat.docx:
        raise fail("--cross-region skriver inte docx: välj table, json, md eller html")
    try:
        before = load_side(old, region, old_year)
        after = load_side(new, region, new_year, with_document=True)
    except InputError as exc:
        raise fail(str(exc)) from None
    regions = (before.catalogue.region, after.catalogue.region)
    if regions[0] != regions[1] and not cross_region:
        raise fail(f"olika regioner ({regions[0]}, {regions[1]}): jämför dem per ämne med --cross-region --by topic")
    if cross_region:
        report = compare_by_topic(before.catalogue, after.catalogue).to_dict()
        done = f"{len(report['topics'])} ämnen jämförda"
    else:
        report = diff_catalogues(before.catalogue, after.catalogue, after.document).to_dict()
        done = f"{report['summary']['material']} väsentliga ändringar"
    _emit(_render_diff(report, fmt), output, fmt == "table", done)


def _render_diff(report: dict, fmt: DiffFormat) -> str | bytes:
    if fmt is DiffFormat.json:
        return json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    by_topic = report.get("mode") == "by_topic"
    if fmt is DiffFormat.html:
        from .reports.diff_html import render_diff_html, render_topics_html

        return render_topics_html(report) if by_topic else render_diff_html(report)
    if fmt is DiffFormat.docx:
        from .reports.diff_docx import render_diff_docx

        return render_diff_docx(report)
    from .reports.diff_markdown import render_diff_markdown, render_topics_markdown

    if by_topic:  # no table of its own: the Markdown reads well in a terminal
        return render_topics_markdown(report)
    if fmt is DiffFormat.md:
        return render_diff_markdown(report)
    from .reports.diff_terminal import render_diff_table

    return render_diff_table(report)


@catalog_app.command("validate")
def catalog_validate(path: Annotated[Path, typer.Argument(help="Katalogfil (YAML).")]) -> None:
    """Kontrollera en katalog mot schemat: fel med radnummer, dubblett-ID:n, okända ämnen."""
    from .validate import validate_catalogue

    try:
        problems = validate_catalogue(path)
    except InputError as exc:
        raise fail(str(exc)) from None
    for problem in problems:
        typer.echo(f"{path}:{problem}")
    if problems:
        typer.echo(f"{len(problems)} fel", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"{path}: giltig", err=True)


@catalog_app.command("show")
def catalog_show(
    path: Annotated[Path, typer.Argument(help="Katalogfil (YAML).")],
    topic: Annotated[str | None, typer.Option("--topic", help="Bara krav med detta ämne.")] = None,
    section: Annotated[str | None, typer.Option("--section", help="Bara krav i detta avsnitt (och dess underavsnitt).")] = None,
) -> None:
    """Visa katalogens krav, filtrerade på ämne eller avsnitt."""
    from .catalogue import load_catalogue
    from .catalogue_text import render_catalogue

    try:
        catalogue = load_catalogue(path)
    except InputError as exc:
        raise fail(str(exc)) from None
    selected = [
        k for k in catalogue.krav
        if (topic is None or topic in k.topics)
        and (section is None or k.section == section or (k.section or "").startswith(section + "."))
    ]
    sys.stdout.write(render_catalogue(catalogue, selected))


class LintFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"


class LintLevel(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


@app.command()
def lint(
    files: Annotated[list[Path], typer.Argument(help="Dokument att granska (PDF, DOCX, text): en beställning eller en inlämning.")],
    catalog: Annotated[Path | None, typer.Option("--catalog", "-c", help="Kravkatalogen: hänvisningar till en beställning från ett annat år flaggas.")] = None,
    fmt: Annotated[LintFormat, typer.Option("--format", "-f", help="text (en rad per fynd), json eller sarif.")] = LintFormat.text,
    config: Annotated[Path | None, typer.Option("--config", help="Konfigurationsfil (standard: kravcheck.toml i arbetskatalogen).")] = None,
    min_level: Annotated[LintLevel, typer.Option("--min-level", help="Visa bara fynd på denna nivå eller högre.")] = LintLevel.info,
) -> None:
    """Hitta skrivfel i en beställning och vanliga fel i vårdgivares dokument (regler: docs/lint.md)."""
    from .catalogue import load_catalogue
    from .lint import Level, lint_document
    from .lint.config import load_config
    from .readers import read_document

    try:
        settings = load_config(config, Path.cwd())
        year = load_catalogue(catalog).year if catalog is not None else None
        documents = [read_document(path) for path in files]
    except InputError as exc:
        raise fail(str(exc)) from None
    findings = [f for doc in documents for f in lint_document(doc, settings, year)]
    shown = [f for f in findings if f.level.rank >= Level(min_level).rank]
    typer.echo(_render_lint(shown, fmt, [doc.source for doc in documents], settings), nl=False)
    from .lint.output import summary_line

    typer.echo(summary_line(shown, len(documents)), err=True)
    if any(f.level is Level.ERROR for f in findings):
        raise typer.Exit(code=1)


def _render_lint(findings: list, fmt: LintFormat, files: list[str], settings) -> str:
    if fmt is LintFormat.json:
        from .lint.output import render_json

        return render_json(findings, files)
    if fmt is LintFormat.sarif:
        from .lint.rules import rule_specs
        from .lint.sarif import render_sarif

        return render_sarif(findings, rule_specs(), settings.levels)
    from .lint.output import render_text

    return render_text(findings)
