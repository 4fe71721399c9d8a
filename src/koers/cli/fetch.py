# SPDX-License-Identifier: EUPL-1.2
"""``koers fetch cbs TABLE``: a CBS StatLine table as a tidy CSV file, or a summary of it;
``koers fetch iv3 TABLE``: a municipality's money per taakveld, imported per challenge.

The command is thin: it chooses the client (:func:`new_client`), finds the table (by id, or by
words of its title in the catalogue), reads its structure and figures
(:mod:`koers.importers.cbs`), and writes them page by page, so that a large table never sits in
memory whole. A :class:`~koers.importers.cbs.CbsError` becomes its message and exit code 2.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import httpx
import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from koers import settings as koers_settings
from koers.cli.common import EXIT_UNREADABLE, console, err_console, fail, print_json, settings, show_problems
from koers.cli.measurements import bring_in
from koers.cli.money import bring_in_money
from koers.cli.storage import PLAN_OPTION, USER_OPTION, engine_for, stored_plan
from koers.domain.formatting import format_number
from koers.domain.money import AmountKind
from koers.domain.regions import clean_region_code, is_region_code
from koers.i18n import _, ngettext, pgettext
from koers.importers.cbs.client import V3_BASE, V4_BASE, StatLineClient, default_cache_dir
from koers.importers.cbs.errors import CbsError
from koers.importers.cbs.indicators import Outcome, indicator_source
from koers.importers.cbs.iv3 import DEFAULT_MEASURE, Iv3Error, Iv3Outcome, iv3_source
from koers.importers.cbs.observations import Observation, ObservationReader
from koers.importers.cbs.statline import TableStructure, find_tables, load_structure
from koers.importers.cbs.tidy import write_csv
from koers.importers.indicator_mappings import PACKAGED_FILE, MappingError, packaged_mappings, read_mapping_file
from koers.shapes import problems_json

app = typer.Typer(no_args_is_help=True, help="Fetch figures from CBS StatLine into a tidy CSV file.")

#: How many unmapped period codes a warning names before it says "and more".
SHOWN_CODES = 5


#: The HTTP transport of every client this command makes; None is the network. Tests set an
#: ``httpx.MockTransport`` that answers from recorded files.
TRANSPORT: httpx.BaseTransport | None = None


def new_client(*, base_url: str | None, v4: bool, cache_dir: Path, offline: bool) -> StatLineClient:
    """The client a fetch uses: ``base_url`` is the v3 feed's (with ``v4``, the v4 service's)."""
    if v4:
        return StatLineClient(
            v4_base_url=base_url or V4_BASE, cache_dir=cache_dir, offline=offline, transport=TRANSPORT
        )
    return StatLineClient(base_url=base_url or V3_BASE, cache_dir=cache_dir, offline=offline, transport=TRANSPORT)


@dataclass
class Summary:
    """What a fetch found, counted while the figures stream past."""

    rows: int = 0
    measures: set[str] = field(default_factory=set)
    periods: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)

    def count(self, observations: Iterator[Observation]) -> Iterator[Observation]:
        for o in observations:
            self.rows += 1
            self.measures.add(o.measure)
            if o.period is not None:
                self.periods.add(o.period)
            if o.region is not None:
                self.regions.add(o.region)
            yield o


#: How every fetch reaches CBS: the same options for a table, the indicators and the Iv3 money.
BASE_URL_OPTION = typer.Option(
    "--base-url",
    metavar="URL",
    help=f"Ask this mirror or proxy instead of CBS itself (default: {koers_settings.CBS_BASE_URL.name}, else CBS).",
)
OFFLINE_OPTION = typer.Option("--offline", help="Use only answers kept from earlier fetches; ask CBS nothing.")
CACHE_DIR_OPTION = typer.Option(
    "--cache-dir",
    metavar="DIR",
    help=f"Keep CBS's answers in this folder (default: {koers_settings.CBS_CACHE.name}, else your user cache folder).",
)
V4_OPTION = typer.Option("--v4", help="Use CBS's OData v4 service instead of v3.")


@app.command("cbs")
def cbs(
    ctx: typer.Context,
    table: Annotated[
        str | None,
        typer.Argument(metavar="TABLE", help="The table's id, e.g. 85618NED (or use --title)."),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="WORDS",
            help="Find the table in the CBS catalogue by words of its title (the newest that has them all).",
        ),
    ] = None,
    region: Annotated[
        list[str] | None,
        typer.Option("--region", metavar="CODE", help="Only this region, e.g. GM0396 (repeatable)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="FILE", help="Write the figures to this CSV file (default: only a summary)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --out if it exists.")] = False,
    base_url: Annotated[str | None, BASE_URL_OPTION] = None,
    offline: Annotated[bool, OFFLINE_OPTION] = False,
    cache_dir: Annotated[Path | None, CACHE_DIR_OPTION] = None,
    v4: Annotated[bool, V4_OPTION] = False,
    indicators: Annotated[
        bool,
        typer.Option(
            "--indicators",
            help="Fetch the plan's indicators through a mapping file and import them (instead of one table).",
        ),
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            metavar="FILE",
            help="With --indicators: your own mapping file (default: the one koers ships; see docs/open-data.md).",
        ),
    ] = None,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="With --indicators: check and count what would change; store nothing.")
    ] = False,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="With --indicators: print the outcome (or the problems) as JSON.")
    ] = False,
) -> None:
    """Fetch a CBS StatLine table (every figure as a row of a tidy CSV file, or a summary), or
    with --indicators the plan's indicators, imported like a file."""
    lang = settings(ctx).lang
    if indicators:
        if table is not None or title is not None or region or out is not None:
            fail(
                _(
                    "--indicators haalt de tabellen uit het koppelbestand: laat TABEL, --title, --region en --out weg.",
                    lang,
                )
            )
        client = _client(base_url, v4, cache_dir, offline)
        fetch_indicators(ctx, client, mapping, plan_key, user, dry_run=dry_run, as_json=as_json)
        return
    if (table is None) == (title is None):
        fail(_("Noem een tabel (zoals 85618NED) of zoek er een met --title, niet allebei.", lang))
    regions = _regions(region or [], lang)
    if out is not None and out.exists() and not force:
        fail(
            _("{file} bestaat al. Kies een ander bestand, of gebruik --force om het te overschrijven.", lang, file=out)
        )
    client = _client(base_url, v4, cache_dir, offline)
    try:
        with client:
            table_id = table or _find(client, title or "", lang)
            summary, reader = fetch_table(client, table_id, regions, out, v4=v4, lang=lang)
    except CbsError as err:
        fail(err.message(lang))
    except OSError as err:
        fail(_("koers kan {file} niet schrijven: {error}", lang, file=out, error=err.strerror or err))
    _report(table_id, summary, reader, out, lang)


