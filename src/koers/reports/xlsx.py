# SPDX-License-Identifier: EUPL-1.2
"""The report's tables as an Excel workbook: every goal with its numbers and status, every
measurement shown, the BBV indicators, the money per challenge and year, the summary and the
SMART findings. Each goal says which way its status went since the previous report, as the
report's "what changed" section does.

Written for people who go on working in Excel: Dutch column names (English with ``--lang
en``), numbers as numbers with the format of their unit (``58,3%``, ``1.250``, ``€ 2.864``) and
rounded to the precision they were published with (no ``58.300000000001``), a forecast as an
estimate, the header row frozen with a filter on it, and columns as wide as what they hold.
Every text that a spreadsheet could take for a formula is kept as text (koers.exports).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from koers.domain.formatting import decimals_of, estimate, format_unavailable
from koers.domain.judging import Point
from koers.domain.measurements import Measurement, Unavailable
from koers.domain.money import AmountKind
from koers.domain.units import WHOLE_UNITS, Unit, UnitKind, parse_unit_text
from koers.exports import keep_text
from koers.i18n import pgettext, translator
from koers.reports.model import GoalSection, Report

#: A one-language ``_`` (koers.i18n.translator).
Translate = Callable[..., str]

#: Column widths, in characters: at least the narrowest, at most the widest (longer text wraps).
MIN_WIDTH, MAX_WIDTH = 8, 60
#: The format of a share (the part of the distance covered, the part of a budget spent): a real
#: Excel percentage.
SHARE_FORMAT: Final = "0%"
#: The format of an amount in euro: Excel's own currency format for the euro (Dutch), so Excel
#: counts the cell as currency; whole euros, or with cents where amounts have them.
EURO_FORMAT: Final = "[$€-413] #,##0"
EURO_CENTS_FORMAT: Final = "[$€-413] #,##0.00"
WRAP: Final = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True, slots=True)
class Number:
    """A number cell: its value, rounded as published, and the Excel format that shows it."""

    value: float
    format: str
    #: Roughly as Excel shows it, for the column's width.
    shown: str


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
    sheets = (_goals, _measurements, _bbv, _money, _summary, _findings)
    for sheet in sheets:
        _add(workbook, sheet(report, _), note)
    workbook.save(path)


# -- numbers ----------------------------------------------------------------------------------


def number_format(unit: Unit | None, decimals: int) -> str:
    """The Excel format of a value in ``unit`` with ``decimals``: ``0.0"%"`` (the value is the
    percentage itself, 58.3), ``#,##0`` for counts, :data:`EURO_FORMAT` for euros."""
    if unit is not None and unit.kind == UnitKind.EURO:
        return EURO_FORMAT
    whole = (unit is not None and unit.kind in WHOLE_UNITS) or decimals <= 0
    body = "#,##0" if whole else "#,##0." + "0" * decimals
    if unit is not None and unit.kind == UnitKind.PERCENTAGE:
        return ("0" if whole else "0." + "0" * decimals) + '"%"'
    return body


def precision(unit: Unit | None, values: Iterable[float | None]) -> int:
    """The decimals the figures of one goal are published with: none for whole things, else the
    most any of them has (up to koers.domain.formatting.MAX_DECIMALS)."""
    if unit is not None and unit.kind in WHOLE_UNITS:
        return 0
    return max((decimals_of(v) for v in values if v is not None), default=0)


def number(value: float | None, unit: Unit | None, decimals: int) -> Number | None:
    """``value`` rounded to ``decimals`` (whole for whole things), with its format."""
    if value is None:
        return None
    if unit is not None and unit.kind in WHOLE_UNITS:
        decimals = 0
    rounded = round(value, decimals) if decimals > 0 else round(value)
    kind = unit.kind if unit is not None else None
    shown = (
        f"{'€ ' if kind == UnitKind.EURO else ''}{rounded:,.{decimals}f}{'%' if kind == UnitKind.PERCENTAGE else ''}"
    )
    return Number(rounded, number_format(unit, decimals), shown)


def _estimate(value: float | None, unit: Unit | None) -> Number | None:
    """A forecast, as an estimate: whole from 100 up or in a unit of whole things, else one decimal."""
    if value is None:
        return None
    about = estimate(value, unit)
    return number(about, unit, decimals_of(about))


