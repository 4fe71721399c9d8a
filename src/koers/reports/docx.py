# SPDX-License-Identifier: EUPL-1.2
"""The report as a Word document, ready to paste into planning-and-control documents:
real headings, real tables, and each chart as an image with its text alternative."""

from __future__ import annotations

import io
from pathlib import Path

import nh3
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from koers.domain.formatting import format_euro, format_value
from koers.reports.markdown import to_html
from koers.reports.model import GoalSection, Report


def write_docx(report: Report, path: Path) -> None:
    lang = report.lang
    t = (lambda nl, en: nl) if lang == "nl" else (lambda nl, en: en)
    doc = Document()
    doc.core_properties.title = f"{t('Monitoringsrapportage', 'Monitoring report')} {report.period.label(lang)}"
    doc.core_properties.language = lang
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    _cover(doc, report, t)
    doc.add_heading(t("Samenvatting", "Summary"), level=1)
    doc.add_paragraph(report.rollup.summary(lang))
    _overview(doc, report, t)
    for section in report.challenges:
        c = section.challenge
        doc.add_heading(c.name, level=1)
        if c.aim:
            doc.add_paragraph(c.aim)
        if c.budget:
            doc.add_paragraph(
                f"{t('Budget', 'Budget')}: {format_euro(c.budget.amount, lang)}"
                + (f" ({c.budget.basis})" if c.budget.basis else "")
            )
        if section.policy_areas:
            doc.add_paragraph(
                f"{t('Beleidsterreinen', 'Policy areas')}: "
                + "; ".join(a.name + (f" ({', '.join(a.laws)})" if a.laws else "") for a in section.policy_areas)
            )
        doc.add_paragraph(section.rollup.summary(lang))
        for goal in section.goals:
            _goal(doc, goal, report, t)
    doc.add_heading(t("Bijlage: aandachtspunten meetbaarheid", "Annex: measurability findings"), level=1)
    rows = [[f.goal or "-", f.severity.label(lang), f.message(lang)] for f in report.findings]
    _table(doc, [t("Doel", "Goal"), t("Ernst", "Severity"), t("Aandachtspunt", "Finding")], rows)
    doc.save(path)


def _cover(doc: Document, report: Report, t) -> None:  # type: ignore[no-untyped-def]
    lang = report.lang
    doc.add_paragraph(f"{t('Gemeente', 'Municipality of')} {report.plan.municipality.name}")
    doc.add_heading(f"{t('Monitoringsrapportage', 'Monitoring report')} {report.period.label(lang)}", level=0)
    doc.add_paragraph(report.plan.title)
    status = t("Concept", "Draft") if report.status == "concept" else t("Vastgesteld", "Adopted")
    doc.add_paragraph(f"Status: {status} · {t('Datum', 'Date')}: {report.made_on.isoformat()}")
    if report.illustrative:
        warning = doc.add_paragraph()
        run = warning.add_run(
            t(
                "Illustratieve cijfers: dit zijn geen echte metingen.",
                "Illustrative figures: these are not real measurements.",
            )
        )
        run.bold = True


def _overview(doc: Document, report: Report, t) -> None:  # type: ignore[no-untyped-def]
    lang = report.lang
    rows = []
    for g in report.goals:
        a = g.assessment
        rows.append(
            [
                g.goal.id,
                a.status.label(lang) + (" *" if a.override else ""),
                format_value(a.latest.value, g.goal.unit, lang) if a.latest else "-",
                format_value(a.target.value, g.goal.unit, lang) if a.target else "-",
            ]
        )
    _table(doc, [t("Doel", "Goal"), "Status", t("Laatste waarde", "Latest value"), t("Streefwaarde", "Target")], rows)


def _goal(doc: Document, section: GoalSection, report: Report, t) -> None:  # type: ignore[no-untyped-def]
    lang, goal, a = report.lang, section.goal, section.assessment
    doc.add_heading(goal.id + (f" · {goal.indicator.name}" if goal.indicator else ""), level=2)
    doc.add_paragraph(goal.statement, style="Intense Quote")
    verdict = doc.add_paragraph()
    verdict.add_run(a.status.label(lang) + ". ").bold = True
    verdict.add_run(a.message(lang))
    _chart(doc, section, report)
    rows = [
        [
            m.period.label(lang),
            m.area,
            format_value(m.value, goal.unit, lang),
            t("definitief", "final") if m.status.value == "final" else t("voorlopig", "provisional"),
            m.source_ref or m.source or "",
        ]
        for m in sorted(section.measurements, key=lambda m: m.period.sort_key)
    ]
    if rows:
        _table(
            doc,
            [t("Periode", "Period"), t("Gebied", "Area"), t("Waarde", "Value"), "Status", t("Bron", "Source")],
            rows,
        )
    label = t("Toelichting", "Explanation") + (
        t(" (concepttekst, automatisch gemaakt)", " (concept text, made automatically)") if section.concept else ""
    )
    doc.add_heading(label, level=3)
    for paragraph in _plain(section.explanation):
        doc.add_paragraph(paragraph)


def _chart(doc: Document, section: GoalSection, report: Report) -> None:
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


def _table(doc: Document, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