def _client(base_url: str | None, v4: bool, cache_dir: Path | None, offline: bool) -> StatLineClient:
    return new_client(
        base_url=base_url or koers_settings.CBS_BASE_URL.read(),
        v4=v4,
        cache_dir=cache_dir or koers_settings.CBS_CACHE.read() or default_cache_dir(),
        offline=offline,
    )


def fetch_indicators(
    ctx: typer.Context,
    client: StatLineClient,
    mapping: Path | None,
    plan_key: str | None,
    user: str | None,
    *,
    dry_run: bool,
    as_json: bool,
) -> None:
    """Fetch every mapped indicator of the plan and import the figures: checked and stored by
    the same path as a file (:func:`koers.cli.measurements.bring_in`)."""
    lang = settings(ctx).lang
    name = _("CBS StatLine via {file}", lang, file=mapping.name if mapping else PACKAGED_FILE)
    stored = stored_plan(ctx, engine_for(ctx), plan_key)
    try:
        mappings = read_mapping_file(mapping) if mapping else list(packaged_mappings())
        with client, _progress() as progress:
            task = progress.add_task(pgettext("voortgang", "Ophalen", lang), total=None)

            def on_table(table: str, rows: int) -> None:
                text = _("Ophalen: tabel {table}, {rows} rijen", lang, table=table, rows=format_number(rows, lang))
                progress.update(task, description=text)

            outcome = indicator_source(client, stored.plan, mappings, name, on_table=on_table)
    except MappingError as err:
        if as_json:
            print_json(problems_json(err.problems, lang))
        else:
            show_problems(
                err.problems, lang, _("Het koppelbestand past niet; er is niets opgehaald of opgeslagen.", lang)
            )
        raise typer.Exit(EXIT_UNREADABLE) from None
    except CbsError as err:
        fail(err.message(lang))
    if not as_json:
        _say_left_out(outcome, lang)
    bring_in(ctx, outcome.source, plan_key, user, dry_run=dry_run, as_json=as_json)


