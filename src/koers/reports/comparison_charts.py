# SPDX-License-Identifier: EUPL-1.2
"""The chart of one comparison: a horizontal bar per municipality, the own one highlighted.

A council member sees at a glance where the municipality stands among its peers, the size class
and the Netherlands. The chart must not mislead (docs/methodology.md, "Charts"): every bar starts
at zero, so that its length is its value; each bar carries its value, written the Dutch way
(koers.domain.formatting), so no one reads it off an axis; a municipality without a figure for the
period gets no bar but the words *geen cijfer*, never a 0; the own target is a dashed line, named in
the subtitle. The own municipality is told apart by colour (blue against grey) and by its name in
bold. The spec's description, the sentences of the comparison, is the text alternative, and the
page and the report show the same figures as a table.

The spec is plain Vega-Lite (no Altair: it has four small layers) in the look of the goals' charts
(koers.reports.charts: font, sizes, number locale), rendered by their render_svg and render_png.
"""

from __future__ import annotations

import textwrap
from typing import Any, Final

from koers.domain.comparison import Comparison, Role
from koers.i18n import N_, _
from koers.reports.charts import (
    BLUE,
    DASHED,
    PADDING,
    TITLE_CHARACTERS,
    VERMILLION,
    WIDTH,
    chart_config,
    render_png,
    render_svg,
    words,
)
from koers.reports.html import Figure

__all__ = ["comparison_chart", "comparison_figure", "comparison_png"]

SCHEMA: Final = "https://vega.github.io/schema/vega-lite/v5.json"
#: The other bars: a grey of 3.4:1 against white (WCAG 1.4.11), lighter than the own blue.
OTHER_GREY: Final = "#8C8C8C"
#: The height of one bar's row, in pixels.
ROW: Final = 34
#: Room to the right of the longest bar for its value, as a share of the axis.
ROOM: Final = 0.2
NO_FIGURE: Final = N_("geen cijfer")
OWN_TARGET: Final = N_("Rode stippellijn: het eigen doel, {target}")
#: The widest a name beside its bar is drawn, in pixels, and the characters of one of its lines.
NAME_WIDTH: Final = 220
NAME_CHARACTERS: Final = 28


def comparison_chart(comparison: Comparison, lang: str = "nl", *, illustrative: bool = False) -> dict[str, Any] | None:
    """The Vega-Lite spec of ``comparison``; None when no area has a figure to draw."""
    if comparison.period is None or not any(f.value is not None for f in comparison.figures):
        return None
    rows = [_row(comparison, index, lang) for index in range(len(comparison.figures))]
    names = _names([row["name"] for row in rows], _wrapped(comparison.own.label(lang)))
    target = comparison.subject.target_value
    layers = [_target(target)] if target is not None else []  # first: the figures are drawn over it
    layers += [_bars(names, _top(comparison)), _values(names), _missing(names)]
    return {
        "$schema": SCHEMA,
        "data": {"values": rows},
        "layer": layers,
        "width": WIDTH,
        "height": ROW * len(rows),
        "title": _title(comparison, lang, illustrative),
        "description": " ".join(comparison.sentences(lang)),
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": chart_config(lang),
        "padding": dict(PADDING),
    }


def comparison_figure(comparison: Comparison, lang: str = "nl", *, illustrative: bool = False) -> Figure | None:
    """The chart as inline SVG with its text alternative (the sentences), for the page and the report."""
    spec = comparison_chart(comparison, lang, illustrative=illustrative)
    if spec is None:
        return None
    return Figure(render_svg(spec, lang), spec["description"])


def comparison_png(comparison: Comparison, lang: str = "nl", *, illustrative: bool = False) -> bytes | None:
    """The chart as PNG, for Word."""
    spec = comparison_chart(comparison, lang, illustrative=illustrative)
    return render_png(spec, lang) if spec is not None else None


def figure_text(comparison: Comparison, value: float | None, lang: str) -> str:
    """A figure as the bar and the table write it (:meth:`Comparison.number`: the caption and the
    axis name the unit); *geen cijfer* when there is none."""
    return _(NO_FIGURE, lang) if value is None else comparison.number(value, lang)


