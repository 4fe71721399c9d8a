# SPDX-License-Identifier: EUPL-1.2
"""The rules that keep a goal's chart from misleading a council member (docs/methodology.md,
"Charts"), one group of tests per rule, on the Vega-Lite spec and, where the layout decides, on
the rendered SVG or PNG:

1. the value axis is at least as tall as the step the plan asks, and starts at zero by a stated rule;
2. a percentage axis stays within 0-100%;
3. every figure sits at the end of its period, and the time axis says so ('eind 2025');
4. whole things get whole ticks;
5. no title line is wider than the chart;
6. the labels beside the points never overlap each other or another point;
7. lines, markers and the edge of the allowed area stand out at 3:1 (WCAG 1.4.11);
8. the status is told in words, and every element differs in more than its colour.

Besides hand-made goals, every chart of the Heemskerk report is checked: the plan with the
illustrative figures of `koers demo-data --seed 2024`, as of the end of 2026-H1.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from koers.demo import illustrative_batch
from koers.domain.assessment import Assessment, assess, assess_plan
from koers.domain.goals import Goal
from koers.domain.measurements import Measurement
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.status import Status
from koers.domain.units import MINIMAL_CHANGES, WHOLE_UNITS, UnitKind
from koers.reports import charts
from koers.reports.charts import ALLOWED_FILL, SERIES_COLOURS, goal_chart, render_png, render_svg
from tests.reports.test_status_styles import contrast, luminance

#: The report over 2026-H1 judges as of its end; the demo figures run to the day they were made.
AS_OF, MADE = date(2026, 6, 30), date(2026, 11, 23)
WHITE = "#FFFFFF"
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

Drawn = tuple[Goal, Assessment, dict[str, Any]]


# -- helpers ---------------------------------------------------------------------------------


def goal(unit: Any = "count", direction: str = "increase", **fields: Any) -> Goal:
    """A goal of one's own: 'Deelnemers' in ``unit``, baseline 100 in 2023, 110 in 2027 unless said."""
    return Goal.model_validate(
        {
            "id": "G-1",
            "challenge": "c",
            "statement": "Meer deelnemers.",
            "direction": direction,
            "indicator": {"name": "Deelnemers", "unit": unit},
            "baseline": {"value": 100, "period": "2023"},
            "target": {"value": 110, "period": "2027"},
            **fields,
        }
    )


def chart(g: Goal, figures: list[tuple[str, float]], as_of: date = date(2026, 3, 1), **fields: Any) -> Drawn:
    measured = [Measurement(g.id, Period.parse(p), "GM0001", v, **fields) for p, v in figures]
    assessment = assess(g, measured, as_of=as_of, municipality="GM0001")
    spec = goal_chart(g, assessment, measured)
    assert spec is not None
    return g, assessment, spec