def _share(value: float | None) -> Number | None:
    """The part of the distance covered (0.87), shown as a whole percentage (87%)."""
    return None if value is None else Number(round(value, 2), SHARE_FORMAT, f"{value * 100:.0f}%")


def euro(value: float | None, cents: bool) -> Number | None:
    """An amount in euro as a currency cell: whole euros, or with ``cents``."""
    if value is None:
        return None
    rounded = round(value, 2) if cents else round(value)
    shown = f"€ {rounded:,.2f}" if cents else f"€ {rounded:,.0f}"
    return Number(rounded, EURO_CENTS_FORMAT if cents else EURO_FORMAT, shown)


def _section_decimals(section: GoalSection) -> int:
    a = section.assessment
    values: list[float | None] = [p.value for p in (a.baseline, a.target, a.latest) if p is not None]
    for m in section.measurements:
        values += [m.value, m.ci_low, m.ci_high]
    return precision(section.goal.unit, values)


# -- the sheets -------------------------------------------------------------------------------


def _goals(report: Report, _: Translate) -> _Sheet:
    lang = report.lang
    header = [
        _("doel"),
        _("opgave"),
        _("doelstelling"),
        _("eenheid"),
        _("status"),
        _("toelichting status"),
        _("sinds de vorige rapportage"),
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
        pgettext("rapport", "concept", lang),
    ]
    rows = []
    for c in report.challenges:
        for g in c.goals:
            a, unit, decimals = g.assessment, g.goal.unit, _section_decimals(g)
            rows.append(
                [
                    g.goal.id,
                    c.challenge.name,
                    g.goal.statement,
                    unit.label_text(lang) if unit is not None else None,
                    a.status.label(lang),
                    a.message(lang),
                    g.trend.label(lang),
                    number(_value(a.baseline), unit, decimals),
                    _period(a.baseline, lang),
                    number(_value(a.latest), unit, decimals),
                    _period(a.latest, lang),
                    a.stale,
                    number(a.expected, unit, decimals),
                    _share(a.progress),
                    number(a.gap, unit, decimals),
                    number(_value(a.target), unit, decimals),
                    _period(a.target, lang),
                    _estimate(a.forecast.value if a.forecast else None, unit),
                    g.explanation,
                    g.concept,
                ]
            )
    return _Sheet(_("Doelen"), header, rows)


def _measurements(report: Report, _: Translate) -> _Sheet:
    lang, names = report.lang, report.area_names
    header = [
        _("doel"),
        _("periode"),
        _("gebied"),
        _("waarde"),
        _("status"),
        _("versie"),
        _("marge ondergrens"),
        _("marge bovengrens"),
        _("bron"),
        _("verwijzing"),
    ]
    rows: list[list[Any]] = []
    for g in report.goals:
        unit, decimals = g.goal.unit, _section_decimals(g)
        rows += [
            [
                g.goal.id,
                m.period.label(lang),
                names.get(m.area, m.area),
                _figure(m, unit, decimals),
                m.status.label(lang),
                m.version,
                number(m.ci_low, unit, decimals),
                number(m.ci_high, unit, decimals),
                m.source,
                m.source_ref,
            ]
            for m in sorted(g.measurements, key=lambda m: m.period.sort_key)
        ]
    return _Sheet(_("Metingen"), header, rows)


def _bbv(report: Report, _: Translate) -> _Sheet:
    lang = report.lang
    header = [
        _("indicator"),
        _("eenheid"),
        _("bron"),
        _("taakveld"),
        _("laatste waarde"),
        _("periode"),
    ]
    rows: list[list[Any]] = []
    for c in report.challenges:
        for b, m in c.bbv:
            unit = parse_unit_text(b.unit)
            figure = _figure(m, unit, precision(unit, [m.value])) if m else None
            rows.append([b.name, b.unit, b.source, b.taakveld, figure, m.period.label(lang) if m else None])
    return _Sheet("BBV", header, rows)


