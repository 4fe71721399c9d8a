# SPDX-License-Identifier: EUPL-1.2
"""The report as a Word document, ready to paste into planning-and-control documents:
real headings, real tables, and each chart as an image with its text alternative."""

from __future__ import annotations

import io
from pathlib import Path
from typing import cast

import nh3
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle

from koers.domain.assessment import Assessment
from koers.domain.formatting import format_euro, format_figure, format_value
from koers.domain.goals import Goal
from koers.i18n import _, pgettext
from koers.reports.markdown import to_html
from koers.reports.model import ChallengeSection, GoalSection, Report


def write_docx(report: Report, path: Path) -> None:
    lang = report.lang
    doc = Document()
    doc.core_properties.title = report.title
    doc.core_properties.language = lang
    normal = cast(ParagraphStyle, doc.styles["Normal"])  # python-docx types a lookup as any kind of style
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    _cover(doc, report)
    doc.add_heading(_("Samenvatting", lang), level=1)
    doc.add_paragraph(report.rollup.summary(lang))
    _overview(doc, report)
    for section in report.challenges:
        _challenge(doc, section, report)
    doc.add_heading(_("Bijlage: aandachtspunten meetbaarheid", lang), level=1)
    rows = [[f.goal or "-", f.severity.label(lang), f.message(lang)] for f in report.findings]
    _table(doc, [_("Doel", lang), _("Ernst", lang), pgettext("rapport", "Aandachtspunt", lang)], rows)
    doc.save(str(path))


def _cover(doc: DocxDocument, report: Report) -> None:
    lang = report.lang
    doc.add_paragraph(_("Gemeente {municipality}", lang, municipality=report.plan.municipality.name))
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.plan.title)
    doc.add_paragraph(
        _("Status: {status} · Datum: {date}", lang, status=report.status_label, date=report.made_on.isoformat())
    )
    if report.illustrative:
        warning = doc.add_paragraph()
        run = warning.add_run(_("Illustratieve cijfers: dit zijn geen echte metingen.", lang))
        run.bold = True


def _overview(doc: DocxDocument, report: Report) -> None:
    lang = report.lang
    rows = []
    for g in report.goals:
        a = g.assessment
        rows.append(
            [
                g.goal.id,
                a.status.label(lang) + (" *" if a.override else ""),
                _latest(a, g.goal, lang),
                f"{g.aim_text(lang)} ({a.aim_period.label(lang)})" if a.aim and a.aim_period else "-",
            ]
        )
    header = [_("Doel", lang), _("Status", lang), _("Laatste waarde", lang), _("Streefwaarde", lang)]
    _table(doc, header, rows)


def _latest(a: Assessment, goal: Goal, lang: str) -> str:
    """The latest figure of a goal, marked when it is out of date."""
    if a.latest is None:
        return "-"
    text = format_value(a.latest.value, goal.unit, lang)
    return f"{text} ({_('verouderd', lang)})" if a.stale else text


def _challenge(doc: DocxDocument, section: ChallengeSection, report: Report) -> None:
    lang, c = report.lang, section.challenge
    doc.add_heading(c.name, level=1)
    if c.aim:
        doc.add_paragraph(c.aim)
    if c.budget:
        doc.add_paragraph(
            _("Budget: {amount}", lang, amount=format_euro(c.budget.amount, lang))
            + (f" ({c.budget.basis})" if c.budget.basis else "")
        )
    if section.policy_areas:
        areas = "; ".join(a.name + (f" ({', '.join(a.laws)})" if a.laws else "") for a in section.policy_areas)
        doc.add_paragraph(_("Beleidsterreinen: {areas}", lang, areas=areas))
    doc.add_paragraph(section.rollup.summary(lang))
    for goal in section.goals:
        _goal(doc, goal, report)


def _goal(doc: DocxDocument, section: GoalSection, report: Report) -> None:
    lang, goal, a = report.lang, section.goal, section.assessment
    doc.add_heading(goal.id + (f" · {goal.indicator.name}" if goal.indicator else ""), level=2)
    doc.add_paragraph(goal.statement, style="Intense Quote")
    verdict = doc.add_paragraph()
    stale = f" ({_('verouderd', lang)})" if a.stale else ""
    verdict.add_run(a.status.label(lang) + stale + ". ").bold = True
    verdict.add_run(a.message(lang))
    _chart(doc, section, report)
    rows = [
        [
            m.period.label(lang),
            m.area,
            format_figure(m, goal.unit, lang),
            m.status.label(lang),
            m.source_ref or m.source or "",
        ]
        for m in sorted(section.measurements, key=lambda m: m.period.sort_key)
    ]
    if rows:
        header = [_("Periode", lang), _("Gebied", lang), _("Waarde", lang), _("Status", lang), _("Bron", lang)]
        _table(doc, header, rows)
    if section.concept:
        doc.add_heading(_("Toelichting (concepttekst, automatisch gemaakt)", lang), level=3)
    else:
        doc.add_heading(_("Toelichting", lang), level=3)
    for paragraph in _plain(section.explanation):
        doc.add_paragraph(paragraph)


def _chart(doc: DocxDocument, section: GoalSection, report: Report) -> None:
    from koers.reports import charts

    spec = charts.goal_chart(
        section.goal,
        section.assessment,
        section.measurements,
        lang=report.lang,
        illustrative=report.illustrative,
        names=report.area_names,
    )
    if spec is None:
        return
    png = charts.render_png(spec, report.lang)
    doc.add_picture(io.BytesIO(png), width=Cm(16))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.LEFT
    caption = doc.add_paragraph(
        charts.text_alternative(
            section.goal, section.assessment, section.measurements, report.lang, names=report.area_names
        )
    )
    caption.runs[0].italic = True


def _plain(markdown: str) -> list[str]:
    """Markdown as plain paragraphs (Word gets text, not markup)."""
    html = to_html(markdown).replace("</p>", "\n\n").replace("</li>", "\n")
    text = nh3.clean(html, tags=set())
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _table(doc: DocxDocument, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
