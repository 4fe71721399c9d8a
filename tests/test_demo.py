# SPDX-License-Identifier: EUPL-1.2
"""Illustrative data (``koers.demo``, ``koers demo-data``): reproducible, always accepted by the
importer, spread over every status, and marked as illustrative in every row."""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koers.cli.app import app
from koers.demo import ILLUSTRATIVE, ILLUSTRATIVE_SOURCE_REF, POPULATION_SERIES, illustrative_batch
from koers.domain.assessment import Status, assess
from koers.domain.goals import Scope
from koers.domain.measurements import Measurement
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.units import UnitKind
from koers.importers.batch import Batch
from koers.importers.measurements import check_file

AS_OF = date(2026, 11, 23)
SEED = 2024
IMPORT_COLUMNS = (
    "goal",
    "series",
    "period",
    "area",
    "value",
    "unit",
    "status",
    "sample_size",
    "ci_low",
    "ci_high",
    "source",
    "source_ref",
    "note",
)
runner = CliRunner()


@pytest.fixture(scope="module")
def batch(heemskerk_2024: Plan) -> Batch:
    return illustrative_batch(heemskerk_2024, seed=SEED, as_of=AS_OF)


def rows(batch: Batch) -> list[tuple[object, ...]]:
    return [(batch.subject[i], batch.period[i].code, batch.area[i], *batch.content(i)) for i in range(len(batch))]


def points(batch: Batch, subject: str) -> dict[str, list[Period]]:
    """Per area the periods of ``subject``, in the batch's order."""
    found: dict[str, list[Period]] = defaultdict(list)
    for i in range(len(batch)):
        if batch.subject[i] == subject:
            found[batch.area[i]].append(batch.period[i])
    return found


