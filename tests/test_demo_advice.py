# SPDX-License-Identifier: EUPL-1.2
"""The demo's illustrative advice register (``koers.demo.illustrative_advice``, loaded by
``koers demo`` and ``koers demo-data``): reproducible, fitting the plan, every kind of response,
only up to the day, marked as illustrative, and never mixed into a real register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from koers.cli.demo import load_illustrative
from koers.demo import ILLUSTRATIVE, illustrative_advice
from koers.domain.advice import Advice, InputKind, link_problems
from koers.domain.plan import Plan
from koers.examples import DEMO_PLAN
from koers.planfile import read_plan
from koers.store.advice import Actor, load_register, store_register
from koers.store.database import open_engine
from koers.store.migrate import upgrade
from koers.store.plans import save_plan
from tests.conftest import ROOT

AS_OF = date(2026, 11, 23)
ZILVERDAM = read_plan(ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml")


@pytest.mark.parametrize("plan_name", ["heemskerk", "zilverdam"])
@pytest.mark.parametrize("seed", [1, 2024])
def test_the_register_fits_the_plan_and_shows_every_kind_of_response(
    heemskerk_2024: Plan, plan_name: str, seed: int
) -> None:
    plan = heemskerk_2024 if plan_name == "heemskerk" else ZILVERDAM
    register = illustrative_advice(plan, seed=seed, as_of=AS_OF)
    assert register == illustrative_advice(plan, seed=seed, as_of=AS_OF)  # the same seed, the same advice
    assert all(link_problems(a, plan) == [] for a in register)
    assert all(ILLUSTRATIVE in (a.document or "").lower() for a in register)
    responses = [i.response for a in register for i in a.items]
    assert {r.verdict for r in responses if r is not None} == {"overgenomen", "deels-overgenomen", "niet-overgenomen"}
    assert None in responses  # one point still waits
    assert {i.kind for a in register for i in a.items} == set(InputKind)
    assert max(a.date for a in register) <= AS_OF
    assert all(r.date <= AS_OF for r in responses if r is not None)
    assert len({a.id for a in register}) == len(register)


def test_before_the_plan_starts_there_is_only_what_residents_said(heemskerk_2024: Plan) -> None:
    early = illustrative_advice(heemskerk_2024, seed=2024, as_of=date(2023, 12, 31))
    assert [i.kind for a in early for i in a.items] == [InputKind.SURVEY_THEME] * len(heemskerk_2024.challenges)


def test_the_demo_loads_it_once_and_never_next_to_real_advice(tmp_path: Path) -> None:
    plan = read_plan(DEMO_PLAN)
    engine = open_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    for _ in range(2):
        saved, _outcome = load_illustrative(engine, plan, seed=2024, as_of=AS_OF, source="t", user="t", by="t")
    stored = [s.advice for s in load_register(engine, saved.plan_id)]
    assert sorted(stored, key=lambda a: a.id) == sorted(
        illustrative_advice(plan, seed=2024, as_of=AS_OF), key=lambda a: a.id
    )
    assert {s.version for s in load_register(engine, saved.plan_id)} == {1}  # the second time added nothing

    real_db = open_engine(f"sqlite:///{tmp_path / 'echt.db'}")
    upgrade(real_db)
    real = save_plan(real_db, plan, source="t", user="t")
    council = Advice.model_validate(
        {
            "id": "PR-2024-03",
            "kind": "ongevraagd",
            "date": "2024-06-12",
            "subject": "IJmond Pas",
            "items": [{"text": "x"}],
        }
    )
    store_register(real_db, real.plan_id, [council], Actor.command_line("griffie"), source="t")
    load_illustrative(real_db, plan, seed=2024, as_of=AS_OF, source="t", user="t", by="t")
    assert [s.advice.id for s in load_register(real_db, real.plan_id)] == ["PR-2024-03"]
