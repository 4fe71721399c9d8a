# SPDX-License-Identifier: EUPL-1.2
"""The chart of one goal, defined once as a Vega-Lite spec for the web page and the printed report.

A council member should see at a glance where a goal started, where it must end, which path
leads there and where the figures are now. The chart therefore shows the baseline, every
measurement (per wijk for a goal that holds in every wijk) with its 95% interval where the
source gives one, the path from baseline to target, the target (or the allowed area of a
bound), and the forecast. Provisional figures are drawn open; a figure that is not there
(n.b., n.n.b., n.a.) leaves a gap in its line, never a 0, with its code written at the
bottom of the plot. Every element differs in shape
or dash as well as in colour (the Okabe-Ito palette, safe for colour blindness), carries a
tooltip in words, and the spec's description is the text alternative: the chart is never the
only carrier of the figures.

The spec holds its data inline and its number locale in its config, so the same dict renders
in the browser and, offline through vl-convert, as SVG for the printed report (16 x 8 cm on
A4, with fonts that stay readable there).
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from types import MappingProxyType
from typing import Any, Final, Literal

import altair as alt
import vl_convert
from altair.utils.schemapi import debug_mode

from koers.domain.assessment import Assessment
from koers.domain.baselines import BaselineStatus
from koers.domain.forecast import Forecast
from koers.domain.formatting import estimate, format_figure, format_number, format_value
from koers.domain.goals import Goal
from koers.domain.judging import Point, expected_value
from koers.domain.measurements import Measurement, MeasurementStatus, current_version
from koers.domain.periods import Period
from koers.domain.target_words import target_words
from koers.domain.targets import BandOpen, Direction
from koers.domain.units import WHOLE_UNITS, Unit, UnitKind
from koers.i18n import N_, _

#: Size in pixels at 96 dpi: 16 x 8 cm, the width of an A4 text column.
WIDTH, HEIGHT = 605, 302

#: 605 px x 3.125 = 1,890 px: 300 dpi over 16 cm.
PNG_SCALE = 3.125

#: Characters of the title on one line (15 px bold in 605 px); a longer name wraps.
TITLE_CHARACTERS = 70

#: Okabe & Ito (2008), distinguishable with every common form of colour blindness.
BLACK, ORANGE, SKY_BLUE, GREEN = "#000000", "#E69F00", "#56B4E9", "#009E73"
BLUE, VERMILLION, PURPLE, GREY = "#0072B2", "#D55E00", "#CC79A7", "#595959"
ALLOWED_FILL = "#DDEFFA"  # sky blue, lightened: an area behind the figures
SERIES_COLOURS = (BLUE, PURPLE, GREEN, SKY_BLUE, ORANGE)
SERIES_SHAPES = ("circle", "triangle-down", "cross", "triangle-right", "triangle-left")
SOLID: tuple[int, ...] = (1, 0)
DASHED: tuple[int, ...] = (6, 4)

#: The locales vl-convert knows by name, and the number locale the spec carries itself.
FormatLocale = Literal["nl-NL", "en-US"]
FORMAT_LOCALES: Final[dict[str, FormatLocale]] = {"nl": "nl-NL", "en": "en-US"}
NUMBER_LOCALES: Final[dict[str, dict[str, Any]]] = {
    "nl": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]},
}

#: The words on the chart (legend, title, axis), looked up in the reader's language.
WORDS: Final[dict[str, str]] = {
    "measurement": N_("meting"),
    "provisional": N_("voorlopige meting"),
    "baseline": N_("nulmeting"),
    "path": N_("pad naar streefwaarde"),
    "target": N_("streefwaarde"),
    "allowed": N_("toegestaan"),
    "band": N_("marge"),
    "range": N_("bandbreedte"),
    "forecast": N_("prognose"),
    "illustrative": N_("Illustratieve cijfers"),
    "intervals": N_("Verticale lijnen: 95%-interval"),
    "x_title": N_("stand aan het eind van de periode"),
}


@cache
def words(lang: str) -> Mapping[str, str]:
    """:data:`WORDS` in ``lang``, looked up once per language (a chart uses them many times)."""
    return MappingProxyType({key: _(text, lang) for key, text in WORDS.items()})


@dataclass(frozen=True, slots=True)
class _Entry:
    """One line of the legend: how a kind of element is drawn."""

    label: str
    stroke: str
    fill: str
    shape: str
    dash: tuple[int, ...] = SOLID


@dataclass(frozen=True, slots=True)
class _Context:
    goal: Goal
    assessment: Assessment
    lang: str
    words: Mapping[str, str]
    legend: tuple[_Entry, ...]
    domain: tuple[date, date]


# -- the chart ------------------------------------------------------------------------------


def goal_chart(
    goal: Goal,
    assessment: Assessment,
    measurements: Iterable[Measurement],
    *,
    lang: str = "nl",
    illustrative: bool = False,
    names: Mapping[str, str] | None = None,
) -> dict[str, Any] | None:
    """The Vega-Lite spec of ``goal``'s chart; None when there is no figure at all to draw.

    ``names`` gives the names of the areas (wijken) the measurements are stored under.
    """
    series = _series(goal, assessment, measurements)
    if not _drawable(assessment, series):
        return None
    chart_words = words(lang)
    labels = {area: _area_label(area, names, chart_words, len(series)) for area in series}
    legend = _legend(goal, assessment, series, labels, chart_words)
    ctx = _Context(goal, assessment, lang, chart_words, legend, _domain(assessment, series))
    with debug_mode(False):  # Altair validates every part as it is built: 0.2 s a chart, for tested code
        return _spec(goal, assessment, measurements, ctx, series, labels, illustrative, lang, names)


def _spec(
    goal: Goal,
    assessment: Assessment,
    measurements: Iterable[Measurement],
    ctx: _Context,
    series: Mapping[str, list[Measurement]],
    labels: dict[str, str],
    illustrative: bool,
    lang: str,
    names: Mapping[str, str] | None,
) -> dict[str, Any]:
    layers = [
        *_allowed_layers(ctx),
        *_path_layers(ctx),
        *_measurement_layers(ctx, series, labels),
        *_baseline_layers(ctx),
        *_target_layers(ctx),
        *_forecast_layers(ctx),
    ]
    # The layers are combined as plain dicts: alt.layer() deep-copies every layer (1 s a report).
    parts = [layer.to_dict(validate=False) for layer in layers]
    datasets: dict[str, Any] = {}
    for part in parts:
        schema = part.pop("$schema", None)
        part.pop("config", None)
        datasets.update(part.pop("datasets", {}))
    spec: dict[str, Any] = {
        "$schema": schema,
        "layer": parts,
        "width": WIDTH,
        "height": HEIGHT,
        "title": _title(ctx, series, illustrative).to_dict(validate=False),
        "description": text_alternative(goal, assessment, measurements, lang, names=names),
        "autosize": {"type": "fit", "contains": "padding"},
        "config": _config(lang),
        "padding": {"left": 5, "top": 5, "right": 20, "bottom": 5},  # room for the legend's longest label
    }
    if datasets:
        spec["datasets"] = datasets
    return spec


def render_svg(spec: dict[str, Any], lang: str = "nl") -> str:
    """The chart as a self-contained SVG, rendered offline (no remote data, fonts or scripts): one
    image named by its title, with the text alternative as its description."""
    locale = _locale(lang)
    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[], format_locale=locale, time_format_locale=locale)
    text = spec.get("title", {}).get("text", "")
    title = html.escape(" ".join(text) if isinstance(text, list) else text)
    opening, rest = svg.split(">", 1)
    return (
        f'{opening} role="img" aria-label="{title}"><title>{title}</title>'
        f"<desc>{html.escape(spec.get('description', ''))}</desc>{rest}"
    )


def render_png(spec: dict[str, Any], lang: str = "nl") -> bytes:
    """The chart as PNG for documents that take no SVG (Word): 16 cm wide at 300 dpi."""
    locale = _locale(lang)
    return vl_convert.vegalite_to_png(
        spec, scale=PNG_SCALE, allowed_base_urls=[], format_locale=locale, time_format_locale=locale
    )


def _locale(lang: str) -> FormatLocale:
    """The number and date locale vl-convert renders ``lang`` with."""
    return FORMAT_LOCALES.get(lang, "en-US")


def _series(goal: Goal, assessment: Assessment, measurements: Iterable[Measurement]) -> dict[str, list[Measurement]]:
    """The current figures per area to draw, in time order: the wijken of a per-wijk goal, else
    the area the assessment used."""
    versions: dict[tuple[str, str, str], list[Measurement]] = {}
    for m in measurements:
        if m.subject == goal.id:
            versions.setdefault(m.key, []).append(m)
    figures = [v for v in (current_version(vs) for vs in versions.values()) if v is not None]
    if assessment.areas:
        areas = [a.area for a in assessment.areas]
    elif assessment.used:
        areas = [assessment.used[-1][2]]
    else:
        areas = sorted({m.area for m in figures})
    return {area: sorted((m for m in figures if m.area == area), key=lambda m: m.period) for area in areas}


def _drawable(assessment: Assessment, series: Mapping[str, list[Measurement]]) -> bool:
    """Whether there is a figure to draw: a baseline or a measurement that is there (a target,
    or only figures that are not there, is no chart)."""
    return assessment.baseline is not None or any(m.available for figures in series.values() for m in figures)


def _area_label(area: str, names: Mapping[str, str] | None, words: Mapping[str, str], count: int) -> str:
    return (names or {}).get(area, area) if count > 1 else words["measurement"]


def _legend(
    goal: Goal,
    assessment: Assessment,
    series: Mapping[str, list[Measurement]],
    labels: Mapping[str, str],
    words: Mapping[str, str],
) -> tuple[_Entry, ...]:
    entries = [
        _Entry(
            labels[area],
            SERIES_COLOURS[i % len(SERIES_COLOURS)],
            SERIES_COLOURS[i % len(SERIES_COLOURS)],
            SERIES_SHAPES[i % len(SERIES_SHAPES)],
        )
        for i, area in enumerate(a for a, figures in series.items() if any(m.available for m in figures))
    ]
    if any(m.status == MeasurementStatus.PROVISIONAL and m.available for figures in series.values() for m in figures):
        entries.append(_Entry(words["provisional"], GREY, "#FFFFFF", "circle"))
    if assessment.baseline is not None:
        entries.append(_Entry(words["baseline"], BLACK, BLACK, "square"))
    if _path(goal, assessment):
        entries.append(_Entry(words["path"], GREY, "transparent", "stroke", DASHED))
    if assessment.target is not None and not _band_target(assessment):
        entries.append(_Entry(words["target"], VERMILLION, VERMILLION, "diamond"))
    if _allowed(goal, assessment) is not None:
        entries.append(_Entry(_allowed_label(goal, words, assessment), "transparent", ALLOWED_FILL, "square"))
    if assessment.forecast is not None:
        entries.append(_Entry(words["forecast"], ORANGE, ORANGE, "triangle-up"))
    return tuple(entries)


def _domain(assessment: Assessment, series: Mapping[str, list[Measurement]]) -> tuple[date, date]:
    """From half a year before the first figure (and at least the end of the year before) to nine
    months after the target or the last figure: room for the labels beside the points at either
    end, and a year tick even when there is a single figure."""
    ends = [m.period.end for figures in series.values() for m in figures]
    ends += [p.period.end for p in (assessment.baseline, assessment.target) if p is not None]
    first, last = min(ends), max(ends)
    year_end = first if (first.month, first.day) == (12, 31) else date(first.year - 1, 12, 31)
    return min(first - timedelta(days=183), year_end - timedelta(days=60)), last + timedelta(days=274)


def _title(ctx: _Context, series: Mapping[str, list[Measurement]], illustrative: bool) -> alt.TitleParams:
    goal, words = ctx.goal, ctx.words
    name = goal.title or (goal.indicator.name if goal.indicator else goal.statement)
    notes = [_("Status: {status}", ctx.lang, status=ctx.assessment.status.label(ctx.lang))]
    if illustrative:
        notes.insert(0, words["illustrative"])
    if any(m.ci_low is not None and m.ci_high is not None for figures in series.values() for m in figures) or (
        ctx.assessment.forecast is not None
    ):
        notes.append(words["intervals"])
    return alt.TitleParams(
        text=textwrap.wrap(f"{goal.id} {name}", TITLE_CHARACTERS), subtitle=" · ".join(notes), anchor="start"
    )


def _config(lang: str) -> dict[str, Any]:
    """Sizes readable on A4 at 16 cm wide (11 px is 8 pt there); Dutch numbers in the spec itself."""
    config: dict[str, Any] = {
        "view": {"stroke": None},
        "title": {
            "fontSize": 15,
            "subtitleFontSize": 12,
            "subtitleColor": "#333333",
            "subtitlePadding": 4,
            "offset": 10,
        },
        "axis": {
            "labelFontSize": 11,
            "titleFontSize": 11,
            "titleFontWeight": "normal",
            "titleColor": "#333333",
            "labelColor": "#333333",
            "gridColor": "#E6E6E6",
            "domainColor": "#888888",
            "tickColor": "#888888",
        },
        "legend": {
            "labelFontSize": 11,
            "symbolSize": 110,
            "symbolStrokeWidth": 2,
            "labelLimit": 220,
            "orient": "right",
            "rowPadding": 6,
        },
    }
    number_locale = NUMBER_LOCALES.get(lang)
    if number_locale is not None:
        config["locale"] = {"number": number_locale}
    return config


# -- encodings --------------------------------------------------------------------------------


def _x(ctx: _Context) -> alt.X:
    """Each figure at the end of its period (the state it describes), with a tick at every year's end."""
    start, end = ctx.domain
    years = [_datetime(date(y, 12, 31)) for y in range(start.year, end.year) if date(y, 12, 31) >= start]
    return alt.X(
        "date:T",
        title=ctx.words["x_title"],
        scale=alt.Scale(type="utc", domain=[_datetime(start), _datetime(end)], nice=False),
        axis=alt.Axis(values=years, labelExpr="utcFormat(datum.value, '%Y')", labelFlush=False),
    )


