# SPDX-License-Identifier: EUPL-1.2
"""``koers survey``: load a resident survey, make invitation codes, import LimeSurvey responses,
estimate the results (and store them as measurements), list the surveys, print the survey
file's JSON Schema.

The form residents fill in is at /enquete on the dashboard (``koers serve``); see
docs/survey-format.md.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.table import Table

from koers.cli.common import (
    EXIT_UNREADABLE,
    console,
    err_console,
    fail,
    print_json,
    refuse_file,
    settings,
    show_problems,
    write_text_or_print,
)
from koers.cli.measurements import bring_in, outcome_json
from koers.cli.storage import USER_OPTION, current_user, engine_for
from koers.cli.survey_results import (
    measurement_rows,
    measurement_source,
    open_answers,
    results_json,
    show_results,
    stored_population,
    write_open_answers,
)
from koers.domain.formatting import format_number
from koers.domain.periods import Period, PeriodError
from koers.domain.survey import Survey
from koers.domain.survey_results import analyse, population_margins, population_sources
from koers.exports import safe_cell
from koers.i18n import _, ngettext
from koers.importers.files import sha256_of
from koers.importers.limesurvey import FILE_ORIGIN, read_limesurvey
from koers.planfile.surveyfile import load_survey, survey_json_schema_text
from koers.problems import Problem
from koers.store.imports import Provenance
from koers.store.plans import load_stored_plan, plan_keys
from koers.store.survey_responses import SurveyRecord, create_invitations, store_imported, submitted_records
from koers.store.surveys import StoredSurvey, SurveyNotFound, list_surveys, load_stored_survey, save_survey

app = typer.Typer(
    no_args_is_help=True,
    help="Resident surveys: load a survey, make invitation codes, import LimeSurvey responses, list them, "
    "estimate the results.",
)

#: The most codes one command makes (a municipality invites a sample, not the country).
MAX_INVITATIONS = 100_000
#: The path of the form on the dashboard, for the links in the codes file.
FORM_PATH = "/enquete"

SURVEY_ARGUMENT = typer.Argument(metavar="SURVEY", help="The survey's id (see koers survey list).")
JSON_OPTION = typer.Option("--json", help="Print the outcome (or the problems) as JSON.")


@app.command("load")
def load(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The survey file (.yaml).")],
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Check a survey file against its plan and store it; an edited survey becomes a new version."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    result = load_survey(file, plan_keys=plan_keys(engine))
    if result.survey is not None:
        result = load_survey(file, load_stored_plan(engine, result.survey.plan).plan)
    if result.survey is None:
        _refuse_survey(result.problems, lang, as_json)
    survey = result.survey
    stored_plan = load_stored_plan(engine, survey.plan)
    outcome = save_survey(engine, survey, stored_plan.id, source=str(file), user=current_user(user))
    questions = sum(1 for _q in survey.questions())
    if as_json:
        print_json({"survey": outcome.key, "plan": survey.plan, "version": outcome.version, "changed": outcome.changed})
    elif outcome.changed:
        text = ngettext(
            "Enquête {survey} opgeslagen als versie {version}: {n} vraag op {pages} pagina's.",
            "Enquête {survey} opgeslagen als versie {version}: {n} vragen op {pages} pagina's.",
            questions,
            lang,
            survey=outcome.key,
            version=outcome.version,
            pages=len(survey.pages),
        )
        console().print(text)
    else:
        text = _(
            "Enquête {survey} is niet veranderd; hij blijft versie {version}.",
            lang,
            survey=outcome.key,
            version=outcome.version,
        )
        console().print(text)


def _refuse_survey(problems: list[Problem], lang: str, as_json: bool) -> NoReturn:
    """Every problem of a survey file that cannot be read (or its JSON), then exit code 2."""
    from koers.shapes import problems_json

    if as_json:
        print_json(problems_json(problems, lang))
    else:
        heading = ngettext(
            "Het enquêtebestand kan niet worden gelezen: {n} probleem.",
            "Het enquêtebestand kan niet worden gelezen: {n} problemen.",
            len(problems),
            lang,
        )
        show_problems(problems, lang, heading)
        err_console().print(_("Er is niets opgeslagen.", lang))
    raise typer.Exit(EXIT_UNREADABLE)


@app.command("invite")
def invite(
    ctx: typer.Context,
    survey_key: Annotated[str, SURVEY_ARGUMENT],
    count: Annotated[int, typer.Option("--count", help="How many invitation codes to make.")],
    out: Annotated[Path, typer.Option("--out", help="The CSV file to write the codes to (must not exist yet).")],
    url: Annotated[
        str | None,
        typer.Option("--url", help="The dashboard's address (https://...); adds a column with each code's link."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print {survey, count, file} as JSON.")] = False,
) -> None:
    """Make invitation codes and write them, once, to a CSV file; the database keeps only their hash."""
    lang = settings(ctx).lang
    if not 1 <= count <= MAX_INVITATIONS:
        most = format_number(MAX_INVITATIONS, lang)
        fail(_("Kies bij --count een aantal van 1 tot en met {max}.", lang, max=most))
    if out.exists():
        fail(
            _(
                "Het bestand {file} bestaat al. koers schrijft codes maar één keer en overschrijft geen codes die "
                "misschien al verstuurd zijn. Kies een nieuwe naam.",
                lang,
                file=out,
            )
        )
    if url is not None and not url.startswith(("https://", "http://")):
        fail(_("'{url}' is geen webadres. Schrijf het adres met https:// ervoor.", lang, url=url))
    engine = engine_for(ctx)
    stored = _stored_survey(ctx, survey_key)
    partial = out.with_name(f".{out.name}.partial")
    try:
        codes = create_invitations(engine, stored.id, count)
        _write_codes(partial, codes, url)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    if as_json:
        print_json({"survey": stored.key, "count": len(codes), "file": str(out)})
        return
    console().print(
        ngettext(
            "{n} uitnodigingscode voor {survey} geschreven naar {file}.",
            "{n} uitnodigingscodes voor {survey} geschreven naar {file}.",
            len(codes),
            lang,
            survey=stored.key,
            file=out,
        )
    )
    console().print(
        _(
            "De codes staan alleen in dit bestand: de database bewaart ze onherkenbaar. Vernietig het bestand "
            "als de brieven zijn verstuurd, zodat niemand een code aan een adres kan koppelen.",
            lang,
        )
    )


def _write_codes(path: Path, codes: list[str], url: str | None) -> None:
    """The codes, one per row, with their link when the dashboard's address is known; every cell
    safe to open in a spreadsheet (koers.exports.safe_cell)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "link"] if url else ["code"])
        base = url.rstrip("/") if url else ""
        for code in codes:
            row = [code, f"{base}{FORM_PATH}?code={code}"] if url else [code]
            writer.writerow([safe_cell(cell) for cell in row])


