# SPDX-License-Identifier: EUPL-1.2
"""The SMART check, rule by rule, and on the real Heemskerk 2024 plan.

Heemskerk's 2020-2023 plan could not be evaluated because its goals had no baseline and no
measurable target. The SMART check exists to catch that before a plan is adopted, so each
rule gets a case that starts from a goal with no findings at all and breaks exactly one
thing: remove the rule and its case fails. A test keeps the cases in step with ``RULES``.

The second half pins the check's verdict on Heemskerk's 2024 plan, goal by goal: that list
was established by reading the plan, not by running koers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from koers.catalogues import bbv_catalogue
from koers.domain.lint import RULES, Finding, Severity, has_errors, lint_plan
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.i18n import _
from koers.planfile import read_plan

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
AS_OF = date(2025, 6, 1)
CATALOGUE = bbv_catalogue()

WIJKEN = [
    {"id": "GM9999", "name": "Zilverdam", "level": "municipality", "cbs_code": "GM9999"},
    {"id": "WK999901", "name": "Oosthaven", "level": "wijk", "cbs_code": "WK999901", "parent": "GM9999"},
    {"id": "WK999902", "name": "Westerveld", "level": "wijk", "cbs_code": "WK999902", "parent": "GM9999"},
    {"id": "zilverstreek", "name": "Zilverstreek", "level": "region"},
]

# A goal with nothing to report: every case below changes one thing about it.
SMART_GOAL: dict[str, Any] = {
    "id": "G-01",
    "challenge": "meedoen",
    "statement": "In 2028 doet 50% van de inwoners vrijwilligerswerk, ten opzichte van 40% in 2024.",
    "indicator": {"name": "Inwoners die vrijwilligerswerk doen", "unit": "percentage"},
    "baseline": {"value": 40, "period": 2024},
    "target": {"value": 50, "period": 2028},
    "direction": "increase",
    "source": "Inwonerspeiling",
    "frequency": "1X per jaar",
}

DROP = object()


def make_plan(goal_changes: dict[str, Any] | None = None, **plan_changes: Any) -> Plan:
    goal = {**SMART_GOAL, **(goal_changes or {})}
    goal = {key: value for key, value in goal.items() if value is not DROP}
    data = {
        "municipality": {"cbs_code": "GM9999", "name": "Zilverdam"},
        "title": "Zilverdam doet mee",
        "start_year": 2025,
        "challenges": [{"id": "meedoen", "name": "Meedoen"}],
        "areas": WIJKEN,
        "goals": [goal],
        **plan_changes,
    }
    return Plan.model_validate(data)


def found(plan: Plan, **kwargs: Any) -> list[tuple[str, Severity]]:
    kwargs.setdefault("as_of", AS_OF)
    kwargs.setdefault("catalogue", CATALOGUE)
    return [(f.code, f.severity) for f in lint_plan(plan, **kwargs)]


def only(plan: Plan, code: str, **kwargs: Any) -> Finding:
    kwargs.setdefault("as_of", AS_OF)
    kwargs.setdefault("catalogue", CATALOGUE)
    (finding,) = [f for f in lint_plan(plan, **kwargs) if f.code == code]
    return finding


def unread(phrase: str, period: Any = 2028) -> dict[str, Any]:
    """A target in words koers cannot read: the plan reader keeps the phrase and leaves value,
    change, band and direction empty (koers.domain.targets, koers.domain.target_phrases)."""
    return {"phrase": phrase} if period is None else {"phrase": phrase, "period": period}


#: A BBV indicator as a plan lists it; the national list counts number 27 per 10.000.
BIJSTAND = {
    "id": "BBV-27",
    "number": 27,
    "name": "Personen met een bijstandsuitkering",
    "unit": "aantal per 10.000 inwoners van 18 jaar en ouder",
    "source": "CBS",
    "taakveld": "Sociaal domein",
}


# -- one case per rule ------------------------------------------------------------------------

PENDING = {"status": "pending", "period": 2024, "reason": "De peiling loopt nog.", "expected": "2025-H2"}

RULE_CASES: list[tuple[str, dict[str, Any], dict[str, Any], list[tuple[str, Severity]]]] = [
    # (rule code, goal changes, plan changes, every finding)
    ("missing-baseline", {"baseline": DROP}, {}, [("missing-baseline", E)]),
    ("pending-baseline", {"baseline": PENDING}, {}, [("pending-baseline", W)]),
    ("missing-target", {"target": DROP}, {}, [("missing-target", E)]),
    ("missing-target-period", {"target": {"value": 50}}, {}, [("missing-target-period", E)]),
    ("missing-unit", {"indicator": {"name": "Inwoners die vrijwilligerswerk doen"}}, {}, [("missing-unit", E)]),
    ("missing-direction", {"direction": DROP}, {}, [("missing-direction", E)]),
    ("missing-source", {"source": DROP}, {}, [("missing-source", E)]),
    ("missing-frequency", {"frequency": DROP}, {}, [("missing-frequency", E)]),
    (
        "target-not-measurable-in-time",
        {"frequency": "1X per 4 jaar", "target": {"value": 50, "period": 2027}},
        {},
        [("target-not-measurable-in-time", E)],
    ),
    (
        "no-tolerance",
        {"direction": "maintain", "target": {"change": "gelijk", "period": 2028}},
        {},
        [("no-tolerance", W)],
    ),
    ("stale-baseline", {"baseline": {"value": 40, "period": 2021}}, {}, [("stale-baseline", W)]),
    (
        "relative-target-on-zero-baseline",
        {"baseline": {"value": 0, "period": 2024}, "target": {"change": "+10%", "period": 2028}},
        {},
        [("relative-target-on-zero-baseline", E), ("target-contradicts-direction", E)],
    ),  # +10% of 0 is 0
    (
        "relative-target-without-baseline",
        {"baseline": {"status": "absent", "reason": "geen nulmeting"}, "target": {"change": "+10%", "period": 2028}},
        {},
        [("missing-baseline", E), ("relative-target-without-baseline", E)],
    ),
    ("target-not-after-baseline", {"target": {"value": 50, "period": 2024}}, {}, [("target-not-after-baseline", E)]),
    (
        "target-contradicts-direction",
        {"direction": "decrease", "target": {"change": "+10%", "period": 2028}},
        {},
        [("target-contradicts-direction", E)],
    ),
    (
        "target-met-at-baseline",
        {"direction": "at-least", "target": {"value": 38, "period": 2028}},
        {},
        [("target-met-at-baseline", W)],
    ),
    ("value-out-of-range", {"target": {"value": 104, "period": 2028}}, {}, [("value-out-of-range", E)]),
    (
        "direction-contradicts-name",
        {"result_area": "Het aantal vrijwilligers neemt af."},
        {},
        [("direction-contradicts-name", W)],
    ),
    ("unreadable-target", {"target": unread("ongeveer zoals de buurgemeenten")}, {}, [("unreadable-target", E)]),
    (
        "bbv-unit-mismatch",
        {},
        {"bbv_indicators": [{**BIJSTAND, "unit": "aantal per 1.000 inwoners"}]},
        [("bbv-unit-mismatch", W)],
    ),
    ("missing-region", {"scope": "region"}, {}, [("missing-region", E)]),
    ("every-wijk-without-wijken", {"scope": "every-wijk"}, {"areas": []}, [("every-wijk-without-wijken", E)]),
    (
        "wijken-without-cbs-code",
        {"scope": "every-wijk"},
        {"areas": [*WIJKEN, {"id": "nieuwbouw", "name": "Nieuwbouw", "level": "wijk"}]},
        [("wijken-without-cbs-code", INFO)],
    ),
]


def test_the_smart_goal_has_no_findings() -> None:
    assert found(make_plan()) == []


@pytest.mark.parametrize(
    ("code", "goal_changes", "plan_changes", "expected"), RULE_CASES, ids=[case[0] for case in RULE_CASES]
)
def test_rule(
    code: str, goal_changes: dict[str, Any], plan_changes: dict[str, Any], expected: list[tuple[str, Severity]]
) -> None:
    assert found(make_plan(goal_changes, **plan_changes)) == expected
    assert (code, RULES[code].severity) in expected


def test_every_rule_has_a_case() -> None:
    assert sorted(case[0] for case in RULE_CASES) == sorted(RULES)


def test_every_rule_has_both_languages() -> None:
    for rule in RULES.values():
        assert rule.title and _(rule.title, "en") and rule.message and _(rule.message, "en"), rule.code
        assert _(rule.message, "en") != rule.message, rule.code


# -- the rules' edges ----------------------------------------------------------------------------


def test_empty_source_counts_as_missing() -> None:
    assert found(make_plan({"source": ""})) == [("missing-source", E)]


def test_no_indicator_at_all_is_a_missing_unit() -> None:
    assert found(make_plan({"indicator": DROP})) == [("missing-unit", E)]


def test_absent_baseline_quotes_the_plan() -> None:
    plan = make_plan({"baseline": {"reason": "geen nulmeting"}})  # a reason alone means: absent
    finding = only(plan, "missing-baseline")
    assert "(het plan zegt: 'geen nulmeting')" in finding.message()
    assert "(the plan says: 'geen nulmeting')" in only(plan, "missing-baseline").message("en")


def test_pending_baseline_is_an_error_once_overdue() -> None:
    plan = make_plan({"baseline": PENDING})
    assert found(plan, as_of=date(2025, 12, 31)) == [("pending-baseline", W)]
    assert found(plan, as_of=date(2026, 1, 1)) == [("pending-baseline", E)]
    overdue = only(plan, "pending-baseline", as_of=date(2026, 1, 1))
    assert overdue.message() == (
        "De nulmeting (2024) volgt nog: De peiling loopt nog. Die werd verwacht in 2e helft 2025. "
        "Vul de waarde in zodra die er is."
    )


def test_pending_baseline_without_expected_date_is_never_overdue() -> None:
    plan = make_plan({"baseline": {"status": "pending", "reason": "De peiling loopt nog."}})
    assert found(plan, as_of=date(2040, 1, 1)) == [("pending-baseline", W)]


def test_stale_baseline_counts_whole_years_from_the_end_of_its_period() -> None:
    assert found(make_plan({"baseline": {"value": 40, "period": 2022}})) == []  # 3 years: not more than 3
    assert found(make_plan({"baseline": {"value": 40, "period": "schooljaar 2021-2022"}})) == []  # ends in 2022
    assert found(make_plan({"baseline": {"value": 40, "period": 2021}}), stale_years=4) == []
    # With 0 years, only a baseline from the plan's own start year is fresh.
    assert found(make_plan({"baseline": {"value": 40, "period": "2025-03"}}), stale_years=0) == []
    assert found(make_plan(), stale_years=0) == [("stale-baseline", W)]
    assert found(make_plan({"baseline": {"value": 40, "period": 2023}}, lint={"stale_baseline_years": 1})) == [
        ("stale-baseline", W)
    ]


def test_stale_baseline_message() -> None:
    finding = only(make_plan({"baseline": {"value": 40, "period": 2021}}), "stale-baseline")
    assert finding.context == {"baseline": Period.parse("2021"), "age": 4, "start": 2025}
    assert finding.message().startswith("De nulmeting is van 2021, 4 jaar voor de start van het plan (2025).")


def test_not_measurable_message_names_the_next_measurement() -> None:
    """One next measurement reads in the singular (two, as for Heemskerk's VW-01, in the plural)."""
    plan = make_plan({"frequency": "1X per 4 jaar", "target": {"value": 50, "period": 2027}})
    finding = only(plan, "target-not-measurable-in-time")
    assert finding.message() == (
        "Inwonerspeiling meet 1 keer per 4 jaar. Na 2024 volgt een meting in 2028, niet in 2027. Zo is niet te "
        "zien of het doel in 2027 is gehaald. Kies een streefjaar met een meting, of een ander meetinstrument."
    )
    assert "After 2024 the next measurement is in 2028, not in 2027." in finding.message("en")


def test_last_measurement_moves_the_schedule() -> None:
    plan = make_plan({"frequency": "1X per 4 jaar", "target": {"value": 50, "period": 2027}})
    assert found(plan, last_measured={"G-01": Period.parse(2023)}) == []


@pytest.mark.parametrize(
    ("frequency", "target_period"),
    [
        ("2X per jaar", "2027-H1"),
        ("4x per jaar", "2026-Q3"),
        ("1x per schooljaar", "schooljaar 2026-2027"),
        ("1X per 2 jaar", 2028),
        ("maandelijks", "2026-03"),
    ],
)
def test_schedules_that_reach_the_target(frequency: str, target_period: Any) -> None:
    plan = make_plan({"frequency": frequency, "target": {"value": 50, "period": target_period}})
    assert found(plan) == []


def test_tolerance_silences_no_tolerance() -> None:
    plan = make_plan({"direction": "maintain", "target": {"change": "gelijk", "period": 2028, "tolerance": "1 pp"}})
    assert found(plan) == []


def test_bounds_are_not_directions() -> None:
    """'maximaal met 9% toegenomen' (at-most, +9%) is a ceiling above the baseline, not a contradiction."""
    plan = make_plan({"direction": "at-most", "target": {"change": "+9%", "period": 2028}})
    assert found(plan) == []


def test_contradiction_is_judged_on_the_resolved_change() -> None:
    finding = only(make_plan({"target": {"change": "-10%", "period": 2028}}), "target-contradicts-direction")
    assert finding.message() == (
        "Het doel moet stijgen, maar de streefwaarde (36) ligt niet boven de nulmeting (40). "
        "Controleer de richting en de streefwaarde."
    )


def test_keeping_the_level_on_a_rising_goal_is_not_a_contradiction() -> None:
    # 'handhaven' on a goal that must rise means: not lower (docs/methodology.md, 2a)
    plan = make_plan({"target": {"change": "gelijk", "period": 2028}})
    assert found(plan) == []


def test_a_band_needs_no_direction() -> None:
    plan = make_plan({"target": "tussen 60 en 65% in 2028", "direction": None})
    assert ("missing-direction", E) not in found(plan)


def test_regional_goal_with_its_region_is_fine() -> None:
    assert found(make_plan({"scope": "region", "region": "zilverstreek"})) == []


def test_every_wijk_with_coded_wijken_is_fine() -> None:
    assert found(make_plan({"scope": "every-wijk"})) == []


def test_wijken_without_code_are_named() -> None:
    areas = [*WIJKEN, {"id": "a", "name": "Nieuwbouw", "level": "wijk"}, {"id": "b", "name": "Haven", "level": "wijk"}]
    finding = only(make_plan({"scope": "every-wijk"}, areas=areas), "wijken-without-cbs-code")
    assert "Van Nieuwbouw en Haven zijn de CBS-codes niet bekend;" in finding.message()
    assert "The CBS codes of Nieuwbouw and Haven are not known" in finding.message("en")


def test_one_wijk_without_code_is_named_in_the_singular() -> None:
    areas = [*WIJKEN, {"id": "a", "name": "Nieuwbouw", "level": "wijk"}]
    finding = only(make_plan({"scope": "every-wijk"}, areas=areas), "wijken-without-cbs-code")
    assert "Van Nieuwbouw is de CBS-code niet bekend;" in finding.message()
    assert "The CBS code of Nieuwbouw is not known" in finding.message("en")


def test_errors_come_first_within_a_goal_and_goals_keep_their_order() -> None:
    second = {
        **SMART_GOAL,
        "id": "G-02",
        "baseline": {"value": 40, "period": 2020},
        "scope": "every-wijk",
        "direction": None,
    }
    plan = make_plan(
        goals=[second, {**SMART_GOAL, "source": None}], areas=[{"id": "w", "name": "Wijk", "level": "wijk"}]
    )
    assert [(f.goal, f.code) for f in lint_plan(plan, as_of=AS_OF)] == [
        ("G-02", "missing-direction"),
        ("G-02", "stale-baseline"),
        ("G-02", "wijken-without-cbs-code"),
        ("G-01", "missing-source"),
    ]


def test_has_errors() -> None:
    assert not has_errors(lint_plan(make_plan({"baseline": {"value": 40, "period": 2020}}), as_of=AS_OF))
    assert has_errors(lint_plan(make_plan({"source": None}), as_of=AS_OF))
    assert not has_errors([])


def test_finding_as_json() -> None:
    finding = only(make_plan({"direction": DROP}), "missing-direction")
    assert finding.as_json() == {
        "goal": "G-01",
        "code": "missing-direction",
        "severity": "error",
        "message": "Het doel zegt niet of de waarde moet stijgen, dalen of gelijk blijven. Leg de richting vast.",
    }
    assert finding.as_json("en")["message"] == (
        "The goal does not say whether the value must rise, fall or stay the same. Record the direction."
    )


def test_severity_labels() -> None:
    assert [s.label() for s in (E, W, INFO)] == ["fout", "waarschuwing", "ter info"]
    assert [s.label("en") for s in (E, W, INFO)] == ["error", "warning", "info"]


# -- counts read right for 1 and for many ------------------------------------------------------


def test_stale_baseline_of_one_year_reads_in_the_singular() -> None:
    one = only(make_plan({"baseline": {"value": 40, "period": 2024}}), "stale-baseline", stale_years=0)
    assert one.message().startswith("De nulmeting is van 2024, een jaar voor de start van het plan (2025).")
    assert one.message("en").startswith("The baseline is from 2024, one year before the plan starts (2025).")
    two = only(make_plan({"baseline": {"value": 40, "period": 2023}}), "stale-baseline", stale_years=0)
    assert two.message().startswith("De nulmeting is van 2023, 2 jaar voor de start van het plan (2025).")
    assert two.message("en").startswith("The baseline is from 2023, 2 years before the plan starts (2025).")


# -- where a finding is ---------------------------------------------------------------------------


def test_findings_say_where_in_the_plan_they_are() -> None:
    second = {**SMART_GOAL, "id": "G-02", "baseline": {"value": 40, "period": 2020}, "target": {"value": 104}}
    plan = make_plan(goals=[SMART_GOAL, second], bbv_indicators=[{**BIJSTAND, "unit": "%"}])
    where = {(f.goal or f.subject, f.code): f.loc for f in lint_plan(plan, as_of=AS_OF, catalogue=CATALOGUE)}
    assert where == {
        ("G-02", "missing-target-period"): ("goals", 1, "target"),
        ("G-02", "value-out-of-range"): ("goals", 1, "target"),
        ("G-02", "stale-baseline"): ("goals", 1, "baseline"),
        ("BBV-27", "bbv-unit-mismatch"): ("bbv_indicators", 0, "unit"),
    }


def test_a_target_without_a_period_is_due_at_the_end_of_the_plan() -> None:
    assert found(make_plan({"target": {"value": 50}}, end_year=2028)) == []


# -- target-met-at-baseline -----------------------------------------------------------------------

# Targets as other municipalities' tables write them, each already met by its baseline.
MET_AT_BASELINE = [
    # (goal changes, the target as the message names it, the baseline as it names it)
    (
        {"direction": "at-least", "baseline": {"value": 62, "period": 2024}, "target": {"value": 60, "period": 2028}},
        "minimaal 60%",
        "62%",
    ),
    (
        {"direction": "at-most", "baseline": {"value": 8, "period": 2024}, "target": {"value": 10, "period": 2028}},
        "maximaal 10%",
        "8%",
    ),
    (
        {
            "indicator": {
                "name": "Kinderen met een jeugdsportfonds-bijdrage",
                "unit": {"kind": "count", "label": "kinderen"},
            },
            "baseline": {"value": 260, "period": 2024},
            "target": {"value": 250, "period": 2028},
        },
        "250 kinderen",
        "260 kinderen",
    ),
    (
        {"baseline": {"value": 62, "period": 2024}, "target": {"low": 60, "high": 65, "period": 2028}},
        "tussen 60% en 65%",
        "62%",
    ),
    (
        {
            "baseline": {"value": 71, "period": 2024},
            "target": {"low": 65, "high": 70, "band_open": "above", "period": 2028},
        },
        "tussen 65% en 70%, of hoger",
        "71%",
    ),
]


@pytest.mark.parametrize(("changes", "target", "baseline"), MET_AT_BASELINE)
def test_target_met_at_baseline(changes: dict[str, Any], target: str, baseline: str) -> None:
    plan = make_plan(changes)
    assert found(plan) == [("target-met-at-baseline", W)]
    message = only(plan, "target-met-at-baseline").message()
    assert message.startswith(f"De streefwaarde ({target}) is bij de nulmeting ({baseline}) al gehaald.")


def test_a_value_on_the_wrong_side_is_met_at_baseline_not_a_contradiction() -> None:
    """'Stijgen tot 250' from 260 is one fact, reported once: the target is met already."""
    plan = make_plan({"baseline": {"value": 60, "period": 2024}, "target": {"value": 50, "period": 2028}})
    assert found(plan) == [("target-met-at-baseline", W)]
    assert found(make_plan({"target": {"value": 40, "period": 2028}})) == [("target-met-at-baseline", W)]


@pytest.mark.parametrize(
    "changes",
    [
        # keeping the level is meant to be met at the baseline
        {"direction": "maintain", "target": {"change": "gelijk", "period": 2028, "tolerance": "1 pp"}},
        {"direction": "at-most", "target": {"change": "gelijk", "period": 2028}},  # "stijgt niet"
        # a cap on getting worse: "maximaal met 9% toegenomen"
        {"direction": "at-most", "target": {"change": "+9%", "period": 2028}},
        # not met: above the bound, outside the band
        {"direction": "at-least", "target": {"value": 41, "period": 2028}},
        {"target": {"low": 45, "high": 50, "period": 2028}},
        {"baseline": {"value": 71, "period": 2024}, "target": {"low": 65, "high": 70, "period": 2028}},
        # "meer dan 40%": the bound itself does not meet it
        {"direction": "at-least", "target": {"value": 40, "strict": True, "period": 2028}},
        # the plan's words say the level is to be kept: a bound or band meant to hold
        {
            "statement": "Het aandeel inwoners dat vrijwilligerswerk doet blijft minimaal 35%.",
            "direction": "at-least",
            "target": {"value": 35, "period": 2028},
        },
        {"result_area": "Het bereik handhaven.", "target": {"low": 38, "high": 42, "period": 2028}},
    ],
)
def test_targets_not_met_at_baseline(changes: dict[str, Any]) -> None:
    assert "target-met-at-baseline" not in [code for code, _severity in found(make_plan(changes))]


def test_every_dated_target_is_checked() -> None:
    """A begroting lists a value per year: the one of 2026 is met already, the final one not."""
    plan = make_plan({"targets": [{"value": 39, "period": 2026}]})
    assert found(plan) == [("target-met-at-baseline", W)]
    assert only(plan, "target-met-at-baseline").loc == ("goals", 0, "targets", 0)


def test_target_met_at_baseline_in_english() -> None:
    plan = make_plan({"direction": "at-least", "target": {"value": 38, "period": 2028}})
    message = only(plan, "target-met-at-baseline").message("en")
    assert message.startswith("The target (at least 38%) is already met at the baseline (40%).")


# -- value-out-of-range -----------------------------------------------------------------------------


def test_a_percentage_lies_between_0_and_100() -> None:
    plan = make_plan({"baseline": {"value": 104, "period": 2024}, "target": {"value": 106, "period": 2028}})
    messages = [f.message() for f in lint_plan(plan, as_of=AS_OF) if f.code == "value-out-of-range"]
    assert messages == [
        "De nulmeting (104%) past niet bij de eenheid: de waarde moet tussen 0% en 100% liggen. "
        "Controleer het getal en de eenheid.",
        "De streefwaarde (106%) past niet bij de eenheid: de waarde moet tussen 0% en 100% liggen. "
        "Controleer het getal en de eenheid.",
    ]


def test_a_count_is_not_negative() -> None:
    plan = make_plan(
        {
            "indicator": {"name": "Huishoudens met problematische schulden", "unit": "count"},
            "direction": "decrease",
            "baseline": {"value": 1240, "period": 2024},
            "target": {"value": -10, "period": 2028},
        }
    )
    finding = only(plan, "value-out-of-range")
    assert finding.message() == (
        "De streefwaarde (-10) past niet bij de eenheid: de waarde mag niet lager zijn dan 0. "
        "Controleer het getal en de eenheid."
    )
    assert "The target (-10) does not fit the unit" in finding.message("en")


def test_a_band_edge_out_of_range_is_named() -> None:
    plan = make_plan({"target": {"low": 95, "high": 105, "period": 2028}})
    finding = only(plan, "value-out-of-range")
    assert finding.message().startswith("De bovengrens van de bandbreedte (105%) past niet bij de eenheid")


def test_a_change_that_leads_out_of_range() -> None:
    """'+10%' on a baseline of 95% asks for 104.5%: no percentage can get there."""
    plan = make_plan({"baseline": {"value": 95, "period": 2024}, "target": {"change": "+10%", "period": 2028}})
    assert found(plan) == [("value-out-of-range", E)]
    assert only(plan, "value-out-of-range").message().startswith("De streefwaarde (+10%, dat is 104,5%) past niet")


def test_a_score_has_no_range() -> None:
    plan = make_plan(
        {
            "indicator": {"name": "Rapportcijfer dienstverlening", "unit": "score"},
            "baseline": {"value": -2, "period": 2024},
        }
    )
    assert found(plan) == []


# -- direction-contradicts-name ---------------------------------------------------------------------


def test_direction_words_against_the_direction() -> None:
    plan = make_plan(
        {
            "indicator": {"name": "Toename van het aantal inwoners dat vrijwilligerswerk doet", "unit": "percentage"},
            "result_area": "Meer inwoners doen vrijwilligerswerk.",
            "direction": "decrease",
            "target": {"value": 30, "period": 2028},
        }
    )
    assert found(plan) == [("direction-contradicts-name", W)]
    finding = only(plan, "direction-contradicts-name")
    assert finding.message() == (
        "In de naam van de indicator en het resultaatgebied staat 'toename', maar de richting van het doel is "
        "'dalen'. Controleer welke kant het doel op moet, en pas de richting of de tekst aan."
    )
    assert finding.message("en").startswith(
        "'toename' is written in the name of the indicator and the result area, but the goal's direction is 'decrease'."
    )


@pytest.mark.parametrize(
    "changes",
    [
        # the words agree with the direction
        {"result_area": "Het aantal vrijwilligers stijgt."},
        # never on keeping the level
        {
            "direction": "maintain",
            "target": {"change": "gelijk", "period": 2028, "tolerance": "1 pp"},
            "result_area": "Het aantal vrijwilligers neemt af.",
        },
        # words turned around or held back
        {"result_area": "Het aantal vrijwilligers daalt niet."},
        {"result_area": "Geen afname van het aantal vrijwilligers."},
        {"result_area": "De afname van het aantal vrijwilligers beperken."},
        # both ways
        {"indicator": {"name": "Minder eenzaamheid, meer vrijwilligers", "unit": "percentage"}},
        {"indicator": {"name": "Toename vrijwilligers", "unit": "percentage"}, "result_area": "Afname eenzaamheid"},
        # 'meer dan' and 'minder dan' say whom a figure counts
        {"indicator": {"name": "Inwoners die minder dan 2 uur per maand vrijwilligerswerk doen", "unit": "percentage"}},
        # for a bound, the result area alone often names a related measure
        {"direction": "at-least", "result_area": "Afname van de wachttijden."},
    ],
)
def test_direction_words_that_are_not_clear(changes: dict[str, Any]) -> None:
    assert "direction-contradicts-name" not in [code for code, _severity in found(make_plan(changes))]


def test_direction_words_in_the_statement_count_for_a_bound() -> None:
    plan = make_plan(
        {
            "statement": "Het aantal huishoudens met problematische schulden neemt af tot hoogstens 900 in 2028.",
            "indicator": {"name": "Huishoudens met problematische schulden", "unit": "count"},
            "baseline": {"value": 1240, "period": 2024},
            "target": {"value": 900, "period": 2028},
            "direction": "at-least",
        }
    )
    finding = only(plan, "direction-contradicts-name")
    assert "In de doelstelling staat 'neemt af', maar de richting van het doel is 'minimaal'." in finding.message()


# -- bbv-unit-mismatch ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "difference"),
    [
        ("aantal per 1.000 inwoners", "Het plan rekent per 1.000, de landelijke lijst per 10.000."),
        ("Aantal", "Het plan rekent in gewone aantallen, de landelijke lijst per 10.000."),
        ("% van de inwoners van 18 jaar en ouder", "Het plan geeft een percentage, de landelijke lijst niet."),
    ],
)
def test_bbv_unit_against_the_national_list(unit: str, difference: str) -> None:
    finding = only(make_plan(bbv_indicators=[{**BIJSTAND, "unit": unit}]), "bbv-unit-mismatch")
    assert (finding.goal, finding.subject) == (None, "BBV-27")
    assert finding.message() == (
        f"BBV-indicator 27 (Personen met een bijstandsuitkering) heeft in het plan de eenheid '{unit}', maar in de "
        f"landelijke lijst 'aantal per 10.000 inwoners van 18 jaar en ouder'. {difference} Neem de eenheid van de "
        "landelijke lijst over. Anders zijn de cijfers niet te vergelijken met die van andere gemeenten."
    )


