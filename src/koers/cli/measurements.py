# SPDX-License-Identifier: EUPL-1.2
"""``koers import``, ``koers measurements``, ``koers export`` and ``koers derive``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from koers.cli.common import (
    console,
    err_console,
    fail,
    print_json,
    refuse_file,
    settings,
)
from koers.cli.storage import PLAN_OPTION, USER_OPTION, current_user, engine_for, stored_plan
from koers.domain.formatting import format_number, format_unavailable
from koers.domain.measurements import Unavailable
from koers.exports import SUFFIXES, write_records
from koers.i18n import N_, _, ngettext, pgettext
from koers.importers.sources import FileSource, Source
from koers.problems import Problem
from koers.store.derive import DeriveError, derive_rate, recipe_for
from koers.store.imports import ImportOutcome, Provenance, store_batch
from koers.store.measurements import as_record, current, history


def import_file(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A CSV or Excel file with measurements.")],
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="COLUMN=HEADER",
            help="Read koers's column from another header, e.g. --map value=waarde (repeatable).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and count what would change; store nothing.")
    ] = False,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome (or the problems) as JSON.")] = False,
) -> None:
    """Import measurements: every row is checked first; all rows are stored, or none."""
    source = FileSource(file, _mapping(mapping or [], settings(ctx).lang))
    bring_in(ctx, source, plan_key, user, dry_run=dry_run, as_json=as_json)


def bring_in(
    ctx: typer.Context,
    source: Source,
    plan_key: str | None,
    user: str | None,
    *,
    dry_run: bool,
    as_json: bool,
    report: bool = True,
) -> ImportOutcome:
    """Check every row of ``source`` and store all of them or none: the one way in for a file
    and a CBS table alike, with the same messages, progress and outcome. ``report`` False leaves
    the outcome to the caller (``koers survey results`` shows it in its own JSON)."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    with _progress(as_json) as progress:
        task = progress.add_task(pgettext("voortgang", "Controleren", lang), total=None)
        checked = source.check(stored.plan, progress=lambda n: progress.update(task, completed=n))
    if checked.batch is None:
        refuse_file(checked.problems, checked.problem_count, lang, as_json)
    if not as_json:
        _warn(checked.warnings, lang)
    batch = checked.batch
    if not dry_run:
        _say_writing(lang, as_json, len(batch))
    with _progress(as_json) as progress:
        task = progress.add_task(pgettext("voortgang", "Opslaan", lang), total=len(batch))
        outcome = store_batch(
            engine,
            stored.id,
            batch,
            Provenance.of(source.origin, current_user(user)),
            dry_run=dry_run,
            progress=lambda n: progress.update(task, completed=n),
        )
    if report:
        _report(outcome, lang, as_json, warnings=checked.warnings)
    return outcome


def measurements(
    ctx: typer.Context,
    goal: Annotated[str | None, typer.Option("--goal", help="Only this goal (or series).")] = None,
    area: Annotated[str | None, typer.Option("--area", help="Only this area.")] = None,
    all_versions: Annotated[bool, typer.Option("--history", help="Every version, not only the current value.")] = False,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of measurements.")] = False,
) -> None:
    """Show the current measurements (latest final, else latest provisional), or their history."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    read = history if all_versions else current
    records = [as_record(m) for m in read(engine, stored.id, subject=goal, area=area)]
    if as_json:
        print_json(records)
        return
    if not records:
        console().print(_("Geen metingen gevonden.", lang))
        return
    table = Table(show_lines=False)
    for header in (
        _("Doel", lang),
        _("Periode", lang),
        _("Gebied", lang),
        _("Waarde", lang),
        "Status",
        _("Versie", lang),
        _("Bron", lang),
        _("Vastgelegd", lang),
    ):
        table.add_column(header, overflow="fold")
    for r in records:
        table.add_row(
            r["goal"] or r["series"],
            r["period"],
            r["area"],
            _figure(r, lang),
            _("definitief", lang) if r["status"] == "final" else _("voorlopig", lang),
            str(r["version"]),
            r["source_ref"] or r["source"] or "-",
            f"{(r['recorded_at'] or '')[:10]} {r['recorded_by'] or ''}".strip(),
        )
    console().print(table)


def export(
    ctx: typer.Context,
    to: Annotated[Path, typer.Option("--to", help="The file to write: .csv or .xlsx.")],
    all_versions: Annotated[
        bool, typer.Option("--history", help="Every version, not only the current values.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print {written, rows, history} as JSON.")] = False,
) -> None:
    """Export all current measurements (or every version) to CSV or Excel."""
    lang = settings(ctx).lang
    if to.suffix.lower() not in SUFFIXES:
        fail(_("'{file}': gebruik .csv of .xlsx.", lang, file=to))
    if to.exists() and not force:
        fail(_("'{file}' bestaat al. Kies een andere naam, of gebruik --force.", lang, file=to))
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    read = history if all_versions else current
    count = write_records((as_record(m) for m in read(engine, stored.id)), to)
    if as_json:
        print_json({"written": str(to), "rows": count, "history": all_versions})
    else:
        console().print(
            ngettext("{n} meting geschreven naar {file}.", "{n} metingen geschreven naar {file}.", count, lang, file=to)
        )


def derive(
    ctx: typer.Context,
    goal: Annotated[str, typer.Argument(metavar="GOAL", help="The goal whose unit is a rate (per 1.000 ...).")],
    numerator: Annotated[str, typer.Option("--numerator", help="The series or goal that is counted.")],
    denominator: Annotated[str, typer.Option("--denominator", help="The population series (e.g. inwoners).")],
    per: Annotated[int | None, typer.Option("--per", help="Per how many (must match the goal's unit).")] = None,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Compute and count; store nothing.")] = False,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome as JSON.")] = False,
) -> None:
    """Compute a rate per 1.000 or 10.000 from stored counts; the formula and inputs are recorded."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    try:
        recipe = recipe_for(stored.plan, goal, numerator, denominator, per)
        outcome = derive_rate(engine, stored.id, stored.plan, recipe, user=current_user(user), dry_run=dry_run)
    except DeriveError as err:
        fail(_derive_message(err, lang))
    _report(outcome, lang, as_json)


