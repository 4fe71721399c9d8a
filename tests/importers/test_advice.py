# SPDX-License-Identifier: EUPL-1.2
"""Reading the advice register from a file (koers.importers.advice): YAML and CSV give the same
advice, every problem is found at once and named at its line or its row and column, and a file
with any problem gives no advice at all. Zilverdam's made-up register (tests/data/advice)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from koers.domain.advice import AdviceKind, InputKind, Verdict
from koers.importers.advice import read_advice_file
from koers.planfile import read_plan
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "advice"
ZILVERDAM = read_plan(ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml")


def test_a_yaml_register_is_read_with_its_points_and_responses() -> None:
    read = read_advice_file(DATA / "zilverdam-adviezen.yaml", ZILVERDAM)
    assert read.ok, [p.describe() for p in read.problems]
    first, second = read.advice
    assert (first.id, first.kind, str(first.date)) == ("ADV-2025-01", AdviceKind.SOLICITED, "2025-02-10")
    assert [i.kind for i in first.items] == [InputKind.SURVEY_THEME] * 3
    assert [i.response.verdict if i.response else None for i in second.items] == [
        Verdict.NOT_ADOPTED,
        Verdict.ADOPTED,
        None,
    ]
    assert second.items[0].response is not None and second.items[0].response.actions == ["ZD-A1"]
    assert read.places["ADV-2025-02"].line == 33  # where the advice starts, for a problem found later


def test_a_csv_register_groups_its_rows_per_advice() -> None:
    read = read_advice_file(DATA / "zilverdam-adviezen.csv", ZILVERDAM)
    assert read.ok, [p.describe() for p in read.problems]
    with (DATA / "zilverdam-adviezen.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [a.id for a in read.advice] == list(dict.fromkeys(r["advies"] for r in rows))
    assert sum(len(a.items) for a in read.advice) == len(rows)
    homework = read.advice[0]
    assert [i.text for i in homework.items] == [r["tekst"] for r in rows if r["advies"] == homework.id]
    assert str(homework.date) == "2026-01-12"  # written 12-1-2026, and left empty on its second row
    kept = homework.items[0].response
    assert kept is not None and str(kept.date) == "2026-03-02" and kept.follow_up
    assert homework.items[1].response is None and homework.items[1].challenges == ["leren-en-opgroeien"]
    partly = read.advice[1].items[0].response
    assert partly is not None and partly.verdict is Verdict.PARTLY and partly.actions == ["ZD-A3"]


def test_every_problem_of_a_yaml_file_is_named_at_its_line() -> None:
    read = read_advice_file(DATA / "broken-adviezen.yaml", ZILVERDAM)
    assert read.advice == []
    found = [(p.code, p.location.line) for p in read.problems]
    assert found == [
        ("unknown-goal", 11),
        ("invalid-choice", 12),
        ("response-without-reason", 14),
        ("invalid-date", 17),
        ("unknown-challenge", 19),
        ("unknown-action", 22),
        ("duplicate-advice", 23),
        ("no-items", 27),
    ]
    choice = next(p for p in read.problems if p.code == "invalid-choice")
    assert choice.field == "advice[ADV-2025-01].items[1].response.verdict"
    assert "overgenomen, deels-overgenomen, niet-overgenomen" in choice.hint()
    assert all(p.message() and p.hint() for p in read.problems)


def test_every_problem_of_a_csv_file_is_named_at_its_row_and_column() -> None:
    read = read_advice_file(DATA / "broken-adviezen.csv", ZILVERDAM)
    assert read.advice == []
    found = [(p.code, p.location.row, p.location.column) for p in read.problems]
    assert found == [
        ("response-without-reason", 2, "reden"),
        ("advice-disagrees", 3, "soort"),
        ("invalid-date", 4, "datum reactie"),
    ]
    assert "rij 2" in read.problems[1].message()


def test_a_file_of_another_kind_or_without_the_columns_says_so(tmp_path: Path) -> None:
    assert [p.code for p in read_advice_file(tmp_path / "adviezen.docx", ZILVERDAM).problems] == ["unreadable-file"]
    short = tmp_path / "kort.csv"
    short.write_text("advies,datum\nADV-1,2025-01-01\n", encoding="utf-8")
    found = [(p.code, p.field) for p in read_advice_file(short, ZILVERDAM).problems]
    assert found == [("missing-column", "kind"), ("missing-column", "subject"), ("missing-column", "text")]
    listless = tmp_path / "leeg.yaml"
    listless.write_text("advice: geen\n", encoding="utf-8")
    assert [p.code for p in read_advice_file(listless, ZILVERDAM).problems] == ["not-a-list"]


@pytest.mark.parametrize("suffix", [".yaml", ".csv"])
def test_the_same_mistake_reads_the_same_in_either_format(tmp_path: Path, suffix: str) -> None:
    """One check for both (check_advice): an action the plan does not have, and a reason left out."""
    path = tmp_path / f"adviezen{suffix}"
    if suffix == ".yaml":
        path.write_text(
            "advice:\n  - id: A-1\n    kind: gevraagd\n    date: 2025-05-01\n    subject: Buurtkamers\n"
            "    items:\n      - text: Langer open.\n"
            "        response: {verdict: niet-overgenomen, date: 2025-06-01, actions: [ZD-A7]}\n",
            encoding="utf-8",
        )
    else:
        path.write_text(
            "advice,kind,date,subject,text,verdict,response_date,actions\n"
            "A-1,gevraagd,2025-05-01,Buurtkamers,Langer open.,niet-overgenomen,2025-06-01,ZD-A7\n",
            encoding="utf-8",
        )
    read = read_advice_file(path, ZILVERDAM)
    assert sorted(p.code for p in read.problems) == ["response-without-reason", "unknown-action"]
    action = next(p for p in read.problems if p.code == "unknown-action")
    assert action.message() == "Er is geen actie met code 'ZD-A7'."
    assert "ZD-A1, ZD-A2, ZD-A3" in action.hint()