def write_csv(batch: Batch, path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(IMPORT_COLUMNS)
        for i in range(len(batch)):
            series = batch.kind(i) == "series"
            writer.writerow(
                [
                    "" if series else batch.subject[i],
                    batch.subject[i] if series else "",
                    batch.period[i].code,
                    batch.area[i],
                    repr(batch.value[i]),
                    batch.unit(i),
                    batch.status[i],
                    *("" if batch.get(c, i) is None else batch.get(c, i) for c in ("sample_size", "ci_low", "ci_high")),
                    batch.source[i],
                    batch.source_ref[i],
                    batch.get("note", i),
                ]
            )
    return path


# -- the generator --------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_batch(heemskerk_2024: Plan, batch: Batch) -> None:
    assert rows(illustrative_batch(heemskerk_2024, seed=SEED, as_of=AS_OF)) == rows(batch)


def test_another_seed_gives_other_values_for_the_same_points(heemskerk_2024: Plan, batch: Batch) -> None:
    other = illustrative_batch(heemskerk_2024, seed=SEED + 1, as_of=AS_OF)
    assert [r[:3] for r in rows(other)] == [r[:3] for r in rows(batch)]
    assert list(other.value) != list(batch.value)


@pytest.mark.parametrize("as_of", [AS_OF, date(2029, 6, 30)])
def test_the_importer_accepts_every_row_unchanged(heemskerk_2024: Plan, tmp_path: Path, as_of: date) -> None:
    generated = illustrative_batch(heemskerk_2024, seed=SEED, as_of=as_of)
    checked = check_file(write_csv(generated, tmp_path / "demo.csv"), heemskerk_2024)
    assert checked.problems == []
    assert checked.batch is not None
    assert rows(checked.batch) == rows(generated)


def test_every_row_is_marked_illustrative(heemskerk_2024: Plan, batch: Batch) -> None:
    for i in range(len(batch)):
        goal = heemskerk_2024.goal(batch.subject[i])
        if goal is not None:
            assert batch.source[i] == f"{goal.source} ({ILLUSTRATIVE})"
        assert batch.source[i].endswith(f"({ILLUSTRATIVE})")
        assert batch.source_ref[i] == ILLUSTRATIVE_SOURCE_REF.format(seed=SEED)
        assert ILLUSTRATIVE in batch.source_ref[i] and str(SEED) in batch.source_ref[i]
        assert ILLUSTRATIVE.capitalize() in batch.get("note", i)


def test_values_respect_their_units(heemskerk_2024: Plan, batch: Batch) -> None:
    kinds = Counter()
    for i in range(len(batch)):
        goal = heemskerk_2024.goal(batch.subject[i])
        kind = goal.unit.kind if goal is not None and goal.unit is not None else UnitKind.COUNT
        if batch.kind(i) == "bbv":
            kind = UnitKind(batch.unit(i).split("/")[0])
        value = batch.value[i]
        kinds[kind] += 1
        if kind == UnitKind.PERCENTAGE:
            assert 0 <= value <= 100 and round(value, 1) == value
        elif kind == UnitKind.COUNT:
            assert value >= 0 and value.is_integer()
        elif kind == UnitKind.EURO:
            assert value >= 0 and round(value, 2) == value
    assert {UnitKind.PERCENTAGE, UnitKind.COUNT, UnitKind.EURO, UnitKind.RATE, UnitKind.NIGHTS} <= set(kinds)


def test_survey_figures_have_a_sample_and_an_interval_around_the_value(heemskerk_2024: Plan, batch: Batch) -> None:
    surveyed = 0
    for i in range(len(batch)):
        goal = heemskerk_2024.goal(batch.subject[i])
        if goal is None or "GGD" not in (goal.source or ""):
            assert batch.get("sample_size", i) is None and batch.get("ci_low", i) is None
            continue
        surveyed += 1
        low, high = batch.get("ci_low", i), batch.get("ci_high", i)
        assert 800 <= batch.get("sample_size", i) <= 1500
        assert 0 <= low < batch.value[i] < high <= 100
        assert high - low < 10
    assert surveyed >= 4


def test_only_the_latest_period_is_provisional(batch: Batch) -> None:
    latest: dict[tuple[str, str], Period] = {}
    for i in range(len(batch)):
        key = (batch.subject[i], batch.area[i])
        latest[key] = max(latest.get(key, batch.period[i]), batch.period[i])
    for i in range(len(batch)):
        is_latest = batch.period[i] == latest[batch.subject[i], batch.area[i]]
        assert batch.status[i] == ("provisional" if is_latest else "final")


def test_every_scheduled_period_after_the_baseline_that_has_ended(heemskerk_2024: Plan, batch: Batch) -> None:
    assert all(batch.period[i].end <= AS_OF for i in range(len(batch)))
    assert [p.code for p in points(batch, "VW-02")["GM0396"]] == ["2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1"]
    assert [p.code for p in points(batch, "VW-01")["GM0396"]] == ["2024"]  # 1X per 4 jaar from 2020
    assert [p.code for p in points(batch, "ZW-02")["opvang-wonen-herstel"]] == ["2023", "2024", "2025"]
    assert points(batch, "OO-05") == {}  # the GGD monitor measures 2026 only after it ends
    for goal in heemskerk_2024.goals:
        baseline = goal.baseline
        for periods in points(batch, goal.id).values():
            if baseline is not None and baseline.is_known:
                assert all(p.end > baseline.period.end for p in periods)


def test_goals_without_a_baseline_get_figures_from_the_start_year_when_the_target_is_absolute(batch: Batch) -> None:
    assert points(batch, "OZ-02")["GM0396"][0].code == "2024-H1"
    assert [p.code for p in points(batch, "OZ-05")["GM0396"]] == ["2024", "2025"]
    assert points(batch, "OO-04") == {} and points(batch, "OZ-06") == {}  # a change needs a baseline


def test_every_wijk_goals_are_measured_in_every_wijk(heemskerk_2024: Plan, batch: Batch) -> None:
    wijken = {a.cbs_code or a.id for a in heemskerk_2024.wijken()}
    measured = [g for g in heemskerk_2024.goals if g.scope == Scope.EVERY_WIJK and points(batch, g.id)]
    assert {g.id for g in measured} == {"OO-02", "OO-03"}
    for goal in measured:
        assert set(points(batch, goal.id)) == wijken


def test_inhabitants_once_a_year_on_1_january_around_the_key_figure(batch: Batch) -> None:
    found = {batch.period[i].code: batch.value[i] for i in range(len(batch)) if batch.subject[i] == POPULATION_SERIES}
    assert list(found) == ["2024-01-01", "2025-01-01", "2026-01-01"]
    assert all(abs(v - 39_450) < 0.02 * 39_450 and v.is_integer() for v in found.values())
    assert {batch.kind(i) for i in range(len(batch)) if batch.subject[i] == POPULATION_SERIES} == {"series"}


def test_nothing_before_any_period_has_ended(heemskerk_2024: Plan) -> None:
    assert len(illustrative_batch(heemskerk_2024, seed=SEED, as_of=date(2020, 6, 1))) == 0


@pytest.mark.parametrize("seed", [SEED, 7, 1, 99])
def test_the_plan_shows_every_judged_status(heemskerk_2024: Plan, seed: int) -> None:
    generated = illustrative_batch(heemskerk_2024, seed=seed, as_of=AS_OF)
    measured = [
        Measurement(generated.subject[i], generated.period[i], generated.area[i], generated.value[i])
        for i in range(len(generated))
    ]
    wijken = [a.cbs_code or a.id for a in heemskerk_2024.wijken()]
    statuses = Counter(
        assess(g, [m for m in measured if m.subject == g.id], as_of=AS_OF, municipality="GM0396", wijken=wijken).status
        for g in heemskerk_2024.goals
    )
    for status in (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.ACHIEVED):
        assert statuses[status] >= 1, (status, statuses)


# -- the command ----------------------------------------------------------------------------


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_demo_data_end_to_end(db_url: str) -> None:
    code, out = invoke("--db", db_url, "demo-data", "--seed", "7", "--json")
    assert code == 0, out
    first = json.loads(out)
    assert first["illustrative"] is True and first["seed"] == 7
    assert first["added"] == first["rows"] > 0
    code, out = invoke("--db", db_url, "demo-data", "--seed", "7", "--json")
    assert code == 0, out
    assert json.loads(out)["added"] == 0
    code, out = invoke("--db", db_url, "status", "--json")
    assert code == 0, out
    assert {g["status"] for g in json.loads(out)["goals"]} & {"achieved", "on_track", "at_risk", "off_track"}
    code, out = invoke("--db", db_url, "measurements", "--json")
    assert code == 0, out
    assert all(r["source_ref"].startswith(ILLUSTRATIVE) for r in json.loads(out))


def test_demo_data_says_the_figures_are_illustrative(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    code, out = invoke("--db", url, "demo-data", "--as-of", "2026-11-23")
    assert code == 0, out
    # 83 of the goals and inhabitants; 221 of the 15 BBV indicators: 3 years x 5 areas, 4 peers late
    assert "ILLUSTRATIEVE" in out and "304 metingen toegevoegd" in out
    assert "koers status" in out and "koers measurements" in out
    code, out = invoke("--lang", "en", "--db", url, "demo-data", "--as-of", "2026-11-23")
    assert code == 0, out
    assert "ILLUSTRATIVE" in out and "0 measurements added" in out


def test_demo_data_refuses_a_plan_with_real_measurements(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    real = tmp_path / "real.csv"
    real.write_text("goal,period,area,value\nVW-02,2024-H1,GM0396,120\n", encoding="utf-8")
    code, out = invoke("--db", url, "demo-data", "--as-of", "2026-11-23")
    assert code == 0, out
    assert invoke("--db", url, "import", str(real))[0] == 0
    code, out = invoke("--db", url, "demo-data", "--seed", "8", "--as-of", "2026-11-23")
    assert code == 2
    assert "echte metingen" in out