def _say_left_out(outcome: Outcome, lang: str) -> None:
    """The lines the plan has no use for, and the figures without a koers period."""
    out = err_console()
    for skipped in outcome.skipped:
        out.print(
            _(
                "Regel {line} ({indicator}) overgeslagen: het plan volgt deze BBV-indicator niet.",
                lang,
                line=skipped.line,
                indicator=skipped.indicator,
            )
        )
    if outcome.unmapped_periods:
        codes = sorted(outcome.unmapped_periods)
        shown = ", ".join(codes[:SHOWN_CODES]) + (" ..." if len(codes) > SHOWN_CODES else "")
        out.print(
            _(
                "{rows} cijfers overgeslagen: koers kent geen periode voor {codes}.",
                lang,
                rows=format_number(sum(outcome.unmapped_periods.values()), lang),
                codes=shown,
            ),
            style="yellow",
        )


def fetch_table(
    client: StatLineClient, table: str, regions: list[str], out: Path | None, *, v4: bool, lang: str
) -> tuple[Summary, ObservationReader]:
    """Read ``table`` page by page, with a progress bar, into the CSV file ``out`` (or only
    count it); what was found, and the reader with its counts."""
    structure = load_structure(client, table, v4=v4)
    if regions and structure.geo is None:
        raise CbsError("no-region-dimension", table=table)
    reader = ObservationReader(structure, regions)
    summary = Summary()
    with _progress() as progress:
        task = progress.add_task(pgettext("voortgang", "Ophalen", lang), total=None)

        def on_page(pages: int, rows: int) -> None:
            text = _("Ophalen: {pages} pagina's, {rows} rijen", lang, pages=pages, rows=format_number(rows, lang))
            progress.update(task, description=text)

        figures = summary.count(reader.fetch(client, on_page=on_page))
        if out is None:
            for _figure in figures:
                pass
        else:
            _write(figures, structure, out)
    return summary, reader


def _regions(codes: list[str], lang: str) -> list[str]:
    wrong = [code for code in codes if not is_region_code(code)]
    if wrong:
        fail(
            _(
                "'{code}' is geen CBS-regiocode. Schrijf bijvoorbeeld GM0396 (gemeente), WK039601 (wijk), "
                "BU03960101 (buurt) of NL01 (Nederland).",
                lang,
                code=wrong[0],
            )
        )
    return [clean_region_code(code) for code in codes]


def _find(client: StatLineClient, title: str, lang: str) -> str:
    """The id of the newest table whose title holds every word of ``title``; says which."""
    found = find_tables(client, title)[0]
    err_console().print(
        _(
            "Gevonden: {table} {title} (gewijzigd {modified}).",
            lang,
            table=found.table,
            title=found.title,
            modified=found.modified[:10],
        )
    )
    return found.table