def _money(report: Report, _: Translate) -> _Sheet:
    """Per challenge and year the three amounts, in euro, and the share spent, as the report's
    table *Besteed en begroot*; with the sources the amounts came from."""
    header = [
        _("opgave"),
        _("jaar"),
        _("begroot"),
        _("gewijzigde begroting"),
        _("gerealiseerd"),
        _("besteed"),
        _("bron"),
    ]
    years = [(c, y) for c in report.challenges if c.money is not None for y in c.money.years]
    amounts = [a for _c, y in years for a in (y.budget, y.revised, y.actual) if a is not None]
    cents = any(round(a, 2) != round(a) for a in amounts)
    rows: list[list[Any]] = [
        [
            c.challenge.name,
            y.year,
            euro(y.budget, cents),
            euro(y.revised, cents),
            euro(y.actual, cents),
            _share(y.spent_share),
            "; ".join(dict.fromkeys(s for kind in AmountKind if (s := y.source(kind)))) or None,
        ]
        for c, y in years
    ]
    return _Sheet(_("Geld"), header, rows)


def _summary(report: Report, _: Translate) -> _Sheet:
    lang, counts = report.lang, report.rollup.counts
    rows: list[list[Any]] = [[s.label(lang), number(n, None, 0)] for s, n in counts.items()]
    rows.append([report.rollup.summary(lang), None])
    return _Sheet(_("Samenvatting"), [_("status"), _("aantal")], rows)


def _findings(report: Report, _: Translate) -> _Sheet:
    lang = report.lang
    # 'toelichting' is the finding's message here, the goal's explanation on the goals sheet
    header = [_("doel"), _("code"), _("ernst"), pgettext("bevinding", "toelichting", lang)]
    rows: list[list[Any]] = [[f.goal, f.code, f.severity.label(lang), f.message(lang)] for f in report.findings]
    return _Sheet(_("Meetbaarheid"), header, rows)


def _figure(m: Measurement, unit: Unit | None, decimals: int) -> Number | str | None:
    """A measurement's value as a number; a figure that is not there as its code with the
    reason ('n.b. (reden)'), text that no sum counts as 0."""
    if m.value is None or m.unavailable is not None:
        return format_unavailable(m.unavailable or Unavailable.NOT_AVAILABLE, m.note)
    return number(m.value, unit, decimals)


def _value(point: Point | None) -> float | None:
    return point.value if point is not None else None


def _period(point: Point | None, lang: str) -> str | None:
    return point.period.label(lang) if point is not None else None


# -- laying out a sheet -----------------------------------------------------------------------


def _add(workbook: Workbook, content: _Sheet, note: str | None) -> None:
    """The sheet, with the illustrative note above its header, the header frozen with a
    filter on it, numbers in their formats and columns as wide as they need."""
    sheet = workbook.create_sheet(content.title)
    if note:
        sheet.append([note])
        sheet.cell(row=1, column=1).font = Font(bold=True, color="9B1C1C")
    sheet.append(content.header)
    top = sheet.max_row
    for cell in sheet[top]:
        cell.font = Font(bold=True)
    for row in content.rows:
        sheet.append([v.value if isinstance(v, Number) else v for v in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, Number):
                cell.number_format = value.format
            keep_text(cell)
    # the header and the first column (the goal or indicator) stay in view
    sheet.freeze_panes = f"{'B' if len(content.header) > 2 else 'A'}{top + 1}"
    last = get_column_letter(len(content.header))
    sheet.auto_filter.ref = f"A{top}:{last}{max(sheet.max_row, top + 1)}"
    _widths(sheet, content, top)


def _widths(sheet: Worksheet, content: _Sheet, top: int) -> None:
    """Each column as wide as its widest cell, between MIN_WIDTH and MAX_WIDTH; longer texts wrap."""
    for index, name in enumerate(content.header):
        shown = [_shown(row[index]) for row in content.rows if index < len(row)]
        widest = max([len(name) + 3, *(len(s) for s in shown)])  # + room for the filter button
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = min(max(widest + 1, MIN_WIDTH), MAX_WIDTH)
        if widest > MAX_WIDTH:
            for cells in sheet.iter_rows(min_row=top + 1, min_col=index + 1, max_col=index + 1):
                cells[0].alignment = WRAP


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Number):
        return value.shown
    if isinstance(value, bool):
        return "ONWAAR"  # the longer of WAAR/ONWAAR (TRUE/FALSE)
    return max(str(value).splitlines() or [""], key=len)
