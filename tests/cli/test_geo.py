# SPDX-License-Identifier: EUPL-1.2
"""``koers geo load`` and ``koers geo list``: the outcome in words and as JSON (the shape in
docs/cli.md), a dry run that stores nothing, and a broken file refused with its problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from koers.cli.app import app
from koers.store.database import open_engine
from koers.store.tables import boundaries
from tests.geodata import BROKEN, RD_GEOJSON, RD_TOPOJSON, WGS84_GEOJSON, voorbeeldstad
from tests.store.conftest import count, koers

runner = CliRunner()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return voorbeeldstad(f"sqlite:///{tmp_path / 'koers.db'}", boundaries=None)


def run(url: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", url, *args], env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_load_says_what_it_matched_left_out_and_missed(url: str) -> None:
    code, out, err = run(url, "geo", "load", str(RD_TOPOJSON), "--user", "jansen")
    assert code == 0, err
    assert "4 grenzen herkend: 3 op CBS-code, 1 op naam." in out
    assert "1 gebied uit het bestand hoort niet bij het plan en is weggelaten." in out
    assert "Coördinaten: RD New (meters)." in out
    assert "4 grenzen opgeslagen uit voorbeeldstad-wijken-rd.topojson" in out
    assert "Geen grens voor 1 wijk van het plan: Haven." in err
    assert count(open_engine(url), boundaries) == 4


def test_load_json_has_the_documented_shape(url: str) -> None:
    code, outcome = koers(url, "geo", "load", str(WGS84_GEOJSON))
    assert code == 0
    assert set(outcome) == {
        "file", "sha256", "features", "matched", "by_code", "by_name", "left_out", "missing", "planar", "areas",
        "stored", "dry_run",
    }  # fmt: skip
    assert (outcome["features"], outcome["matched"], outcome["by_code"], outcome["by_name"]) == (5, 4, 3, 1)
    assert (outcome["left_out"], outcome["planar"], outcome["stored"], outcome["dry_run"]) == (1, False, 4, False)
    assert outcome["missing"] == [{"area": "WK991205", "name": "Haven"}]
    assert outcome["areas"][2] == {"area": "west", "name": "West", "level": "wijk", "matched_by": "name", "feature": 3}
    assert len(outcome["sha256"]) == 64


def test_a_dry_run_stores_nothing(url: str) -> None:
    code, out, _err = run(url, "geo", "load", str(RD_GEOJSON), "--dry-run")
    assert code == 0 and "Proef: er is niets opgeslagen." in out
    assert count(open_engine(url), boundaries) == 0
    assert koers(url, "geo", "load", str(RD_GEOJSON), "--dry-run")[1]["stored"] == 0


def test_a_broken_file_is_refused_with_every_problem_and_stores_nothing(url: str) -> None:
    assert koers(url, "geo", "load", str(RD_GEOJSON))[0] == 0
    code, out, err = run(url, "geo", "load", str(BROKEN / "bad-geometry.geojson"))
    assert code == 2 and out == ""
    text = " ".join(err.split())
    assert "Het bestand is niet ingelezen: 4 problemen." in text
    assert "Gebied nummer 2 (Noord) heeft geen bruikbare vorm" in text
    assert "Er is niets opgeslagen." in text and "Traceback" not in text
    assert count(open_engine(url), boundaries) == 4  # the boundaries loaded before stay
    code, shown = koers(url, "geo", "load", str(BROKEN / "not-json.geojson"))
    assert code == 2 and shown["problem_count"] == 1
    assert {k: shown["problems"][0][k] for k in ("code", "line", "column")} == {
        "code": "not-json",
        "line": 4,
        "column": "24",
    }


def test_list_shows_which_areas_have_a_boundary(url: str) -> None:
    code, out, _err = run(url, "geo", "list")
    assert code == 0 and "Er zijn nog geen grenzen geladen." in out
    koers(url, "geo", "load", str(RD_GEOJSON), "--user", "jansen")
    code, rows = koers(url, "geo", "list")
    assert code == 0
    assert [(r["area"], r["level"], r["boundary"]) for r in rows] == [
        ("GM9912", "municipality", False),
        ("WK991201", "wijk", True),
        ("WK991202", "wijk", True),
        ("west", "wijk", True),
        ("WK991204", "wijk", True),
        ("WK991205", "wijk", False),
    ]
    assert rows[1]["source"] == "voorbeeldstad-wijken-rd.geojson" and rows[1]["loaded_by"] == "jansen"
    code, out, _err = run(url, "geo", "list")
    assert "Zuid-Oost" in out and "gemeente" in out and "nog geen grenzen" not in out
