# SPDX-License-Identifier: EUPL-1.2
"""Money per Iv3 taakveld from a CBS table: the municipality's own whole years, in euro, at the
total of every other breakdown, added up per challenge by the plan's mapping; a challenge-year
with a taakveld missing left out, and a table that cannot give money refused with the reason.

The table 99998NED is made for these tests in CBS's published v3 shape (tests/data/cbs/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.domain.money import AmountKind
from koers.domain.plan import Plan
from koers.importers.cbs.client import StatLineClient
from koers.importers.cbs.iv3 import ORIGIN_KIND, Incomplete, Iv3Error, Iv3Outcome, iv3_source, reading_of
from koers.importers.cbs.statline import Category, Dimension, DimensionKind, Measure, TableStructure
from koers.planfile import read_plan
from tests.importers.cbs.recorded import RecordedCBS

DATA = Path(__file__).parents[2] / "data"
#: Waterlinde (GM9931) maps 6.1, 6.71, 6.81 and 6.72 to its three challenges.
WATERLINDE = DATA / "plans" / "money-waterlinde.yaml"
TABLE = "99998NED"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(WATERLINDE)


def _fetch(plan: Plan, measure: str | None = None) -> tuple[RecordedCBS, Iv3Outcome]:
    cbs = RecordedCBS(ignore_filter=True)
    with StatLineClient(transport=cbs.transport) as client:
        return cbs, iv3_source(client, plan, TABLE, AmountKind.ACTUAL, measure=measure)


def test_the_lasten_of_the_mapped_taakvelden_become_rows_in_euro(plan: Plan) -> None:
    cbs, outcome = _fetch(plan)
    rows = {(r["taakveld"], r["year"]): r for r in outcome.source.rows}
    # x 1 000 euro in the table; only Waterlinde's, only whole years, at "Totaal kostensoorten"
    assert rows[("6.1", "2023")]["amount"] == 1_480_000
    assert rows[("6.71", "2023")]["amount"] == 5_210_000
    assert rows[("6.81", "2023")]["amount"] == 2_630_000
    assert rows[("6.1", "2024")]["amount"] == 1_522_000
    assert {r["kind"] for r in rows.values()} == {"realisatie"}
    assert rows[("6.1", "2023")]["source"] == "CBS 99998NED"
    assert rows[("6.1", "2024")]["source"] == "CBS 99998NED, voorlopig"
    assert outcome.source.origin.kind == ORIGIN_KIND
    data = [url for url in cbs.requests if "UntypedDataSet" in url]
    assert len(data) == 1 and "GM9931" in data[0]  # CBS is asked for the municipality only


def test_a_challenge_year_with_a_taakveld_missing_is_left_out_not_understated(plan: Plan) -> None:
    _cbs, outcome = _fetch(plan)
    assert outcome.incomplete == [Incomplete("zorg-dichtbij", 2024, ("6.81",))]
    kept = {(r["taakveld"], r["year"]) for r in outcome.source.rows}
    assert ("6.71", "2024") not in kept and ("6.72", "2024") in kept
    assert sorted(outcome.unmapped) == ["0.1", "6.82"]
    assert outcome.years == [2023, 2024]


def test_the_rows_are_checked_and_added_up_per_challenge_like_a_file(plan: Plan) -> None:
    _cbs, outcome = _fetch(plan)
    checked = outcome.source.check(plan)
    assert checked.ok, [p.describe() for p in checked.problems]
    amounts = {(a.challenge, a.year): a.amount for a in checked.amounts}
    assert amounts == {
        ("meedoen", 2023): 1_480_000,
        ("zorg-dichtbij", 2023): 5_210_000 + 2_630_000,
        ("jong-in-waterlinde", 2023): 5_415_000,
        ("meedoen", 2024): 1_522_000,
        ("jong-in-waterlinde", 2024): 5_703_000,
    }


def test_another_measure_is_read_when_named(plan: Plan) -> None:
    _cbs, outcome = _fetch(plan, measure="baten")
    rows = {(r["taakveld"], r["year"]): r["amount"] for r in outcome.source.rows}
    assert rows[("6.1", "2023")] == 222_000  # 15% of 1 480, x 1 000 euro


def test_a_measure_per_inhabitant_is_refused(plan: Plan) -> None:
    with pytest.raises(Iv3Error) as raised:
        _fetch(plan, measure="LastenPerInwoner_3")
    assert raised.value.code == "not-euro"
    assert "Lasten per inwoner" in raised.value.message() and "'euro'" in raised.value.message()


def test_an_unknown_measure_names_the_ones_there_are(plan: Plan) -> None:
    with pytest.raises(Iv3Error) as raised:
        _fetch(plan, measure="Saldo")
    assert raised.value.code == "no-measure"
    assert "Lasten_2 (Lasten)" in raised.value.message("en")


def _structure(*dimensions: Dimension) -> TableStructure:
    geo = Dimension("RegioS", "Regio's", DimensionKind.GEO)
    time = Dimension("Perioden", "Perioden", DimensionKind.TIME)
    lasten = Measure("Lasten_1", "Lasten", "x 1 000 euro")
    return TableStructure("12345NED", (lasten,), (*dimensions, geo, time))


def test_a_table_without_taakvelden_is_refused() -> None:
    sectors = Dimension("Sector", "Sector", categories=(Category("A", "Onderwijs"), Category("B", "Zorg")))
    with pytest.raises(Iv3Error) as raised:
        reading_of(_structure(sectors), "Lasten")
    assert raised.value.code == "no-taakveld-dimension"


def test_a_further_breakdown_without_a_total_is_refused() -> None:
    taakvelden = Dimension("Taakvelden", "Taakvelden", categories=(Category("A1", "6.1 Samenkracht"),))
    kinds = Dimension("Kosten", "Kostensoorten", categories=(Category("K1", "Personeel"), Category("K2", "Inhuur")))
    with pytest.raises(Iv3Error) as raised:
        reading_of(_structure(taakvelden, kinds), "Lasten")
    assert raised.value.code == "no-total" and "Kostensoorten" in raised.value.message()


def test_the_taakveld_dimension_may_hold_a_total_besides_the_taakvelden() -> None:
    taakvelden = Dimension(
        "Taakvelden",
        "Taakvelden",
        categories=(Category("T0", "Totaal taakvelden"), Category("A1", "6.1 Samenkracht"), Category("A2", "6.2 Wijk")),
    )
    reading = reading_of(_structure(taakvelden), "lasten")
    assert (reading.dimension, reading.taakvelden, reading.factor) == ("Taakvelden", {"A1": "6.1", "A2": "6.2"}, 1000)