def _y(ctx: _Context, field: str = "value") -> alt.Y:
    """The value in the goal's unit, named on the axis; whole things get whole ticks (no 4,5 initiatives)."""
    unit = ctx.goal.unit
    whole = unit is not None and unit.kind in WHOLE_UNITS
    return alt.Y(
        f"{field}:Q",
        title=_unit_title(unit, ctx.lang),
        scale=alt.Scale(zero=False, nice=True, padding=24),
        axis=alt.Axis(tickCount=6, tickMinStep=1 if whole else alt.Undefined),
    )


def _datetime(day: date) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day, utc=True)


def _unit_title(unit: Unit | None, lang: str) -> str:
    return unit.label_text(lang) if unit is not None else ""


def _channel(ctx: _Context, channel: type, attribute: str) -> Any:
    """One channel of the shared legend: every layer maps 'series' through the same scales."""
    entries = ctx.legend
    values = [list(getattr(e, attribute)) if attribute == "dash" else getattr(e, attribute) for e in entries]
    return channel(
        "series:N", scale=alt.Scale(domain=[e.label for e in entries], range=values), legend=alt.Legend(title=None)
    )


def _symbols(ctx: _Context) -> dict[str, Any]:
    return {
        "stroke": _channel(ctx, alt.Stroke, "stroke"),
        "fill": _channel(ctx, alt.Fill, "fill"),
        "shape": _channel(ctx, alt.Shape, "shape"),
    }


