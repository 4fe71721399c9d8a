# SPDX-License-Identifier: EUPL-1.2
"""``koers geo load`` and ``koers geo list``: wijk and buurt boundaries for the maps."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from koers.cli.common import console, err_console, print_json, refuse_file, settings
from koers.cli.storage import PLAN_OPTION, USER_OPTION, current_user, engine_for, stored_plan
from koers.domain.areas import CODED_LEVELS, Area, level_label
from koers.domain.boundaries import MatchedBy
from koers.i18n import _, ngettext
from koers.importers.boundaries import BoundaryFile, read_boundaries
from koers.importers.files import sha256_of
from koers.store.boundaries import BoundarySource, StoredBoundary, boundary_records, replace_boundaries

app = typer.Typer(
    no_args_is_help=True,
    help="Wijk and buurt boundaries for the maps: load a GeoJSON or TopoJSON file, or list them.",
)


@app.command("load")
def load(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A GeoJSON or TopoJSON file (as CBS and PDOK publish).")],
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    code_field: Annotated[
        str | None, typer.Option("--code-field", help="The field with the CBS code (default: statcode, wijkcode ...).")
    ] = None,
    name_field: Annotated[
        str | None, typer.Option("--name-field", help="The field with the name (default: statnaam, wijknaam ...).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Read and match the file; store nothing.")] = False,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome (or the problems) as JSON.")] = False,
) -> None:
    """Load the boundaries of the plan's wijken and buurten; they replace the ones loaded before."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    with _busy(_("Grenzen lezen...", lang), as_json):
        read = read_boundaries(file, stored.plan, code_field=code_field, name_field=name_field)
    if not read.ok:
        refuse_file(read.problems, read.problem_count, lang, as_json)
    digest = sha256_of(file)
    count = 0
    if not dry_run:
        source = BoundarySource(file.name, digest, current_user(user))
        count = replace_boundaries(engine, stored.id, read.boundaries, source)
    if as_json:
        print_json(_outcome_json(read, file, digest, count, dry_run))
    else:
        _say_outcome(read, file, count, dry_run, lang)


@app.command("list")
def list_boundaries(
    ctx: typer.Context,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of the plan's areas.")] = False,
) -> None:
    """Show which of the plan's wijken and buurten have a boundary, and from which file."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    records = {r.area: r for r in boundary_records(engine, stored.id)}
    areas = [a for a in stored.plan.areas if a.level in CODED_LEVELS]
    rows = [_area_json(a, records.get(a.stored_id)) for a in areas]
    if as_json:
        print_json(rows)
        return
    table = Table()
    for header in (_("Gebied", lang), _("Naam", lang), _("Soort", lang), _("Grens", lang), _("Bestand", lang)):
        table.add_column(header, overflow="fold")
    for area, row in zip(areas, rows, strict=True):
        has = _("ja", lang) if row["boundary"] else _("nee", lang)
        loaded = f"{row['source']} ({row['loaded_at'][:10]})" if row["boundary"] else "-"
        table.add_row(row["area"], row["name"], level_label(area.level, lang), has, loaded)
    console().print(table)
    if not records:
        console().print(_("Er zijn nog geen grenzen geladen. Laad ze met: koers geo load BESTAND", lang))


def _area_json(area: Area, record: StoredBoundary | None) -> dict[str, Any]:
    return {
        "area": area.stored_id,
        "name": area.name,
        "level": area.level.value,
        "boundary": record is not None,
        "source": record.source if record else None,
        "sha256": record.sha256 if record else None,
        "loaded_at": record.loaded_at.isoformat() if record else None,
        "loaded_by": record.loaded_by if record else None,
    }


def _busy(text: str, quiet: bool) -> Any:
    """A spinner on the terminal while a large file is read; nothing in logs or with --json."""
    if quiet or not sys.stderr.isatty():
        return nullcontext()
    return err_console().status(text)


def _outcome_json(read: BoundaryFile, file: Path, digest: str, stored: int, dry_run: bool) -> dict[str, Any]:
    matching = read.matching
    assert matching is not None
    return {
        "file": file.name,
        "sha256": digest,
        "features": read.features,
        "matched": len(matching.matches),
        "by_code": matching.count(MatchedBy.CODE),
        "by_name": matching.count(MatchedBy.NAME),
        "left_out": matching.left_out,
        "missing": [{"area": a.stored_id, "name": a.name} for a in matching.missing],
        "planar": read.planar,
        "areas": [
            {
                "area": m.area.stored_id,
                "name": m.area.name,
                "level": m.area.level.value,
                "matched_by": m.by.value,
                "feature": m.feature,
            }
            for m in matching.matches
        ],
        "stored": stored,
        "dry_run": dry_run,
    }


def _say_outcome(read: BoundaryFile, file: Path, stored: int, dry_run: bool, lang: str) -> None:
    matching = read.matching
    assert matching is not None
    out = console()
    out.print(
        ngettext(
            "{n} grens herkend: {code} op CBS-code, {name} op naam.",
            "{n} grenzen herkend: {code} op CBS-code, {name} op naam.",
            len(matching.matches),
            lang,
            code=matching.count(MatchedBy.CODE),
            name=matching.count(MatchedBy.NAME),
        )
    )
    if matching.left_out:
        out.print(
            ngettext(
                "{n} gebied uit het bestand hoort niet bij het plan en is weggelaten.",
                "{n} gebieden uit het bestand horen niet bij het plan en zijn weggelaten.",
                matching.left_out,
                lang,
            )
        )
    if matching.missing:
        names = ", ".join(a.name for a in matching.missing)
        text = ngettext(
            "Geen grens voor {n} wijk van het plan: {names}.",
            "Geen grens voor {n} wijken van het plan: {names}.",
            len(matching.missing),
            lang,
            names=names,
        )
        err_console().print(text, style="bold yellow")
    if read.planar:
        out.print(_("Coördinaten: RD New (meters).", lang))
    else:
        out.print(_("Coördinaten: lengte- en breedtegraden (WGS84).", lang))
    if dry_run:
        out.print(_("Proef: er is niets opgeslagen.", lang))
    else:
        out.print(
            ngettext(
                "{n} grens opgeslagen uit {file}; de kaart staat op het dashboard en in de rapportage.",
                "{n} grenzen opgeslagen uit {file}; de kaarten staan op het dashboard en in de rapportage.",
                stored,
                lang,
                file=file.name,
            )
        )
