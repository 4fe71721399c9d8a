# SPDX-License-Identifier: EUPL-1.2
"""``koers report``: the monitoring report for the council, as PDF, HTML, Word or Excel, or as
slides (PowerPoint) for the raadsinformatiemoment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from koers.cli.common import console, fail, parse_period, print_json, settings
from koers.cli.storage import PLAN_OPTION, engine_for, stored_plan
from koers.i18n import _
from koers.reports.model import REPORT_STATUSES, Report, build_report

#: What ``--kind`` takes: the monitoring report, or the paragraph of a P&C document (the values of
#: koers.reports.pc.PcKind, written out here so that ``koers report --help`` imports no report code).
MONITORING = "monitoring"
PC_KINDS = ("begroting", "jaarstukken")
#: What ``--format`` takes (pptx: the slides for the raadsinformatiemoment).
FORMATS = ("pdf", "html", "docx", "xlsx", "pptx")
FORMAT_CHOICES = f"{', '.join(FORMATS[:-1])} or {FORMATS[-1]}"


def report(
    ctx: typer.Context,
    period: Annotated[str, typer.Option("--period", help="The reporting period, e.g. 2026-H1.")],
    out: Annotated[Path, typer.Option("--out", help="The file to write.")],
    fmt: Annotated[str | None, typer.Option("--format", help=f"{FORMAT_CHOICES} (default: from --out).")] = None,
    status: Annotated[str, typer.Option("--status", help="concept or vastgesteld (shown on the cover).")] = "concept",
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help=f"{MONITORING} (default), or {' or '.join(PC_KINDS)}: the social-domain paragraph of that P&C "
            "document, per challenge, as Word (--period: its year).",
        ),
    ] = MONITORING,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print {written, format, period, goals, illustrative}.")
    ] = False,
) -> None:
    """Write the monitoring report: numbers, charts and the explanation per goal, per challenge."""
    lang = settings(ctx).lang
    chosen = (fmt or out.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        fail(_("Kies een formaat: {formats}.", lang, formats=", ".join(FORMATS)))
    if status not in REPORT_STATUSES:
        fail(_("De status is 'concept' of 'vastgesteld'.", lang))
    if kind != MONITORING and kind not in PC_KINDS:
        fail(_("Kies een soort: {kinds}.", lang, kinds=", ".join((MONITORING, *PC_KINDS))))
    if kind in PC_KINDS and chosen != "docx":
        fail(
            _(
                "De paragraaf voor de {kind} is een Word-bestand: gebruik --format docx of een .docx-bestand.",
                lang,
                kind=kind,
            )
        )
    if out.exists() and not force:
        fail(_("'{file}' bestaat al. Kies een andere naam, of gebruik --force.", lang, file=out))
    reporting = parse_period(period, lang)
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    built = build_report(engine, stored, reporting, status=status, lang=lang)
    if kind in PC_KINDS:
        from koers.reports.pc import PcKind, pc_title, write_pc_docx

        write_pc_docx(built, PcKind(kind), out)
        written = pc_title(PcKind(kind), reporting.start.year, lang)
    else:
        _write(built, chosen, out)
        written = _("Rapportage over {period}", lang, period=reporting.label(lang))
    if as_json:
        print_json(
            {
                "written": str(out),
                "format": chosen,
                "period": reporting.code,
                "goals": len(built.goals),
                "illustrative": built.illustrative,
            }
        )
    else:
        console().print(_("{written}: geschreven naar {file}.", lang, written=written, file=out))


def _write(built: Report, chosen: str, out: Path) -> None:
    if chosen == "pdf":
        from koers.reports.pdf import write_pdf

        write_pdf(built, out)
    elif chosen == "html":
        from koers.reports.html import render_html

        out.write_text(render_html(built), encoding="utf-8")
    elif chosen == "docx":
        from koers.reports.docx import write_docx

        write_docx(built, out)
    elif chosen == "xlsx":
        from koers.reports.xlsx import write_xlsx

        write_xlsx(built, out)
    else:
        from koers.reports.pptx import write_pptx

        write_pptx(built, out)
