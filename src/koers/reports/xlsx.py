# SPDX-License-Identifier: EUPL-1.2
"""The report's tables as an Excel workbook: every goal with its numbers and status, every
measurement shown, the BBV indicators, the sources and the SMART findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from koers.reports.model import Report


def write_xlsx(report: Report, path: Path) -> None:
    lang = report.lang
    t = (lambda nl, en: nl) if lang == "nl" else (lambda nl, en: en)
    workbook = Workbook()
    workbook.remove(workbook.active)
    note = (
        t("ILLUSTRATIEVE CIJFERS: geen echte metingen.", "ILLUSTRATIVE FIGURES: not real measurements.")
        if report.illustrative
        else None
    )
    _sheet(
        workbook,
        t("Doelen", "Goals"),
        note,
        [
            "goal",
            t("opgave", "challenge"),
            t("doelstelling", "statement"),
            "status",
            t("toelichting status", "reason"),
            t("nulmeting", "baseline"),
            t("periode nulmeting", "baseline period"),
            t("laatste waarde", "latest"),
            t("periode", "period"),
            t("verwacht op pad", "expected"),
            t("aandeel afstand", "share covered"),
            t("verschil met streefwaarde", "gap"),
            t("streefwaarde", "target"),
            t("streefperiode", "target period"),
            t("prognose", "forecast"),
            t("toelichting", "explanation"),
            t("concept", "concept"),
        ],
        [
            [
                g.goal.id,
                c.challenge.name,
                g.goal.statement,
                g.assessment.status.label(lang),
                g.assessment.message(lang),
                _v(g.assessment.baseline, "value"),
                _p(g.assessment.baseline, lang),
                _v(g.assessment.latest, "value"),
                _p(g.assessment.latest, lang),
                g.assessment.expected,
                g.assessment.progress,
                g.assessment.gap,
                _v(g.assessment.target, "value"),
                _p(g.assessment.target, lang),
                g.assessment.forecast.value if g.assessment.forecast else None,
                g.explanation,
                g.concept,
            ]
            for c in report.challenges
            for g in c.goals
        ],
    )
    _sheet(
        workbook,
        t("Metingen", "Measurements"),
        note,
        [
            "goal",
            t("periode", "period"),
            t("gebied", "area"),
            t("waarde", "value"),
            "status",
            "versie",
            "ci_low",
            "ci_high",
            t("bron", "source"),
            t("verwijzing", "reference"),
        ],
        [
            [
                g.goal.id,
                m.period.code,
                m.area,
                m.value,
                m.status.value,
                m.version,
                m.ci_low,
                m.ci_high,
                m.source,
                m.source_ref,
            ]
            for g in report.goals
            for m in sorted(g.measurements, key=lambda m: m.period.sort_key)
        ],
    )
    _sheet(
        workbook,
        "BBV",
        note,
        [
            "indicator",
            t("eenheid", "unit"),
            t("bron", "source"),
            "taakveld",
            t("laatste waarde", "latest"),
            t("periode", "period"),
        ],
        [
            [b.name, b.unit, b.source, b.taakveld, m.value if m else None, m.period.code if m else None]
            for c in report.challenges
            for b, m in c.bbv
        ],
    )
    _sheet(
        workbook,
        t("Samenvatting", "Summary"),
        note,
        ["status", t("aantal", "count")],
        [[s.label(lang), n] for s, n in report.rollup.counts.items()] + [[report.rollup.summary(lang), None]],
    )
    _sheet(
        workbook,
        t("Meetbaarheid", "Measurability"),
        note,
        ["goal", "code", t("ernst", "severity"), t("toelichting", "message")],
        [[f.goal, f.code, f.severity.label(lang), f.message(lang)] for f in report.findings],
    )
    workbook.save(path)


def _v(point: Any, name: str) -> Any:
    return getattr(point, name) if point is not None else None


def _p(point: Any, lang: str) -> str | None:
    return point.period.label(lang) if point is not None else None


def _sheet(workbook: Workbook, title: str, note: str | None, header: list[str], rows: list[list[Any]]) -> None:
    sheet = workbook.create_sheet(title)
    if note:
        sheet.append([note])
        sheet.cell(row=1, column=1).font = Font(bold=True, color="9B1C1C")
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = f"A{sheet.max_row + 1}"  # (reading a cell past the end would add a row)
    for row in rows:
        sheet.append(row)