def layers(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {layer["name"]: layer for layer in spec["layer"]}


def y_axis(spec: dict[str, Any]) -> dict[str, Any]:
    """The value axis: one scale and one axis, the same in every layer."""
    found: list[dict[str, Any]] = [
        layer["encoding"]["y"] for layer in spec["layer"] if "field" in layer.get("encoding", {}).get("y", {})
    ]
    assert all(y["scale"] == found[0]["scale"] for y in found)
    return found[0]


def drawn_values(spec: dict[str, Any]) -> list[float]:
    return [
        row[key]
        for layer in spec["layer"]
        for row in layer.get("data", {}).get("values", [])
        for key in ("value", "low", "high", "edge")
        if row.get(key) is not None
    ]


def text_boxes(svg: str) -> list[tuple[str, str, tuple[float, float, float, float]]]:
    """Each label beside a point in the rendered SVG: (layer, text, box), the box from its anchor
    and 0.65 em a character (the widest the chart's font draws a figure)."""
    found = []
    for group in re.finditer(r'class="mark-text role-mark (\w+?)_label_marks"[^>]*>(.*?)</g>', svg):
        for text in re.finditer(
            r'<text[^>]*text-anchor="(\w+)"[^>]*translate\(([-\d.]+),([-\d.]+)\)"[^>]*font-size="(\d+)px"[^>]*>([^<]*)<',
            group.group(2),
        ):
            anchor, x, y, size, written = text.group(1), *map(float, text.group(2, 3, 4)), text.group(5)
            width = len(written) * 0.65 * size
            left = x - {"start": 0, "middle": width / 2, "end": width}[anchor]
            found.append((group.group(1), written, (left, y - 0.75 * size, left + width, y + 0.25 * size)))
    return found


def symbols(svg: str) -> list[tuple[str, float, float]]:
    """Each point symbol in the rendered SVG: (layer, x, y)."""
    return [
        (group.group(1), float(x), float(y))
        for group in re.finditer(r'class="mark-symbol role-mark (\w+?)_marks"[^>]*>(.*?)</g>', svg)
        for x, y in re.findall(r"translate\(([-\d.]+),([-\d.]+)\)", group.group(2))
    ]


def axis_labels(svg: str) -> dict[str, float]:
    """The time axis labels and their x positions."""
    return {text: float(x) for x, text in re.findall(r'translate\(([-\d.]+),[-\d.]+\)"[^>]*>(eind \d{4})<', svg)}


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def crowding(svg: str) -> list[str]:
    """Labels that overlap each other, or a point that is not their own."""
    found = []
    boxes = text_boxes(svg)
    for i, (layer, text, box) in enumerate(boxes):
        found += [f"{text} on {other}" for _, other, box2 in boxes[i + 1 :] if overlap(box, box2)]
        found += [
            f"{text} on {name}"
            for name, x, y in symbols(svg)
            if overlap(box, (x - 4, y - 4, x + 4, y + 4)) and name != layer
        ]
    return found


@pytest.fixture(scope="module")
def report(heemskerk_2024: Plan) -> dict[str, Drawn]:
    """The charts of the Heemskerk report over 2026-H1 with the demo figures (26 of them)."""
    batch = illustrative_batch(heemskerk_2024, seed=2024, as_of=MADE)
    figures = [batch.measurement(i) for i in range(len(batch))]
    assessments = assess_plan(heemskerk_2024, figures, as_of=AS_OF)
    names = {(a.cbs_code or a.id): a.name for a in heemskerk_2024.areas}
    drawn = {}
    for g in heemskerk_2024.goals:
        spec = goal_chart(g, assessments[g.id], figures, names=names, illustrative=True)
        if spec is not None:
            drawn[g.id] = (g, assessments[g.id], spec)
    assert len(drawn) == 26
    return drawn


@pytest.fixture(scope="module")
def report_svgs(report: dict[str, Drawn]) -> dict[str, str]:
    return {goal_id: render_svg(spec) for goal_id, (_, _, spec) in report.items()}


# -- 1. the value axis: at least the step asked, zero by rule --------------------------------------


def test_the_axis_spans_every_figure_and_at_least_the_step_the_plan_asks(report: dict[str, Drawn]) -> None:
    for goal_id, (g, assessment, spec) in report.items():
        low, high = y_axis(spec)["scale"]["domain"]
        assert low <= min(drawn_values(spec)) and max(drawn_values(spec)) <= high, goal_id
        base, target = assessment.baseline, assessment.target
        kind = g.unit.kind if g.unit else UnitKind.OTHER
        if base is not None:
            assert high - low >= 2 * MINIMAL_CHANGES[kind].of(base.value), goal_id
        if base is not None and target is not None:
            assert high - low >= abs(target.value - base.value), goal_id


def test_a_change_of_a_few_tenths_does_not_fill_the_chart(report: dict[str, Drawn]) -> None:
    # ZW-05 keeps 79,91 per 1.000 inwoners; the figures move by at most 0,56 (0,7%)
    _, _, spec = report["ZW-05"]
    low, high = y_axis(spec)["scale"]["domain"]
    figures = [r["value"] for r in layers(spec)["measurements"]["data"]["values"]]
    assert high - low >= 2 * 0.05 * 79.91  # twice the smallest change that counts: 5% of the baseline
    assert (max(figures) - min(figures)) / (high - low) < 0.1
    # a keep-equal goal with a band: at least the band
    g = goal(
        "percentage",
        "maintain",
        baseline={"value": 60, "period": "2023"},
        target={"change": "gelijk", "period": "2027", "tolerance": "3 pp"},
    )
    _, _, spec = chart(g, [("2024", 60.0), ("2025", 59.8)])
    low, high = y_axis(spec)["scale"]["domain"]
    assert high - low >= 6  # the band: 57% to 63%


RATE = {"kind": "rate", "per": 1000, "population": "jeugdigen"}


@pytest.mark.parametrize(
    ("unit", "baseline", "target", "figure", "zero"),
    [
        ("count", 100, 150, 120, True),  # the figures lie 100 from zero, 2 x their span of 50: from 0
        ("count", 101, 150, 120, False),  # 101 is more than 2 x 49
        ("euro", 2864, 3200, 3000, False),
        ("percentage", 16, 11, 16.6, True),  # 11% is within 2 x 5,6 of zero
        ("percentage", 20, 21, 20.4, False),
        (RATE, 141, 137.5, 138, False),
        ("score", 2, 4, 3, False),  # a score's zero is no 'none': never forced
    ],
)
def test_the_axis_starts_at_zero_by_rule(unit: Any, baseline: float, target: float, figure: float, zero: bool) -> None:
    direction = "increase" if target > baseline else "decrease"
    g = goal(
        unit, direction, baseline={"value": baseline, "period": "2023"}, target={"value": target, "period": "2027"}
    )
    _, _, spec = chart(g, [("2025", figure)])
    low = y_axis(spec)["scale"]["domain"][0]
    assert (low == 0) is zero
    assert low <= min(drawn_values(spec))


def test_the_report_axes_start_at_zero_where_the_figures_are_near_it(report: dict[str, Drawn]) -> None:
    starts = {goal_id: y_axis(spec)["scale"]["domain"][0] for goal_id, (_, _, spec) in report.items()}
    assert {goal_id for goal_id, low in starts.items() if low == 0} == {
        "FF-04",  # 45 to 65 inwoners
        "FF-05",  # 16% to 11%
        "OO-02",
        "OO-03",
        "OZ-01",  # 46% to 80%
        "VW-02",  # 108 to 250 kinderen
        "ZW-02",  # 107 to 178 inwoners
    }


# -- 2. percentages within 0-100% ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "target", "figure", "interval"),
    [(96.0, 99.5, 99.2, (97.9, 100.4)), (3.0, 0.5, 0.8, (-0.3, 1.9)), (50.0, 50.5, 50.2, (49.0, 51.4))],
)
def test_a_percentage_axis_stays_within_0_and_100(
    baseline: float, target: float, figure: float, interval: tuple[float, float]
) -> None:
    direction = "increase" if target > baseline else "decrease"
    g = goal(
        "percentage",
        direction,
        baseline={"value": baseline, "period": "2023"},
        target={"value": target, "period": "2027"},
    )
    _, _, spec = chart(g, [("2025", figure)], ci_low=interval[0], ci_high=interval[1])
    scale = y_axis(spec)["scale"]
    assert 0 <= scale["domain"][0] < scale["domain"][1] <= 100
    assert scale["clamp"] is True  # an interval beyond 0 or 100 stops at the edge
    assert all(0 <= t <= 100 for t in y_axis(spec)["axis"]["values"])


