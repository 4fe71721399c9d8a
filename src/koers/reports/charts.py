# SPDX-License-Identifier: EUPL-1.2
"""The chart of one goal, defined once as a Vega-Lite spec for the web page and the printed report.

A council member should see at a glance where a goal started, where it must end, which path
leads there and where the figures are now. The chart therefore shows the baseline, every
measurement (per wijk for a goal that holds in every wijk) with its 95% interval where the
source gives one, the path from baseline to target, the target (or the allowed area of a
bound), and the forecast. Provisional figures are drawn open. Every element differs in shape
or dash as well as in colour (the Okabe-Ito palette, safe for colour blindness), carries a
tooltip in words, and the spec's description is the text alternative: the chart is never the
only carrier of the figures.

The spec holds its data inline and its number locale in its config, so the same dict renders
in the browser and, offline through vl-convert, as SVG for the printed report (16 x 8 cm on
A4, with fonts that stay readable there).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt
import vl_convert

from koers.domain.assessment import Assessment, Forecast, Point, expected_value
from koers.domain.goals import Goal
from koers.domain.measurements import Measurement, MeasurementStatus, current_version
from koers.domain.periods import Period
from koers.domain.targets import Direction
from koers.domain.units import Unit, UnitKind
from koers.formatting import format_number, format_value

#: Size in pixels at 96 dpi: 16 x 8 cm, the width of an A4 text column.
WIDTH, HEIGHT = 605, 302

#: Okabe & Ito (2008), distinguishable with every common form of colour blindness.
BLACK, ORANGE, SKY_BLUE, GREEN = "#000000", "#E69F00", "#56B4E9", "#009E73"
BLUE, VERMILLION, PURPLE, GREY = "#0072B2", "#D55E00", "#CC79A7", "#595959"
ALLOWED_FILL = "#DDEFFA"  # sky blue, lightened: an area behind the figures
SERIES_COLOURS = (BLUE, PURPLE, GREEN, SKY_BLUE, ORANGE)
SERIES_SHAPES = ("circle", "triangle-down", "cross", "triangle-right", "triangle-left")
SOLID: tuple[int, ...] = (1, 0)
DASHED: tuple[int, ...] = (6, 4)

#: The locales vl-convert knows by name, and the number locale the spec carries itself.
FORMAT_LOCALES = {"nl": "nl-NL", "en": "en-US"}
NUMBER_LOCALE_NL = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]}

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "measurement": "meting", "provisional": "voorlopig (open symbool)", "baseline": "nulmeting",
        "path": "pad naar streefwaarde", "target": "streefwaarde", "allowed": "toegestaan", "band": "marge",
        "forecast": "prognose", "illustrative": "Illustratieve cijfers", "status": "Status",
        "intervals": "Verticale lijnen: 95%-interval", "x_title": "stand aan het eind van de periode",
        "interval": "95%-interval {low} tot {high}", "provisional_short": "voorlopig",
        "final_short": "definitief",
    },
    "en": {
        "measurement": "measurement", "provisional": "provisional (open symbol)", "baseline": "baseline",
        "path": "path to target", "target": "target", "allowed": "allowed", "band": "band",
        "forecast": "forecast", "illustrative": "Illustrative figures", "status": "Status",
        "intervals": "Vertical lines: 95% interval", "x_title": "value at the end of the period",
        "interval": "95% interval {low} to {high}", "provisional_short": "provisional",
        "final_short": "final",
    },
}


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
    words: dict[str, str]
    legend: tuple[_Entry, ...]
    domain: tuple[date, date]


# -- the chart ------------------------------------------------------------------------------

def goal_chart(goal: Goal, assessment: Assessment, measurements: Iterable[Measurement], *, lang: str = "nl",
               illustrative: bool = False, names: Mapping[str, str] | None = None) -> dict[str, Any] | None:
    """The Vega-Lite spec of ``goal``'s chart; None when there is no figure at all to draw.

    ``names`` gives the names of the areas (wijken) the measurements are stored under.
    """
    series = _series(goal, assessment, measurements)
    if assessment.baseline is None and not any(series.values()):
        return None
    words = WORDS[lang]
    labels = {area: _area_label(area, names, words, len(series)) for area in series}
    ctx = _Context(goal, assessment, lang, words, _legend(goal, assessment, series, labels, words),
                   _domain(assessment, series))
    layers = [
        *_allowed_layers(ctx),
        *_path_layers(ctx),
        *_measurement_layers(ctx, series, labels),
        *_baseline_layers(ctx),
        *_target_layers(ctx),
        *_forecast_layers(ctx),
    ]
    chart = alt.layer(*layers).properties(
        width=WIDTH, height=HEIGHT, title=_title(ctx, series, illustrative),
        description=text_alternative(goal, assessment, measurements, lang, names=names),
        autosize=alt.AutoSizeParams(type="fit", contains="padding"),
    )
    spec = chart.to_dict()
    spec["config"] = _config(lang)
    return spec


def render_svg(spec: dict[str, Any], lang: str = "nl") -> str:
    """The chart as a self-contained SVG, rendered offline (no remote data, fonts or scripts)."""
    locale = FORMAT_LOCALES.get(lang, "en-US")
    return vl_convert.vegalite_to_svg(spec, format_locale=locale, time_format_locale=locale,
                                      allowed_base_urls=[])


def _series(goal: Goal, assessment: Assessment, measurements: Iterable[Measurement]
            ) -> dict[str, list[Measurement]]:
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


def _area_label(area: str, names: Mapping[str, str] | None, words: dict[str, str], count: int) -> str:
    return (names or {}).get(area, area) if count > 1 else words["measurement"]


def _legend(goal: Goal, assessment: Assessment, series: Mapping[str, list[Measurement]],
            labels: Mapping[str, str], words: dict[str, str]) -> tuple[_Entry, ...]:
    entries = [_Entry(labels[area], SERIES_COLOURS[i % len(SERIES_COLOURS)], SERIES_COLOURS[i % len(SERIES_COLOURS)],
                      SERIES_SHAPES[i % len(SERIES_SHAPES)])
               for i, area in enumerate(a for a, figures in series.items() if figures)]
    if any(m.status == MeasurementStatus.PROVISIONAL for figures in series.values() for m in figures):
        entries.append(_Entry(words["provisional"], GREY, "#FFFFFF", "circle"))
    if assessment.baseline is not None:
        entries.append(_Entry(words["baseline"], BLACK, BLACK, "square"))
    if _path(goal, assessment):
        entries.append(_Entry(words["path"], GREY, "transparent", "stroke", DASHED))
    if assessment.target is not None:
        entries.append(_Entry(words["target"], VERMILLION, VERMILLION, "diamond"))
    if _allowed(goal, assessment) is not None:
        entries.append(_Entry(_allowed_label(goal, words), "transparent", ALLOWED_FILL, "square"))
    if assessment.forecast is not None:
        entries.append(_Entry(words["forecast"], ORANGE, ORANGE, "triangle-up"))
    return tuple(entries)


def _domain(assessment: Assessment, series: Mapping[str, list[Measurement]]) -> tuple[date, date]:
    """From half a year before the first figure to half a year after the target (or the last figure)."""
    ends = [m.period.end for figures in series.values() for m in figures]
    ends += [p.period.end for p in (assessment.baseline, assessment.target) if p is not None]
    first, last = min(ends), max(ends)
    return date(first.year - 1, 7, 1), date(last.year + 1, 6, 30)


def _title(ctx: _Context, series: Mapping[str, list[Measurement]], illustrative: bool) -> alt.TitleParams:
    goal, words = ctx.goal, ctx.words
    name = goal.title or (goal.indicator.name if goal.indicator else goal.statement)
    lines = [f"{words['status']}: {ctx.assessment.status.label(ctx.lang)}"]
    if illustrative:
        lines.insert(0, words["illustrative"])
    if any(m.ci_low is not None and m.ci_high is not None for figures in series.values() for m in figures) or (
            ctx.assessment.forecast is not None):
        lines.append(words["intervals"])
    return alt.TitleParams(text=f"{goal.id} {name}", subtitle=lines, anchor="start", limit=WIDTH)


def _config(lang: str) -> dict[str, Any]:
    """Sizes readable on A4 at 16 cm wide (11 px is 8 pt there); Dutch numbers in the spec itself."""
    config: dict[str, Any] = {
        "view": {"stroke": None},
        "title": {"fontSize": 15, "subtitleFontSize": 12, "subtitleColor": "#333333", "subtitlePadding": 4,
                  "offset": 10},
        "axis": {"labelFontSize": 11, "titleFontSize": 11, "titleFontWeight": "normal", "titleColor": "#333333",
                 "labelColor": "#333333", "gridColor": "#E6E6E6", "domainColor": "#888888", "tickColor": "#888888"},
        "legend": {"labelFontSize": 11, "symbolSize": 110, "symbolStrokeWidth": 2, "labelLimit": 220,
                   "orient": "right", "rowPadding": 6},
        "text": {"fontSize": 11},
    }
    if lang == "nl":
        config["locale"] = {"number": NUMBER_LOCALE_NL}
    return config


# -- encodings --------------------------------------------------------------------------------

def _x(ctx: _Context) -> alt.X:
    """Each figure at the end of its period (the state it describes), with a tick at every year's end."""
    start, end = ctx.domain
    years = [_datetime(date(y, 12, 31)) for y in range(start.year, end.year) if date(y, 12, 31) >= start]
    return alt.X("date:T", title=ctx.words["x_title"],
                 scale=alt.Scale(type="utc", domain=[_datetime(start), _datetime(end)], nice=False),
                 axis=alt.Axis(values=years, format="%Y", formatType="utc", grid=True, labelFlush=False))


