# SPDX-License-Identifier: EUPL-1.2
"""The chart of one goal, defined once as a Vega-Lite spec for the web page and the printed report.

A council member should see at a glance where a goal started, where it must end, which path
leads there and where the figures are now. The chart therefore shows the baseline, every
measurement (per wijk for a goal that holds in every wijk) with its 95% interval where the
source gives one, the path from baseline to target, the target (or the allowed area of a
bound), and the forecast. Provisional figures are drawn open; a figure that is not there
(n.b., n.n.b., n.a.) leaves a gap in its line, never a 0, with its code written at the
bottom of the plot. Every element differs in shape
or dash as well as in colour (the Okabe-Ito hues, safe for colour blindness, darkened where
needed to 3:1 against the background), carries a tooltip in words, and the spec's description
is the text alternative: the chart is never the only carrier of the figures.

The chart must not mislead (docs/methodology.md, "Charts"): its value axis is at least as tall
as the step the plan asks and starts at zero by a stated rule, a percentage axis stays within
0-100%, whole things get whole ticks, every figure sits at the end of its period under an axis
that says so, titles wrap before they reach the edge, and the labels beside the points give way
to each other.

The spec holds its data inline and its number locale in its config, so the same dict renders
in the browser and, offline through vl-convert, as SVG for the printed report (16 x 8 cm on
A4, with fonts that stay readable there).
"""

from __future__ import annotations

import html
import json
import math
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
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
from koers.domain.formatting import estimate, format_figure, format_number, format_value, rounded
from koers.domain.goals import Goal
from koers.domain.judging import Point, expected_value
from koers.domain.measurement_columns import oversized
from koers.domain.measurements import Measurement, MeasurementStatus, current_version
from koers.domain.periods import Period
from koers.domain.target_words import target_words
from koers.domain.targets import BandOpen, Direction
from koers.domain.units import BOUNDS, MINIMAL_CHANGES, WHOLE_UNITS, Bounds, Unit, UnitKind
from koers.i18n import N_, _

#: Size in pixels at 96 dpi: 16 x 8 cm, the width of an A4 text column.
WIDTH, HEIGHT = 605, 302

#: 605 px x 3.125 = 1,890 px: 300 dpi over 16 cm.
PNG_SCALE = 3.125

#: Around the chart; on the right, room for the legend's longest label.
PADDING: Final = MappingProxyType({"left": 5, "top": 5, "right": 20, "bottom": 5})

#: The report's own font (reports/templates/report.css) first, so that vl-convert lays the chart
#: out with the font WeasyPrint draws it in; the narrower fallbacks only leave room to spare.
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"

#: Font sizes in pixels: 11 px is 8 pt on A4 at 16 cm wide.
TITLE_SIZE, SUBTITLE_SIZE, TEXT_SIZE = 15, 12, 11

#: Upper bounds of the width of one character in em in DejaVu Sans, the widest font of :data:`FONT`:
#: a line of Dutch text in bold (the Heemskerk titles measure 0.57-0.63) and in regular (0.46-0.5),
#: and a number (digits are 0.64 wide, '%' 0.95). Used to wrap titles and to keep labels apart.
BOLD_EM, REGULAR_EM, NUMBER_EM = 0.65, 0.6, 0.7

#: The width a title line may take: the chart less its padding.
TEXT_WIDTH = WIDTH - PADDING["left"] - PADDING["right"]

#: Characters of a title line (15 px bold): a longer name wraps. Of a subtitle line (12 px).
TITLE_CHARACTERS = int(TEXT_WIDTH / (BOLD_EM * TITLE_SIZE))
SUBTITLE_CHARACTERS = int(TEXT_WIDTH / (REGULAR_EM * SUBTITLE_SIZE))

#: The widest a legend label is drawn, in pixels (a longer wijk name is cut off with an ellipsis).
LEGEND_LABEL_LIMIT = 220

