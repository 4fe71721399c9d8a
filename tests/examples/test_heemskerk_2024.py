# SPDX-License-Identifier: EUPL-1.2
"""The reference plan "Samen sterk voor Heemskerk" (2024 en verder), value by value.

These numbers are transcribed from the plan (seed 004); a wrong digit in the YAML makes one of
these tests fail. Corrections of garbled numbers are asserted too, with the sum that supports
them.
"""

from __future__ import annotations

import pytest

from koers.domain.baselines import BaselineStatus
from koers.domain.frequency import FrequencyCode
from koers.domain.goals import Scope
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.targets import ChangeKind, Direction
from koers.domain.units import UnitKind
from tests.conftest import ROOT


def test_plan_identity(heemskerk_2024: Plan) -> None:
    plan = heemskerk_2024
    assert (plan.municipality.cbs_code, plan.municipality.name) == ("GM0396", "Heemskerk")
    assert plan.title == "Samen sterk voor Heemskerk"
    assert (plan.start_year, plan.end_year, plan.evaluation_years) == (2024, 2029, [2027])
    assert plan.mission == "Een zorgzaam Heemskerk, waar iedere inwoner eigenwaarde behoudt en naar vermogen bijdraagt."
    assert plan.vision is not None and plan.vision.startswith("In Heemskerk moedigen we inwoners aan")
    assert plan.vision.endswith("Hierbij werken we vanuit vertrouwen en de eigen regie van inwoners.")
    assert [p.name for p in plan.principles] == ["Simpel", "Toegankelijk", "Integraal", "Preventief", "Ontwikkelen"]


def test_five_challenges_with_their_2024_budgets(heemskerk_2024: Plan) -> None:
    budgets = {c.name: (c.budget.amount, c.budget.year) for c in heemskerk_2024.challenges if c.budget}
    assert budgets == {
        "Vitaal en weerbaar": (1874008, 2024),
        "Zorg en wonen": (12476129, 2024),
        "Opgroeien en zelfontplooiing": (14984774, 2024),
        "Financieel fit": (11440518, 2024),
        "Ontmoeten en omzien naar elkaar": (4352650, 2024),  # printed as "£.352.650"
    }
    assert heemskerk_2024.total_budget == 45128079  # the plan's printed total


def test_policy_areas_with_their_laws(heemskerk_2024: Plan) -> None:
    areas = {a.name: (a.laws, a.challenge) for a in heemskerk_2024.policy_areas}
    assert len(areas) == 19
    assert areas["Jeugd"] == (["Jeugdwet"], "opgroeien-en-zelfontplooiing")
    assert areas["Onderwijsachterstandenbeleid"] == (["Wet primair onderwijs"], "opgroeien-en-zelfontplooiing")
    assert areas["Schuldhulpverlening"] == (["Wet gemeentelijke schuldhulpverlening"], "financieel-fit")
    assert areas["Inclusie"] == (["VN-verdrag Handicap"], "ontmoeten-en-omzien")
    assert areas["Laaggeletterdheid en volwasseneducatie"] == (
        ["Wet educatie en beroepsonderwijs"],
        "opgroeien-en-zelfontplooiing",
    )
    assert areas["Inburgering"] == (["Wet inburgering"], "financieel-fit")
    assert areas["Sociale veiligheid"][1] == "zorg-en-wonen"
    per_challenge = {
        c.id: sum(1 for a in heemskerk_2024.policy_areas if a.challenge == c.id) for c in heemskerk_2024.challenges
    }
    assert per_challenge == {
        "vitaal-en-weerbaar": 2,
        "zorg-en-wonen": 3,
        "opgroeien-en-zelfontplooiing": 6,
        "financieel-fit": 5,
        "ontmoeten-en-omzien": 3,
    }


def test_twenty_eight_goals_five_or_six_per_challenge(heemskerk_2024: Plan) -> None:
    counts = {c.id: len(heemskerk_2024.goals_of(c.id)) for c in heemskerk_2024.challenges}
    assert counts == {
        "vitaal-en-weerbaar": 5,
        "zorg-en-wonen": 5,
        "opgroeien-en-zelfontplooiing": 6,
        "financieel-fit": 6,
        "ontmoeten-en-omzien": 6,
    }
    assert len({g.id for g in heemskerk_2024.goals}) == 28


