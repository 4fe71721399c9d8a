# SPDX-License-Identifier: EUPL-1.2
"""The Heemskerk plan 2020-2023 "Naast elkaar, met elkaar, voor elkaar" as a plan file.

``examples/heemskerk-2020/plan.yaml`` transcribes a real council document by hand. These
tests pin what the document says (counts, names, full sentences, budget cells) so that a
slip in transcription, or a later edit that drifts from the source, fails here. They also
pin what the document does *not* say: its goals have survey questions but no unit,
baseline, target or frequency, which is why the plan could not be evaluated; the file must
keep those gaps visible instead of filling them in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.domain.budgets import BudgetTable
from koers.domain.goals import Goal, Scope
from koers.domain.plan import Plan
from koers.planfile import read_plan

PLAN_FILE = Path(__file__).resolve().parents[2] / "examples" / "heemskerk-2020" / "plan.yaml"
YEARS = (2020, 2021, 2022, 2023)
SURVEY = "Enquête onder inwoners"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(PLAN_FILE)


@pytest.fixture(scope="module")
def budget(plan: Plan) -> BudgetTable:
    assert plan.budget_table is not None
    return plan.budget_table


def _goal(plan: Plan, goal_id: str) -> Goal:
    goal = plan.goal(goal_id)
    assert goal is not None, f"no goal {goal_id}"
    return goal


def _questions(plan: Plan, goal_id: str) -> list[str]:
    goal = _goal(plan, goal_id)
    assert goal.indicator is not None
    return goal.indicator.questions


# -- the plan as a whole -------------------------------------------------------------------


def test_identity(plan: Plan) -> None:
    assert plan.format == 1
    assert plan.municipality.cbs_code == "GM0396"
    assert plan.municipality.name == "Heemskerk"
    assert plan.title == "Naast elkaar, met elkaar, voor elkaar"
    assert plan.subtitle == "Beleidsplan sociaal domein 2020 - 2023"
    assert (plan.start_year, plan.end_year) == (2020, 2023)
    assert plan.published == "december 2019"
    assert plan.document is not None and "D/2019/186199" in plan.document
    assert plan.evaluation_years == [2023]


def test_has_no_mission_bbv_indicators_or_key_figures(plan: Plan) -> None:
    assert plan.mission is None
    assert plan.bbv_indicators == []
    assert plan.key_figures == []


def test_vision_is_section_5_1(plan: Plan) -> None:
    assert plan.vision is not None
    assert plan.vision.startswith(
        "De ambitie van de gemeente is dat alle inwoners van Heemskerk meedoen. De gemeente wil "
        "inwoners aanmoedigen om hun kansen en mogelijkheden volop te benutten"
    )
    assert plan.vision.endswith("door de inzet van specialistische of maatwerkvoorzieningen.")
    assert "Inwoners zijn in eerste instantie zelf verantwoordelijk voor hun leven" in plan.vision


# -- principles (§5.2) ---------------------------------------------------------------------


def test_principles(plan: Plan) -> None:
    assert [p.name for p in plan.principles] == [
        "De inwoner staat centraal",
        "Preventie en vroegsignalering versterken",
        "Hulp wordt tijdig, passend en dichtbij ingezet",
        "Integrale aanpak",
        "Van rechtmatigheid naar doelmatigheid",
        "Positieve grondhouding",
        "Geef zelf het goede voorbeeld",
        "Meer grip",
    ]
    assert all(p.description for p in plan.principles)


def test_principle_texts_are_verbatim_without_footnote_numbers(plan: Plan) -> None:
    by_name = {p.name: p.description for p in plan.principles}
    assert by_name["Positieve grondhouding"] == (
        "We handelen vanuit een positieve grondhouding. Initiatieven worden beoordeeld op hun "
        "maatschappelijke meerwaarde, kwaliteit en prijs."
    )
    help_text = by_name["Hulp wordt tijdig, passend en dichtbij ingezet"]
    assert help_text is not None
    assert "Uitgangspunten hierbij zijn: demedicaliseren, ontzorgen en normaliseren." in help_text
    meer_grip = by_name["Meer grip"]
    assert meer_grip is not None
    assert meer_grip.startswith("We willen meer (financiële) grip op het sociaal domein.")
    assert meer_grip.endswith("om waar nodig te kunnen bijsturen.")


# -- challenges (chapter 6) ----------------------------------------------------------------


def test_challenges(plan: Plan) -> None:
    assert [(c.id, c.name) for c in plan.challenges] == [
        ("meedoen", "Meedoen"),
        ("omzien-naar-elkaar", "Omzien naar elkaar"),
        ("zo-thuis-mogelijk-wonen", "Zo thuis mogelijk wonen"),
        ("gezond-en-weerbaar", "Gezond en weerbaar"),
    ]
    assert all(c.budget is None for c in plan.challenges)
    assert plan.total_budget is None


def test_challenge_aims_and_descriptions(plan: Plan) -> None:
    aims = {c.id: c.aim for c in plan.challenges}
    assert aims == {
        "meedoen": "De Heemskerkse samenleving is inclusief en iedereen doet mee.",
        "omzien-naar-elkaar": "Heemskerkers ondersteunen elkaar en zetten zich actief in voor de samenleving.",
        "zo-thuis-mogelijk-wonen": "Heemskerkers kunnen zo lang mogelijk functioneren in een thuissituatie.",
        "gezond-en-weerbaar": (
            "Heemskerkers hebben aandacht voor een gezonde levensstijl en ontwikkelen zich tot weerbare inwoners."
        ),
    }
    meedoen = plan.challenge("meedoen")
    assert meedoen is not None
    assert meedoen.description == (
        "We streven naar een samenleving waarin iedereen meetelt, meedoet en zelfredzaam is. "
        "We willen Heemskerkers aanmoedigen om hun kansen, talenten en mogelijkheden volop te "
        "benutten en ondersteunen hen hierbij waar nodig."
    )
    for challenge in plan.challenges:
        assert challenge.description is not None
        assert challenge.description.startswith("We streven naar ")
        assert " We willen Heemskerkers " in challenge.description


# -- goals: the nine ontwikkellijnen (chapter 7) -------------------------------------------


def test_goals_and_their_challenges(plan: Plan) -> None:
    assert [(g.id, g.challenge, g.title) for g in plan.goals] == [
        ("OL-1", "meedoen", "Iedereen doet mee"),
        ("OL-2", "meedoen", "Integrale toegang"),
        ("OL-3", "omzien-naar-elkaar", "Leefbare buurten"),
        ("OL-4", "omzien-naar-elkaar", "Ondersteuning op maat"),
        ("OL-5", "omzien-naar-elkaar", "Sociale veiligheid"),
        ("OL-6", "zo-thuis-mogelijk-wonen", "Een thuis voor kwetsbare doelgroepen"),
        ("OL-7", "gezond-en-weerbaar", "Actieve inwoners"),
        ("OL-8", "gezond-en-weerbaar", "(Positieve) gezondheid"),
        ("OL-9", "gezond-en-weerbaar", "Gehoord worden"),
    ]
    assert [g.id for g in plan.goals_of("omzien-naar-elkaar")] == ["OL-3", "OL-4", "OL-5"]
    assert [g.id for g in plan.goals_of("zo-thuis-mogelijk-wonen")] == ["OL-6"]


def test_goal_statements(plan: Plan) -> None:
    assert _goal(plan, "OL-1").statement == (
        "Het is de ambitie van de gemeente dat alle inwoners meedoen, ongeacht waar zij vandaan "
        "komen, of zij een handicap hebben, hun inkomenspositie of hun geaardheid. De nadruk ligt "
        "op de sociale cohesie in buurten en het terugdringen van sociale uitsluiting."
    )
    assert _goal(plan, "OL-4").statement == (
        "Iedereen behoort de ondersteuning te krijgen die hij of zij nodig heeft. We leveren "
        "maatwerk. Alle inwoners ontvangen de juiste hulp op het juiste moment: niet te vroeg, "
        "niet te laat, niet teveel en niet te weinig."
    )
    assert _goal(plan, "OL-8").statement == (
        "Niet iedereen is gezond, maar dat wil niet zeggen dat mensen zich niet gezond voelen. "
        "Ook met een ziekte kunnen mensen de regie over hun eigen leven voeren en meedoen."
    )
    ol9 = _goal(plan, "OL-9").statement
    assert ol9.startswith("Eén van de uitgangspunten van deze beleidsnota is dat de inwoner centraal staat.")
    assert ol9.endswith("In dat geval worden zij gehoord via belangenvertegenwoordigers of organisaties.")


def test_goal_aims(plan: Plan) -> None:
    assert [len(g.aims) for g in plan.goals] == [2, 2, 6, 3, 3, 2, 4, 4, 3]
    assert _goal(plan, "OL-3").aims == [
        "(Buurt)bewoners zijn actief betrokken bij het leefbaar(der) maken en houden van hun buurt.",
        "(Buurt)bewoners kennen elkaar, helpen elkaar en hebben begrip voor elkaar.",
        "Kwetsbare inwoners hebben ook een plek in de wijk.",
        "Mantelzorgers kunnen hun zorgtaak goed aan.",
        "Voldoende inwoners zetten zich actief in als vrijwilliger.",
        "Meer vrijwilligers die tot op hoge leeftijd actief blijven.",
    ]
    assert _goal(plan, "OL-4").aims[0] == (
        "Inwoners van Heemskerk, die om persoonlijke redenen onvoldoende financieel of economisch "
        "zelfredzaam zijn, passende ondersteuning bieden om de zelfredzaamheid en participatie in "
        "de samenleving te vergroten. Uitgangspunt daarbij is dat werk boven inkomen gaat."
    )
    # Kept as printed (sic), not silently corrected.
    assert _goal(plan, "OL-9").aims[1] == "We betrekking inwoners bij de totstandkoming van beleid."


def test_survey_questions(plan: Plan) -> None:
    assert [len(_questions(plan, g.id)) for g in plan.goals] == [2, 2, 4, 1, 2, 3, 2, 1, 2]
    assert _questions(plan, "OL-1") == [
        (
            "Welke ondersteuning heeft eraan bijgedragen dat u zich beter kunt redden en in welke "
            "mate heeft die ondersteuning daaraan bijgedragen?"
        ),
        "Wat zou u helpen om (meer) mee te doen aan de Heemskerkse samenleving?",
    ]
    assert _questions(plan, "OL-5") == [
        "Wat maakt dat u zich veilig/onveilig voelt in uw buurt? Voorbeelden noemen.",
        "Wat doet u als u zich onveilig voelt?",
    ]
    assert _questions(plan, "OL-4") == [
        "In hoeverre kunt u zich door de ondersteuning die u heeft ontvangen beter zelf redden?"
    ]


def test_questions_completed_from_bijlage_2(plan: Plan) -> None:
    # Chapter 7 shortens this one to "heeft dat bijgedragen"; Bijlage 2 has the full question.
    assert _questions(plan, "OL-8") == [
        "Wat en in welke mate hebben onderstaande voorzieningen bijgedragen aan uw algehele gezondheid?"
    ]
    assert _questions(plan, "OL-3") == [
        "Op welke wijze bent u betrokken bij uw woonomgeving? Voorbeelden noemen.",
        "Hoe waardeert u het leven in uw buurt? Geef een cijfer.",
        "Kent u kwetsbare inwoners in uw wijk? Zo ja, in hoeverre heeft u contact met deze inwoners?",
        (
            "Aan doelgroep mantelzorgers: kunt u uw zorgtaak goed aan? Zo ja, wat ondersteunt u in "
            "uw zorgtaken? Zo nee, wat mist u?"
        ),
    ]


def test_questions_kept_as_printed(plan: Plan) -> None:
    # The follow-up printed as a sub-bullet stays with the question it refers to.
    assert _questions(plan, "OL-2") == [
        (
            "Weet u waar u terecht kunt voor informatie, advies of hulp? Heeft u daar wel eens "
            "gebruik van gemaakt? Bij welke organisatie?"
        ),
        "Hoe tevreden bent u over de verkregen informatie, advies of hulp? Antwoord toelichten.",
    ]
    # The unmatched parenthesis is in the source; the third question is only in chapter 7.
    assert _questions(plan, "OL-6") == [
        (
            "Doelgroep ouderen: Wat en in welke mate draagt eraan bij dat Heemskerkse ouderen zo "
            "lang mogelijk zelfstandig kunnen wonen?"
        ),
        (
            "Doelgroepen beschermd wonen, maatschappelijke opvang, pleegzorg, gezinsvervangend "
            "tehuis): Wat en in welke mate draagt eraan bij dat u (weer) in een thuissituatie kunt "
            "wonen?"
        ),
        "Wat heeft u nodig om zelf een thuissituatie te kunnen bieden aan kwetsbare inwoners?",
    ]
    # Chapter 7 wording, not Bijlage 2's "en in welke maten?".
    assert _questions(plan, "OL-7") == [
        "Op welke wijze neemt u actief deel aan de samenleving? Aantal activiteiten/rollen noemen.",
        (
            "Kunt u zich redden met de computer (toepassingen noemen onder andere telebankieren, "
            "facebook, chatten, informatie zoeken, DigiD, belastingaangifte)."
        ),
    ]
    assert _questions(plan, "OL-9") == [
        ("Hoe waardeert u de wijze waarop uw gemeente inwoners en organisaties betrekt en de samenwerking zoekt?"),
        "Op welke manier zou u zelf betrokken willen worden bij de gemeente? Voorbeelden noemen.",
    ]


def test_answer_options_are_not_in_the_data(plan: Plan) -> None:
    for goal in plan.goals:
        for question in _questions(plan, goal.id):
            assert "punten" not in question
            assert "Verdeel 100" not in question
            assert "goed / matig / slecht" not in question


def test_every_indicator_is_named_and_measured_by_the_resident_survey(plan: Plan) -> None:
    for goal in plan.goals:
        assert goal.indicator is not None, goal.id
        assert goal.indicator.name.strip(), goal.id
        assert goal.source == SURVEY, goal.id
        assert goal.scope is Scope.MUNICIPALITY


def test_goals_keep_the_gaps_that_made_the_plan_unmeasurable(plan: Plan) -> None:
    for goal in plan.goals:
        assert goal.unit is None, goal.id
        assert goal.baseline is None, goal.id
        assert goal.target is None, goal.id
        assert goal.direction is None, goal.id
        assert goal.frequency is None, goal.id
        assert goal.resolved_target() is None, goal.id


# -- policy areas (§1.1) -------------------------------------------------------------------


def test_policy_areas(plan: Plan) -> None:
    assert [a.name for a in plan.policy_areas] == [
        "Vrijwillige inzet en mantelzorgbeleid",
        "Gezondheidsbeleid",
        "Jeugdbeleid",
        "Armoedebeleid en inkomensbeleid",
        "Maatschappelijke opvang en beschermd wonen",
        "Re-integratiebeleid",
        "Wmo-maatwerkvoorzieningen",
        "Onderwijsachterstandenbeleid",
        "Welzijn",
        "Diversiteitsbeleid, inclusief toegankelijkheid",
    ]
    assert len({a.id for a in plan.policy_areas}) == 10
    assert all(a.challenge is None for a in plan.policy_areas)


def test_policy_area_laws_only_where_the_plan_ties_them(plan: Plan) -> None:
    laws = {a.id: a.laws for a in plan.policy_areas}
    assert laws["onderwijsachterstandenbeleid"] == ["Wet ontwikkelingskansen door kwaliteit en educatie (Wet OKE)"]
    assert laws["re-integratiebeleid"] == ["Participatiewet"]
    assert laws["jeugdbeleid"] == ["Jeugdwet"]
    assert laws["welzijn"] == []
    assert laws["diversiteitsbeleid"] == []


def test_policy_area_descriptions_come_from_the_subsection_named_after_them(plan: Plan) -> None:
    descriptions = {a.id: a.description for a in plan.policy_areas}
    assert descriptions["welzijn"] == (
        "Heemskerk kent een stevige basisinfrastructuur. Er is een groot aanbod van vrij "
        "toegankelijke activiteiten en ondersteuning. Ook de samenwerking tussen zorg, welzijn en "
        "andere algemene voorzieningen zoals sport en cultuur wordt gestimuleerd. De focus is "
        "daarbij gericht op het zo goed mogelijk gebruikmaken van elkaars deskundigheid, "
        "mogelijkheden en netwerken."
    )
    wmo = descriptions["wmo-maatwerkvoorzieningen"]
    assert wmo is not None
    assert wmo.startswith("Onder de maatwerkvoorzieningen Wmo vallen: rolstoelen, vervoersvoorzieningen")
    assert wmo.endswith("De toegang verloopt via de gemeente.")
    oab = descriptions["onderwijsachterstandenbeleid"]
    assert oab is not None and "per week tien uur voorschoolse educatie" in oab
    # Their chapter 6 subsections are headed by a law (Jeugdwet, Participatiewet), not the area.
    assert descriptions["jeugdbeleid"] is None
    assert descriptions["re-integratiebeleid"] is None


# -- areas ---------------------------------------------------------------------------------


def test_areas(plan: Plan) -> None:
    municipality = plan.areas[0]
    assert municipality.id == municipality.cbs_code == "GM0396"
    assert municipality.level == "municipality"
    wijken = plan.wijken()
    assert [(w.id, w.name) for w in wijken] == [
        ("hart-van-heemskerk", "Hart van Heemskerk"),
        ("broekpolder", "Broekpolder"),
        ("duin-tot-dorp", "Duin tot Dorp"),
    ]
    assert all(w.parent == "GM0396" and w.cbs_code is None for w in wijken)


# -- budget table (chapter 8) --------------------------------------------------------------


def test_budget_table_header(budget: BudgetTable) -> None:
    assert budget.basis == "meerjarenbegroting 2020 - 2024"
    assert budget.years == list(YEARS)
    assert budget.totals_tolerance == 1
    assert budget.note is not None
    assert "exclusief personele kosten en kosten voor accommodaties" in budget.note
    assert "Najaarsnota 2019" in budget.note
    assert "€ 500.000" in budget.note


def test_budget_lines(budget: BudgetTable) -> None:
    assert [line.label for line in budget.lines] == [
        "Internationale samenwerking",
        "Burgerkracht",
        "Jeugd en Veiligheid, incl. Veilig Thuis",
        "Zorg en Welzijn",
        "Vrijwilligersbeleid",
        "Mantelzorgbeleid",
        "Wmo maatwerkvoorzieningen",
        "Onderwijsbeleid, incl. brede school en peuterspeelzaalwerk",
        "Gespecialiseerde jeugdhulp",
        "Werk en inkomen, inclusief cliëntenparticipatie",
        "Taakstelling sociaal domein",
    ]
    for line in budget.lines:
        assert sorted(line.expenses) == list(YEARS), line.label
    with_income = [line.label for line in budget.lines if line.income]
    assert with_income == [
        "Wmo maatwerkvoorzieningen",
        "Onderwijsbeleid, incl. brede school en peuterspeelzaalwerk",
        "Werk en inkomen, inclusief cliëntenparticipatie",
    ]


@pytest.mark.parametrize(
    ("label", "kind", "year", "amount"),
    [
        ("Internationale samenwerking", "expenses", 2020, 4_155),
        ("Jeugd en Veiligheid, incl. Veilig Thuis", "expenses", 2021, 431_395),
        ("Zorg en Welzijn", "expenses", 2023, 5_482_082),
        ("Mantelzorgbeleid", "expenses", 2022, 219_367),
        ("Wmo maatwerkvoorzieningen", "expenses", 2022, 8_269_876),
        ("Wmo maatwerkvoorzieningen", "income", 2022, -262_468),
        ("Onderwijsbeleid, incl. brede school en peuterspeelzaalwerk", "income", 2020, -1_034_831),
        ("Gespecialiseerde jeugdhulp", "expenses", 2021, 8_251_976),
        ("Werk en inkomen, inclusief cliëntenparticipatie", "expenses", 2023, 20_487_519),
        ("Werk en inkomen, inclusief cliëntenparticipatie", "income", 2023, -13_112_778),
        ("Taakstelling sociaal domein", "expenses", 2021, -300_000),
        ("Taakstelling sociaal domein", "expenses", 2023, -500_000),
    ],
)
def test_budget_cells(budget: BudgetTable, label: str, kind: str, year: int, amount: int) -> None:
    line = next(line for line in budget.lines if line.label == label)
    assert getattr(line, kind)[year] == amount


def test_stated_totals(budget: BudgetTable) -> None:
    assert budget.stated_totals == {
        "expenses": {2020: 43_418_377, 2021: 44_075_184, 2022: 44_740_077, 2023: 45_177_910},
        "income": {2020: -13_811_181, 2021: -14_151_353, 2022: -14_428_146, 2023: -14_452_010},
    }


@pytest.mark.parametrize("kind", ["expenses", "income"])
@pytest.mark.parametrize("year", YEARS)
def test_lines_add_up_to_the_stated_totals_within_one_euro(budget: BudgetTable, kind: str, year: int) -> None:
    assert abs(budget.total(kind, year) - budget.stated_totals[kind][year]) <= 1


def test_rounding_in_the_source_is_real(budget: BudgetTable) -> None:
    # The tolerance is needed: the lines do not add up exactly to the printed totals.
    assert budget.total("expenses", 2020) == 43_418_378
    assert budget.total("income", 2021) == -14_151_352
    assert budget.total("expenses", 2022) == budget.stated_totals["expenses"][2022]