#: What to say when a rate cannot be derived, per DeriveError code; its context fills the text.
DERIVE_MESSAGES = {
    "unknown-goal": N_("Het plan heeft geen doel '{goal}'."),
    "not-a-rate": N_("Doel {goal} wordt niet gemeten als 'per 1.000' of 'per 10.000'."),
    "wrong-base": N_("Doel {goal} rekent per {expected}, niet per {per}."),
    "no-inputs": N_("Er zijn nog geen metingen van '{subject}'. Importeer die eerst."),
    "no-matching-periods": N_("Er is geen periode en gebied met zowel '{numerator}' als '{denominator}'."),
}


def _derive_message(err: DeriveError, lang: str) -> str:
    return _(DERIVE_MESSAGES[err.code], lang, **err.context)


def _mapping(items: list[str], lang: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in items:
        column, sep, header = item.partition("=")
        if not sep or not column.strip() or not header.strip():
            fail(_("--map '{item}': schrijf KOLOM=KOP, bijvoorbeeld --map value=waarde.", lang, item=item))
        found[column.strip().lower()] = header.strip()
    return found


#: How many warnings the terminal shows; --json gives them all (up to the importer's cap).
WARNINGS_SHOWN = 20


def _warn(warnings: list[Problem], lang: str) -> None:
    """Rows that are stored all the same, but deserve a look (a figure inside the baseline period)."""
    if not warnings:
        return
    out = err_console()
    heading = ngettext(
        "{n} waarschuwing; deze rij wordt wel opgeslagen.",
        "{n} waarschuwingen; deze rijen worden wel opgeslagen.",
        len(warnings),
        lang,
    )
    out.print(heading, style="bold yellow")
    table = Table(show_lines=True)
    for header in (_("Waar", lang), _("Waarschuwing", lang), _("Wat te doen", lang)):
        table.add_column(header, overflow="fold")
    for w in warnings[:WARNINGS_SHOWN]:
        table.add_row(w.location.describe(lang), w.message(lang), w.hint(lang))
    out.print(table)
    if len(warnings) > WARNINGS_SHOWN:
        more = len(warnings) - WARNINGS_SHOWN
        out.print(
            ngettext(
                "... en nog {n} waarschuwing (alle met --json).",
                "... en nog {n} waarschuwingen (alle met --json).",
                more,
                lang,
            )
        )


def _figure(record: dict[str, Any], lang: str) -> str:
    """A record's value, or 'n.b. (reason)' for a figure that is not there."""
    if record["unavailable"]:
        return format_unavailable(Unavailable(record["unavailable"]), record["note"])
    return format_number(record["value"], lang)


def _say_writing(lang: str, as_json: bool, rows: int) -> None:
    """A plain line before the write starts (also for logs, where no progress bar shows)."""
    if not as_json:
        err_console().print(ngettext("De rij is goed; opslaan...", "Alle {n} rijen zijn goed; opslaan...", rows, lang))


def outcome_json(outcome: ImportOutcome) -> dict[str, Any]:
    """What an import did, as ``--json`` shows it."""
    return {
        "rows": outcome.rows,
        "added": outcome.added,
        "new": outcome.new,
        "revised": outcome.revised,
        "unchanged": outcome.unchanged,
        "dry_run": outcome.dry_run,
        "import_id": outcome.import_id,
    }


def _report(outcome: ImportOutcome, lang: str, as_json: bool, *, warnings: list[Problem] | None = None) -> None:
    if as_json:
        shown = outcome_json(outcome)
        if warnings is not None:  # an import (a derivation checks no rows)
            shown["warnings"] = [w.as_json(lang) for w in warnings]
        print_json(shown)
        return
    counts = ngettext(
        "{n} rij: {new} nieuw, {revised} herzien, {unchanged} ongewijzigd.",
        "{n} rijen: {new} nieuw, {revised} herzien, {unchanged} ongewijzigd.",
        outcome.rows,
        lang,
        new=outcome.new,
        revised=outcome.revised,
        unchanged=outcome.unchanged,
    )
    if outcome.dry_run:
        counts = _("Proef (niets opgeslagen): {counts}", lang, counts=counts)
    console().print(counts)


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console(),
        transient=True,
        disable=quiet or not sys.stderr.isatty(),
    )
