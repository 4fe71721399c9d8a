# SPDX-License-Identifier: EUPL-1.2
"""``koers evaluate``: the evaluation report of one stored plan version, as PDF, HTML or Word.

The evaluation itself is koers.reports.evaluation.build_evaluation; this module parses the
options, writes the file and says what it wrote.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from koers.cli.common import console, fail, parse_date, print_json, settings
from koers.cli.storage import PLAN_OPTION, engine_for
from koers.i18n import _

if TYPE_CHECKING:
    from koers.reports.evaluation import Evaluation

#: What ``--format`` takes.
FORMATS = ("pdf", "html", "docx")


def evaluate(
    ctx: typer.Context,
    plan_version: Annotated[int, typer.Option("--plan-version", help="The stored plan version to judge.")],
    out: Annotated[Path, typer.Option("--out", help="The file to write.")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Judge as of this date (YYYY-MM-DD); default today.")
    ] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="pdf, html or docx (default: from --out).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print {written, format, plan, plan_version, as_of, goals, not_evaluated, ...}."),
    ] = False,
) -> None:
    """Write the evaluation of a plan version: verdict per goal, what worked, what could not be evaluated and why."""
    lang = settings(ctx).lang
    chosen = (fmt or out.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        fail(_("Kies een formaat: {formats}.", lang, formats=", ".join(FORMATS)))
    if out.exists() and not force:
        fail(_("'{file}' bestaat al. Kies een andere naam, of gebruik --force.", lang, file=out))
    day = parse_date(as_of, lang)
    engine = engine_for(ctx)
    from koers.reports.evaluation import build_evaluation
    from koers.store.plans import PlanNotFound

    try:
        evaluation = build_evaluation(engine, plan_key, plan_version, as_of=day, lang=lang)
    except PlanNotFound as err:
        if not err.keys:
            fail(_("Er staat nog geen plan in de database. Laad er een met: koers plan load PLAN", lang))
        if len(err.keys) == 1 and plan_key in (None, err.keys[0]):
            fail(_("Plan {plan} heeft geen versie {version}.", lang, plan=err.keys[0], version=plan_version))
        fail(_("Kies een plan met --plan; in deze database staan: {choices}", lang, choices=", ".join(err.keys)))
    _write(evaluation, chosen, out)
    if as_json:
        report = evaluation.report
        print_json(
            {
                "written": str(out),
                "format": chosen,
                "plan": report.plan_key,
                "plan_version": report.plan_version,
                "as_of": report.as_of.isoformat(),
                "goals": len(evaluation.goals),
                "not_evaluated": {g.section.goal.id: [o.value for o in g.obstacles] for g in evaluation.not_evaluated},
                "revised_by": evaluation.revision.version if evaluation.revision else None,
                "illustrative": report.illustrative,
            }
        )
    else:
        console().print(_("{written}: geschreven naar {file}.", lang, written=evaluation.title, file=out))
        console().print(evaluation.headline())


def _write(evaluation: Evaluation, chosen: str, out: Path) -> None:
    if chosen == "pdf":
        from koers.reports.evaluation_html import write_evaluation_pdf

        write_evaluation_pdf(evaluation, out)
    elif chosen == "html":
        from koers.reports.evaluation_html import render_evaluation_html

        out.write_text(render_evaluation_html(evaluation), encoding="utf-8")
    else:
        from koers.reports.evaluation_docx import write_evaluation_docx

        write_evaluation_docx(evaluation, out)