#: Okabe & Ito (2008), distinguishable with every common form of colour blindness.
BLACK, ORANGE, SKY_BLUE, GREEN = "#000000", "#E69F00", "#56B4E9", "#009E73"
BLUE, VERMILLION, PURPLE, GREY = "#0072B2", "#D55E00", "#CC79A7", "#595959"
ALLOWED_FILL = "#DDEFFA"  # sky blue, lightened: an area behind the figures
#: The same hues darkened (lightness only) to 3:1 against white and against ALLOWED_FILL (WCAG 1.4.11,
#: non-text contrast): lines and markers that carry a figure. Orange is 2.3:1, sky blue 2.3:1,
#: and green and purple fall below 3:1 on the allowed area.
DARK_ORANGE, DARK_SKY_BLUE, DARK_GREEN, DARK_PURPLE = "#AE7800", "#1A8AC9", "#00946C", "#C36197"
#: The edge of the allowed area: the light fill alone is 1.2:1 against white, its edge is 3.8:1.
ALLOWED_EDGE = DARK_SKY_BLUE
SERIES_COLOURS = (BLUE, DARK_PURPLE, DARK_GREEN, DARK_SKY_BLUE, DARK_ORANGE)
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
    "year_end": N_("eind {year}"),
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
class _Scale:
    """The value axis: from ``low`` to ``high`` with a tick every ``step`` (both ends are ticks)."""

    low: float
    high: float
    step: float

    @property
    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [round(self.low + i * self.step, 9) for i in range(count + 1)]

    @property
    def decimals(self) -> int:
        """The decimals of the step: 0.25 has two, 2.5 one, 25 none."""
        text = f"{self.step:.6f}".rstrip("0")
        return len(text.split(".")[1])


@dataclass(frozen=True, slots=True)
class _Title:
    """The title (the goal) and the subtitle (notes and status), each as its lines."""

    text: list[str]
    subtitle: list[str]


@dataclass(frozen=True, slots=True)
class _Context:
    goal: Goal
    assessment: Assessment
    lang: str
    words: Mapping[str, str]
    legend: tuple[_Entry, ...]
    domain: tuple[date, date]
    values: _Scale
    title: _Title
    #: Where each point label goes (see :func:`_label_sides`); None: left out, it would overlap.
    sides: Mapping[str, Side | None] = field(default_factory=dict)


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

    ``names`` gives the names of the areas (wijken) the measurements are stored under. A figure
    too large to compute with is left out (the assessment says which it is): its axis would not fit.
    """
    measurements = [m for m in measurements if oversized(m) is None]
    series = _series(goal, assessment, measurements)
    if not _drawable(assessment, series):
        return None
    chart_words = words(lang)
    labels = {area: _area_label(area, names, chart_words, len(series)) for area in series}
    legend = _legend(goal, assessment, series, labels, chart_words)
    title = _title(goal, assessment, series, illustrative, lang, chart_words)
    scale = _value_scale(goal, assessment, series)
    ctx = _Context(goal, assessment, lang, chart_words, legend, _domain(assessment, series), scale, title)
    ctx = replace(ctx, sides=_label_sides(ctx, series))
    with debug_mode(False):  # Altair validates every part as it is built: 0.2 s a chart, for tested code
        return _spec(goal, assessment, measurements, ctx, series, labels, lang, names)


def _spec(
    goal: Goal,
    assessment: Assessment,
    measurements: Iterable[Measurement],
    ctx: _Context,
    series: Mapping[str, list[Measurement]],
    labels: dict[str, str],
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
        "title": {
            "text": ctx.title.text,
            "subtitle": ctx.title.subtitle[0] if len(ctx.title.subtitle) == 1 else ctx.title.subtitle,
            "anchor": "start",
        },
        "description": text_alternative(goal, assessment, measurements, lang, names=names),
        "autosize": {"type": "fit", "contains": "padding"},
        "config": chart_config(lang),
        "padding": dict(PADDING),
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
        entries.append(_Entry(_allowed_label(goal, words, assessment), ALLOWED_EDGE, ALLOWED_FILL, "square"))
    if assessment.forecast is not None:
        entries.append(_Entry(words["forecast"], DARK_ORANGE, ORANGE, "triangle-up"))
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


def _title(
    goal: Goal,
    assessment: Assessment,
    series: Mapping[str, list[Measurement]],
    illustrative: bool,
    lang: str,
    words: Mapping[str, str],
) -> _Title:
    """The goal as title, wrapped so that no line is wider than the chart (:data:`TITLE_CHARACTERS`);
    under it the notes, one line as long as they fit, then at a ' · '."""
    name = goal.title or (goal.indicator.name if goal.indicator else goal.statement)
    notes = [_("Status: {status}", lang, status=assessment.status.label(lang))]
    if illustrative:
        notes.insert(0, words["illustrative"])
    if any(m.ci_low is not None and m.ci_high is not None for figures in series.values() for m in figures) or (
        assessment.forecast is not None
    ):
        notes.append(words["intervals"])
    return _Title(balanced_lines(f"{goal.id} {name}", TITLE_CHARACTERS), join_lines(notes, SUBTITLE_CHARACTERS))


def balanced_lines(text: str, width: int) -> list[str]:
    """``text`` in as few lines of at most ``width`` characters as it needs, as even as they can be
    (no single word left on a line of its own)."""
    lines = _wrap(text, width)
    while width > 1 and len(_wrap(text, width - 1)) == len(lines):
        width -= 1
        lines = _wrap(text, width)
    return lines


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words only (a compound
    such as 'Wmo-maatwerkkosten' stays whole)."""
    return textwrap.wrap(text, width, break_on_hyphens=False)