def _lines(ctx: _Context) -> dict[str, Any]:
    return {"stroke": _channel(ctx, alt.Stroke, "stroke"), "strokeDash": _channel(ctx, alt.StrokeDash, "dash")}


#: Altair's inline data, with the type its untyped constructor has. (alt.InlineData is typed, but
#: Altair moves its rows out of the layer into top-level datasets; alt.Data keeps them inline.)
_Data: Final[Callable[..., alt.Data]] = alt.Data


def _chart(name: str, rows: list[dict[str, Any]]) -> alt.Chart:
    return alt.Chart(_Data(values=rows), name=name)


# -- layers ---------------------------------------------------------------------------------


def _allowed_layers(ctx: _Context) -> list[alt.Chart]:
    """A bound shaded as the allowed area up to the edge of the plot, or a 'keep equal' band."""
    allowed = _allowed(ctx.goal, ctx.assessment)
    if allowed is None:
        return []
    low, high = allowed
    y2: alt.Y2 | Mapping[str, Any]
    row = {
        "series": _allowed_label(ctx.goal, ctx.words, ctx.assessment),
        "low": low,
        "high": high,
        "tip": _allowed_tip(ctx, low, high),
    }
    if low is None:  # at most: from the bound down
        y, y2 = _y(ctx, "high"), alt.value(alt.ExprRef("height"))
    elif high is None:  # at least: from the bound up
        y, y2 = _y(ctx, "low"), alt.value(0)
    else:
        y, y2 = _y(ctx, "low"), alt.Y2("high:Q")
    return [
        _chart("allowed", [row])
        .mark_rect(opacity=1)
        .encode(y=y, y2=y2, fill=_channel(ctx, alt.Fill, "fill"), tooltip=alt.Tooltip("tip:N"))
    ]


