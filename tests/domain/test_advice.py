# SPDX-License-Identifier: EUPL-1.2
"""The advice register's domain (koers.domain.advice): its closed lists declared once and read
back from the words people write, the rules of a response, what an item concerns, and the ids
an advice names checked against the plan. On Zilverdam's made-up plan and on Heemskerk's."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any

import pytest
from pydantic import ValidationError

from koers.domain.advice import (
    ADVICE_KIND_LABELS,
    INPUT_KIND_LABELS,
    VERDICTS,
    Advice,
    AdviceKind,
    InputKind,
    Response,
    Verdict,
    entries,
    for_challenge,
    for_goal,
    link_problems,
    parse_advice_kind,
    parse_day,
    parse_input_kind,
    parse_verdict,
    tally,
)
from koers.domain.plan import Plan
from koers.planfile import read_plan
from tests.conftest import ROOT

ZILVERDAM = read_plan(ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml")


def advice(**changes: Any) -> dict[str, Any]:
    """An unsolicited advice of Zilverdam's council, as a file would hold it."""
    return {
        "id": "ADV-2025-02",
        "kind": "ongevraagd",
        "date": "2025-09-15",
        "subject": "Een Sportpas ook voor volwassenen",
        "challenges": ["gezond-en-actief"],
        "goals": ["ZD-01"],
        "items": [
            {"text": "Geef volwassenen met een laag inkomen ook een Sportpas."},
            {"kind": "enquetethema", "text": "Schulden bij jonge gezinnen", "challenges": ["rond-komen"]},
        ],
        **changes,
    }


def codes(err: ValidationError) -> list[str]:
    return [str(e["type"]) for e in err.errors()]


# ---- the closed lists ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "table, members",
    [(ADVICE_KIND_LABELS, AdviceKind), (INPUT_KIND_LABELS, InputKind), (VERDICTS, Verdict)],
    ids=["advice kinds", "input kinds", "verdicts"],
)
def test_every_list_is_declared_once_with_every_member(table: Mapping[Any, Any], members: type[StrEnum]) -> None:
    assert list(table) == list(members)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_label_reads_back_as_its_member(lang: str) -> None:
    assert [parse_verdict(v.label(lang)) for v in Verdict] == list(Verdict)
    assert [parse_advice_kind(k.label(lang)) for k in AdviceKind] == list(AdviceKind)
    assert [parse_input_kind(k.label(lang)) for k in InputKind] == list(InputKind)
    assert len({v.label(lang) for v in Verdict}) == len(Verdict)


def test_the_words_people_write_are_read() -> None:
    assert parse_verdict("deels overgenomen") is parse_verdict("Deels") is Verdict.PARTLY
    assert parse_verdict("niet-overgenomen") is parse_verdict(" Niet ") is Verdict.NOT_ADOPTED
    assert parse_verdict("misschien") is None
    assert parse_input_kind("Enquête-thema") is InputKind.SURVEY_THEME
    assert parse_advice_kind("Ongevraagd advies") is AdviceKind.UNSOLICITED


def test_only_a_response_that_adopts_may_leave_out_why() -> None:
    assert [v for v in Verdict if not v.needs_reason] == [Verdict.ADOPTED]
    Response.model_validate({"verdict": "overgenomen", "date": "2025-11-03"})
    for verdict in (Verdict.PARTLY, Verdict.NOT_ADOPTED):
        with pytest.raises(ValidationError) as err:
            Response.model_validate({"verdict": verdict.value, "date": "2025-11-03", "reason": "  "})
        assert codes(err.value) == ["response-without-reason"]


def test_dates_are_read_as_people_write_them() -> None:
    assert parse_day("12-6-2024") == parse_day("12/06/2024") == parse_day("2024-06-12") == date(2024, 6, 12)
    with pytest.raises(ValueError, match="31-2-2025"):
        parse_day("31-2-2025")


# ---- an advice -------------------------------------------------------------------------------


def test_an_advice_needs_a_point_and_a_response_cannot_come_before_it() -> None:
    with pytest.raises(ValidationError) as err:
        Advice.model_validate(advice(items=[]))
    assert codes(err.value) == ["too_short"]
    early = {"text": "Vraag de clubs.", "response": {"verdict": "overgenomen", "date": "2025-09-01"}}
    with pytest.raises(ValidationError) as err:
        Advice.model_validate(advice(items=[{"text": "Eerst dit."}, early]))
    [error] = err.value.errors()
    assert error["type"] == "response-before-advice" and error["ctx"]["item"] == 2