def join_lines(parts: Sequence[str], width: int, separator: str = " · ") -> list[str]:
    """``parts`` joined by ``separator`` into lines of at most ``width`` characters (a part longer
    than that wraps on its own)."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(separator) + len(part) <= width:
            lines[-1] += separator + part
        else:
            lines += _wrap(part, width) or [part]
    return lines


def chart_config(lang: str) -> dict[str, Any]:
    """Sizes readable on A4 at 16 cm wide (11 px is 8 pt there), in the report's font; Dutch numbers
    in the spec itself."""
    config: dict[str, Any] = {
        "font": FONT,
        "view": {"stroke": None},
        "title": {
            "fontSize": TITLE_SIZE,
            "subtitleFontSize": SUBTITLE_SIZE,
            "subtitleColor": "#333333",
            "subtitlePadding": 4,
            "offset": 10,
        },
        "axis": {
            "labelFontSize": TEXT_SIZE,
            "titleFontSize": TEXT_SIZE,
            "titleFontWeight": "normal",
            "titleColor": "#333333",
            "labelColor": "#333333",
            "gridColor": "#E6E6E6",
            "domainColor": "#888888",
            "tickColor": "#888888",
        },
        "legend": {
            "labelFontSize": TEXT_SIZE,
            "symbolSize": 110,
            "symbolStrokeWidth": 2,
            "labelLimit": LEGEND_LABEL_LIMIT,
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
    """Each figure at the end of its period (the state it describes: a year at 31 December, a first
    half-year at 30 June, a school year at 31 July), with a tick at every year's end labelled as
    such ('eind 2025'), so that the label says where the tick is; every second or third year only
    where the labels would touch, always with the last year's end."""
    start, end = ctx.domain
    ends = [y for y in range(start.year, end.year) if date(y, 12, 31) >= start]
    before, _year, after = ctx.words["year_end"].partition("{year}")
    every = _label_every(ctx, len(before) + 4 + len(after))
    label = f"{json.dumps(before)} + utcFormat(datum.value, '%Y') + {json.dumps(after)}"
    return alt.X(
        "date:T",
        title=ctx.words["x_title"],
        scale=alt.Scale(type="utc", domain=[_datetime(start), _datetime(end)], nice=False),
        axis=alt.Axis(
            values=[_datetime(date(y, 12, 31)) for y in ends],
            labelExpr=label if every == 1 else f"(utcyear(datum.value) - {ends[-1]}) % {every} == 0 ? {label} : ''",
            labelFlush=False,
            labelOverlap=False,  # spaced out above; Vega would drop labels at random, the target year's too
        ),
    )


def _label_every(ctx: _Context, characters: int) -> int:
    """Label every year's end, every second or every third: as often as labels of ``characters``
    characters fit side by side with a gap of a letter or two."""
    start, end = ctx.domain
    per_year = _plot_size(ctx)[0] / ((end - start).days / 365.25)
    needed = characters * REGULAR_EM * TEXT_SIZE + 2
    return next(n for n in range(1, 100) if n * per_year >= needed)