def _y(ctx: _Context, field: str = "value") -> alt.Y:
    return alt.Y(f"{field}:Q", title=_unit_title(ctx.goal.unit, ctx.lang),
                 scale=alt.Scale(zero=False, nice=True), axis=alt.Axis(tickCount=6))


def _datetime(day: date) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day, utc=True)


def _unit_title(unit: Unit | None, lang: str) -> str:
    return unit.label_text(lang) if unit is not None else ""


def _channel(ctx: _Context, channel: type, attribute: str) -> Any:
    """One channel of the shared legend: every layer maps 'series' through the same scales."""
    entries = ctx.legend
    values = [list(getattr(e, attribute)) if attribute == "dash" else getattr(e, attribute) for e in entries]
    return channel("series:N", scale=alt.Scale(domain=[e.label for e in entries], range=values),
                   legend=alt.Legend(title=None))


def _symbols(ctx: _Context) -> dict[str, Any]:
    return {"stroke": _channel(ctx, alt.Stroke, "stroke"), "fill": _channel(ctx, alt.Fill, "fill"),
            "shape": _channel(ctx, alt.Shape, "shape")}


def _lines(ctx: _Context) -> dict[str, Any]:
    return {"stroke": _channel(ctx, alt.Stroke, "stroke"), "strokeDash": _channel(ctx, alt.StrokeDash, "dash")}