def test_bbv_percentage_where_the_list_counts() -> None:
    sporters = {**BIJSTAND, "id": "BBV-20", "number": 20, "name": "Niet-sporters", "unit": "aantal"}
    finding = only(make_plan(bbv_indicators=[sporters]), "bbv-unit-mismatch")
    assert "De landelijke lijst geeft een percentage, het plan niet." in finding.message()


@pytest.mark.parametrize(
    "indicator",
    [
        {**BIJSTAND, "unit": "Aantal per 10.000 inwoners"},  # another population: only wording
        {**BIJSTAND, "number": None, "unit": "%"},  # not linked to the list
        {**BIJSTAND, "number": 7, "unit": "%"},  # dropped from the list earlier
    ],
)
def test_bbv_units_that_do_not_contradict(indicator: dict[str, Any]) -> None:
    assert found(make_plan(bbv_indicators=[indicator])) == []


def test_bbv_units_are_compared_only_with_a_catalogue() -> None:
    plan = make_plan(bbv_indicators=[{**BIJSTAND, "unit": "%"}])
    assert found(plan) == [("bbv-unit-mismatch", W)]
    assert found(plan, catalogue=None) == []


# -- unreadable-target ---------------------------------------------------------------------------------


def test_unreadable_target_quotes_the_phrase_and_shows_what_to_write() -> None:
    plan = make_plan({"target": unread("verbetering")})
    assert plan.goals[0].target is not None and not plan.goals[0].target.understood
    finding = only(plan, "unreadable-target")
    assert finding.loc == ("goals", 0, "target")
    assert finding.message() == (
        "koers kan de streefwaarde 'verbetering' niet lezen. koers weet niet of hoger of lager beter is. Schrijf "
        "bijvoorbeeld 'stijging', 'daling' of een waarde. Zo is niet te zien wanneer het doel is gehaald. Schrijf de "
        "streefwaarde als gegevens, bijvoorbeeld 'target: {value: 60, period: 2027}' met 'direction: at-least'. Of "
        "schrijf het in woorden die koers kan lezen, zoals 'minimaal 60% in 2027'."
    )
    assert finding.message("en").startswith("koers cannot read the target 'verbetering'.")
    assert "'target: {value: 60, period: 2027}' with 'direction: at-least'" in finding.message("en")