def _y(ctx: _Context, field: str = "value") -> alt.Y:
    """The value in the goal's unit, named on the axis, over the scale of :func:`_value_scale`; whole
    things get whole ticks (no 0.5 children)."""
    unit, scale = ctx.goal.unit, ctx.values
    whole = unit is not None and unit.kind in WHOLE_UNITS
    return alt.Y(
        f"{field}:Q",
        title=_unit_title(unit, ctx.lang),
        scale=alt.Scale(domain=[scale.low, scale.high], nice=False, zero=False, clamp=True),
        axis=alt.Axis(
            values=scale.ticks,
            format=",d" if whole else f",.{scale.decimals}f",
            tickMinStep=1 if whole else alt.Undefined,
        ),
    )


# -- the value axis -------------------------------------------------------------------------------

#: Units in which zero means none (a count, an amount, a share): an axis in them may start at zero.
ZERO_BASED: Final = frozenset(kind for kind, bounds in BOUNDS.items() if bounds.low == 0)

#: The axis starts at zero when zero lies at most this many times the span of the figures below the
#: lowest one: then the figures still fill at least a third of the height.
ZERO_WITHIN: Final = 2.0

#: Room above and below the figures, as a share of their span, for the labels beside the points.
MARGIN: Final = 0.1

#: The steps a reader counts in (times a power of ten), and at most this many steps on the axis.
NICE_STEPS: Final = (1.0, 2.0, 2.5, 5.0)
MAX_STEPS: Final = 5


def _value_scale(goal: Goal, assessment: Assessment, series: Mapping[str, list[Measurement]]) -> _Scale:
    """The value axis, by the rules in docs/methodology.md ("Charts"):

    1. it spans every figure drawn, and at least :func:`_least_span` (the step the plan asks);
    2. in a unit where zero means none it starts at zero when the figures lie within
       :data:`ZERO_WITHIN` times their span of it;
    3. it never leaves what the unit can take (0-100% for a percentage, nothing below zero for a count);
    4. it runs from tick to tick, in steps of 1, 2, 2.5 or 5 times a power of ten, whole for whole things.
    """
    kind = goal.unit.kind if goal.unit is not None else UnitKind.OTHER
    bounds = BOUNDS[kind]
    values = _drawn_values(goal, assessment, series)
    low, high = min(values), max(values)
    least = _least_span(goal, assessment, (low + high) / 2)
    if high - low < least:
        centre = (low + high) / 2
        low, high = _inside(bounds, centre - least / 2, centre + least / 2)
    if kind in ZERO_BASED and 0 <= low <= ZERO_WITHIN * (high - low):
        low = 0.0
    margin = MARGIN * (high - low)
    low, high = bounds.clamp(low - margin if low != 0 else low), bounds.clamp(high + margin)
    return _nice(low, high, bounds, whole=kind in WHOLE_UNITS)


def _drawn_values(goal: Goal, assessment: Assessment, series: Mapping[str, list[Measurement]]) -> list[float]:
    """Every value the chart draws: figures and their intervals, baseline, path, target, forecast and
    the edges of the allowed area."""
    values = [p.value for p in _path(goal, assessment)]
    if assessment.baseline is not None:
        values.append(assessment.baseline.value)
    if assessment.target is not None and not _band_target(assessment):
        values.append(assessment.target.value)
    for figures in series.values():
        for m in figures:
            values += [v for v in (m.value, m.ci_low, m.ci_high) if v is not None and m.available]
    forecast = assessment.forecast
    if forecast is not None and assessment.target is not None:
        values += [estimate(v, goal.unit) for v in (forecast.value, forecast.low, forecast.high)]
    values += [v for v in _allowed(goal, assessment) or () if v is not None]
    return values


def _least_span(goal: Goal, assessment: Assessment, centre: float) -> float:
    """The least the value axis spans: the step from baseline to target, the width of a band, and
    twice the smallest change that counts (1 percentage point, 5% of the baseline: see
    koers.domain.units.MINIMAL_CHANGES), whichever is largest. A change of a few tenths never
    fills the chart."""
    kind = goal.unit.kind if goal.unit is not None else UnitKind.OTHER
    base, target, aim = assessment.baseline, assessment.target, assessment.aim
    spans = [2 * MINIMAL_CHANGES[kind].of(base.value if base is not None else centre)]
    if base is not None and target is not None:
        spans.append(abs(target.value - base.value))
    if aim is not None and aim.low is not None and aim.high is not None:
        spans.append(aim.high - aim.low)
    allowed = _allowed(goal, assessment)
    if allowed is not None and allowed[0] is not None and allowed[1] is not None:
        spans.append(allowed[1] - allowed[0])
    return max(spans) or 1.0