def _allowed_label(goal: Goal, words: Mapping[str, str], assessment: Assessment | None = None) -> str:
    if assessment is not None and _band_target(assessment):
        return words["range"]
    return words["band" if goal.judged_direction == Direction.MAINTAIN else "allowed"]


def _allowed(goal: Goal, assessment: Assessment) -> tuple[float | None, float | None] | None:
    """The allowed area as (low, high), None for an open side; None when the goal has none."""
    target, aim, direction = assessment.target, assessment.aim, goal.judged_direction
    if aim is not None and aim.is_band:  # a band target: the band itself, open on its open side
        return (
            None if aim.band_open == BandOpen.BELOW else aim.low,
            None if aim.band_open == BandOpen.ABOVE else aim.high,
        )
    if target is None or direction is None:
        return None
    if direction == Direction.AT_MOST:
        return (None, target.value)
    if direction == Direction.AT_LEAST:
        return (target.value, None)
    tolerance = aim.tolerance if aim is not None else None
    if direction == Direction.MAINTAIN and tolerance is not None:
        return tolerance.band(target.value)
    return None


def _allowed_tip(ctx: _Context, low: float | None, high: float | None) -> str:
    unit, lang = ctx.goal.unit, ctx.lang
    if _band_target(ctx.assessment) and ctx.assessment.aim is not None:
        return f"{ctx.words['range']}: {target_words(ctx.goal, ctx.assessment.aim, lang)}"
    if low is not None and high is not None:
        return f"{ctx.words['band']}: {_range(low, high, unit, lang)}"
    bound, value = (Direction.AT_MOST, high) if low is None else (Direction.AT_LEAST, low)
    return f"{ctx.words['allowed']}: {bound.label(lang)} {format_value(value or 0.0, unit, lang)}"