def _chart(name: str, rows: list[dict[str, Any]]) -> alt.Chart:
    return alt.Chart(alt.Data(values=rows), name=name)


# -- layers ---------------------------------------------------------------------------------

def _allowed_layers(ctx: _Context) -> list[alt.Chart]:
    """A bound shaded as the allowed area up to the edge of the plot, or a 'keep equal' band."""
    allowed = _allowed(ctx.goal, ctx.assessment)
    if allowed is None:
        return []
    low, high = allowed
    row = {"series": _allowed_label(ctx.goal, ctx.words), "low": low, "high": high,
           "tip": _allowed_tip(ctx, low, high)}
    if low is None:  # at most: from the bound down
        y, y2 = _y(ctx, "high"), alt.Y2Value(alt.ExprRef("height"))
    elif high is None:  # at least: from the bound up
        y, y2 = _y(ctx, "low"), alt.Y2Value(0)
    else:
        y, y2 = _y(ctx, "low"), alt.Y2("high:Q")
    return [_chart("allowed", [row]).mark_rect(opacity=1).encode(
        y=y, y2=y2, fill=_channel(ctx, alt.Fill, "fill"), tooltip=alt.Tooltip("tip:N"))]


def _allowed_label(goal: Goal, words: dict[str, str]) -> str:
    return words["band" if goal.direction == Direction.MAINTAIN else "allowed"]