def _inside(bounds: Bounds, low: float, high: float) -> tuple[float, float]:
    """``low`` to ``high`` moved (not shrunk) to within what the unit can take, where it fits."""
    if bounds.low is not None and low < bounds.low:
        low, high = bounds.low, high + bounds.low - low
    if bounds.high is not None and high > bounds.high:
        low, high = low - (high - bounds.high), bounds.high
    return bounds.clamp(low), bounds.clamp(high)


def _nice(low: float, high: float, bounds: Bounds, *, whole: bool) -> _Scale:
    """``low`` to ``high`` widened to the nearest ticks, with the smallest nice step that needs at
    most :data:`MAX_STEPS` steps."""
    power = 10 ** math.floor(math.log10((high - low) / MAX_STEPS))
    steps = [f * power * 10**e for e in range(3) for f in NICE_STEPS]
    for step in steps:
        if whole and (step < 1 or step != round(step)):
            continue
        first, last = math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step
        if round((last - first) / step) <= MAX_STEPS:
            return _Scale(bounds.clamp(first), bounds.clamp(last), step)
    raise AssertionError("a step of 10 times the span always fits")  # pragma: no cover


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
    """A bound shaded as the allowed area up to the edge of the plot, or a 'keep equal' band, with a
    line along each of its edges."""
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
    edges = [{**row, "edge": edge} for edge in (low, high) if edge is not None]
    return [
        _chart("allowed", [row])
        .mark_rect(opacity=1)
        .encode(y=y, y2=y2, fill=_channel(ctx, alt.Fill, "fill"), tooltip=alt.Tooltip("tip:N")),
        # the light area alone is too faint to see (1.2:1): its edge is drawn at 3:1
        _chart("allowed-edge", edges)
        .mark_rule(strokeWidth=1.5)
        .encode(y=_y(ctx, "edge"), stroke=_channel(ctx, alt.Stroke, "stroke"), tooltip=alt.Tooltip("tip:N")),
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
        layers += _label_layers(ctx, "latest-label", [rows[-1]])
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
    return [_point_layer(ctx, "baseline", rows), *_label_layers(ctx, "baseline-label", rows)]


def _target_layers(ctx: _Context) -> list[alt.Chart]:
    target = ctx.assessment.target
    if target is None or _band_target(ctx.assessment):  # a band is drawn as its allowed area
        return []
    rows = [_row(ctx, ctx.words["target"], target.value, target.period)]
    return [_point_layer(ctx, "target", rows, size=150), *_label_layers(ctx, "target-label", rows)]


def _forecast_layers(ctx: _Context) -> list[alt.Chart]:
    forecast: Forecast | None = ctx.assessment.forecast
    target = ctx.assessment.target
    if forecast is None or target is None:
        return []
    unit = ctx.goal.unit
    row = _row(ctx, ctx.words["forecast"], estimate(forecast.value, unit), target.period)
    row.update(_interval(ctx, estimate(forecast.low, unit), estimate(forecast.high, unit), row["tip"]))
    rows = [row]
    return [
        *_interval_layers(ctx, "forecast-interval", rows),
        _point_layer(ctx, "forecast", rows, size=110),
        *_label_layers(ctx, "forecast-label", rows),
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
Side = Literal["above", "below", "left", "right", "upper-left", "lower-left", "upper-right", "lower-right"]
Align = Literal["left", "center", "right"]
Baseline = Literal["top", "middle", "bottom"]
_SIDES: Final[dict[Side, tuple[int, int, Align, Baseline]]] = {
    "above": (0, -10, "center", "bottom"),
    "below": (0, 10, "center", "top"),
    "left": (-11, 0, "right", "middle"),
    "right": (11, 0, "left", "middle"),
    "upper-left": (-8, -6, "right", "bottom"),
    "lower-left": (-8, 6, "right", "top"),
    "upper-right": (7, -6, "left", "bottom"),
    "lower-right": (7, 6, "left", "top"),
}

#: Labels closer than this, in pixels, count as touching: the later one moves or is left out.
LABEL_GAP: Final = 4

#: Half the size of a point's symbol in pixels: a label keeps off the other points.
POINT_RADIUS: Final = 6


@dataclass(frozen=True, slots=True)
class _Label:
    """A value written beside its point, with the sides it may go to, best first."""

    name: str
    day: date
    value: float
    text: str
    sides: tuple[Side, ...]


#: A rectangle in pixels on the plot: left, top, right, bottom.
_Box = tuple[float, float, float, float]


def _labels(ctx: _Context, series: Mapping[str, list[Measurement]]) -> list[_Label]:
    """The labels beside the points, most important first: the target, the latest figure, the
    baseline, the forecast. Each prefers the side away from the line through its point."""
    goal, assessment, unit, lang = ctx.goal, ctx.assessment, ctx.goal.unit, ctx.lang
    rising = _rising(goal)
    labels: list[_Label] = []
    target = assessment.target
    if target is not None and not _band_target(assessment):
        sides: tuple[Side, ...] = ("upper-left", "lower-left", "above", "below", "right")
        if not rising:  # the path comes in from above: write below it
            sides = ("lower-left", "upper-left", "below", "above", "right")
        labels.append(_Label("target-label", target.period.end, target.value, _short(target.value, unit, lang), sides))
    figures = [m for figures in series.values() for m in figures if m.available and m.value is not None]
    if len(series) == 1 and figures:
        latest = figures[-1]
        assert latest.value is not None
        sides = ("upper-right", "lower-right", "right", "above", "below", "left")
        expected = assessment.expected  # the path (or the target) there: write on the other side
        if expected is not None and latest.value < expected:
            sides = ("lower-right", "upper-right", "right", "below", "above", "left")
        labels.append(_Label("latest-label", latest.period.end, latest.value, _short(latest.value, unit, lang), sides))
    base = assessment.baseline
    if base is not None:
        sides = ("below", "above", "left", "lower-left", "upper-left")  # away from the path
        if not rising:
            sides = ("above", "below", "left", "upper-left", "lower-left")
        labels.append(_Label("baseline-label", base.period.end, base.value, _short(base.value, unit, lang), sides))
    forecast = assessment.forecast
    if forecast is not None and target is not None:
        value = estimate(forecast.value, unit)
        sides = ("right", "upper-right", "lower-right")  # its interval runs above and below it
        labels.append(_Label("forecast-label", target.period.end, value, _short(value, unit, lang), sides))
    return labels


def _label_sides(ctx: _Context, series: Mapping[str, list[Measurement]]) -> dict[str, Side | None]:
    """The side each label goes to: the first of its sides where it stays on the plot, keeps
    :data:`LABEL_GAP` pixels from the labels placed before it and covers no other point; None
    when there is no such side (the value is still in the tooltip, the text alternative and the
    table). Positions are estimated from :func:`_plot_size`, before Vega lays the chart out."""
    width, height = _plot_size(ctx)
    start, end = ctx.domain
    scale = ctx.values

    def at(day: date, value: float) -> tuple[float, float]:
        return (day - start).days / (end - start).days * width, (scale.high - value) / (scale.high - scale.low) * height

    points = [at(day, value) for day, value in _points(ctx, series)]
    placed: list[_Box] = []
    sides: dict[str, Side | None] = {}
    for label in _labels(ctx, series):
        x, y = at(label.day, label.value)
        others = [(px, py) for px, py in points if abs(px - x) > 0.5 or abs(py - y) > 0.5]
        sides[label.name] = None
        for side in label.sides:
            box = _box(x, y, side, label.text)
            if _on_plot(box, width, height) and _clear(box, placed, others):
                sides[label.name] = side
                placed.append(box)
                break
    return sides


def _points(ctx: _Context, series: Mapping[str, list[Measurement]]) -> list[tuple[date, float]]:
    """Where the chart draws a symbol: every figure, the baseline, the target and the forecast."""
    assessment = ctx.assessment
    found = [(m.period.end, m.value) for figures in series.values() for m in figures if m.value is not None]
    found += [(p.period.end, p.value) for p in (assessment.baseline,) if p is not None]
    target, forecast = assessment.target, assessment.forecast
    if target is not None and not _band_target(assessment):
        found.append((target.period.end, target.value))
    if target is not None and forecast is not None:
        found.append((target.period.end, estimate(forecast.value, ctx.goal.unit)))
    return found


def _box(x: float, y: float, side: Side, text: str) -> _Box:
    """The rectangle ``text`` takes on ``side`` of the point at (x, y), at most."""
    dx, dy, align, baseline = _SIDES[side]
    width, height = len(text) * NUMBER_EM * TEXT_SIZE, TEXT_SIZE
    left = x + dx - {"left": 0.0, "center": width / 2, "right": width}[align]
    top = y + dy - {"top": 0.0, "middle": height / 2, "bottom": height}[baseline]
    return left, top, left + width, top + height


def _on_plot(box: _Box, width: float, height: float) -> bool:
    """Whether ``box`` stays on the plot (a little over its right edge is the gap before the legend)."""
    left, top, right, bottom = box
    return left >= -4 and top >= -4 and right <= width + 16 and bottom <= height + 2


def _clear(box: _Box, labels: Sequence[_Box], points: Sequence[tuple[float, float]]) -> bool:
    """Whether ``box`` keeps :data:`LABEL_GAP` from every label and covers none of the points."""
    r = POINT_RADIUS
    return not any(_overlap(box, other, LABEL_GAP) for other in labels) and not any(
        _overlap(box, (px - r, py - r, px + r, py + r), 0) for px, py in points
    )


def _overlap(a: _Box, b: _Box, gap: float) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _plot_size(ctx: _Context) -> tuple[float, float]:
    """An estimate of the plot's width and height in pixels, before Vega fits it into WIDTH x HEIGHT
    around the titles, the axes and the legend; on the small side, so that what is kept apart stays
    apart."""
    ticks = max(len(format_number(t, ctx.lang)) for t in ctx.values.ticks)
    legend = max((len(e.label) for e in ctx.legend), default=0)
    axis = ticks * NUMBER_EM * TEXT_SIZE + 30  # tick labels; title, ticks and gaps
    key = min(legend * REGULAR_EM * TEXT_SIZE, LEGEND_LABEL_LIMIT) + 26  # labels; symbol and gaps
    titles = len(ctx.title.text) * 18 + len(ctx.title.subtitle) * 15 + 14  # lines, gap
    width = WIDTH - PADDING["left"] - PADDING["right"] - axis - key
    height = HEIGHT - PADDING["top"] - PADDING["bottom"] - titles - 36  # the time axis
    return width, height


def _label_layers(ctx: _Context, name: str, rows: list[dict[str, Any]]) -> list[alt.Chart]:
    """The value written beside its point, so that the printed chart needs no ruler; on a white
    halo, so that it stays readable where it crosses a line. Left out where it would overlap
    another label or point (:func:`_label_sides`)."""
    side = ctx.sides.get(name)
    if side is None:
        return []
    dx, dy, align, baseline = _SIDES[side]
    halo = _chart(f"{name}-halo", rows).mark_text(
        dx=dx,
        dy=dy,
        align=align,
        baseline=baseline,
        fontSize=TEXT_SIZE,
        stroke="#FFFFFF",
        strokeWidth=3,
        strokeJoin="round",
        fill="#FFFFFF",
    )
    label = _chart(name, rows).mark_text(
        dx=dx, dy=dy, align=align, baseline=baseline, fontSize=TEXT_SIZE, fill="#222222"
    )
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


def _range(low: float, high: float, unit: Unit | None, lang: str) -> str:
    """'5.953 tot 6.077 toekenningen', '45,2% tot 51%': a unit after a number is written once."""
    each = unit is None or unit.kind in (UnitKind.PERCENTAGE, UnitKind.EURO)
    written_low = format_value(low, unit, lang) if each else format_number(low, lang)
    return _("{low} tot {high}", lang, low=written_low, high=format_value(high, unit, lang))


def _short(value: float, unit: Unit | None, lang: str) -> str:
    """A value as written on the chart, rounded as in the text (whole for whole things): the unit is
    on the axis, except for % and euro."""
    if unit is not None and unit.kind in (UnitKind.PERCENTAGE, UnitKind.EURO):
        return format_value(value, unit, lang)
    return format_number(rounded(value, unit), lang)


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
    value = format_value(estimate(forecast.value, unit), unit, lang)
    interval = _(
        "95%-interval {range}",
        lang,
        range=_range(estimate(forecast.low, unit), estimate(forecast.high, unit), unit, lang),
    )
    return _(
        "Prognose {period}: {value} ({interval}).",
        lang,
        period=target.period.label(lang),
        value=value,
        interval=interval,
    )