def _path(goal: Goal, assessment: Assessment) -> list[Point]:
    """The path from baseline to target as the assessment measures against it (level for a 'keep
    equal' goal, none for a bound already kept), with a point at every year's end in between, so
    that a compound '+x% per jaar' path is drawn as the curve it is."""
    base, target, direction = assessment.baseline, assessment.target, goal.judged_direction
    if base is None or target is None:
        return []
    if assessment.aim is not None and assessment.aim.is_band:  # a path only into the band from outside
        low, high = assessment.aim.low, assessment.aim.high
        return [base, target] if low is not None and high is not None and not low <= base.value <= high else []
    if direction is None:
        return []
    toward = (target.value - base.value) * (1 if _rising(goal) else -1)
    if direction in (Direction.AT_LEAST, Direction.AT_MOST) and toward <= 0:
        return []
    years = [Period.year(y) for y in range(base.period.end.year, target.period.end.year + 1)]
    between = [p for p in years if base.period.end < p.end < target.period.end]
    return [base, *(Point(expected_value(base, target, p, goal), p) for p in between), target]


def _path_layers(ctx: _Context) -> list[alt.Chart]:
    rows = [_row(ctx, ctx.words["path"], p.value, p.period) for p in _path(ctx.goal, ctx.assessment)]
    if not rows:
        return []
    return [
        _chart("path", rows)
        .mark_line(strokeWidth=2)
        .encode(x=_x(ctx), y=_y(ctx), tooltip=alt.Tooltip("tip:N"), **_lines(ctx))
    ]


def _measurement_layers(
    ctx: _Context, series: Mapping[str, list[Measurement]], labels: Mapping[str, str]
) -> list[alt.Chart]:
    """A line with a symbol per figure for every area; wijken side by side (a few pixels apart)
    where they share a period, so that their intervals stay apart."""
    rows = [
        _measurement_row(ctx, labels[area], m, offset=8 * i - 4 * (len(series) - 1), segment=segment)
        for i, (area, figures) in enumerate(series.items())
        for m, segment in _segments(figures)
    ]
    missing = [
        _unavailable_row(ctx, labels[area], m) for area, figures in series.items() for m in figures if not m.available
    ]
    if not rows:
        return _unavailable_layers(ctx, missing)
    line = (
        _chart("measurements-line", rows)
        .mark_line(strokeWidth=2, xOffset=_OFFSET)
        .encode(x=_x(ctx), y=_y(ctx), detail=[alt.Detail("series:N"), alt.Detail("segment:O")], **_lines(ctx))
    )
    points = (
        _chart("measurements", rows)
        .mark_point(filled=True, size=80, opacity=1, strokeWidth=2, xOffset=_OFFSET)
        .encode(
            x=_x(ctx),
            y=_y(ctx),
            tooltip=alt.Tooltip("tip:N"),
            stroke=_channel(ctx, alt.Stroke, "stroke"),
            shape=_channel(ctx, alt.Shape, "shape"),
            fill=alt.when(alt.datum.provisional).then(alt.value("#FFFFFF")).otherwise(_channel(ctx, alt.Fill, "fill")),
        )
    )
    layers = [line, *_interval_layers(ctx, "intervals", [r for r in rows if "low" in r]), points]
    if len(series) == 1:
        expected = ctx.assessment.expected  # the path (or the target) there: write on the other side
        side: Side = "upper-right" if expected is None or rows[-1]["value"] >= expected else "lower-right"
        layers += _label_layers(ctx, "latest-label", [rows[-1]], side)
    return [*layers, *_unavailable_layers(ctx, missing)]


