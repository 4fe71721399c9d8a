# SPDX-License-Identifier: EUPL-1.2
"""The advice register in the database (koers.store.advice, migration 0009), on SQLite and on
PostgreSQL: a file's advice and responses round trip; nothing is stored twice; an edit is a new
version and a rewritten response a new row, both in the audit log with who and in which role;
what cannot be stored is refused with nothing stored. And ``koers advice import`` / ``list``.
Zilverdam's made-up register (tests/data/advice)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, select

from koers.domain.advice import Advice, Response
from koers.importers.advice import read_advice_file
from koers.planfile import read_plan
from koers.store import audit
from koers.store.accounts import Role, create_user, start_session
from koers.store.advice import (
    Actor,
    AdviceRefused,
    load_advice,
    load_register,
    save_advice,
    store_register,
    write_response,
)
from koers.store.database import open_engine
from koers.store.migrate import alembic_config, upgrade
from koers.store.plans import load_stored_plan
from koers.store.tables import advice, advice_items, advice_responses, audit_log, sessions, users
from tests.conftest import ROOT
from tests.store.conftest import count, koers

DATA = ROOT / "tests" / "data" / "advice"
PLAN_FILE = ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml"
ZILVERDAM = read_plan(PLAN_FILE)
CLERK = Actor.command_line("griffie")
PASSWORD = "een goed en lang wachtwoord"


@pytest.fixture
def zilverdam(db_url: str) -> tuple[Engine, int]:
    """A migrated database holding Zilverdam's plan: its engine and the plan's id."""
    assert koers(db_url, "db", "upgrade")[0] == 0
    assert koers(db_url, "plan", "load", str(PLAN_FILE))[0] == 0
    engine = open_engine(db_url)
    return engine, load_stored_plan(engine, None).id


def register_file(name: str = "zilverdam-adviezen.yaml") -> list[Advice]:
    read = read_advice_file(DATA / name, ZILVERDAM)
    assert read.ok, [p.describe() for p in read.problems]
    return read.advice


def audit_rows(engine: Engine, action: str) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(select(audit_log).where(audit_log.c.action == action).order_by(audit_log.c.id)))


def test_a_files_advice_and_responses_round_trip(zilverdam: tuple[Engine, int]) -> None:
    engine, plan_id = zilverdam
    given = register_file() + register_file("zilverdam-adviezen.csv")
    outcome = store_register(engine, plan_id, given, CLERK, source="test")
    answered = sum(1 for a in given for i in a.items if i.response is not None)
    assert (outcome.new, outcome.changed, outcome.unchanged, outcome.responses) == (len(given), 0, 0, answered)
    stored = load_register(engine, plan_id)
    assert sorted((s.advice for s in stored), key=lambda a: a.id) == sorted(given, key=lambda a: a.id)
    assert [s.advice.date for s in stored] == sorted((a.date for a in given), reverse=True)  # newest first
    assert {s.version for s in stored} == {1} and {s.saved_by for s in stored} == {"griffie"}
    assert count(engine, advice_responses) == answered
    assert len(audit_rows(engine, audit.ADVICE_ADD)) == len(given)
    assert len(audit_rows(engine, audit.ADVICE_RESPONSE)) == answered


def test_the_same_file_twice_adds_nothing(zilverdam: tuple[Engine, int]) -> None:
    engine, plan_id = zilverdam
    store_register(engine, plan_id, register_file(), CLERK, source="test")
    before = [count(engine, t) for t in (advice, advice_items, advice_responses, audit_log)]
    again = store_register(engine, plan_id, register_file(), CLERK, source="test")
    assert (again.new, again.changed, again.unchanged, again.responses) == (0, 0, 2, 0)
    assert [count(engine, t) for t in (advice, advice_items, advice_responses, audit_log)] == before


def test_a_dry_run_stores_nothing(zilverdam: tuple[Engine, int]) -> None:
    engine, plan_id = zilverdam
    logged = count(engine, audit_log)
    outcome = store_register(engine, plan_id, register_file(), CLERK, source="test", dry_run=True)
    assert outcome.new == 2 and outcome.responses == 4 and outcome.dry_run
    assert load_register(engine, plan_id) == []
    assert (count(engine, advice), count(engine, advice_responses), count(engine, audit_log)) == (0, 0, logged)


def test_an_edit_is_a_new_version_and_keeps_the_responses(zilverdam: tuple[Engine, int]) -> None:
    engine, plan_id = zilverdam
    store_register(engine, plan_id, register_file(), CLERK, source="test")
    current = load_advice(engine, plan_id, "ADV-2025-02")
    assert current is not None
    council = current.advice.without_responses()
    changed = council.model_copy(update={"subject": "Een Sportpas voor iedereen met een laag inkomen"})
    petra = Actor.of(create_user(engine, "petra", PASSWORD, role="participation"))
    assert save_advice(engine, plan_id, changed, petra, source="beheer", expect=current.version) == 2
    after = load_advice(engine, plan_id, "ADV-2025-02")
    assert after is not None and after.version == 2 and after.advice.subject == changed.subject
    assert [i.response for i in after.advice.items] == [i.response for i in current.advice.items]
    with engine.connect() as conn:
        versions = conn.execute(select(advice.c.version, advice.c.subject).where(advice.c.key == "ADV-2025-02"))
        assert [v for v, _s in versions] == [1, 2]  # the old version stays
    [row] = audit_rows(engine, audit.ADVICE_CHANGE)
    assert json.loads(row.old_value)["subject"] == current.advice.subject
    assert json.loads(row.new_value)["subject"] == changed.subject
    assert json.loads(row.details) == {"version": 2, "role": "participation", "source": "beheer"}


def test_a_rewritten_response_is_a_new_row_and_the_old_one_stays(zilverdam: tuple[Engine, int]) -> None:
    engine, plan_id = zilverdam
    store_register(engine, plan_id, register_file(), CLERK, source="test")
    first = Response.model_validate({"verdict": "overgenomen", "date": "2025-11-10", "actions": ["ZD-A1"]})
    petra = Actor.of(create_user(engine, "petra", PASSWORD, role="participation"))
    assert write_response(engine, plan_id, "ADV-2025-02", 3, first, petra, source="beheer")
    assert not write_response(engine, plan_id, "ADV-2025-02", 3, first, petra, source="beheer")  # the same: nothing
    second = Response.model_validate({"verdict": "deels", "reason": "Alleen bij de Sportpas.", "date": "2025-12-01"})
    assert write_response(engine, plan_id, "ADV-2025-02", 3, second, petra, source="beheer")
    stored = load_advice(engine, plan_id, "ADV-2025-02")
    assert stored is not None and stored.advice.items[2].response == second
    with engine.connect() as conn:
        kept = conn.execute(select(advice_responses.c.verdict).where(advice_responses.c.item == 3)).scalars()
        assert list(kept) == ["overgenomen", "deels-overgenomen"]
    rows = [r for r in audit_rows(engine, audit.ADVICE_RESPONSE) if r.target == "ADV-2025-02/3"]
    assert [json.loads(r.details)["role"] for r in rows] == ["participation", "participation"]
    assert json.loads(rows[1].old_value)["verdict"] == "overgenomen"


def test_what_cannot_be_stored_is_refused_and_nothing_is_stored(zilverdam: tuple[Engine, int]) -> None:
    engine, plan_id = zilverdam
    store_register(engine, plan_id, register_file(), CLERK, source="test")
    current = load_advice(engine, plan_id, "ADV-2025-02")
    assert current is not None
    before = [count(engine, t) for t in (advice, advice_responses, audit_log)]
    council, version = current.advice.without_responses(), current.version
    answer = Response.model_validate({"verdict": "overgenomen", "date": "2025-12-01"})
    refusals: dict[str, Callable[[], object]] = {
        # point 2 has a response: it cannot go
        "item-has-response": lambda: save_advice(
            engine, plan_id, council.model_copy(update={"items": council.items[:1]}), CLERK, source="t"
        ),
        # the responses are of 3 November 2025: the advice cannot be dated after them
        "response-before-advice": lambda: save_advice(
            engine, plan_id, council.model_copy(update={"date": council.date.replace(month=12)}), CLERK, source="t"
        ),
        "advice-exists": lambda: save_advice(engine, plan_id, council, CLERK, source="t", expect=0),
        "advice-changed": lambda: save_advice(engine, plan_id, council, CLERK, source="t", expect=version + 1),
        "unknown-item": lambda: write_response(engine, plan_id, "ADV-2025-02", 9, answer, CLERK, source="t"),
        "unknown-advice": lambda: write_response(engine, plan_id, "ADV-1999-01", 1, answer, CLERK, source="t"),
    }
    for code, attempt in refusals.items():
        with pytest.raises(AdviceRefused) as err:
            attempt()
        assert err.value.code == code
    assert [count(engine, t) for t in (advice, advice_responses, audit_log)] == before


def test_a_participation_account_can_be_made_on_either_database(zilverdam: tuple[Engine, int]) -> None:
    """'participation' is longer than the ten characters the role column had before migration 0009."""
    engine, _plan_id = zilverdam
    user = create_user(engine, "petra", PASSWORD, role="participation")
    assert user.role is Role.PARTICIPATION and user.keeps_advice and not user.may_edit(None)


# ---- the command line ------------------------------------------------------------------------


def test_koers_advice_import_and_list(db_url: str, tmp_path: Path) -> None:
    assert koers(db_url, "db", "upgrade")[0] == 0
    assert koers(db_url, "plan", "load", str(PLAN_FILE))[0] == 0
    code, dry = koers(db_url, "advice", "import", str(DATA / "zilverdam-adviezen.csv"), "--dry-run")
    assert code == 0 and dry["dry_run"] and dry["new"] == 2
    assert koers(db_url, "advice", "list")[1] == []
    code, done = koers(db_url, "advice", "import", str(DATA / "zilverdam-adviezen.csv"), "--user", "griffie")
    assert code == 0 and (done["advice"], done["new"], done["responses"]) == (2, 2, 2)
    code, listed = koers(db_url, "advice", "list")
    assert code == 0 and [a["id"] for a in listed] == ["ADV-2026-02", "ADV-2026-01"]
    first = listed[1]["items"][0]
    assert first["key"] == "ADV-2026-01/1" and first["response"]["verdict"] == "overgenomen"
    assert listed[0]["items"][0]["response"]["verdict_label"] == "Deels overgenomen"
    [row] = [r for r in audit_rows(open_engine(db_url), audit.ADVICE_ADD) if r.target == "ADV-2026-01"]
    expected = {"source": "koers advice import zilverdam-adviezen.csv", "user": "griffie", "version": 1}
    assert json.loads(row.details) == expected  # no role: the command line has none


def test_koers_advice_import_refuses_a_broken_file_whole(db_url: str) -> None:
    assert koers(db_url, "db", "upgrade")[0] == 0
    assert koers(db_url, "plan", "load", str(PLAN_FILE))[0] == 0
    code, refused = koers(db_url, "advice", "import", str(DATA / "broken-adviezen.yaml"))
    assert code == 2 and refused["problem_count"] == 8
    assert {p["code"] for p in refused["problems"]} >= {"unknown-goal", "duplicate-advice", "no-items"}
    assert all(p["line"] for p in refused["problems"])
    assert koers(db_url, "advice", "list")[1] == []


def test_migration_0009_keeps_the_accounts_and_their_log(db_url: str) -> None:
    """An existing database, with accounts, sessions and audit rows, migrates to 0009 and can
    then hold a participation account."""
    engine = open_engine(db_url)
    command.upgrade(alembic_config(engine), "0008")
    anna = create_user(engine, "anna", PASSWORD, role="admin")
    start_session(engine, anna)
    upgrade(engine)
    assert (count(engine, users), count(engine, sessions), count(engine, audit_log)) == (1, 1, 1)
    assert create_user(engine, "petra", PASSWORD, role="participation").role is Role.PARTICIPATION
    assert count(engine, advice) == 0
