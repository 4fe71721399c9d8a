# SPDX-License-Identifier: EUPL-1.2
"""The report's tables as an Excel workbook: every goal with its numbers and status, every
measurement shown, the BBV indicators, the sources and the SMART findings.

A column whose name is the same in every language (``goal``, ``status``, ``ci_low``) is a key
for whoever reads the workbook with a tool, so it is not translated; the others are words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from koers.domain.formatting import format_unavailable
from koers.domain.judging import Point
from koers.domain.measurements import Measurement, Unavailable
from koers.exports import keep_text
from koers.i18n import pgettext, translator
from koers.reports.model import Report

#: A one-language ``_`` (koers.i18n.translator).
Translate = Callable[..., str]


@dataclass(frozen=True, slots=True)
class _Sheet:
    """One worksheet: its name, its column names and its rows."""

    title: str
    header: list[str]
    rows: list[list[Any]]


def write_xlsx(report: Report, path: Path) -> None:
    _ = translator(report.lang)
    workbook = Workbook()
    workbook.remove(workbook.active)
    note = _("ILLUSTRATIEVE CIJFERS: geen echte metingen.") if report.illustrative else None
    sheets = (_goals, _measurements, _bbv, _summary, _findings)
    for sheet in sheets:
        _add(workbook, sheet(report, _), note)
    workbook.save(path)


def _goals(report: Report, _: Translate) -> _Sheet:
    lang = report.lang
    header = [
        "goal",
        _("opgave"),
        _("doelstelling"),
        "status",
        _("toelichting status"),
        _("nulmeting"),
        _("periode nulmeting"),
        _("laatste waarde"),
        _("periode"),
        _("verouderd"),
        _("verwacht op pad"),
        _("aandeel afstand"),
        _("verschil met streefwaarde"),
        _("streefwaarde"),
        _("streefperiode"),
        _("prognose"),
        _("toelichting"),
        pgettext("rapport", "concept", report.lang),
    ]
    rows = [
        [
            g.goal.id,
            c.challenge.name,
            g.goal.statement,
            g.assessment.status.label(lang),
            g.assessment.message(lang),
            _value(g.assessment.baseline),
            _period(g.assessment.baseline, lang),
            _value(g.assessment.latest),
            _period(g.assessment.latest, lang),
            g.assessment.stale,
            g.assessment.expected,
            g.assessment.progress,
            g.assessment.gap,
            _value(g.assessment.target),
            _period(g.assessment.target, lang),
            g.assessment.forecast.value if g.assessment.forecast else None,
            g.explanation,
            g.concept,
        ]
        for c in report.challenges
        for g in c.goals
    ]
    return _Sheet(_("Doelen"), header, rows)


def _measurements(report: Report, _: Translate) -> _Sheet:
    header = [
        "goal",
        _("periode"),
        _("gebied"),
        _("waarde"),
        "status",
        "versie",
        "ci_low",
        "ci_high",
        _("bron"),
        _("verwijzing"),
    ]
    rows: list[list[Any]] = [
        [
            g.goal.id,
            m.period.code,
            m.area,
            _figure(m),
            m.status.value,
            m.version,
            m.ci_low,
            m.ci_high,
            m.source,
            m.source_ref,
        ]
        for g in report.goals
        for m in sorted(g.measurements, key=lambda m: m.period.sort_key)
    ]
    return _Sheet(_("Metingen"), header, rows)


def _bbv(report: Report, _: Translate) -> _Sheet:
    header = ["indicator", _("eenheid"), _("bron"), "taakveld", _("laatste waarde"), _("periode")]
    rows: list[list[Any]] = [
        [b.name, b.unit, b.source, b.taakveld, _figure(m) if m else None, m.period.code if m else None]
        for c in report.challenges
        for b, m in c.bbv
    ]
    return _Sheet("BBV", header, rows)


def _summary(report: Report, _: Translate) -> _Sheet:
    lang, counts = report.lang, report.rollup.counts
    rows: list[list[Any]] = [[s.label(lang), n] for s, n in counts.items()] + [[report.rollup.summary(lang), None]]
    return _Sheet(_("Samenvatting"), ["status", _("aantal")], rows)


def _findings(report: Report, _: Translate) -> _Sheet:
    lang = report.lang
    # 'toelichting' is the finding's message here, the goal's explanation on the goals sheet
    header = ["goal", "code", _("ernst"), pgettext("bevinding", "toelichting", lang)]
    rows: list[list[Any]] = [[f.goal, f.code, f.severity.label(lang), f.message(lang)] for f in report.findings]
    return _Sheet(_("Meetbaarheid"), header, rows)


def _figure(m: Measurement) -> float | str:
    """A measurement's value as a number; a figure that is not there as its code with the
    reason ('n.b. (reden)'), text that no sum counts as 0."""
    if m.value is None or m.unavailable is not None:
        return format_unavailable(m.unavailable or Unavailable.NOT_AVAILABLE, m.note)
    return m.value


def _value(point: Point | None) -> float | None:
    return point.value if point is not None else None


def _period(point: Point | None, lang: str) -> str | None:
    return point.period.label(lang) if point is not None else None


def _add(workbook: Workbook, content: _Sheet, note: str | None) -> None:
    """The sheet, with the illustrative note above its header and the header frozen."""
    sheet = workbook.create_sheet(content.title)
    if note:
        sheet.append([note])
        sheet.cell(row=1, column=1).font = Font(bold=True, color="9B1C1C")
    sheet.append(content.header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = f"A{sheet.max_row + 1}"  # (reading a cell past the end would add a row)
    for row in content.rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            keep_text(cell)