def test_the_example_in_the_message_is_a_phrase_koers_reads() -> None:
    plan = make_plan({"target": "minimaal 60% in 2027", "direction": DROP})
    assert plan.goals[0].target is not None and plan.goals[0].target.value == 60
    assert "unreadable-target" not in [code for code, _severity in found(plan)]


def test_an_unreadable_target_is_not_also_missing_its_period() -> None:
    """Without a period and without an end to the plan, only the unreadable words are reported."""
    assert found(make_plan({"target": unread("zo hoog mogelijk", period=None)})) == [("unreadable-target", E)]


def test_every_unreadable_target_is_reported() -> None:
    plan = make_plan({"targets": [unread("beter dan vorig jaar", 2026)], "target": {"value": 50, "period": 2028}})
    assert [f.loc for f in lint_plan(plan, as_of=AS_OF) if f.code == "unreadable-target"] == [
        ("goals", 0, "targets", 0)
    ]


# -- known bugs --------------------------------------------------------------------------------


def test_yearly_count_on_a_reference_date_is_measurable() -> None:
    plan = make_plan(
        {
            "baseline": {"value": 40, "period": "peildatum 1 januari 2024"},
            "target": {"value": 50, "period": "peildatum 1 januari 2028"},
        }
    )
    assert found(plan) == []