def _segments(figures: Sequence[Measurement]) -> Iterable[tuple[Measurement, int]]:
    """Each figure that is there, with the number of its stretch of line: a figure that is not
    there ends a stretch, so that the line has a gap there instead of bridging it."""
    segment = 0
    for m in figures:
        if m.available:
            yield m, segment
        else:
            segment += 1


def _unavailable_row(ctx: _Context, label: str, m: Measurement) -> dict[str, Any]:
    assert m.unavailable is not None
    tip = f"{label[:1].upper()}{label[1:]}, {m.period.label(ctx.lang)}: {format_figure(m, ctx.goal.unit, ctx.lang)}"
    return {"series": label, "date": m.period.end.isoformat(), "label": m.unavailable.value, "tip": tip}


def _unavailable_layers(ctx: _Context, rows: list[dict[str, Any]]) -> list[alt.Chart]:
    """A figure that is not there: its code at the bottom of the plot, at its period, with the
    reason in the tooltip; no point and no value, so nothing reads as 0."""
    if not rows:
        return []
    return [
        _chart("unavailable", rows)
        .mark_text(baseline="bottom", dy=-4, fontSize=10, fontStyle="italic", fill=GREY)
        .encode(x=_x(ctx), y=alt.value(alt.ExprRef("height")), text=alt.Text("label:N"), tooltip=alt.Tooltip("tip:N"))
    ]


#: Each row carries its own horizontal offset in pixels (Vega evaluates the expression per datum).
_OFFSET = alt.ExprRef("datum.offset")


def _measurement_row(ctx: _Context, label: str, m: Measurement, offset: int, segment: int = 0) -> dict[str, Any]:
    provisional = m.status == MeasurementStatus.PROVISIONAL
    assert m.value is not None
    row = _row(ctx, label, m.value, m.period)
    row.update(provisional=provisional, offset=offset, segment=segment)
    row["tip"] += f" ({m.status.label(ctx.lang)})"
    if m.ci_low is not None and m.ci_high is not None:
        row.update(_interval(ctx, m.ci_low, m.ci_high, row["tip"]))
    return row


def _interval(ctx: _Context, low: float, high: float, tip: str) -> dict[str, Any]:
    text = _("95%-interval {range}", ctx.lang, range=_range(low, high, ctx.goal.unit, ctx.lang))
    return {"low": low, "high": high, "tip": f"{tip}, {text}"}


def _interval_layers(ctx: _Context, name: str, rows: list[dict[str, Any]]) -> list[alt.Chart]:
    if not rows:
        return []
    return [
        _chart(name, rows)
        .mark_rule(strokeWidth=1.5, xOffset=_OFFSET)
        .encode(
            x=_x(ctx),
            y=_y(ctx, "low"),
            y2="high:Q",
            tooltip=alt.Tooltip("tip:N"),
            stroke=_channel(ctx, alt.Stroke, "stroke"),
        )
    ]


def _baseline_layers(ctx: _Context) -> list[alt.Chart]:
    base = ctx.assessment.baseline
    if base is None:
        return []
    rows = [_row(ctx, ctx.words["baseline"], base.value, base.period)]
    side: Side = "below" if _rising(ctx.goal) else "above"  # away from the path
    return [_point_layer(ctx, "baseline", rows), *_label_layers(ctx, "baseline-label", rows, side)]


def _target_layers(ctx: _Context) -> list[alt.Chart]:
    target = ctx.assessment.target
    if target is None or _band_target(ctx.assessment):  # a band is drawn as its allowed area
        return []
    rows = [_row(ctx, ctx.words["target"], target.value, target.period)]
    side: Side = "upper-left" if _rising(ctx.goal) else "lower-left"  # away from the path coming in
    return [_point_layer(ctx, "target", rows, size=150), *_label_layers(ctx, "target-label", rows, side)]