def _write(figures: Iterator[Observation], structure: TableStructure, out: Path) -> None:
    """Write to a file next to ``out`` first, and put it in place when every page has come."""
    partial = out.with_name(f".{out.name}.part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            write_csv(figures, structure, handle)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def _report(table: str, summary: Summary, reader: ObservationReader, out: Path | None, lang: str) -> None:
    show = console()
    rows = format_number(summary.rows, lang)
    if out is not None:
        show.print(_("{rows} rijen geschreven naar {file}.", lang, rows=rows, file=out))
    show.print(
        _(
            "Tabel {table}: {rows} cijfers; {measures}, {periods}, {regions}.",
            lang,
            table=table,
            rows=rows,
            measures=ngettext("{n} onderwerp", "{n} onderwerpen", len(summary.measures), lang),
            periods=ngettext("{n} periode", "{n} perioden", len(summary.periods), lang),
            regions=ngettext("{n} regio", "{n} regio's", len(summary.regions), lang),
        )
    )
    if reader.unmapped:
        codes = sorted(reader.unmapped)
        shown = ", ".join(codes[:SHOWN_CODES]) + (" ..." if len(codes) > SHOWN_CODES else "")
        err_console().print(
            _(
                "{rows} cijfers hebben een periode waarvoor koers geen periode kent ({codes}); hun kolom "
                "koers_period is leeg.",
                lang,
                rows=format_number(reader.unmapped.total(), lang),
                codes=shown,
            ),
            style="yellow",
        )


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console(),
        transient=True,
        disable=not sys.stderr.isatty(),
    )


@app.command("iv3")
def iv3(
    ctx: typer.Context,
    table: Annotated[str, typer.Argument(metavar="TABLE", help="A CBS table of Iv3 baten and lasten per taakveld.")],
    kind: Annotated[
        AmountKind,
        typer.Option(
            "--kind", help="Which amounts the table holds: begrotingen (begroting) or jaarrekeningen (realisatie)."
        ),
    ],
    measure: Annotated[
        str | None,
        typer.Option(
            "--measure", metavar="NAME", help=f"The measure to read, by key or title (default: {DEFAULT_MEASURE})."
        ),
    ] = None,
    base_url: Annotated[str | None, BASE_URL_OPTION] = None,
    offline: Annotated[bool, OFFLINE_OPTION] = False,
    cache_dir: Annotated[Path | None, CACHE_DIR_OPTION] = None,
    v4: Annotated[bool, V4_OPTION] = False,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and count what would change; store nothing.")
    ] = False,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome (or the problems) as JSON.")] = False,
) -> None:
    """Fetch the municipality's money per Iv3 taakveld from CBS and import it per challenge, through
    the plan's mapping of taakvelden to challenges (money: taakvelden); checked and stored like
    koers money import."""
    lang = settings(ctx).lang
    stored = stored_plan(ctx, engine_for(ctx), plan_key)
    if stored.plan.money is None or not stored.plan.money.taakvelden:
        fail(
            _(
                "Het plan zegt niet bij welke opgave elk taakveld hoort. "
                "Zet dat in het plan onder 'money: taakvelden'.",
                lang,
            )
        )
    try:
        with _client(base_url, v4, cache_dir, offline) as client:
            outcome = iv3_source(client, stored.plan, table, kind, measure=measure, v4=v4)
    except (CbsError, Iv3Error) as err:
        fail(err.message(lang))
    if not outcome.source.rows:
        fail(
            _(
                "Tabel {table} heeft geen bedragen voor {municipality} bij de taakvelden van het plan.",
                lang,
                table=table,
                municipality=stored.plan.municipality.name,
            )
        )
    if not as_json:
        _say_iv3_left_out(outcome, lang)
    bring_in_money(ctx, outcome.source, plan_key, user, dry_run=dry_run, as_json=as_json)


def _say_iv3_left_out(outcome: Iv3Outcome, lang: str) -> None:
    """The challenge-years left out because a taakveld has no figure, and the taakvelden the plan
    does not map (which may be worth mapping)."""
    out = err_console()
    for left in outcome.incomplete:
        out.print(
            _(
                "Opgave {challenge}, {year} overgeslagen: het CBS heeft geen bedrag voor taakveld {codes}.",
                lang,
                challenge=left.challenge,
                year=left.year,
                codes=", ".join(left.missing),
            ),
            style="yellow",
        )
    if outcome.unmapped:
        out.print(
            _(
                "Niet gebruikt (het plan koppelt ze aan geen opgave): taakveld {codes}.",
                lang,
                codes=", ".join(sorted(outcome.unmapped)),
            )
        )
