# SPDX-License-Identifier: EUPL-1.2
"""The map of a goal judged per wijk: every wijk coloured by its latest figure.

A council member asks "in which wijk is it worst?"; a map answers at a glance where the per-wijk
table needs reading. It is drawn only for a goal that holds in every wijk, when boundaries have
been loaded for its wijken (``koers geo load``); otherwise the goal keeps its chart and table
alone. The per-wijk table stays beside the map as its text alternative.

One Vega-Lite spec serves the dashboard and the printed report, with its data inline (the
boundaries as GeoJSON values, never a URL, and no tile server): a single hue from light to dark
blue in classes with round bounds, with a legend titled with the unit; a wijk without a figure is
grey and says so in words on the map and in the legend; each wijk carries its name and figure as
a label (a printed map has no tooltips); a provisional figure is marked with an asterisk. RD New
(metres) is drawn as it is, flipped so that north is up (``identity`` with ``reflectY``);
degrees through the Mercator projection.

The map is narrower than the chart (:data:`MAP_WIDTH`): on a phone 390 pixels wide it scales
down as an SVG without its text getting too small to read, and on A4 it fits the text column.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from koers.domain.assessment import Assessment
from koers.domain.boundaries import Boundary
from koers.domain.formatting import format_figure
from koers.domain.geo import aspect
from koers.domain.goals import Goal
from koers.domain.measurements import Measurement, MeasurementStatus, current_version
from koers.i18n import N_, _

# The charts' fonts, sizes, number locale and their way of wrapping titles: one rule for both.
from koers.reports.charts import (
    BOLD_EM,
    GREY,
    NICE_STEPS,
    PADDING,
    REGULAR_EM,
    SUBTITLE_SIZE,
    TEXT_SIZE,
    TITLE_SIZE,
    balanced_lines,
    chart_config,
    join_lines,
    render_svg,
)
from koers.reports.html import Figure
from koers.reports.model import GoalSection, Report

#: The map's width in pixels: 9.5 cm on A4, and on a phone 390 pixels wide its text stays near 11 px.
MAP_WIDTH: Final = 360
#: Height over width stays within these, however long or wide the municipality is.
ASPECTS: Final = (0.5, 1.3)
#: A single hue, light to dark (ColorBrewer Blues), and the grey of a wijk without a figure:
#: grey and blue differ in hue for every common kind of colour blindness, and the label says it.
BLUES: Final = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B")
NO_FIGURE: Final = "#B3B3B3"
#: About this many classes of figures: few enough to tell their blues apart.
CLASSES: Final = 4
EDGE = GREY
#: Characters of a title line and a subtitle line at the map's width.
TITLE_CHARACTERS = int((MAP_WIDTH - PADDING["left"] - PADDING["right"]) / (BOLD_EM * TITLE_SIZE))
SUBTITLE_CHARACTERS = int((MAP_WIDTH - PADDING["left"] - PADDING["right"]) / (REGULAR_EM * SUBTITLE_SIZE))

#: The words on the map (English: koers.i18n).
NO_FIGURE_WORDS: Final = N_("geen cijfer")
PROVISIONAL_NOTE: Final = N_("* voorlopig cijfer")


@dataclass(frozen=True, slots=True)
class WijkFigure:
    """A wijk of the goal with its latest figure (None: not measured yet) and its boundary."""

    area: str
    name: str
    latest: Measurement | None
    boundary: Boundary | None


def wijk_figures(
    goal: Goal,
    assessment: Assessment,
    measurements: Iterable[Measurement],
    boundaries: Mapping[str, Boundary],
    names: Mapping[str, str],
) -> list[WijkFigure]:
    """The goal's wijken (in the plan's order) with their latest current figure that is there;
    empty for a goal that is not judged per wijk."""
    versions: dict[tuple[str, str, str], list[Measurement]] = {}
    for m in measurements:
        if m.subject == goal.id:
            versions.setdefault(m.key, []).append(m)
    figures = [m for m in (current_version(v) for v in versions.values()) if m is not None and m.available]
    found = []
    for area in (a.area for a in assessment.areas):
        mine = [m for m in figures if m.area == area]
        latest = max(mine, key=lambda m: m.period.end) if mine else None
        found.append(WijkFigure(area, names.get(area, area), latest, boundaries.get(area)))
    return found


def wijk_map(
    goal: Goal,
    wijken: Sequence[WijkFigure],
    *,
    lang: str = "nl",
    illustrative: bool = False,
) -> dict[str, Any] | None:
    """The Vega-Lite spec of the goal's map; None when no wijk with a figure has a boundary."""
    drawn = [w for w in wijken if w.boundary is not None]
    if not any(w.latest is not None for w in drawn):
        return None
    planar = all(w.boundary.planar for w in drawn if w.boundary is not None)
    shapes = [w.boundary.shape for w in drawn if w.boundary is not None]
    height = round(MAP_WIDTH * min(max(aspect(shapes, planar), ASPECTS[0]), ASPECTS[1]))
    missing = [w for w in drawn if w.latest is None]
    layers = [_no_figure_layer(lang)] if missing else []
    values = [w.latest.value for w in drawn if w.latest is not None and w.latest.value is not None]
    layers += [_figure_layer(goal, values, lang), *_label_layers()]
    config = chart_config(lang)
    config["legend"] = {**config["legend"], "orient": "bottom", "direction": "horizontal", "titleFontSize": TEXT_SIZE}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {
            "text": balanced_lines(f"{goal.id} {_goal_name(goal)}", TITLE_CHARACTERS),
            "subtitle": _subtitle(wijken, illustrative, lang),
            "anchor": "start",
        },
        "description": map_text(goal, wijken, lang),
        "width": MAP_WIDTH,
        "height": height,
        "projection": {"type": "identity", "reflectY": True} if planar else {"type": "mercator"},
        "datasets": {"wijken": [_feature(goal, w, lang) for w in drawn], "labels": _labels(goal, drawn, lang)},
        "layer": layers,
        "resolve": {"scale": {"color": "independent"}, "legend": {"color": "independent"}},
        "config": config,
        "padding": dict(PADDING),
    }