def _forecast_layers(ctx: _Context) -> list[alt.Chart]:
    forecast: Forecast | None = ctx.assessment.forecast
    target = ctx.assessment.target
    if forecast is None or target is None:
        return []
    unit = ctx.goal.unit
    row = _row(ctx, ctx.words["forecast"], _estimate(forecast.value, unit), target.period)
    row.update(_interval(ctx, _estimate(forecast.low, unit), _estimate(forecast.high, unit), row["tip"]))
    rows = [row]
    return [
        *_interval_layers(ctx, "forecast-interval", rows),
        _point_layer(ctx, "forecast", rows, size=110),
        *_label_layers(ctx, "forecast-label", rows, "right"),
    ]


def _band_target(assessment: Assessment) -> bool:
    return assessment.aim is not None and assessment.aim.is_band


def _rising(goal: Goal) -> bool:
    return goal.judged_direction in (Direction.INCREASE, Direction.AT_LEAST)


def _point_layer(ctx: _Context, name: str, rows: list[dict[str, Any]], size: int = 90) -> alt.Chart:
    # (Altair's mark methods are untyped: the layer is a Chart, as every mark method returns)
    layer: alt.Chart = (
        _chart(name, rows)
        .mark_point(filled=True, size=size, opacity=1, strokeWidth=1.5)
        .encode(x=_x(ctx), y=_y(ctx), tooltip=alt.Tooltip("tip:N"), **_symbols(ctx))
    )
    return layer


#: Where a label goes relative to its point: dx, dy, align, baseline.
Side = Literal["above", "below", "right", "upper-left", "lower-left", "upper-right", "lower-right"]
Align = Literal["left", "center", "right"]
Baseline = Literal["top", "middle", "bottom"]
_SIDES: Final[dict[Side, tuple[int, int, Align, Baseline]]] = {
    "above": (0, -10, "center", "bottom"),
    "below": (0, 10, "center", "top"),
    "right": (11, 0, "left", "middle"),
    "upper-left": (-8, -6, "right", "bottom"),
    "lower-left": (-8, 6, "right", "top"),
    "upper-right": (7, -6, "left", "bottom"),
    "lower-right": (7, 6, "left", "top"),
}


def _label_layers(ctx: _Context, name: str, rows: list[dict[str, Any]], side: Side) -> list[alt.Chart]:
    """The value written beside its point, so that the printed chart needs no ruler; on a white
    halo, so that it stays readable where it crosses a line."""
    dx, dy, align, baseline = _SIDES[side]
    halo = _chart(f"{name}-halo", rows).mark_text(
        dx=dx,
        dy=dy,
        align=align,
        baseline=baseline,
        fontSize=11,
        stroke="#FFFFFF",
        strokeWidth=3,
        strokeJoin="round",
        fill="#FFFFFF",
    )
    label = _chart(name, rows).mark_text(dx=dx, dy=dy, align=align, baseline=baseline, fontSize=11, fill="#222222")
    encoding = {"x": _x(ctx), "y": _y(ctx), "text": alt.Text("label:N")}
    return [halo.encode(**encoding), label.encode(**encoding)]


def _row(ctx: _Context, series: str, value: float, period: Period) -> dict[str, Any]:
    """One figure as data: where it sits, and how it reads on the chart and in the tooltip."""
    unit, lang = ctx.goal.unit, ctx.lang
    return {
        "series": series,
        "date": period.end.isoformat(),
        "value": value,
        "period": period.label(lang),
        "label": _short(value, unit, lang),
        "offset": 0,
        "tip": f"{series[:1].upper()}{series[1:]}, {period.label(lang)}: {format_value(value, unit, lang)}",
    }


def _estimate(value: float, unit: Unit | None) -> float:
    """A computed value (the forecast) as an estimate (koers.domain.formatting.estimate)."""
    return estimate(value, unit)


def _range(low: float, high: float, unit: Unit | None, lang: str) -> str:
    """'5.953 tot 6.077 toekenningen', '45,2% tot 51%': a unit after a number is written once."""
    each = unit is None or unit.kind in (UnitKind.PERCENTAGE, UnitKind.EURO)
    written_low = format_value(low, unit, lang) if each else format_number(low, lang)
    return _("{low} tot {high}", lang, low=written_low, high=format_value(high, unit, lang))


def _short(value: float, unit: Unit | None, lang: str) -> str:
    """A value as written on the chart: the unit is on the axis, except for % and euro."""
    if unit is not None and unit.kind in (UnitKind.PERCENTAGE, UnitKind.EURO):
        return format_value(value, unit, lang)
    return format_number(value, lang)


# -- the text alternative ---------------------------------------------------------------------