def _allowed(goal: Goal, assessment: Assessment) -> tuple[float | None, float | None] | None:
    """The allowed area as (low, high), None for an open side; None when the goal has none."""
    target = assessment.target
    if target is None or goal.direction is None:
        return None
    if goal.direction == Direction.AT_MOST:
        return (None, target.value)
    if goal.direction == Direction.AT_LEAST:
        return (target.value, None)
    tolerance = goal.target.tolerance if goal.target is not None else None
    if goal.direction == Direction.MAINTAIN and tolerance is not None:
        return tolerance.band(target.value)
    return None


def _allowed_tip(ctx: _Context, low: float | None, high: float | None) -> str:
    unit, lang = ctx.goal.unit, ctx.lang
    nl = lang == "nl"
    if low is None:
        return f"{'toegestaan: maximaal' if nl else 'allowed: at most'} {format_value(high or 0.0, unit, lang)}"
    if high is None:
        return f"{'toegestaan: minimaal' if nl else 'allowed: at least'} {format_value(low, unit, lang)}"
    return (f"{'marge' if nl else 'band'}: {format_value(low, unit, lang)} "
            f"{'tot' if nl else 'to'} {format_value(high, unit, lang)}")


def _path(goal: Goal, assessment: Assessment) -> list[Point]:
    """The path from baseline to target, for goals that must move (not for bounds already kept):
    the straight line, or the compound yearly path with a point at every year's end."""
    base, target = assessment.baseline, assessment.target
    if base is None or target is None or goal.direction in (None, Direction.MAINTAIN):
        return []
    rising = goal.direction in (Direction.INCREASE, Direction.AT_LEAST)
    if goal.direction in (Direction.AT_LEAST, Direction.AT_MOST) and (target.value - base.value) * (
            1 if rising else -1) <= 0:
        return []
    years = [Period.year(y) for y in range(base.period.end.year, target.period.end.year + 1)]
    between = [p for p in years if base.period.end < p.end < target.period.end]
    return [base, *(Point(expected_value(base, target, p, goal), p) for p in between), target]


def _path_layers(ctx: _Context) -> list[alt.Chart]:
    points = _path(ctx.goal, ctx.assessment)
    if not points:
        return []
    label = ctx.words["path"]
    rows = [_row(ctx, label, p.value, p.period, prefix=label) for p in points]
    return [_chart("path", rows).mark_line(strokeWidth=2).encode(
        x=_x(ctx), y=_y(ctx), tooltip=alt.Tooltip("tip:N"), **_lines(ctx))]


def _measurement_layers(ctx: _Context, series: Mapping[str, list[Measurement]],
                        labels: Mapping[str, str]) -> list[alt.Chart]:
    rows = [_measurement_row(ctx, labels[area], m) for area, figures in series.items() for m in figures]
    if not rows:
        return []
    line = _chart("measurements-line", rows).mark_line(strokeWidth=2).encode(
        x=_x(ctx), y=_y(ctx), detail="series:N", **_lines(ctx))
    points = _chart("measurements", rows).mark_point(filled=True, size=80, opacity=1, strokeWidth=2).encode(
        x=_x(ctx), y=_y(ctx), tooltip=alt.Tooltip("tip:N"), stroke=_channel(ctx, alt.Stroke, "stroke"),
        shape=_channel(ctx, alt.Shape, "shape"),
        fill=alt.when(alt.datum.provisional).then(alt.value("#FFFFFF")).otherwise(_channel(ctx, alt.Fill, "fill")))
    layers = [line, *_interval_layers(ctx, "intervals", [r for r in rows if "low" in r]), points]
    if len(series) == 1:
        layers.append(_label_layer(ctx, "latest-label", [rows[-1]], dy=-14))
    return layers


def _measurement_row(ctx: _Context, label: str, m: Measurement) -> dict[str, Any]:
    row = _row(ctx, label, m.value, m.period)
    row["provisional"] = m.status == MeasurementStatus.PROVISIONAL
    row["tip"] += f" ({ctx.words['provisional_short' if row['provisional'] else 'final_short']})"
    if m.ci_low is not None and m.ci_high is not None:
        row.update(_interval(ctx, m.ci_low, m.ci_high, row["tip"]))
    return row