def map_text(goal: Goal, wijken: Sequence[WijkFigure], lang: str = "nl") -> str:
    """The map in words: every wijk's latest figure, and which wijken have no boundary."""
    parts = [
        _("{wijk} {figure}", lang, wijk=w.name, figure=_dated(goal, w.latest, lang))
        if w.latest is not None
        else _("{wijk} geen cijfer", lang, wijk=w.name)
        for w in wijken
        if w.boundary is not None
    ]
    text = _("Kaart van de wijken, gekleurd naar de laatste meting: {figures}.", lang, figures="; ".join(parts))
    outside = [w.name for w in wijken if w.boundary is None]
    if outside:
        text += " " + _("Niet op de kaart (geen grens bekend): {wijken}.", lang, wijken=", ".join(outside))
    return text


def map_spec(section: GoalSection, report: Report) -> dict[str, Any] | None:
    """The spec of the goal's map in ``report``; its description is the text alternative."""
    wijken = wijk_figures(section.goal, section.assessment, section.measurements, report.boundaries, report.area_names)
    return wijk_map(section.goal, wijken, lang=report.lang, illustrative=report.illustrative)


def map_figure(section: GoalSection, report: Report) -> Figure | None:
    """The goal's map as inline SVG with its text alternative, or None when it has none."""
    spec = map_spec(section, report)
    if spec is None:
        return None
    return Figure(render_svg(spec, report.lang), spec["description"])


def _goal_name(goal: Goal) -> str:
    return goal.title or (goal.indicator.name if goal.indicator else goal.statement)


def _subtitle(wijken: Sequence[WijkFigure], illustrative: bool, lang: str) -> list[str]:
    periods = sorted({w.latest.period for w in wijken if w.latest is not None and w.boundary is not None})
    when = (
        periods[0].label(lang)
        if len(periods) == 1
        else _("{first} tot {last}", lang, first=periods[0].label(lang), last=periods[-1].label(lang))
    )
    notes = [_("Laatste meting per wijk: {period}", lang, period=when)]
    if illustrative:
        notes.insert(0, _("Illustratieve cijfers", lang))
    if any(w.latest is not None and w.latest.status == MeasurementStatus.PROVISIONAL for w in wijken):
        notes.append(_(PROVISIONAL_NOTE, lang))
    outside = [w.name for w in wijken if w.boundary is None]
    if outside:
        notes.append(_("Geen grens bekend: {wijken}", lang, wijken=", ".join(outside)))
    return join_lines(notes, SUBTITLE_CHARACTERS)


def _feature(goal: Goal, wijk: WijkFigure, lang: str) -> dict[str, Any]:
    assert wijk.boundary is not None
    m = wijk.latest
    properties = {
        "wijk": wijk.name,
        "value": m.value if m is not None else None,
        "figure": _dated(goal, m, lang) if m is not None else _(NO_FIGURE_WORDS, lang),
        "missing": _(NO_FIGURE_WORDS, lang) if m is None else None,
    }
    properties["description"] = f"{wijk.name}: {properties['figure']}"  # what a screen reader says
    return {"type": "Feature", "geometry": wijk.boundary.shape.as_geojson(), "properties": properties}


def _labels(goal: Goal, drawn: Sequence[WijkFigure], lang: str) -> list[dict[str, Any]]:
    """Per wijk its name and figure, where a label fits inside its largest part."""
    rows = []
    for w in drawn:
        assert w.boundary is not None
        x, y = w.boundary.shape.label_point()
        rows.append({"x": x, "y": y, "text": f"{w.name}\n{_short(goal, w.latest, lang)}"})
    return rows