def test_the_report_percentages_stay_within_0_and_100(report: dict[str, Drawn]) -> None:
    for goal_id, (g, _, spec) in report.items():
        if g.unit is not None and g.unit.kind == UnitKind.PERCENTAGE:
            low, high = y_axis(spec)["scale"]["domain"]
            assert low >= 0 and high <= 100, goal_id


# -- 3. each figure at the end of its period, and the axis says so ---------------------------------------


def test_a_half_year_sits_at_its_end_under_an_axis_that_says_so() -> None:
    g = goal(target={"value": 110, "period": "2026"})
    _, _, spec = chart(g, [("2024-H1", 101), ("2024-H2", 102), ("2025-H1", 104), ("2025-H2", 105)])
    points = layers(spec)["measurements"]["data"]["values"]
    assert [r["date"] for r in points] == ["2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31"]
    x = layers(spec)["measurements"]["encoding"]["x"]
    assert {(v["month"], v["date"]) for v in x["axis"]["values"]} == {(12, 31)}  # a tick at every year's end
    assert "eind" in x["axis"]["labelExpr"] and x["title"] == "stand aan het eind van de periode"
    svg = render_svg(spec)
    ticks = axis_labels(svg)
    drawn = [x for name, x, _ in symbols(svg) if name == "measurements"]
    # the first half of 2025 halfway between the end of 2024 and the end of 2025; the second half at its end
    assert drawn[2] == pytest.approx((ticks["eind 2024"] + ticks["eind 2025"]) / 2, abs=1.5)
    assert drawn[3] == pytest.approx(ticks["eind 2025"], abs=0.5)
    assert drawn[1] == pytest.approx(ticks["eind 2024"], abs=0.5)