def _interval(ctx: _Context, low: float, high: float, tip: str) -> dict[str, Any]:
    unit, lang = ctx.goal.unit, ctx.lang
    text = ctx.words["interval"].format(low=format_value(low, unit, lang), high=format_value(high, unit, lang))
    return {"low": low, "high": high, "tip": f"{tip}, {text}"}


def _interval_layers(ctx: _Context, name: str, rows: list[dict[str, Any]]) -> list[alt.Chart]:
    if not rows:
        return []
    return [_chart(name, rows).mark_rule(strokeWidth=1.5, opacity=0.9).encode(
        x=_x(ctx), y=_y(ctx, "low"), y2="high:Q", tooltip=alt.Tooltip("tip:N"),
        stroke=_channel(ctx, alt.Stroke, "stroke"))]


def _baseline_layers(ctx: _Context) -> list[alt.Chart]:
    base = ctx.assessment.baseline
    if base is None:
        return []
    label = ctx.words["baseline"]
    rows = [_row(ctx, label, base.value, base.period, prefix=label)]
    return [_point_layer(ctx, "baseline", rows), _label_layer(ctx, "baseline-label", rows, dy=-14)]


def _target_layers(ctx: _Context) -> list[alt.Chart]:
    target = ctx.assessment.target
    if target is None:
        return []
    label = ctx.words["target"]
    rows = [_row(ctx, label, target.value, target.period, prefix=label)]
    return [_point_layer(ctx, "target", rows, size=150),
            _label_layer(ctx, "target-label", rows, dx=-10, align="right")]


def _forecast_layers(ctx: _Context) -> list[alt.Chart]:
    forecast: Forecast | None = ctx.assessment.forecast
    target = ctx.assessment.target
    if forecast is None or target is None:
        return []
    label = ctx.words["forecast"]
    row = _row(ctx, label, forecast.value, target.period, prefix=label, rounded=True)
    row.update(_interval(ctx, round(forecast.low, 1), round(forecast.high, 1), row["tip"]))
    rows = [row]
    return [*_interval_layers(ctx, "forecast-interval", rows), _point_layer(ctx, "forecast", rows, size=110),
            _label_layer(ctx, "forecast-label", rows, dx=10, align="left")]


def _point_layer(ctx: _Context, name: str, rows: list[dict[str, Any]], size: int = 90) -> alt.Chart:
    return _chart(name, rows).mark_point(filled=True, size=size, opacity=1, strokeWidth=1.5).encode(
        x=_x(ctx), y=_y(ctx), tooltip=alt.Tooltip("tip:N"), **_symbols(ctx))


def _label_layer(ctx: _Context, name: str, rows: list[dict[str, Any]], *, dx: int = 0, dy: int = 0,
                 align: str = "center") -> alt.Chart:
    """The value written next to its point, so that the printed chart needs no ruler."""
    return _chart(name, rows).mark_text(dx=dx, dy=dy, align=align, fontSize=11, color="#222222").encode(
        x=_x(ctx), y=_y(ctx), text="label:N")


def _row(ctx: _Context, series: str, value: float, period: Period, *, prefix: str | None = None,
         rounded: bool = False) -> dict[str, Any]:
    """One figure as data: where it sits, and how it reads (on the chart and in the tooltip)."""
    shown = round(value, 1) if rounded else value
    unit, lang = ctx.goal.unit, ctx.lang
    short = _short(shown, unit, lang)
    return {
        "series": series, "date": period.end.isoformat(), "value": value, "period": period.label(lang),
        "label": f"{prefix} {short}" if prefix else short,
        "tip": f"{prefix.capitalize() + ' ' if prefix else ''}{period.label(lang)}: {format_value(shown, unit, lang)}",
    }


def _short(value: float, unit: Unit | None, lang: str) -> str:
    """A value as written on the chart: the unit is on the axis, except for % and euro."""
    if unit is not None and unit.kind in (UnitKind.PERCENTAGE, UnitKind.EURO):
        return format_value(value, unit, lang)
    return format_number(value, lang)