# goal id, baseline value, baseline period, resolved target, target period, direction, frequency
GOALS = [
    ("VW-01", 56, "2020", 60, "2027", Direction.AT_LEAST, FrequencyCode.EVERY_4_YEARS),
    ("VW-02", 108, "2023-H2", 250, "2027", Direction.INCREASE, FrequencyCode.HALF_YEARLY),
    ("VW-03", 91, "2019", 93, "2027", Direction.INCREASE, FrequencyCode.EVERY_4_YEARS),
    ("VW-04", 51, "2020", 46, "2027", Direction.DECREASE, FrequencyCode.EVERY_4_YEARS),
    ("VW-05", 42, "2019", 50, "2027", Direction.INCREASE, FrequencyCode.EVERY_4_YEARS),
    ("ZW-01", 244, "2023", 195.2, "2027", Direction.DECREASE, FrequencyCode.YEARLY),
    ("ZW-02", 107, "2022", 178, "2027", Direction.INCREASE, FrequencyCode.YEARLY),
    ("ZW-03", 40, "2023", 50, "2027", Direction.INCREASE, FrequencyCode.HALF_YEARLY),
    ("ZW-04", 2864, "2023", 3121.76, "2027", Direction.AT_MOST, FrequencyCode.HALF_YEARLY),
    ("ZW-05", 79.91, "2023", 79.91, "2027", Direction.MAINTAIN, FrequencyCode.HALF_YEARLY),
    ("OZ-01", 46, "2022", 80, "2027", Direction.INCREASE, FrequencyCode.YEARLY),
    ("OZ-03", 141, "2023", 141, "2027", Direction.AT_MOST, FrequencyCode.YEARLY),
    ("OZ-04", 13601.04, "2023", 13601.04, "2027", Direction.MAINTAIN, FrequencyCode.YEARLY),
    ("FF-01", 5377, "2023", 5914.7, "2027", Direction.INCREASE, FrequencyCode.HALF_YEARLY),
    ("FF-02", 985, "2023", 1083.5, "2027", Direction.INCREASE, FrequencyCode.YEARLY),
    ("FF-03", 1240, "2023", 1100, "2027", Direction.AT_MOST, FrequencyCode.YEARLY),
    ("FF-04", 45, "2023", 65, "2027", Direction.INCREASE, FrequencyCode.HALF_YEARLY),
    ("FF-05", 16, "2023", 11, "2027", Direction.DECREASE, FrequencyCode.YEARLY),
    ("OO-01", 20, "2022", 21, "2027", Direction.INCREASE, FrequencyCode.YEARLY),
    ("OO-05", 48.1, "2022", 45, "2027", Direction.AT_MOST, FrequencyCode.EVERY_4_YEARS),
    ("OO-06", 1754, "2024", 2017.1, "2027", Direction.INCREASE, FrequencyCode.YEARLY),
]


@pytest.mark.parametrize(("goal_id", "base", "base_period", "target", "target_period", "direction", "frequency"), GOALS)
def test_goal_with_known_baseline(
    heemskerk_2024: Plan,
    goal_id: str,
    base: float,
    base_period: str,
    target: float,
    target_period: str,
    direction: Direction,
    frequency: FrequencyCode,
) -> None:
    goal = heemskerk_2024.goal(goal_id)
    assert goal is not None and goal.baseline is not None and goal.target is not None
    assert goal.baseline.value == base
    assert goal.baseline.period == Period.parse(base_period)
    assert goal.resolved_target() == target
    assert goal.target.period == Period.parse(target_period)
    assert goal.direction == direction
    assert goal.frequency is not None and goal.frequency.code == frequency