@app.command("import")
def import_responses(
    ctx: typer.Context,
    survey_key: Annotated[str, SURVEY_ARGUMENT],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A LimeSurvey export (CSV, question codes as headers).")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and count what would be added; store nothing.")
    ] = False,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Import the responses of a LimeSurvey export: every row is checked first; all are stored, or none."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = _stored_survey(ctx, survey_key)
    read = read_limesurvey(file, stored.survey)
    if not read.ok:
        refuse_file(read.problems, read.problem_count, lang, as_json)
    provenance = Provenance(FILE_ORIGIN, file.name, sha256_of(file), current_user(user))
    outcome = store_imported(engine, stored, read.responses, provenance, dry_run=dry_run)
    if as_json:
        print_json(
            {
                "survey": stored.key,
                "rows": read.rows,
                "unfinished": read.unfinished,
                "responses": outcome.rows,
                "added": outcome.added,
                "unchanged": outcome.unchanged,
                "dry_run": outcome.dry_run,
            }
        )
        return
    text = ngettext(
        "{n} rij gelezen: {added} nieuwe inzendingen, {unchanged} al eerder ingelezen, {unfinished} niet afgemaakt "
        "(niet ingelezen).",
        "{n} rijen gelezen: {added} nieuwe inzendingen, {unchanged} al eerder ingelezen, {unfinished} niet afgemaakt "
        "(niet ingelezen).",
        read.rows,
        lang,
        added=outcome.added,
        unchanged=outcome.unchanged,
        unfinished=read.unfinished,
    )
    if outcome.dry_run:
        text = _("Proef (niets opgeslagen): {counts}", lang, counts=text)
    console().print(text)