def _row(comparison: Comparison, index: int, lang: str) -> dict[str, Any]:
    figure = comparison.figures[index]
    return {
        "name": _wrapped(figure.label(lang)),
        "value": figure.value,
        "text": figure_text(comparison, figure.value, lang),
        "own": figure.role == Role.OWN,
    }


def _top(comparison: Comparison) -> float:
    """The end of the value axis: the largest bar or the target, with room for the value beside it."""
    values = [f.value for f in comparison.figures if f.value is not None]
    target = comparison.subject.target_value
    highest = max([*values, *([target] if target is not None else [])])
    return highest * (1 + ROOM) if highest > 0 else 1.0


def _names(order: list[str], own: str) -> dict[str, Any]:
    """One row per municipality in the comparison's order; a long name on two lines, the own one in bold."""
    bold = {"condition": {"test": f"datum.value === {_js(own)}", "value": "bold"}, "value": "normal"}
    return {
        "field": "name",
        "type": "nominal",
        "sort": order,
        "title": None,
        "axis": {
            "labelExpr": "split(datum.label, '\\n')",
            "labelFontWeight": bold,
            "labelLimit": NAME_WIDTH,
            "ticks": False,
            "domain": False,
        },
    }


def _wrapped(name: str) -> str:
    """A name as the axis writes it: at most two lines ('Gemeenten met 20.000 tot' / '50.000 inwoners')."""
    lines = textwrap.wrap(name, NAME_CHARACTERS)
    return "\n".join([lines[0], " ".join(lines[1:])]) if len(lines) > 1 else name


def _bars(names: dict[str, Any], top: float) -> dict[str, Any]:
    return {
        "transform": [{"filter": "datum.value !== null"}],
        "mark": {"type": "bar", "height": {"band": 0.7}},
        "encoding": {
            "y": names,
            "x": {
                "field": "value",
                "type": "quantitative",
                "scale": {"domain": [0, top], "zero": True, "nice": False},
                "axis": {"title": None, "grid": True, "tickCount": 5},
            },
            "color": {"condition": {"test": "datum.own", "value": BLUE}, "value": OTHER_GREY},
        },
    }


def _values(names: dict[str, Any]) -> dict[str, Any]:
    """Each bar's value just beyond its end."""
    return {
        "transform": [{"filter": "datum.value !== null"}],
        "mark": {"type": "text", "align": "left", "baseline": "middle", "dx": 4},
        "encoding": {
            "y": names,
            "x": {"field": "value", "type": "quantitative"},
            "text": {"field": "text"},
            "fontWeight": {"condition": {"test": "datum.own", "value": "bold"}, "value": "normal"},
        },
    }


def _missing(names: dict[str, Any]) -> dict[str, Any]:
    """*geen cijfer* where a bar would start: the area has no figure for the period."""
    return {
        "transform": [{"filter": "datum.value === null"}, {"calculate": "0", "as": "zero"}],
        "mark": {"type": "text", "align": "left", "baseline": "middle", "dx": 4, "fontStyle": "italic"},
        "encoding": {"y": names, "x": {"field": "zero", "type": "quantitative"}, "text": {"field": "text"}},
    }


def _target(target: float) -> dict[str, Any]:
    """The own target as a dashed line across the bars; the subtitle says what it is."""
    return {
        "data": {"values": [{"target": target}]},
        "mark": {"type": "rule", "color": VERMILLION, "strokeWidth": 2, "strokeDash": list(DASHED)},
        "encoding": {"x": {"field": "target", "type": "quantitative"}},
    }


def _title(comparison: Comparison, lang: str, illustrative: bool) -> dict[str, Any]:
    subject = comparison.subject
    period = comparison.period.label(lang) if comparison.period is not None else ""
    first = " · ".join(part for part in (period, subject.unit_label(lang)) if part)
    if illustrative:
        first += f" · {words(lang)['illustrative']}"
    subtitle = [first]
    if subject.target_value is not None:
        subtitle.append(_(OWN_TARGET, lang, target=subject.target_words(lang)))
    return {
        "text": textwrap.wrap(subject.name, TITLE_CHARACTERS) or [subject.name],
        "subtitle": subtitle if len(subtitle) > 1 else first,
        "anchor": "start",
    }


def _js(text: str) -> str:
    """``text`` as a JavaScript string literal in a Vega expression."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
