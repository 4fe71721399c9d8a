# SPDX-License-Identifier: EUPL-1.2
"""A revised plan is the next version of the same plan: the figures of every goal that goes on
keep their history, and a sharpened goal is judged against its new target (SQLite and
PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.planfile import read_plan
from koers.store.database import open_engine
from koers.store.migrate import upgrade
from koers.store.plans import PlanChanged, load_stored_plan, save_plan
from tests.store.conftest import koers, write_csv

DATA = Path(__file__).parents[1] / "data" / "plans"
OLD = DATA / "fictional-plan.yaml"
NEW = DATA / "revision" / "zilverdam-2027.yaml"


def test_history_carries_on_across_the_revision(db_url: str, tmp_path: Path) -> None:
    assert koers(db_url, "db", "upgrade")[0] == 0
    code, first = koers(db_url, "plan", "load", str(OLD))
    assert code == 0 and first["version"] == 1
    figures = write_csv(
        tmp_path / "sportpas.csv",
        [
            {"goal": "ZD-02", "period": "2025", "area": "GM9999", "value": "1300"},
            {"goal": "ZD-02", "period": "2026", "area": "GM9999", "value": "1380"},
        ],
    )
    assert koers(db_url, "import", str(figures))[0] == 0
    code, second = koers(db_url, "plan", "load", str(NEW))
    assert code == 0 and (second["version"], second["plan"]) == (2, first["plan"])

    code, kept = koers(db_url, "measurements", "--goal", "ZD-02")
    assert code == 0 and [m["value"] for m in kept] == [1300, 1380]
    code, status = koers(db_url, "status", "--as-of", "2027-07-01")
    assert code == 0
    assert status["plan_version"] == 2
    goal = next(g for g in status["goals"] if g["goal"] == "ZD-02")
    assert goal["target"]["period"] == "2030"  # judged against the sharpened target (+20% in 2030), not the old one
    assert goal["status"] != "not_yet_measurable"  # the figures stored under version 1 count


def test_an_edit_based_on_an_older_version_is_refused_and_stores_nothing(db_url: str) -> None:
    engine = open_engine(db_url)
    upgrade(engine)
    old, new = read_plan(OLD), read_plan(NEW)
    assert save_plan(engine, old, source="a", user="a").version == 1
    assert save_plan(engine, new, source="b", user="b", based_on=1).version == 2
    with pytest.raises(PlanChanged):
        save_plan(engine, old, source="c", user="c", based_on=1)  # would undo version 2
    assert load_stored_plan(engine).version == 2
    engine.dispose()