def test_message_language_follows_the_argument() -> None:
    plan = make_plan({"frequency": "1X per 4 jaar", "target": {"value": 50, "period": 2027}})
    dutch = only(plan, "target-not-measurable-in-time")
    english = only(plan, "target-not-measurable-in-time")
    assert dutch.message("en") == english.message("en")


# -- Heemskerk 2024, the real test case ------------------------------------------------------

HEEMSKERK_2024 = Path(__file__).resolve().parents[2] / "examples" / "heemskerk-2024" / "plan.yaml"
HEEMSKERK_AS_OF = date(2026, 11, 23)

HEEMSKERK_FINDINGS = [
    ("VW-01", "target-not-measurable-in-time", E),
    ("VW-01", "stale-baseline", W),
    ("VW-03", "stale-baseline", W),
    ("VW-04", "target-not-measurable-in-time", E),
    ("VW-04", "stale-baseline", W),
    ("VW-05", "stale-baseline", W),
    ("ZW-05", "no-tolerance", W),
    ("OZ-02", "missing-baseline", E),
    ("OZ-04", "no-tolerance", W),
    ("OZ-05", "missing-baseline", E),
    ("OZ-06", "pending-baseline", E),
    ("FF-06", "missing-baseline", E),
    ("OO-02", "missing-baseline", E),
    ("OO-02", "wijken-without-cbs-code", INFO),
    ("OO-03", "missing-baseline", E),
    ("OO-03", "wijken-without-cbs-code", INFO),
    ("OO-04", "missing-baseline", E),
    ("OO-04", "relative-target-without-baseline", E),
    ("OO-05", "target-not-measurable-in-time", E),
    ("OO-05", "wijken-without-cbs-code", INFO),
]
STALE = {
    ("VW-01", "stale-baseline", W),
    ("VW-03", "stale-baseline", W),
    ("VW-04", "stale-baseline", W),
    ("VW-05", "stale-baseline", W),
}