def test_relative_targets_are_kept_as_written(heemskerk_2024: Plan) -> None:
    changes = {
        g.id: (g.target.change.kind, g.target.change.amount, g.target.change.as_written)
        for g in heemskerk_2024.goals
        if g.target and g.target.change
    }
    assert changes == {
        "VW-04": (ChangeKind.POINTS, -5, "-5 pp"),
        "ZW-01": (ChangeKind.PERCENT, -20, "-20%"),
        "ZW-04": (ChangeKind.PERCENT, 9, "+9%"),
        "ZW-05": (ChangeKind.EQUAL, 0, "gelijk"),
        "OZ-03": (ChangeKind.EQUAL, 0, "gelijk"),
        "OZ-04": (ChangeKind.EQUAL, 0, "gelijk"),
        "OZ-06": (ChangeKind.PERCENT, -10, "-10%"),
        "FF-01": (ChangeKind.PERCENT, 10, "+10%"),
        "FF-02": (ChangeKind.PERCENT, 10, "+10%"),
        "OO-04": (ChangeKind.PERCENT_PER_YEAR, 10, "+10% per jaar"),
        "OO-06": (ChangeKind.PERCENT, 15, "+15%"),
    }


def test_goals_without_a_baseline_and_the_one_still_to_come(heemskerk_2024: Plan) -> None:
    status = {g.id: (g.baseline.status if g.baseline else None) for g in heemskerk_2024.goals}
    assert {k for k, v in status.items() if v is None} == {"OZ-02", "OZ-05", "OO-02"}
    assert {k for k, v in status.items() if v == BaselineStatus.ABSENT} == {"FF-06", "OO-03", "OO-04"}
    assert {k for k, v in status.items() if v == BaselineStatus.PENDING} == {"OZ-06"}
    vsv = heemskerk_2024.goal("OZ-06")
    assert vsv is not None and vsv.baseline is not None and vsv.target is not None
    assert vsv.baseline.period == Period.school_year(2023)
    assert vsv.baseline.expected == Period.half_year(2024, 2)
    assert vsv.target.period == Period.school_year(2026)
    assert vsv.resolved_target() is None
    assert vsv.frequency is not None and vsv.frequency.code == FrequencyCode.SCHOOL_YEARLY


def test_targets_of_goals_without_baseline(heemskerk_2024: Plan) -> None:
    expected = {"OZ-02": 70, "OZ-05": 70, "FF-06": 35, "OO-02": 1, "OO-03": 5}
    assert {gid: heemskerk_2024.goal(gid).resolved_target() for gid in expected} == expected  # type: ignore[union-attr]


def test_units_scopes_and_sources(heemskerk_2024: Plan) -> None:
    goal = heemskerk_2024.goal
    assert goal("ZW-01").unit.kind == UnitKind.NIGHTS  # type: ignore[union-attr]
    assert goal("ZW-04").unit.kind == UnitKind.EURO  # type: ignore[union-attr]
    rate = goal("OZ-03").unit  # type: ignore[union-attr]
    assert (rate.kind, rate.per, rate.population) == (UnitKind.RATE, 1000, "jeugdigen tot 18 jaar")
    assert {g.id for g in heemskerk_2024.goals if g.scope == Scope.EVERY_WIJK} == {"OO-02", "OO-03", "OO-05"}
    regional = [g for g in heemskerk_2024.goals if g.scope == Scope.REGION]
    assert [(g.id, g.region) for g in regional] == [("ZW-02", "opvang-wonen-herstel")]
    assert goal("FF-03").source == "Schuldenproblematiek in beeld (cbs.nl)"  # type: ignore[union-attr]
    assert goal("FF-05").source == "Benchmarkanalyse Divosa"  # type: ignore[union-attr]
    assert goal("VW-02").source == "Gebruikers opvragen bij Team Sport & Sportservice"  # type: ignore[union-attr]


def test_statements_are_the_plans_words(heemskerk_2024: Plan) -> None:
    assert heemskerk_2024.goal("ZW-04").statement == (  # type: ignore[union-attr]
        "In 2027 zijn de jaarlijkse gemiddelde Wmo-maatwerkkosten per gebruiker maximaal met 9% "
        "toegenomen ten opzichte van € 2.864 in 2023."
    )
    assert heemskerk_2024.goal("OO-04").statement == (  # type: ignore[union-attr]
        "Tot 2027 stijgt het percentage inwoners dat deelneemt aan het wijkplatform met minimaal 10% "
        "per jaar (geen 0-meting)."
    )
    assert heemskerk_2024.goal("OZ-06").statement.endswith("10% lager dan x* in 2023-2024.")  # type: ignore[union-attr]