def text_alternative(
    goal: Goal,
    assessment: Assessment,
    measurements: Iterable[Measurement],
    lang: str = "nl",
    *,
    names: Mapping[str, str] | None = None,
) -> str:
    """One short paragraph in plain language with what the chart shows: baseline, latest figure,
    target, forecast and status. Also for a goal that has no chart, saying why."""
    series = _series(goal, assessment, measurements)
    sentences = [
        _baseline_sentence(goal, assessment, lang),
        _latest_sentence(goal, assessment, series, names or {}, lang),
        _target_sentence(goal, assessment, lang),
        _forecast_sentence(goal, assessment, lang),
        _("Status: {status}.", lang, status=assessment.status.label(lang)),
    ]
    if not _drawable(assessment, series):
        sentences.append(_("Er zijn nog geen cijfers, dus er is geen grafiek.", lang))
    return " ".join(s for s in sentences if s)


def _baseline_sentence(goal: Goal, assessment: Assessment, lang: str) -> str:
    base = assessment.baseline
    if base is not None:
        value = format_value(base.value, goal.unit, lang)
        return _("Nulmeting {period}: {value}.", lang, period=base.period.label(lang), value=value)
    if goal.baseline is not None and goal.baseline.status == BaselineStatus.PENDING:
        return _("De nulmeting volgt nog.", lang)
    return _("Er is geen nulmeting.", lang)


def _latest_sentence(
    goal: Goal, assessment: Assessment, series: Mapping[str, list[Measurement]], names: Mapping[str, str], lang: str
) -> str:
    after = {area: _after_baseline(assessment, figures) for area, figures in series.items()}
    if not any(after.values()) and assessment.baseline is None:
        return _("Er zijn nog geen metingen.", lang)
    if not any(after.values()):
        return _("Er is nog geen nieuwe meting.", lang)
    if len(after) == 1:
        latest = next(iter(after.values()))[-1]
        return _("Laatste meting {figure}.", lang, figure=_figure(goal, latest, lang))
    parts = [
        f"{names.get(area, area)} {_figure(goal, figures[-1], lang)}"
        if figures
        else _("{area} nog niet gemeten", lang, area=names.get(area, area))
        for area, figures in after.items()
    ]
    return _("Laatste meting per wijk: {figures}.", lang, figures="; ".join(parts))


def _after_baseline(assessment: Assessment, figures: Sequence[Measurement]) -> list[Measurement]:
    base = assessment.baseline
    return [m for m in figures if base is None or m.period.end > base.period.end]


def _figure(goal: Goal, m: Measurement, lang: str) -> str:
    provisional = f" ({m.status.label(lang)})" if m.status == MeasurementStatus.PROVISIONAL else ""
    return f"{m.period.label(lang)}: {format_figure(m, goal.unit, lang)}{provisional}"


def _target_sentence(goal: Goal, assessment: Assessment, lang: str) -> str:
    target, stated = assessment.target, goal.target
    if target is None and stated is not None and stated.change is not None and stated.period is not None:
        # a change that waits for its baseline: "-10%" is all there is to say yet
        change = _("{change} ten opzichte van de nulmeting", lang, change=stated.change.as_written)
        return _("Streefwaarde {period}: {value}.", lang, period=stated.period.label(lang), value=change)
    aim, period = assessment.aim, assessment.aim_period
    if aim is None or period is None:
        return _("Er is geen streefwaarde.", lang)
    value = target_words(goal, aim, lang)  # "minimaal 60%", "tussen 60% en 65%", "een stijging"
    tolerance = aim.tolerance if goal.judged_direction == Direction.MAINTAIN and target is not None else None
    if tolerance is not None and target is not None:
        low, high = tolerance.band(target.value)
        value += f" ({words(lang)['band']} {_range(low, high, goal.unit, lang)})"
    return _("Streefwaarde {period}: {value}.", lang, period=period.label(lang), value=value)


def _forecast_sentence(goal: Goal, assessment: Assessment, lang: str) -> str:
    forecast, target = assessment.forecast, assessment.target
    if forecast is None or target is None:
        return ""
    unit = goal.unit
    value = format_value(_estimate(forecast.value, unit), unit, lang)
    interval = _(
        "95%-interval {range}",
        lang,
        range=_range(_estimate(forecast.low, unit), _estimate(forecast.high, unit), unit, lang),
    )
    return _(
        "Prognose {period}: {value} ({interval}).",
        lang,
        period=target.period.label(lang),
        value=value,
        interval=interval,
    )