@pytest.fixture(scope="module")
def heemskerk() -> Plan:
    return read_plan(HEEMSKERK_2024)


def _heemskerk(plan: Plan, **kwargs: Any) -> list[tuple[str | None, str, Severity]]:
    kwargs.setdefault("as_of", HEEMSKERK_AS_OF)
    return [(f.goal, f.code, f.severity) for f in lint_plan(plan, **kwargs)]


def _message(plan: Plan, goal: str, code: str, lang: str = "nl", **kwargs: Any) -> str:
    kwargs.setdefault("as_of", HEEMSKERK_AS_OF)
    (finding,) = [f for f in lint_plan(plan, **kwargs) if (f.goal, f.code) == (goal, code)]
    return finding.message(lang)


def test_heemskerk_2024_findings(heemskerk: Plan) -> None:
    assert len(heemskerk.goals) == 28
    assert _heemskerk(heemskerk) == HEEMSKERK_FINDINGS


def test_heemskerk_2024_monitor_measures_in_2024_and_2028_not_2027(heemskerk: Plan) -> None:
    message = _message(heemskerk, "VW-01", "target-not-measurable-in-time")
    assert "Na 2020 volgen metingen in 2024 en 2028, niet in 2027." in message
    assert message.startswith("GGD gezondheidsmonitor meet 1 keer per 4 jaar.")
    english = _message(heemskerk, "VW-01", "target-not-measurable-in-time", lang="en")
    assert "After 2020 the next measurements are in 2024 and 2028, not in 2027." in english