def test_time_labels_never_touch(report_svgs: dict[str, str]) -> None:
    for goal_id, svg in report_svgs.items():
        positions = sorted(axis_labels(svg).values())
        assert positions, goal_id
        width = len("eind 2025") * 0.65 * 11
        assert all(b - a > width for a, b in zip(positions, positions[1:], strict=False)), goal_id
        assert "eind 2027" in axis_labels(svg), goal_id  # the target year is always labelled


# -- 4. whole ticks for whole things -------------------------------------------------------------------------


def test_whole_things_get_whole_ticks() -> None:
    g = goal(baseline={"value": 0, "period": "2023"}, target={"value": 3, "period": "2027"})
    _, _, spec = chart(g, [("2024", 1), ("2025", 1)])
    axis = y_axis(spec)["axis"]
    assert all(float(t).is_integer() for t in axis["values"])
    assert (axis["format"], axis["tickMinStep"]) == (",d", 1)
    written = re.findall(r">([^<]*)</text>", "".join(re.findall(r'role-axis-label".*?</g>', render_svg(spec))))
    assert written and not [t for t in written if "," in t]  # 0, 1, 2, 3: no 0,5


def test_the_report_ticks_are_whole_for_whole_things(report: dict[str, Drawn]) -> None:
    for goal_id, (g, _, spec) in report.items():
        if g.unit is not None and g.unit.kind in WHOLE_UNITS:
            axis = y_axis(spec)["axis"]
            assert all(float(t).is_integer() for t in axis["values"]) and axis["format"] == ",d", goal_id


# -- 5. titles that fit ------------------------------------------------------------------------------------------


def title_lines(spec: dict[str, Any]) -> tuple[list[str], list[str]]:
    title = spec["title"]
    subtitle = title["subtitle"]
    return title["text"], [subtitle] if isinstance(subtitle, str) else subtitle


def test_no_title_line_is_wider_than_the_chart(report: dict[str, Drawn]) -> None:
    long = goal(title="Een doel met een naam die veel te lang is om op een regel te passen, " * 3)
    specs = [spec for _, _, spec in report.values()] + [chart(long, [("2025", 105)])[2]]
    room = charts.WIDTH - charts.PADDING["left"] - charts.PADDING["right"]
    for spec in specs:
        text, subtitle = title_lines(spec)
        assert all(len(line) * charts.BOLD_EM * charts.TITLE_SIZE <= room for line in text), text
        assert all(len(line) * charts.REGULAR_EM * charts.SUBTITLE_SIZE <= room for line in subtitle), subtitle
    assert len(title_lines(specs[-1])[0]) == 4


@pytest.mark.skipif(not DEJAVU_BOLD.exists(), reason="DejaVu Sans Bold is not installed")
def test_no_title_line_is_wider_than_the_chart_in_the_report_font(report: dict[str, Drawn]) -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(str(DEJAVU_BOLD))
    cmap, advances, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    room = charts.WIDTH - charts.PADDING["left"] - charts.PADDING["right"]
    for goal_id, (_, _, spec) in report.items():
        for line in title_lines(spec)[0]:
            width = sum(advances[cmap[ord(c)]][0] for c in line) / em * charts.TITLE_SIZE
            assert width <= room, (goal_id, line, width)


