# SPDX-License-Identifier: EUPL-1.2
"""``koers bbv list``: the national list, and which of it the plan reports on; no database needed.

The JSON shape is documented in docs/cli.md and pinned here. The default database lives in the
user's data folder: each test points that folder (XDG_DATA_HOME) somewhere of its own, so that a
database of the machine's user never sneaks into a test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from koers.catalogues import bbv_catalogue
from koers.cli.app import app
from tests.conftest import HEEMSKERK_2024

ZUIDERHAVEN = Path(__file__).resolve().parents[1] / "data" / "plans" / "peers-zuiderhaven.yaml"
INDICATOR_KEYS = {"number", "name", "unit", "source", "taakveld", "reported", "plan_id"}


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """The environment of a user without a koers database of their own."""
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "COLUMNS": "200", "KOERS_DATABASE_URL": ""}


def invoke(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def as_json(env: dict[str, str], *args: str) -> dict[str, Any]:
    code, out, err = invoke(env, "bbv", "list", "--json", *args)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_the_list_without_a_plan_or_a_database(home: dict[str, str]) -> None:
    data = as_json(home)
    assert set(data) == {"koers", "shape", "catalogue", "plan", "indicators"}
    assert data["catalogue"] == "koers (bbv-indicators.tsv)" and data["plan"] is None
    assert [i["number"] for i in data["indicators"]] == list(bbv_catalogue())
    wmo = next(i for i in data["indicators"] if i["number"] == 32)
    assert wmo == {
        "number": 32,
        "name": "Cliënten met een maatwerkarrangement Wmo",
        "unit": "aantal per 10.000 inwoners",
        "source": "CBS (Gemeentelijke Monitor Sociaal Domein)",
        "taakveld": "6",
        "reported": None,
        "plan_id": None,
    }
    assert not (Path(home["XDG_DATA_HOME"]) / "koers").exists()  # no database was made to answer


def test_which_indicators_a_plan_file_reports_on(home: dict[str, str]) -> None:
    data = as_json(home, "--plan-file", str(HEEMSKERK_2024))
    assert data["plan"] == str(HEEMSKERK_2024)
    reported = {i["number"]: i["plan_id"] for i in data["indicators"] if i["reported"]}
    assert len(reported) == 15 and reported[32] == "bbv-32"
    assert all(set(i) == INDICATOR_KEYS for i in data["indicators"])
    assert next(i for i in data["indicators"] if i["number"] == 1)["reported"] is False


def test_the_table_says_which_the_plan_reports_on(home: dict[str, str]) -> None:
    code, out, _err = invoke(home, "bbv", "list", "--plan-file", str(ZUIDERHAVEN))
    assert code == 0
    assert "Verplichte BBV-indicatoren (koers (bbv-indicators.tsv))" in out
    assert "In het plan" in out and "bbv-27" in out
    assert f"Het plan {ZUIDERHAVEN} rapporteert over 4 van deze indicatoren." in " ".join(out.split())


def test_the_table_without_a_plan_says_how_to_get_one(home: dict[str, str]) -> None:
    code, out, _err = invoke(home, "bbv", "list")
    assert code == 0
    assert "In het plan" not in out
    assert "geef het plan mee met --plan-file PLAN" in " ".join(out.split())


def test_the_plan_in_the_chosen_database(home: dict[str, str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    assert invoke(home, "--db", url, "db", "upgrade")[0] == 0
    assert invoke(home, "--db", url, "plan", "load", str(ZUIDERHAVEN))[0] == 0
    code, out, err = invoke(home, "--db", url, "bbv", "list", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["plan"] == "GM9921/zuiderhaven-werkt-samen"
    assert sorted(i["plan_id"] for i in data["indicators"] if i["reported"]) == ["bbv-24", "bbv-27", "bbv-29", "bbv-30"]


def test_the_plan_in_the_default_database_when_there_is_one(home: dict[str, str]) -> None:
    folder = Path(home["XDG_DATA_HOME"]) / "koers"
    url = f"sqlite:///{folder / 'koers.db'}"
    assert invoke(home, "--db", url, "db", "upgrade")[0] == 0
    assert invoke(home, "--db", url, "plan", "load", str(ZUIDERHAVEN))[0] == 0
    assert as_json(home)["plan"] == "GM9921/zuiderhaven-werkt-samen"


def test_a_chosen_database_without_a_plan_is_told(home: dict[str, str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'leeg.db'}"
    assert invoke(home, "--db", url, "db", "upgrade")[0] == 0
    code, _out, err = invoke(home, "--db", url, "bbv", "list")
    assert code == 2
    assert "Er staat nog geen plan in de database" in " ".join(err.split())


def test_a_newer_list_of_the_municipality(home: dict[str, str], tmp_path: Path) -> None:
    newer = tmp_path / "bbv-2026.tsv"
    newer.write_text("nr\tindicator\tunit\tsource\ttaakveld\n40\tNieuw\t%\tCBS\t6\n", encoding="utf-8")
    data = as_json(home, "--catalogue", str(newer), "--plan-file", str(ZUIDERHAVEN))
    assert data["catalogue"] == str(newer)
    assert data["indicators"] == [
        {
            "number": 40,
            "name": "Nieuw",
            "unit": "%",
            "source": "CBS",
            "taakveld": "6",
            "reported": False,
            "plan_id": None,
        }
    ]
    code, out, _err = invoke(home, "bbv", "list", "--catalogue", str(newer), "--plan-file", str(ZUIDERHAVEN))
    assert code == 0
    assert "Niet in deze lijst: bbv-27 (Personen met een bijstandsuitkering)" in " ".join(out.split())


def test_a_list_it_cannot_read_is_a_sentence_not_a_traceback(home: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "bbv.tsv"
    broken.write_text("nr\tunit\n", encoding="utf-8")
    code, _out, err = invoke(home, "bbv", "list", "--catalogue", str(broken))
    assert code == 2
    assert "de kolom 'taakveld' ontbreekt in de kopregel" in " ".join(err.split())
    assert "Traceback" not in err