# -- the text alternative ---------------------------------------------------------------------

def text_alternative(goal: Goal, assessment: Assessment, measurements: Iterable[Measurement], lang: str = "nl",
                     *, names: Mapping[str, str] | None = None) -> str:
    """One short paragraph in plain language with what the chart shows: baseline, latest figure,
    target, forecast and status. Also for a goal that has no chart, saying why."""
    series = _series(goal, assessment, measurements)
    nl = lang == "nl"
    sentences = [_baseline_sentence(goal, assessment, lang),
                 _latest_sentence(goal, assessment, series, names or {}, lang),
                 _target_sentence(goal, assessment, lang),
                 _forecast_sentence(goal, assessment, lang),
                 f"Status: {assessment.status.label(lang)}."]
    if assessment.baseline is None and not any(series.values()):
        sentences.append("Er zijn nog geen cijfers, dus er is geen grafiek." if nl
                         else "There are no figures yet, so there is no chart.")
    return " ".join(s for s in sentences if s)


def _baseline_sentence(goal: Goal, assessment: Assessment, lang: str) -> str:
    base = assessment.baseline
    nl = lang == "nl"
    if base is not None:
        return f"{'Nulmeting' if nl else 'Baseline'} {base.period.label(lang)}: {format_value(base.value, goal.unit, lang)}."
    if goal.baseline is not None and goal.baseline.status.value == "pending":
        return "De nulmeting volgt nog." if nl else "The baseline is still to come."
    return "Er is geen nulmeting." if nl else "There is no baseline."


def _latest_sentence(goal: Goal, assessment: Assessment, series: Mapping[str, list[Measurement]],
                     names: Mapping[str, str], lang: str) -> str:
    nl = lang == "nl"
    after = {area: _after_baseline(assessment, figures) for area, figures in series.items()}
    if not any(after.values()):
        return "Er is nog geen nieuwe meting." if nl else "There is no new measurement yet."
    if len(after) == 1:
        latest = next(iter(after.values()))[-1]
        return f"{'Laatste meting' if nl else 'Latest measurement'} {_figure(goal, latest, lang)}."
    parts = [f"{names.get(area, area)} {_figure(goal, figures[-1], lang)}" if figures
             else f"{names.get(area, area)} {'nog niet gemeten' if nl else 'not yet measured'}"
             for area, figures in after.items()]
    return f"{'Laatste meting per wijk' if nl else 'Latest measurement per wijk'}: {'; '.join(parts)}."


def _after_baseline(assessment: Assessment, figures: Sequence[Measurement]) -> list[Measurement]:
    base = assessment.baseline
    return [m for m in figures if base is None or m.period.end > base.period.end]


def _figure(goal: Goal, m: Measurement, lang: str) -> str:
    provisional = f" ({m.status.label(lang)})" if m.status == MeasurementStatus.PROVISIONAL else ""
    return f"{m.period.label(lang)}: {format_value(m.value, goal.unit, lang)}{provisional}"


def _target_sentence(goal: Goal, assessment: Assessment, lang: str) -> str:
    target = assessment.target
    nl = lang == "nl"
    if target is None:
        return "Er is geen streefwaarde." if nl else "There is no target."
    bound = f"{goal.direction.label(lang)} " if goal.direction in (Direction.AT_LEAST, Direction.AT_MOST) else ""
    return (f"{'Streefwaarde' if nl else 'Target'} {target.period.label(lang)}: "
            f"{bound}{format_value(target.value, goal.unit, lang)}.")


def _forecast_sentence(goal: Goal, assessment: Assessment, lang: str) -> str:
    forecast, target = assessment.forecast, assessment.target
    if forecast is None or target is None:
        return ""
    unit = goal.unit
    value, low, high = (format_value(round(v, 1), unit, lang) for v in (forecast.value, forecast.low, forecast.high))
    if lang == "nl":
        return f"Prognose {target.period.label(lang)}: {value} (95%-interval {low} tot {high})."
    return f"Forecast {target.period.label(lang)}: {value} (95% interval {low} to {high})."