@app.command("results")
def results(
    ctx: typer.Context,
    survey_key: Annotated[str, SURVEY_ARGUMENT],
    period: Annotated[
        str | None,
        typer.Option("--period", help="The period the figures are for (2025, 2025-H1); needed with --store."),
    ] = None,
    store: Annotated[
        bool,
        typer.Option("--store", help="Store each question's figure as a measurement of its goal or series."),
    ] = False,
    open_answers_file: Annotated[
        Path | None,
        typer.Option(
            "--open-answers",
            metavar="FILE.csv",
            help="Write every open answer and write-in to this new CSV file, with an empty column for coding.",
        ),
    ] = None,
    unweighted: Annotated[bool, typer.Option("--unweighted", help="Do not weight: unweighted estimates only.")] = False,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole result as JSON.")] = False,
) -> None:
    """Estimate every question, unweighted and weighted by age group and wijk, with 95% intervals;
    store the figures of the goals as measurements."""
    lang = settings(ctx).lang
    if store and period is None:
        fail(_("Geef bij --store ook de periode van de cijfers, bijvoorbeeld --period 2025.", lang))
    try:
        when = Period.parse(period) if period is not None else None
    except PeriodError:
        fail(_("'{period}' is geen periode. Schrijf bijvoorbeeld 2025, 2025-H1 of 2025-Q3.", lang, period=period))
    if open_answers_file is not None and open_answers_file.exists():
        fail(_("Het bestand {file} bestaat al. Kies een nieuwe naam.", lang, file=open_answers_file))
    engine = engine_for(ctx)
    stored = _stored_survey(ctx, survey_key)
    survey = stored.survey
    plan = load_stored_plan(engine, survey.plan)
    records = submitted_records(engine, stored)
    if not records:
        fail(_("Enquête {survey} heeft nog geen verstuurde antwoorden.", lang, survey=stored.key))
    population = None
    if not unweighted:
        sources = population_sources(survey, plan.plan)
        population = population_margins(sources, stored_population(engine, plan.id, sources))
    outcome = analyse(survey, [r.answers for r in records], population)
    shown: dict[str, Any] = {"survey": stored.key, "version": stored.version, "period": when.code if when else None}
    shown |= results_json(outcome, lang)
    if not as_json:
        show_results(console(), outcome, lang)
    shown["stored"] = None
    if store and when is not None:
        rows = measurement_rows(survey, plan.plan, outcome, when, lang)
        if not rows:
            fail(
                _(
                    "Geen vraag van deze enquête geeft een meting: zet 'figure' bij een vraag. Er is niets opgeslagen.",
                    lang,
                )
            )
        source = measurement_source(survey, rows)
        shown["stored"] = outcome_json(
            bring_in(ctx, source, survey.plan, user, dry_run=False, as_json=as_json, report=not as_json)
        )
    shown["open_answers"] = None
    if open_answers_file is not None:
        shown["open_answers"] = _write_open_answers(open_answers_file, survey, records, lang, as_json)
    if as_json:
        print_json(shown)


def _write_open_answers(
    path: Path, survey: Survey, records: list[SurveyRecord], lang: str, quiet: bool
) -> dict[str, Any]:
    """Every open answer and write-in to a new file; says how many (unless ``quiet``: --json)."""
    texts = list(open_answers(survey, records))
    write_open_answers(path, texts)
    if not quiet:
        console().print(
            ngettext(
                "{n} open antwoord geschreven naar {file}.",
                "{n} open antwoorden geschreven naar {file}.",
                len(texts),
                lang,
                file=path,
            )
        )
    return {"file": str(path), "rows": len(texts)}


@app.command("list")
def list_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of the surveys.")] = False,
) -> None:
    """Show every survey: its plan, version, questions, invitations, and responses started and sent."""
    lang = settings(ctx).lang
    found = list_surveys(engine_for(ctx))
    if as_json:
        print_json([vars(s) for s in found])
        return
    if not found:
        console().print(_("Er zijn nog geen enquêtes. Laad er een met: koers survey load BESTAND", lang))
        return
    table = Table()
    headers = (
        _("Enquête", lang),
        _("Titel", lang),
        _("Plan", lang),
        _("Versie", lang),
        _("Vragen", lang),
        _("Uitnodigingen", lang),
        _("Begonnen", lang),
        _("Verstuurd", lang),
    )
    for header in headers:
        table.add_column(header, overflow="fold")
    for s in found:
        numbers = (s.version, s.questions, s.invitations, s.started, s.submitted)
        table.add_row(s.key, s.title, s.plan, *(str(n) for n in numbers))
    console().print(table)


@app.command("schema")
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the schema to this file instead of printing it.")
    ] = None,
) -> None:
    """Print the JSON Schema of the survey file (for editors that check YAML as you type)."""
    write_text_or_print(survey_json_schema_text(), out)


def _stored_survey(ctx: typer.Context, key: str) -> StoredSurvey:
    lang = settings(ctx).lang
    try:
        return load_stored_survey(engine_for(ctx), key)
    except SurveyNotFound as err:
        if not err.keys:
            fail(_("Er staat nog geen enquête in de database. Laad er een met: koers survey load BESTAND", lang))
        fail(
            _(
                "Er is geen enquête '{key}'. In deze database staan: {choices}",
                lang,
                key=key,
                choices=", ".join(err.keys),
            )
        )