def test_heemskerk_2024_loneliness_is_measured_in_2026_and_2030(heemskerk: Plan) -> None:
    message = _message(heemskerk, "OO-05", "target-not-measurable-in-time")
    assert "Na 2022 volgen metingen in 2026 en 2030, niet in 2027." in message


def test_heemskerk_2024_no_baseline_is_quoted(heemskerk: Plan) -> None:
    assert "(het plan zegt: 'geen nulmeting')" in _message(heemskerk, "FF-06", "missing-baseline")
    assert "(het plan zegt:" not in _message(heemskerk, "OZ-02", "missing-baseline")


def test_heemskerk_2024_school_dropout_baseline_is_overdue(heemskerk: Plan) -> None:
    message = _message(heemskerk, "OZ-06", "pending-baseline")
    assert "Die werd verwacht in 2e helft 2024." in message
    assert "(schooljaar 2023-2024)" in message


def test_heemskerk_2024_school_dropout_baseline_was_not_yet_overdue_in_september_2024(heemskerk: Plan) -> None:
    early = _heemskerk(heemskerk, as_of=date(2024, 9, 1))
    assert ("OZ-06", "pending-baseline", W) in early
    assert early == [
        (g, c, W) if (g, c) == ("OZ-06", "pending-baseline") else (g, c, s) for g, c, s in HEEMSKERK_FINDINGS
    ]
    assert "verwacht" not in _message(heemskerk, "OZ-06", "pending-baseline", as_of=date(2024, 9, 1))


def test_heemskerk_2024_stale_years(heemskerk: Plan) -> None:
    assert heemskerk.lint.stale_baseline_years == 3
    assert _heemskerk(heemskerk, stale_years=3) == HEEMSKERK_FINDINGS
    # 2019 is 5 years before 2024: not more than 5, so nothing is stale.
    assert _heemskerk(heemskerk, stale_years=5) == [f for f in HEEMSKERK_FINDINGS if f not in STALE]
    assert _heemskerk(heemskerk, stale_years=4) == [
        f for f in HEEMSKERK_FINDINGS if f not in STALE or f[0] in ("VW-03", "VW-05")
    ]


def test_heemskerk_2024_a_measurement_in_2023_makes_vw01_measurable_in_2027(heemskerk: Plan) -> None:
    findings = _heemskerk(heemskerk, last_measured={"VW-01": Period.parse("2023")})
    assert findings == [f for f in HEEMSKERK_FINDINGS if f != ("VW-01", "target-not-measurable-in-time", E)]
