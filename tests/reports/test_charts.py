# SPDX-License-Identifier: EUPL-1.2
"""The chart of a goal and its text alternative, on the Heemskerk 2024 plan with hand-built figures.

A chart in a council report is read as evidence, so these tests check what it draws, not how
it looks: the baseline, every measurement at the end of its period, intervals where they are
known, provisional figures told apart, the path and its end points, the target, the forecast,
one series per wijk; and that the printed SVG is self-contained (no http(s) reference except
the SVG namespaces), carries the Dutch numbers and the illustrative note, and that the text
alternative says the same in plain Dutch or English, also for a goal with nothing to draw.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest

from koers.domain.assessment import Assessment, assess
from koers.domain.goals import Goal
from koers.domain.judging import Point, expected_value
from koers.domain.measurements import Measurement, MeasurementStatus
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.i18n import catalogue
from koers.reports.charts import WORDS, goal_chart, render_png, render_svg, text_alternative, words

AS_OF = date(2026, 3, 1)
PROVISIONAL = MeasurementStatus.PROVISIONAL
OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
#: The Okabe-Ito orange, sky blue, green and purple darkened to 3:1 (test_chart_rules checks it).
DARKENED = {"#AE7800", "#1A8AC9", "#00946C", "#C36197"}
NEUTRAL = {"#595959", "#FFFFFF", "#DDEFFA", "transparent"}


# -- helpers ---------------------------------------------------------------------------------


def m(subject: str, period: str, value: float, area: str = "GM0396", **fields: Any) -> Measurement:
    return Measurement(subject, Period.parse(period), area, value, **fields)


class Heemskerk:
    """The plan with the areas as the report passes them to assess() and to the chart."""

    def __init__(self, plan: Plan) -> None:
        self.goals = {g.id: g for g in plan.goals}
        self.wijken = [a.cbs_code or a.id for a in plan.wijken()]
        self.names = {(a.cbs_code or a.id): a.name for a in plan.areas}

    def assess(self, goal_id: str, figures: Sequence[Measurement]) -> tuple[Goal, Assessment]:
        goal = self.goals[goal_id]
        return goal, assess(goal, figures, as_of=AS_OF, municipality="GM0396", wijken=self.wijken, names=self.names)

    def chart(self, goal_id: str, figures: Sequence[Measurement], **options: Any) -> dict[str, Any] | None:
        goal, assessment = self.assess(goal_id, figures)
        return goal_chart(goal, assessment, figures, names=self.names, **options)


@pytest.fixture(scope="module")
def heemskerk(heemskerk_2024: Plan) -> Heemskerk:
    return Heemskerk(heemskerk_2024)


def layers(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {layer["name"]: layer for layer in spec["layer"]}


def rows(spec: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return layers(spec)[name]["data"]["values"]


def legend(spec: dict[str, Any]) -> dict[str, list[Any]]:
    """The shared legend as {channel: range}, with the labels under 'domain'."""
    scales = {
        ch: enc["scale"]
        for layer in spec["layer"]
        for ch, enc in layer.get("encoding", {}).items()
        if isinstance(enc, dict) and enc.get("field") == "series" and "scale" in enc
    }
    assert len({json.dumps(s["domain"]) for s in scales.values()}) == 1  # one legend, the same everywhere
    return {"domain": next(iter(scales.values()))["domain"], **{ch: s["range"] for ch, s in scales.items()}}


def texts(svg: str) -> list[str]:
    """What the SVG writes on the chart: the contents of its text elements."""
    return [t.replace("&amp;", "&") for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


# FF-01: 5,377 in 2023, +10% in 2027 = 5,914.7, figures twice a year, the last one provisional.
FF01 = [
    m("FF-01", "2023", 5377),
    m("FF-01", "2024-H1", 5450),
    m("FF-01", "2024-H2", 5520),
    m("FF-01", "2025-H1", 5610, ci_low=5560, ci_high=5660),
    m("FF-01", "2025-H2", 5700, status=PROVISIONAL),
]


@pytest.fixture(scope="module")
def ff01(heemskerk: Heemskerk) -> dict[str, Any]:
    spec = heemskerk.chart("FF-01", FF01, illustrative=True)
    assert spec is not None
    return spec


@pytest.fixture(scope="module")
def oo05(heemskerk: Heemskerk) -> tuple[list[Measurement], dict[str, Any]]:
    """OO-05, at most 45% in every wijk (baseline 48,1% for all of Heemskerk in 2022)."""
    hart, broek, duin = heemskerk.wijken
    figures = [
        m("OO-05", "2024", 46.0, hart, ci_low=43.1, ci_high=48.9),
        m("OO-05", "2024", 49.5, broek),
        m("OO-05", "2024", 44.2, duin, status=PROVISIONAL, ci_low=41.0, ci_high=47.4),
    ]
    spec = heemskerk.chart("OO-05", figures)
    assert spec is not None
    return figures, spec


# -- the spec: layers and data -------------------------------------------------------------------


def test_a_goal_chart_has_every_element_as_a_named_layer(ff01: dict[str, Any]) -> None:
    assert list(layers(ff01)) == [
        "path",
        "measurements-line",
        "intervals",
        "measurements",
        "latest-label-halo",
        "latest-label",
        "baseline",
        "baseline-label-halo",
        "baseline-label",
        "target",
        "target-label-halo",
        "target-label",
        "forecast-interval",
        "forecast",
        "forecast-label-halo",
        "forecast-label",
    ]
    assert "url" not in json.dumps(ff01["layer"])  # all data inline
    assert ff01["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")


def test_baseline_target_and_path_end_points(ff01: dict[str, Any]) -> None:
    (base,) = rows(ff01, "baseline")
    (target,) = rows(ff01, "target")
    assert (base["date"], base["value"], base["label"]) == ("2023-12-31", 5377, "5.377")
    # the target is exactly 5,914.7; it is written as people write a count: 5.915
    assert (target["date"], target["value"], target["label"]) == ("2027-12-31", 5914.7, "5.915")
    path = rows(ff01, "path")
    assert [(r["date"], r["value"]) for r in (path[0], path[-1])] == [("2023-12-31", 5377), ("2027-12-31", 5914.7)]
    # in between, a point at every year's end on the straight line: 5,377 + 537.7 per 4 years
    assert [r["value"] for r in path[1:-1]] == pytest.approx([5511.425, 5645.85, 5780.275])
    assert base["tip"] == "Nulmeting, 2023: 5.377 toekenningen"
    assert target["tip"] == "Streefwaarde, 2027: 5.915 toekenningen"


def test_every_measurement_sits_at_the_end_of_its_period(ff01: dict[str, Any]) -> None:
    points = rows(ff01, "measurements")
    assert [(r["date"], r["value"]) for r in points] == [
        ("2023-12-31", 5377),
        ("2024-06-30", 5450),
        ("2024-12-31", 5520),
        ("2025-06-30", 5610),
        ("2025-12-31", 5700),
    ]
    x = layers(ff01)["measurements"]["encoding"]["x"]
    assert (x["type"], x["scale"]["type"]) == ("temporal", "utc")
    assert rows(ff01, "latest-label")[0]["label"] == "5.700"


def test_a_school_year_sits_at_its_end_on_31_july(heemskerk: Heemskerk) -> None:
    # OZ-06's baseline (schooljaar 2023-2024) is still to come: what is known is still drawn
    spec = heemskerk.chart("OZ-06", [m("OZ-06", "2024/2025", 12)])
    assert spec is not None
    assert [r["date"] for r in rows(spec, "measurements")] == ["2025-07-31"]
    assert {"baseline", "path", "target"}.isdisjoint(layers(spec))


def test_intervals_are_drawn_where_they_are_known(ff01: dict[str, Any]) -> None:
    (interval,) = rows(ff01, "intervals")
    assert (interval["date"], interval["low"], interval["high"]) == ("2025-06-30", 5560, 5660)
    assert interval["tip"] == (
        "Meting, 1e helft 2025: 5.610 toekenningen (definitief), 95%-interval 5.560 tot 5.660 toekenningen"
    )
    assert "Verticale lijnen: 95%-interval" in ff01["title"]["subtitle"]


def test_no_interval_layer_without_intervals(heemskerk: Heemskerk) -> None:
    spec = heemskerk.chart("FF-01", [m("FF-01", "2025-H2", 5700)])
    assert spec is not None
    assert "intervals" not in layers(spec)
    assert "95%" not in spec["title"]["subtitle"]


def test_provisional_figures_are_drawn_open_and_said_so(ff01: dict[str, Any]) -> None:
    points = rows(ff01, "measurements")
    assert [r["provisional"] for r in points] == [False, False, False, False, True]
    assert points[-1]["tip"] == "Meting, 2e helft 2025: 5.700 toekenningen (voorlopig)"
    fill = layers(ff01)["measurements"]["encoding"]["fill"]
    assert fill["condition"] == {"test": "datum.provisional", "value": "#FFFFFF"}
    key = legend(ff01)
    entry = key["domain"].index("voorlopige meting")
    assert key["fill"][entry] == "#FFFFFF"


def test_the_forecast_with_its_interval(heemskerk: Heemskerk, ff01: dict[str, Any]) -> None:
    _, assessment = heemskerk.assess("FF-01", FF01)
    forecast = assessment.forecast
    assert forecast is not None
    (row,) = rows(ff01, "forecast")
    # a count forecast is shown whole: no 6.014,6 toekenningen
    assert (row["date"], row["value"], row["low"], row["high"]) == (
        "2027-12-31",
        round(forecast.value),
        round(forecast.low),
        round(forecast.high),
    )
    assert row["tip"].startswith("Prognose, 2027: ")
    assert rows(ff01, "forecast-interval") == [row]


def test_without_a_forecast_there_is_no_forecast_layer(heemskerk: Heemskerk) -> None:
    spec = heemskerk.chart("FF-01", [m("FF-01", "2025-H2", 5700)])  # one figure: no trend
    assert spec is not None
    assert not {"forecast", "forecast-interval"} & set(layers(spec))


def test_a_goal_per_wijk_gets_one_series_per_wijk(
    heemskerk: Heemskerk, oo05: tuple[list[Measurement], dict[str, Any]]
) -> None:
    _, spec = oo05
    points = rows(spec, "measurements")
    assert [r["series"] for r in points] == ["Hart van Heemskerk", "Broekpolder", "Duin tot Dorp"]
    assert len({r["offset"] for r in points}) == 3  # side by side, so that their intervals stay apart
    assert [r["series"] for r in rows(spec, "intervals")] == ["Hart van Heemskerk", "Duin tot Dorp"]
    assert [r["provisional"] for r in points] == [False, False, True]
    key = legend(spec)
    assert key["domain"][:3] == ["Hart van Heemskerk", "Broekpolder", "Duin tot Dorp"]
    assert len(set(key["shape"][:3])) == 3 and len(set(key["stroke"][:3])) == 3  # not colour alone
    assert "latest-label" not in layers(spec)


def test_a_bound_shows_its_allowed_area(oo05: tuple[list[Measurement], dict[str, Any]]) -> None:
    _, spec = oo05
    (area,) = rows(spec, "allowed")
    assert (area["low"], area["high"]) == (None, 45)
    assert area["tip"] == "toegestaan: maximaal 45%"
    encoding = layers(spec)["allowed"]["encoding"]
    assert encoding["y"]["field"] == "high" and encoding["y2"] == {"value": {"expr": "height"}}  # down to the bottom
    assert [r["value"] for r in (rows(spec, "path")[0], rows(spec, "path")[-1])] == [48.1, 45]


def test_a_bound_already_kept_has_no_path(heemskerk: Heemskerk) -> None:
    # ZW-04: at most 2,864 + 9% = 3,121.76 euro; the baseline keeps it already
    spec = heemskerk.chart("ZW-04", [m("ZW-04", "2024", 2950)])
    assert spec is not None
    assert "path" not in layers(spec)
    assert rows(spec, "allowed")[0]["tip"] == "toegestaan: maximaal € 3.122"
    assert rows(spec, "target")[0]["label"] == "€ 3.122"


def test_keep_equal_draws_the_level_to_keep(heemskerk: Heemskerk) -> None:
    spec = heemskerk.chart("ZW-05", [m("ZW-05", "2024", 80.4)])
    assert spec is not None
    assert {r["value"] for r in rows(spec, "path")} == {79.91}
    assert layers(spec)["path"]["encoding"]["y"]["title"] == "per 1.000 inwoners"


def test_keep_equal_with_a_tolerance_shades_its_band() -> None:
    goal = Goal.model_validate(
        {
            "id": "G-1",
            "challenge": "c",
            "statement": "Het percentage blijft gelijk.",
            "direction": "maintain",
            "indicator": {"name": "Gezond", "unit": "percentage"},
            "baseline": {"value": 78, "period": "2022"},
            "target": {"change": "gelijk", "period": "2026", "tolerance": "2 pp"},
        }
    )
    figures = [m("G-1", "2025", 80.6, "GM0001")]
    assessment = assess(goal, figures, as_of=AS_OF, municipality="GM0001")
    spec = goal_chart(goal, assessment, figures)
    assert spec is not None
    (band,) = rows(spec, "allowed")
    assert (band["low"], band["high"], band["tip"]) == (76, 80, "marge: 76% tot 80%")
    assert "Streefwaarde 2026: gelijk aan 78% (marge 76% tot 80%)." in spec["description"]


def test_a_compound_path_is_drawn_as_a_curve() -> None:
    goal = Goal.model_validate(
        {
            "id": "G-1",
            "challenge": "c",
            "statement": "Elk jaar 10% meer.",
            "direction": "increase",
            "indicator": {"name": "Deelnemers", "unit": "count"},
            "baseline": {"value": 100, "period": "2023"},
            "target": {"change": "+10% per jaar", "period": "2027"},
        }
    )
    assessment = assess(goal, [], as_of=AS_OF, municipality="GM0001")
    spec = goal_chart(goal, assessment, [])
    assert spec is not None
    # 100 x 1.1^n at the end of 2023 ... 2027
    assert [r["value"] for r in rows(spec, "path")] == pytest.approx([100, 110, 121, 133.1, 146.41])
    base, target = Point(100, Period.year(2023)), Point(146.41, Period.year(2027))
    assert rows(spec, "path")[2]["value"] == pytest.approx(expected_value(base, target, Period.year(2025), goal))


def test_only_the_current_version_of_a_figure_is_drawn(heemskerk: Heemskerk) -> None:
    figures = [m("FF-01", "2025-H2", 5700, status=PROVISIONAL, version=1), m("FF-01", "2025-H2", 5690, version=2)]
    spec = heemskerk.chart("FF-01", figures)
    assert spec is not None
    assert [(r["value"], r["provisional"]) for r in rows(spec, "measurements")] == [(5690, False)]


# -- accessibility and print ------------------------------------------------------------------------


def test_title_description_axes_and_palette(heemskerk: Heemskerk, ff01: dict[str, Any]) -> None:
    goal, assessment = heemskerk.assess("FF-01", FF01)
    assert ff01["title"]["text"] == ["FF-01 Toekenningen van minimaregelingen"]
    assert ff01["description"] == text_alternative(goal, assessment, FF01, names=heemskerk.names)
    assert layers(ff01)["baseline"]["encoding"]["y"]["title"] == "toekenningen"
    assert ff01["config"]["locale"]["number"]["decimal"] == ","  # Dutch numbers in the browser too
    key = legend(ff01)
    assert set(key["stroke"]) | set(key["fill"]) <= OKABE_ITO | DARKENED | NEUTRAL
    # not colour alone: a shape of its own per element, a dashed path, and provisional drawn open
    assert dict(zip(key["domain"], key["shape"], strict=True)) == {
        "meting": "circle",
        "voorlopige meting": "circle",
        "nulmeting": "square",
        "pad naar streefwaarde": "stroke",
        "streefwaarde": "diamond",
        "prognose": "triangle-up",
    }
    assert key["strokeDash"][key["domain"].index("pad naar streefwaarde")] == [6, 4]
    assert (ff01["width"], ff01["height"], ff01["autosize"]["type"]) == (605, 302, "fit")  # 16 x 8 cm
    assert ff01["config"]["axis"]["labelFontSize"] >= 11


def test_the_illustrative_note(heemskerk: Heemskerk, ff01: dict[str, Any]) -> None:
    assert ff01["title"]["subtitle"].startswith("Illustratieve cijfers")
    plain = heemskerk.chart("FF-01", FF01)
    english = heemskerk.chart("FF-01", FF01, lang="en", illustrative=True)
    assert plain is not None and english is not None
    assert "Illustratieve" not in plain["title"]["subtitle"]
    assert english["title"]["subtitle"].startswith("Illustrative figures")


# -- the SVG ---------------------------------------------------------------------------------------


def test_the_svg_is_self_contained_with_dutch_numbers(ff01: dict[str, Any]) -> None:
    svg = render_svg(ff01, "nl")
    assert svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")
    written = texts(svg)
    assert "FF-01 Toekenningen van minimaregelingen" in written
    assert "Illustratieve cijfers · Status: op koers · Verticale lijnen: 95%-interval" in written
    assert {"5.377", "5.915", "5.700"} <= set(written)
    assert any(re.fullmatch(r"\d\.\d{3}", t) for t in written if t not in ("5.377", "5.700"))  # axis: 5.400
    assert {"eind 2023", "eind 2025", "eind 2027"} <= set(written)
    assert f"<desc>{ff01['description']}</desc>" in svg
    assert 'role="img" aria-label="FF-01 Toekenningen van minimaregelingen"' in svg
    # no remote reference: the only URLs are the two namespace declarations of the root element
    root = svg[: svg.index(">")]
    assert 'xmlns="http://www.w3.org/2000/svg"' in root
    rest = svg.replace('xmlns="http://www.w3.org/2000/svg"', "", 1).replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', "", 1
    )
    assert "http://" not in rest and "https://" not in rest
    assert "href" not in rest  # no linked images or fonts either


def test_the_png_for_word_is_16_cm_at_300_dpi(ff01: dict[str, Any]) -> None:
    png = render_png(ff01, "nl")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 1890  # the width in the IHDR chunk: 605 x 3.125


def test_the_svg_in_english(heemskerk: Heemskerk) -> None:
    spec = heemskerk.chart("FF-01", FF01, lang="en")
    assert spec is not None
    written = texts(render_svg(spec, "en"))
    assert {"5,377", "5,915", "value at the end of the period"} <= set(written)
    assert "5.377" not in written


def test_the_svg_of_a_goal_per_wijk(oo05: tuple[list[Measurement], dict[str, Any]]) -> None:
    written = texts(render_svg(oo05[1], "nl"))
    assert {"Hart van Heemskerk", "Broekpolder", "Duin tot Dorp", "48,1%", "45%", "toegestaan"} <= set(written)


# -- the text alternative -----------------------------------------------------------------------------


def test_text_alternative_in_dutch_and_english(heemskerk: Heemskerk) -> None:
    figures = [m("FF-01", "2025-H2", 5700, status=PROVISIONAL)]
    goal, assessment = heemskerk.assess("FF-01", figures)
    # the path at 2025-H2 is 5,377 + 537.7 x 2/4 = 5,645.85; 5,700 is past it: on track
    assert text_alternative(goal, assessment, figures, "nl") == (
        "Nulmeting 2023: 5.377 toekenningen. Laatste meting 2e helft 2025: 5.700 toekenningen (voorlopig). "
        "Streefwaarde 2027: 5.915 toekenningen. Status: op koers."
    )
    assert text_alternative(goal, assessment, figures, "en") == (
        "Baseline 2023: 5,377 toekenningen. Latest measurement second half of 2025: 5,700 toekenningen "
        "(provisional). Target 2027: 5,915 toekenningen. Status: on track."
    )


def test_text_alternative_with_a_forecast(heemskerk: Heemskerk) -> None:
    goal, assessment = heemskerk.assess("FF-01", FF01)
    assert assessment.forecast is not None
    low, high = round(assessment.forecast.low), round(assessment.forecast.high)
    text = text_alternative(goal, assessment, FF01, "nl")
    assert f"Prognose 2027: {round(assessment.forecast.value):,} toekenningen".replace(",", ".") in text
    assert f"(95%-interval {low:,} tot {high:,} toekenningen)".replace(",", ".") in text


def test_text_alternative_per_wijk(heemskerk: Heemskerk, oo05: tuple[list[Measurement], dict[str, Any]]) -> None:
    figures, _ = oo05
    goal, assessment = heemskerk.assess("OO-05", figures)
    assert text_alternative(goal, assessment, figures, "nl", names=heemskerk.names) == (
        "Nulmeting 2022: 48,1%. Laatste meting per wijk: Hart van Heemskerk 2024: 46%; Broekpolder 2024: 49,5%; "
        "Duin tot Dorp 2024: 44,2% (voorlopig). Streefwaarde 2027: maximaal 45%. Status: niet op koers."
    )


def test_a_goal_without_figures_has_no_chart_and_says_why(heemskerk: Heemskerk) -> None:
    goal, assessment = heemskerk.assess("OZ-02", [])  # no baseline, nothing measured
    assert goal_chart(goal, assessment, []) is None
    assert text_alternative(goal, assessment, [], "nl") == (
        "Er is geen nulmeting. Er zijn nog geen metingen. Streefwaarde 2027: minimaal 70%. "
        "Status: geen nulmeting. Er zijn nog geen cijfers, dus er is geen grafiek."
    )
    assert text_alternative(goal, assessment, [], "en").endswith("There are no figures yet, so there is no chart.")


def test_a_goal_with_only_its_baseline_still_gets_a_chart(heemskerk: Heemskerk) -> None:
    goal, assessment = heemskerk.assess("OO-06", [])
    spec = goal_chart(goal, assessment, [])
    assert spec is not None
    assert {"baseline", "path", "target"} <= set(layers(spec)) and "measurements" not in layers(spec)
    assert spec["description"] == (
        "Nulmeting 2024: 1.754 mantelzorgers. Er is nog geen nieuwe meting. Streefwaarde 2027: 2.017 "
        "mantelzorgers. Status: nog niet meetbaar."
    )


def test_a_target_waiting_for_its_baseline_is_said_as_written(heemskerk: Heemskerk) -> None:
    figures = [m("OZ-06", "2024/2025", 12)]
    goal, assessment = heemskerk.assess("OZ-06", figures)
    assert text_alternative(goal, assessment, figures, "nl") == (
        "De nulmeting volgt nog. Laatste meting schooljaar 2024-2025: 12 schoolverlaters. "
        "Streefwaarde schooljaar 2026-2027: -10% ten opzichte van de nulmeting. Status: nulmeting volgt."
    )


def test_both_languages_have_the_same_words() -> None:
    english = catalogue("en")
    assert [text for text in WORDS.values() if (None, text) not in english] == []
    assert words("nl").keys() == words("en").keys() == WORDS.keys()
    assert words("en")["path"] == "path to target" and words("nl")["path"] == "pad naar streefwaarde"