def test_an_item_concerns_its_own_links_or_else_its_advices() -> None:
    found = Advice.model_validate(advice()).entries()
    assert [e.key for e in found] == ["ADV-2025-02/1", "ADV-2025-02/2"]
    assert (found[0].goals, found[0].challenges) == (["ZD-01"], ["gezond-en-actief"])  # the advice's
    assert (found[1].goals, found[1].challenges) == ([], ["rond-komen"])  # its own
    assert found[0].concerns_goal("ZD-01") and not found[1].concerns_goal("ZD-01")
    assert [e.number for e in for_challenge([Advice.model_validate(advice())], ZILVERDAM, "rond-komen")] == [2]


def test_a_goal_brings_its_challenge() -> None:
    """An item that names only a goal concerns the goal's challenge too (ZD-05 is Rondkomen's)."""
    register = [Advice.model_validate(advice(challenges=[], goals=["ZD-05"]))]
    goal = ZILVERDAM.goal("ZD-05")
    assert goal is not None and goal.challenge == "rond-komen"
    assert [e.key for e in for_challenge(register, ZILVERDAM, "rond-komen")] == ["ADV-2025-02/1", "ADV-2025-02/2"]
    assert [e.key for e in for_goal(register, "ZD-05")] == ["ADV-2025-02/1"]
    assert for_challenge(register, ZILVERDAM, "gezond-en-actief") == []


def test_the_register_lists_the_newest_advice_first_and_counts_the_responses() -> None:
    older = Advice.model_validate(
        advice(
            id="ADV-2025-01",
            date="2025-02-10",
            items=[
                {"text": "A", "response": {"verdict": "overgenomen", "date": "2025-03-20"}},
                {"text": "B", "response": {"verdict": "deels", "reason": "Niet alles.", "date": "2025-03-20"}},
            ],
        )
    )
    newer = Advice.model_validate(advice())
    listed = entries([older, newer])
    assert [e.key for e in listed] == ["ADV-2025-02/1", "ADV-2025-02/2", "ADV-2025-01/1", "ADV-2025-01/2"]
    counted = tally(listed)
    assert (counted.verdicts[Verdict.ADOPTED], counted.verdicts[Verdict.PARTLY], counted.awaiting) == (1, 1, 2)
    assert counted.total == 4
    assert counted.summary() == "4 punten (1 overgenomen, 1 deels overgenomen, 2 nog geen reactie)"
    assert tally([]).summary() == "0 punten"


# ---- links to the plan -----------------------------------------------------------------------


@pytest.mark.parametrize("plan_name", ["zilverdam", "heemskerk"])
def test_every_id_is_checked_against_the_plan(plan_name: str, heemskerk_2024: Plan) -> None:
    plan = ZILVERDAM if plan_name == "zilverdam" else heemskerk_2024
    goal, challenge, action = plan.goals[0].id, plan.challenges[-1].id, plan.actions[0].id
    good = advice(
        goals=[goal],
        challenges=[challenge],
        items=[{"text": "x", "response": {"verdict": "overgenomen", "date": "2025-10-01", "actions": [action]}}],
    )
    assert link_problems(Advice.model_validate(good), plan) == []
    bad = advice(
        goals=[goal, "XX-01"],
        challenges=["zwemmen"],
        items=[
            {"text": "x", "goals": "XX-02", "response": {"verdict": "overgenomen", "date": "2025-10-01"}},
            {"text": "y", "response": {"verdict": "overgenomen", "date": "2025-10-01", "actions": [action, "XX-A9"]}},
        ],
    )
    found = [(p.loc, p.code, p.value) for p in link_problems(bad, plan)]  # the raw data, as a file has it
    assert found == [
        (("goals", 1), "unknown-goal", "XX-01"),
        (("challenges", 0), "unknown-challenge", "zwemmen"),
        (("items", 0, "goals", 0), "unknown-goal", "XX-02"),
        (("items", 1, "response", "actions", 1), "unknown-action", "XX-A9"),
    ]
    expected = link_problems(bad, plan)[0].expected.split(", ")
    assert expected == sorted(g.id for g in plan.goals)