def _short(goal: Goal, m: Measurement | None, lang: str) -> str:
    """The figure on the map: the number as the legend's unit reads it, '*' when provisional."""
    if m is None:
        return _(NO_FIGURE_WORDS, lang)
    mark = "*" if m.status == MeasurementStatus.PROVISIONAL else ""
    return format_figure(m, goal.unit, lang, in_cell=True) + mark


def _dated(goal: Goal, m: Measurement | None, lang: str) -> str:
    assert m is not None
    provisional = f" ({m.status.label(lang)})" if m.status == MeasurementStatus.PROVISIONAL else ""
    return f"{m.period.label(lang)}: {format_figure(m, goal.unit, lang)}{provisional}"


def _tooltip(lang: str) -> list[dict[str, str]]:
    return [
        {"field": "properties.wijk", "type": "nominal", "title": _("Wijk", lang)},
        {"field": "properties.figure", "type": "nominal", "title": _("Laatste meting", lang)},
    ]


def _no_figure_layer(lang: str) -> dict[str, Any]:
    """The wijken without a figure: grey, with 'geen cijfer' in a legend of their own."""
    return {
        "data": {"name": "wijken"},
        "transform": [{"filter": "datum.properties.value == null"}],
        "mark": {"type": "geoshape", "stroke": EDGE, "strokeWidth": 0.8},
        "encoding": {
            "color": {
                "field": "properties.missing",
                "type": "nominal",
                "scale": {"range": [NO_FIGURE]},
                "legend": {"title": None, "symbolType": "square", "symbolSize": 200},
            },
            "tooltip": _tooltip(lang),
            "description": {"field": "properties.description", "type": "nominal"},
        },
    }


def _figure_layer(goal: Goal, values: Sequence[float], lang: str) -> dict[str, Any]:
    """The wijken with a figure, in classes from light (lowest) to dark (highest) with round
    bounds (:func:`class_breaks`); the legend names the unit."""
    unit = goal.unit.label_text(lang) if goal.unit is not None else ""
    breaks = class_breaks(values)
    return {
        "data": {"name": "wijken"},
        "transform": [{"filter": "datum.properties.value != null"}],
        "mark": {"type": "geoshape", "stroke": EDGE, "strokeWidth": 0.8},
        "encoding": {
            "color": {
                "field": "properties.value",
                "type": "quantitative",
                "scale": {"type": "threshold", "domain": breaks, "range": _colours(len(breaks) + 1)},
                "legend": {"title": unit, "format": ",~f", "symbolType": "square", "symbolSize": 200},
            },
            "tooltip": _tooltip(lang),
            "description": {"field": "properties.description", "type": "nominal"},
        },
    }


def class_breaks(values: Sequence[float]) -> list[float]:
    """Round bounds between classes of the figures (40, 42, 44 for 39,8 to 45,2): about
    :data:`CLASSES` classes of one width a reader counts in (the chart's axis steps), the lowest and the highest figure
    each in a class of its own end. A colour scale in classes reads a wijk's colour off the
    legend, which a continuous one does not (and WeasyPrint draws no gradient legend)."""
    low, high = min(values), max(values)
    if high == low:
        return []
    raw = (high - low) / CLASSES
    power = 10 ** math.floor(math.log10(raw))
    step = next((s * power for s in NICE_STEPS if s * power >= raw), 10 * power)
    first = (math.floor(low / step) + 1) * step
    return [round(first + i * step, 9) for i in range(math.ceil((high - first) / step))]


def _colours(count: int) -> list[str]:
    """``count`` blues spread over :data:`BLUES`, light to dark; one class: the middle blue."""
    if count == 1:
        return [BLUES[len(BLUES) // 2]]
    return [BLUES[round(i * (len(BLUES) - 1) / (count - 1))] for i in range(count)]


def _label_layers() -> list[dict[str, Any]]:
    """Each wijk's name and figure in black on a white halo, readable on light and dark blue."""
    text = {
        "type": "text",
        "aria": False,  # the shapes under them already say it
        "fontSize": TEXT_SIZE,
        "lineBreak": "\n",
        "align": "center",
        "baseline": "middle",
    }
    encoding = {
        "longitude": {"field": "x", "type": "quantitative"},
        "latitude": {"field": "y", "type": "quantitative"},
        "text": {"field": "text", "type": "nominal"},
    }
    halo = {**text, "stroke": "#FFFFFF", "strokeWidth": 3, "strokeJoin": "round", "fill": "#FFFFFF"}
    return [
        {"data": {"name": "labels"}, "mark": halo, "encoding": encoding},
        {"data": {"name": "labels"}, "mark": {**text, "fill": "#000000"}, "encoding": encoding},
    ]