def test_the_printed_title_is_not_cut_off(report: dict[str, Drawn]) -> None:
    from PIL import Image

    widest = max(report.values(), key=lambda d: max(len(line) for line in d[2]["title"]["text"]))[2]
    image = Image.open(io.BytesIO(render_png(widest))).convert("L")  # one byte a pixel, 0 is black
    pixels, width, scale = image.tobytes(), image.width, charts.PNG_SCALE

    def ink(xs: range, ys: range) -> bool:
        return any(pixels[y * width + x] < 128 for y in ys for x in xs)

    title = range(int((5 + 18 * len(widest["title"]["text"])) * scale))
    assert not ink(range(int((charts.WIDTH - 10) * scale), width), title)  # nothing at the right edge
    assert not ink(range(width), range(int(2 * scale)))  # nor at the top


def test_the_chart_is_set_in_the_report_font(report: dict[str, Drawn]) -> None:
    _, _, spec = report["FF-01"]
    assert spec["config"]["font"].startswith("DejaVu Sans")
    css = (Path(charts.__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")
    assert 'font-family: "DejaVu Sans"' in css  # the font WeasyPrint sets the report in


# -- 6. labels that do not overlap -------------------------------------------------------------------------------


def keep_level() -> Drawn:
    """Baseline and target close together: keep 50% from 2026 to 2027, measured just after the baseline."""
    g = goal(
        "percentage",
        "maintain",
        baseline={"value": 50, "period": "2026"},
        target={"change": "gelijk", "period": "2027", "tolerance": "1 pp"},
    )
    return chart(g, [("2026", 50.0), ("2026-H2", 50.2)], as_of=date(2027, 3, 1))


def to_the_end() -> Drawn:
    """The latest figure in the target period, next to the target and the forecast."""
    halves = ["2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1", "2026-H2", "2027-H1"]
    return chart(goal(), list(zip(halves, [101, 103, 105, 106, 108, 109, 109], strict=True)), as_of=date(2027, 9, 1))


@pytest.mark.parametrize("case", [keep_level, to_the_end])
def test_labels_give_way_to_each_other(case: Any) -> None:
    _, _, spec = case()
    svg = render_svg(spec)
    assert crowding(svg) == []
    assert {name for name, _, _ in text_boxes(svg)} >= {"target", "latest", "baseline"}  # moved, not dropped


def test_a_label_moves_from_its_first_side_when_it_must() -> None:
    _, _, spec = keep_level()
    # the baseline is written above its point, away from the path; the latest figure is there, so below
    (mark,) = [layer["mark"] for layer in spec["layer"] if layer["name"] == "baseline-label"]
    assert (mark["dy"], mark["baseline"]) == (10, "top")


def test_no_label_in_the_report_overlaps(report_svgs: dict[str, str]) -> None:
    assert {goal_id: crowding(svg) for goal_id, svg in report_svgs.items() if crowding(svg)} == {}


# -- 7. 3:1 against the background ---------------------------------------------------------------------------------


def test_the_forecast_and_the_allowed_area_stand_out_at_3_to_1(report: dict[str, Drawn]) -> None:
    assert contrast(ALLOWED_FILL, WHITE) < 3  # a light area: its edge carries it
    for colour in (*SERIES_COLOURS, charts.ALLOWED_EDGE, charts.DARK_ORANGE, charts.VERMILLION, charts.GREY):
        assert contrast(colour, WHITE) >= 3 and contrast(colour, ALLOWED_FILL) >= 3, colour
    for goal_id, (_, _, spec) in report.items():
        named = layers(spec)
        for layer in spec["layer"]:
            stroke = layer.get("encoding", {}).get("stroke", {}).get("scale")
            if stroke:
                entries = dict(zip(stroke["domain"], stroke["range"], strict=True))
                drawn = [e for e in entries.values() if e != "transparent"]
                assert all(contrast(c, WHITE) >= 3 and contrast(c, ALLOWED_FILL) >= 3 for c in drawn), goal_id
        if "allowed" in named:
            edges = named["allowed-edge"]["data"]["values"]
            assert [e["edge"] for e in edges] == [v for v in (edges[0]["low"], edges[0]["high"]) if v is not None]
        if "forecast" in named:
            assert named["forecast"]["mark"]["type"] == "point"


@pytest.mark.parametrize(("band_open", "edges"), [(None, [60.0, 65.0]), ("above", [60.0]), ("below", [65.0])])
def test_a_band_target_shows_its_area_with_its_edges(band_open: str | None, edges: list[float]) -> None:
    band = {"low": 60, "high": 65, "period": "2027"} | ({"band_open": band_open} if band_open else {})
    g = goal("percentage", baseline={"value": 58, "period": "2023"}, target=band)
    _, _, spec = chart(g, [("2024", 60.5), ("2025", 62.0)])
    named = layers(spec)
    assert "target" not in named  # a band is drawn as its area, not as one value
    assert [e["edge"] for e in named["allowed-edge"]["data"]["values"]] == edges
    low, high = y_axis(spec)["scale"]["domain"]
    assert low <= 58 and high >= max(edges) and high - low >= 5


def test_the_forecast_marker_has_a_dark_edge(report: dict[str, Drawn]) -> None:
    _, _, spec = report["FF-01"]
    scales = {ch: enc["scale"] for ch, enc in layers(spec)["forecast"]["encoding"].items() if "scale" in enc}
    entry = scales["stroke"]["domain"].index("prognose")
    assert scales["stroke"]["range"][entry] == charts.DARK_ORANGE
    assert contrast(charts.DARK_ORANGE, WHITE) >= 3


# -- 8. status in words; nothing by colour alone ---------------------------------------------------------------------


def test_the_status_is_told_in_words_only(report: dict[str, Drawn]) -> None:
    g, assessment, _ = report["FF-01"]
    drawn = {}
    for status in (Status.ACHIEVED, Status.ON_TRACK):
        spec = goal_chart(g, replace(assessment, status=status), [], illustrative=True)
        assert spec is not None
        drawn[status] = spec
    achieved, on_track = drawn[Status.ACHIEVED], drawn[Status.ON_TRACK]
    assert "Status: gehaald" in title_lines(achieved)[1][0] and "Status: op koers" in title_lines(on_track)[1][0]
    # nothing else differs: no colour, marker or shape tells the status
    for spec in (achieved, on_track):
        spec.pop("description"), spec["title"].pop("subtitle")
    assert achieved == on_track


def test_every_element_differs_in_greyscale(report: dict[str, Drawn]) -> None:
    for goal_id in ("FF-01", "OO-02", "ZW-04", "FF-06"):
        _, _, spec = report[goal_id]
        scales = {
            ch: enc["scale"]
            for layer in spec["layer"]
            for ch, enc in layer.get("encoding", {}).items()
            if isinstance(enc, dict) and enc.get("field") == "series" and "scale" in enc
        }
        labels = scales["fill"]["domain"]

        def grey(colour: str) -> int:
            return 0 if colour == "transparent" else int(luminance(colour) * 3)  # dark, middle, light

        looks = {
            (
                scales["shape"]["range"][i],
                tuple(scales.get("strokeDash", {}).get("range", [[]] * len(labels))[i]),
                grey(scales["fill"]["range"][i]),
            )
            for i in range(len(labels))
        }
        assert len(looks) == len(labels), goal_id


# -- the rules as documented ------------------------------------------------------------------------------------------


def test_the_rules_are_documented_with_the_numbers_the_code_uses() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "methodology.md"
    text = docs.read_text(encoding="utf-8")
    section = " ".join(text[text.index("## Charts") : text.index("## Comparison with Open SDG")].split())
    assert charts.ZERO_WITHIN == 2 and "at most twice the span" in section
    assert f"{charts.MARGIN:.0%} of the span" in section
    assert charts.NICE_STEPS == (1, 2, 2.5, 5) and "steps of 1, 2, 2.5 or 5" in section
    assert charts.MAX_STEPS == 5 and "at most five steps" in section
    assert f"at most {charts.TITLE_CHARACTERS} characters" in section
    assert f"{charts.TEXT_WIDTH} px of room at {charts.TITLE_SIZE} px bold and {charts.BOLD_EM} em" in section
    assert f"keeps {charts.LABEL_GAP} px" in section
    assert f"({charts.DARK_ORANGE}, 3.8:1)" in section and f"({charts.ALLOWED_EDGE}, 3.8:1)" in section
    assert round(contrast(charts.DARK_ORANGE, WHITE), 1) == round(contrast(charts.ALLOWED_EDGE, WHITE), 1) == 3.8
    assert '"eind 2025"' in section and charts.WORDS["year_end"] == "eind {year}"