def test_bbv_indicators(heemskerk_2024: Plan) -> None:
    bbv = {b.number: b for b in heemskerk_2024.bbv_indicators}
    assert sorted(bbv) == [17, 18, 19, 20, 21, 22, 23, 24, 26, 27, 28, 29, 30, 31, 32]
    assert (bbv[20].name, bbv[20].unit, bbv[20].taakveld, bbv[20].challenge) == (
        "Niet-sporters",
        "%",
        "Sport, cultuur & recreatie",
        "vitaal-en-weerbaar",
    )
    assert (bbv[32].unit, bbv[32].source) == ("Aantal per 10.000 inwoners", "GMSD")
    assert (bbv[17].unit, bbv[17].source, bbv[17].taakveld) == ("Aantal per 1.000 leerlingen", "DUO", "Onderwijs")
    assert bbv[24].source == "CBS"
    assert not [b for b in heemskerk_2024.bbv_indicators if b.challenge == "ontmoeten-en-omzien"]
    per_challenge = {
        c.id: sum(1 for b in heemskerk_2024.bbv_indicators if b.challenge == c.id) for c in heemskerk_2024.challenges
    }
    assert per_challenge == {
        "vitaal-en-weerbaar": 1,
        "zorg-en-wonen": 1,
        "opgroeien-en-zelfontplooiing": 7,
        "financieel-fit": 6,
        "ontmoeten-en-omzien": 0,
    }


def test_bbv_indicators_match_the_national_set(heemskerk_2024: Plan) -> None:
    """Each number exists in the national BBV set, under the taakveld the plan names.

    The catalogue is read from shared/ (never copied into the project); the plan's wording of
    names and units may differ from it (the YAML notes where), the taakveld may not.
    """
    catalogue_file = ROOT.parent / "shared" / "data" / "bbv-indicators.tsv"
    if not catalogue_file.exists():
        pytest.skip("the shared BBV catalogue is not beside this checkout")
    rows = [line.split("\t") for line in catalogue_file.read_text(encoding="utf-8").splitlines()[1:]]
    taakveld_of = {int(r[1]): int(r[0]) for r in rows}
    taakveld_codes = {"Onderwijs": 4, "Sport, cultuur & recreatie": 5, "Sociaal domein": 6}
    for b in heemskerk_2024.bbv_indicators:
        assert b.number in taakveld_of, b.name
        assert taakveld_of[b.number] == taakveld_codes[b.taakveld], b.name


def test_demographic_key_figures(heemskerk_2024: Plan) -> None:
    tables = {t.id: t for t in heemskerk_2024.key_figures}
    ages = tables["bevolking-naar-leeftijd"]
    values = {r.category: r.values for r in ages.rows}
    assert values["65+ jaar"] == {2018: 8448, 2024: 9349, 2030: 10300}
    assert values["0 - 15 jaar"][2024] == 5811
    assert ages.is_forecast(2030) and not ages.is_forecast(2024)
    assert sum(v[2018] for v in values.values()) == 39145
    assert sum(v[2030] for v in values.values()) == 40000
    homes = tables["huishoudens"]
    rows = {r.category: r.values for r in homes.rows}
    assert rows["eenpersoonshuishoudens"] == {2018: 5700, 2024: 6150, 2030: 6500}  # printed 5.780 for 2018
    assert rows["eenoudergezin"] == {2018: 1400, 2024: 1380, 2030: 1400}
    for year in (2018, 2024, 2030):
        parts = sum(r.values[year] for r in homes.rows if r.parent == "meerpersoonshuishoudens")
        assert parts == rows["meerpersoonshuishoudens"][year]
        assert rows["eenpersoonshuishoudens"][year] + rows["meerpersoonshuishoudens"][year] == homes.totals[year]


def test_area_register(heemskerk_2024: Plan) -> None:
    assert [a.name for a in heemskerk_2024.wijken()] == ["Hart van Heemskerk", "Broekpolder", "Duin tot Dorp"]
    ijmond = next(a for a in heemskerk_2024.areas if a.id == "ijmond")
    assert ijmond.members == ["GM0375", "GM0396", "GM0453"]
