# SPDX-License-Identifier: EUPL-1.2
"""The Excel workbook template of a plan: its sheets and columns, each defined once.

Both the writer and the reader of ``koers.planfile.excel`` work from these tables, so a
column cannot be written one way and read another. Sheet names and column headers are the
plan file's own YAML keys (nested keys joined with ``_``: ``target_period`` is
``target.period``), so that advisers, the documentation and error messages share one
vocabulary. The comments are Dutch, because they are shown to advisers in Excel;
``docs/plan-excel.md`` documents the same columns in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from koers.domain.actions import ActionStatus
from koers.domain.areas import AreaLevel
from koers.domain.baselines import BaselineStatus
from koers.domain.goals import Scope
from koers.domain.revision import AdoptionStatus, GoalChange
from koers.domain.targets import BandOpen, Direction
from koers.domain.units import UnitKind

LIST_NOTE = " Eén per regel (Alt+Enter in de cel)."


class Kind(Enum):
    """How a cell is written and read."""

    TEXT = "text"  # free text, kept exactly as typed
    CODE = "code"  # ids, references and choices: spaces around it are dropped
    NUMBER = "number"
    INTEGER = "integer"
    VALUE = "value"  # period, change, frequency or tolerance: the model reads the text
    TEXT_LIST = "text-list"  # one item per line inside the cell
    TARGET_LIST = "target-list"  # one dated target per line: '2025: 50', '2026: minimaal 60%'
    YEAR_LIST = "year-list"  # one year per line inside the cell

    @property
    def is_list(self) -> bool:
        return self in (Kind.TEXT_LIST, Kind.YEAR_LIST, Kind.TARGET_LIST)

    @property
    def is_text(self) -> bool:
        """Cells that Excel must keep as typed, so '+10%' or '2023/2024' is not turned into a number."""
        return self not in (Kind.NUMBER, Kind.INTEGER)


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    path: tuple[str, ...]
    kind: Kind
    comment: str
    required: bool = False
    choices: tuple[str, ...] = ()


def col(
    header: str,
    kind: Kind,
    comment: str,
    *,
    path: str | None = None,
    required: bool = False,
    choices: type[Enum] | None = None,
) -> Column:
    """A column; ``path`` is where its value sits in an item, dotted, when that is not just the header."""
    parts = tuple((path or header).split("."))
    note = LIST_NOTE if kind.is_list else ""
    options = tuple(str(c.value) for c in choices) if choices else ()
    if options:
        note += " Kies uit: " + ", ".join(options) + "."
    return Column(header, parts, kind, comment + note, required, options)


@dataclass(frozen=True, slots=True)
class PlanSheet:
    """The ``plan`` sheet: one row per field of the plan itself, in two columns."""

    name: str
    fields: tuple[Column, ...]
    columns: tuple[Column, ...]


@dataclass(frozen=True, slots=True)
class ItemSheet:
    """A sheet with one row per item of a list in the plan (principles, goals, ...).

    ``path`` is where the list sits in the plan when that is not just the sheet's name
    (``comparison_peers`` is ``comparison.peers``). An ``optional`` sheet was added after
    workbooks were first made: a workbook without it still reads, as a plan without that list.
    """

    name: str
    columns: tuple[Column, ...]
    path: tuple[str, ...] = ()
    optional: bool = False

    @property
    def key(self) -> tuple[str, ...]:
        """Where the sheet's list sits in the plan's data."""
        return self.path or (self.name,)


@dataclass(frozen=True, slots=True)
class MapSheet:
    """A sheet with one row per entry of a mapping in the plan: ``key`` names the entry (a
    taakveld code), ``value`` is what it maps to (a challenge). ``path`` is where the mapping
    sits in the plan (``money_taakvelden`` is ``money.taakvelden``). An ``optional`` sheet was
    added after workbooks were first made: a workbook without it reads as a plan without it.
    """

    name: str
    key: Column
    value: Column
    path: tuple[str, ...]
    optional: bool = False

    @property
    def columns(self) -> tuple[Column, ...]:
        return (self.key, self.value)


@dataclass(frozen=True, slots=True)
class Series:
    """A per-year series of a long-format sheet, with where its stated totals go in the table."""

    column: Column
    field: str
    totals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LongSheet:
    """A table in long format: one row per item per year.

    ``table_columns`` describe the table and may be filled on any of its rows (koers writes
    them on the first); ``item_columns`` name the item (a row without the first of them
    states the table's totals); ``year`` and ``series`` carry the numbers. With ``many``, the
    sheet holds a list of tables told apart by their first table column.
    """

    name: str
    many: bool
    table_columns: tuple[Column, ...]
    items: str
    item_columns: tuple[Column, ...]
    year: Column
    series: tuple[Series, ...]

    @property
    def columns(self) -> tuple[Column, ...]:
        return (*self.table_columns, *self.item_columns, self.year, *(s.column for s in self.series))


Sheet = PlanSheet | ItemSheet | MapSheet | LongSheet

TEXT, CODE, NUMBER, INTEGER, VALUE = Kind.TEXT, Kind.CODE, Kind.NUMBER, Kind.INTEGER, Kind.VALUE
TEXT_LIST, YEAR_LIST, TARGET_LIST = Kind.TEXT_LIST, Kind.YEAR_LIST, Kind.TARGET_LIST
PERIOD = " Schrijf 2023, 2023-H2, 2023-Q3, 2023-03, 2023/2024 (schooljaar) of 2024-01-01 (peildatum)."

PLAN = PlanSheet(
    "plan",
    fields=(
        col("format", INTEGER, "Versie van het bestandsformaat. Niet veranderen: hieraan herkent koers een plan."),
        col(
            "municipality_cbs_code",
            CODE,
            "CBS-code van de gemeente, bijvoorbeeld GM0396.",
            path="municipality.cbs_code",
            required=True,
        ),
        col("municipality_name", TEXT, "Naam van de gemeente.", path="municipality.name", required=True),
        col("title", TEXT, "Titel van het beleidsplan.", required=True),
        col("subtitle", TEXT, "Ondertitel."),
        col("start_year", INTEGER, "Eerste jaar van het plan, bijvoorbeeld 2024.", required=True),
        col("end_year", INTEGER, "Laatste jaar van het plan."),
        col("evaluation_years", YEAR_LIST, "Jaren waarin het plan wordt geëvalueerd."),
        col("published", TEXT, "Wanneer het plan is vastgesteld of gepubliceerd."),
        col("document", TEXT, "Het brondocument: naam of link."),
        col("mission", TEXT, "De missie, in de woorden van het plan."),
        col("vision", TEXT, "De visie, in de woorden van het plan."),
        col(
            "comparison_size_class_id",
            CODE,
            "Code van de grootteklasse om mee te vergelijken; de cijfers ervan staan onder deze code.",
            path="comparison.size_class.id",
        ),
        col(
            "comparison_size_class_name",
            TEXT,
            "Naam van de grootteklasse, bijvoorbeeld 'Gemeenten met 20.000 tot 50.000 inwoners'.",
            path="comparison.size_class.name",
        ),
        col(
            "money_total_amount",
            NUMBER,
            "Het totaal dat het plan noemt voor de opgaven, in euro; de budgetten van de opgaven tellen daartoe op.",
            path="money.total.amount",
        ),
        col("money_total_year", INTEGER, "Het jaar van dat totaal.", path="money.total.year"),
        col(
            "money_total_basis",
            TEXT,
            "Waar het totaal vandaan komt, bijvoorbeeld 'begroting 2024'.",
            path="money.total.basis",
        ),
        col(
            "money_tolerance",
            NUMBER,
            "Hoeveel euro het totaal mag afwijken (afronding). Leeg: 0.",
            path="money.tolerance",
        ),
        col("revises", TEXT, "Bij een herzien plan: welk plan het herziet."),
        col(
            "adoption_status",
            CODE,
            "concept of vastgesteld (door de raad). Leeg: niet vermeld.",
            path="adoption.status",
            choices=AdoptionStatus,
        ),
        col("adoption_decided", VALUE, "Datum van het raadsbesluit, bijvoorbeeld 2027-06-24.", path="adoption.decided"),
        col("adoption_reference", TEXT, "Kenmerk van het raadsbesluit.", path="adoption.reference"),
        col(
            "lint_stale_baseline_years",
            INTEGER,
            "Een nulmeting die zoveel jaar ouder is dan het startjaar, telt als verouderd. Leeg: 3.",
            path="lint.stale_baseline_years",
        ),
    ),
    columns=(
        col("field", CODE, "Naam van het veld. Niet veranderen.", required=True),
        col(
            "value",
            TEXT,
            "De waarde van het veld. Lijsten: één onderdeel per regel (Alt+Enter in de cel).",
            required=True,
        ),
    ),
)

PRINCIPLES = ItemSheet(
    "principles",
    (
        col("name", TEXT, "Naam van het uitgangspunt.", required=True),
        col("description", TEXT, "Toelichting."),
    ),
)

CHALLENGES = ItemSheet(
    "challenges",
    (
        col("id", CODE, "Vaste code van de opgave, bijvoorbeeld VW. Nooit hergebruiken.", required=True),
        col("name", TEXT, "Naam van de maatschappelijke opgave.", required=True),
        col("aim", TEXT, "Het doel in één zin."),
        col("description", TEXT, "Toelichting."),
        col(
            "budget_amount",
            NUMBER,
            "Budget in euro: alleen het getal, zonder €-teken. Nodig als er een budget is.",
            path="budget.amount",
        ),
        col("budget_year", INTEGER, "Jaar van het budget. Nodig als er een budget is.", path="budget.year"),
        col("budget_basis", TEXT, "Waar het bedrag vandaan komt, bijvoorbeeld 'begroting 2024'.", path="budget.basis"),
        col("budget_note", TEXT, "Opmerking bij het budget.", path="budget.note"),
        col("portfolio_holder", TEXT, "De verantwoordelijke portefeuillehouder, als het plan die noemt."),
        col("developments", TEXT_LIST, "Relevante visies, plannen en programma's."),
    ),
)

POLICY_AREAS = ItemSheet(
    "policy_areas",
    (
        col("id", CODE, "Vaste code van het beleidsterrein, bijvoorbeeld WMO.", required=True),
        col("name", TEXT, "Naam van het beleidsterrein.", required=True),
        col("challenge", CODE, "Code van de opgave (tabblad challenges) waaronder het valt."),
        col("laws", TEXT_LIST, "Wettelijk kader: de wetten."),
        col("description", TEXT, "Toelichting."),
    ),
)

#: The columns of a target, for goals and BBV indicators alike (a BBV indicator leaves out the change:
#: it has no baseline).
TARGET_COLUMNS = (
    col(
        "target_phrase",
        TEXT,
        "De streefwaarde in de woorden van het plan, bijvoorbeeld: toename, minimaal 60% in 2027, "
        "bandbreedte 65-70% gelijk of hoger, halvering, handhaven. koers leest die woorden; "
        "de kolommen hierna zijn dan niet nodig.",
        path="target.phrase",
    ),
    col("target_value", NUMBER, "Streefwaarde als getal.", path="target.value"),
    col(
        "target_change",
        VALUE,
        "Streefwaarde als verandering, met teken: +10%, -20%, -5 pp, +10% per jaar of gelijk.",
        path="target.change",
    ),
    col(
        "target_period",
        VALUE,
        "Wanneer de streefwaarde gehaald moet zijn; leeg: het laatste jaar van het plan." + PERIOD,
        path="target.period",
    ),
    col("target_low", NUMBER, "Bij een bandbreedte: de ondergrens.", path="target.low"),
    col("target_high", NUMBER, "Bij een bandbreedte: de bovengrens.", path="target.high"),
    col(
        "target_band_open",
        CODE,
        "Bij een bandbreedte met 'gelijk of hoger': above; met 'gelijk of lager': below.",
        path="target.band_open",
        choices=BandOpen,
    ),
    col(
        "target_tolerance",
        VALUE,
        "Bij gelijk blijven: de marge. Een getal in de eenheid van het doel, 2% of 1 pp.",
        path="target.tolerance",
    ),
)

GOALS = ItemSheet(
    "goals",
    (
        col("id", CODE, "Vaste code van het doel, bijvoorbeeld VW-01. Nooit hergebruiken.", required=True),
        col("challenge", CODE, "Code van de opgave (tabblad challenges) waar het doel bij hoort.", required=True),
        col("title", TEXT, "Korte naam van het doel, als het plan die geeft."),
        col("statement", TEXT, "Het doel precies zoals het in het plan staat.", required=True),
        col("result_area", TEXT, "Resultaatgebied: waaraan zien we dat we succesvol zijn?"),
        col("aims", TEXT_LIST, "Wat willen we bereiken?"),
        col(
            "indicator_name",
            TEXT,
            "Wat wordt gemeten, in gewone taal. Nodig als er een indicator is.",
            path="indicator.name",
        ),
        col("indicator_definition", TEXT, "Hoe het wordt berekend.", path="indicator.definition"),
        col("unit_kind", CODE, "Soort eenheid.", path="indicator.unit.kind", choices=UnitKind),
        col(
            "unit_per", INTEGER, "Alleen bij rate: per hoeveel (100, 1000, 10000 of 100000).", path="indicator.unit.per"
        ),
        col(
            "unit_population",
            TEXT,
            "Alleen bij rate: van wie, bijvoorbeeld 'inwoners'.",
            path="indicator.unit.population",
        ),
        col("unit_label", TEXT, "Wat wordt geteld, bijvoorbeeld 'huishoudens'.", path="indicator.unit.label"),
        col(
            "unit_label_one",
            TEXT,
            "Het woord voor één, als dat niet vanzelf volgt: 'kind' bij 'kinderen'. Meestal leeg.",
            path="indicator.unit.label_one",
        ),
        col("indicator_questions", TEXT_LIST, "Enquêtevragen die de indicator meten.", path="indicator.questions"),
        col(
            "baseline_status",
            CODE,
            "Nulmeting: known (bekend; leeg is ook known), absent (het plan zegt dat er "
            "geen is) of pending (komt nog).",
            path="baseline.status",
            choices=BaselineStatus,
        ),
        col("baseline_value", NUMBER, "Waarde van de nulmeting, in de eenheid van het doel.", path="baseline.value"),
        col("baseline_period", VALUE, "Periode van de nulmeting." + PERIOD, path="baseline.period"),
        col("baseline_reason", TEXT, "Waarom er geen nulmeting is, of waarom die nog komt.", path="baseline.reason"),
        col("baseline_expected", VALUE, "Bij pending: wanneer de nulmeting er is." + PERIOD, path="baseline.expected"),
        col(
            "baseline_source",
            TEXT,
            "Bron van de nulmeting, als die anders is dan de bron van het doel.",
            path="baseline.source",
        ),
        *TARGET_COLUMNS,
        col(
            "targets",
            TARGET_LIST,
            "Eerdere streefwaarden per jaar, zoals in de begroting: één per regel, "
            "bijvoorbeeld 2025: 50 (Alt+Enter in de cel).",
        ),
        col("direction", CODE, "Welke kant is beter.", choices=Direction),
        col("scope", CODE, "Waar het doel moet gelden. Leeg: municipality.", choices=Scope),
        col("region", CODE, "Alleen bij scope region: code van de regio (tabblad areas)."),
        col("source", TEXT, "Bron (meetinstrument), zoals het plan die noemt."),
        col("frequency", VALUE, "Meetfrequentie, bijvoorbeeld 2X per jaar of 1X per 4 jaar."),
        col("policy_areas", TEXT_LIST, "Codes van de beleidsterreinen (tabblad policy_areas) die bijdragen."),
        col("note", TEXT, "Opmerking voor de lezer, zoals een correctie."),
        col(
            "revision_change",
            CODE,
            "Bij een herzien plan: wat het doel is ten opzichte van het vorige plan.",
            path="revision.change",
            choices=GoalChange,
        ),
        col("revision_replaces", TEXT_LIST, "Bij replaced: de doelen die dit doel vervangt.", path="revision.replaces"),
        col("revision_reason", TEXT, "Waarom het doel nieuw, aangescherpt of vervangen is.", path="revision.reason"),
    ),
)

ENDED_GOALS = ItemSheet(
    "ended_goals",
    (
        col("id", CODE, "Code van een doel uit het vorige plan dat stopt.", required=True),
        col("reason", TEXT, "Waarom het doel stopt.", required=True),
    ),
    optional=True,
)

BBV_INDICATORS = ItemSheet(
    "bbv_indicators",
    (
        col("id", CODE, "Vaste code van de indicator.", required=True),
        col("number", INTEGER, "Nummer in de landelijke BBV-lijst."),
        col("name", TEXT, "Naam van de indicator.", required=True),
        col("unit", TEXT, "Eenheid zoals gepubliceerd, bijvoorbeeld 'aantal per 1.000 leerlingen'.", required=True),
        col("source", TEXT, "Bron.", required=True),
        col("taakveld", TEXT, "Taakveld, bijvoorbeeld 'Sociaal domein'.", required=True),
        col("challenge", CODE, "Code van de opgave (tabblad challenges) waaronder hij valt."),
        *(c for c in TARGET_COLUMNS if c.header != "target_change"),
        col(
            "target_direction",
            CODE,
            "Alleen als de woorden het niet al zeggen: welke kant het eigen doel op wijst.",
            path="target.direction",
            choices=Direction,
        ),
        col("note", TEXT, "Opmerking."),
    ),
)

ACTIONS = ItemSheet(
    "actions",
    (
        col("id", CODE, "Vaste code van de actie, bijvoorbeeld VW-A1. Nooit hergebruiken.", required=True),
        col("name", TEXT, "De actie in een paar woorden, zoals het plan die noemt.", required=True),
        col("description", TEXT, "Toelichting: wat gaan we doen?"),
        col("challenge", CODE, "Code van de opgave (tabblad challenges) waar de actie aan bijdraagt."),
        col("goals", TEXT_LIST, "Codes van de doelen (tabblad goals) waar de actie aan bijdraagt."),
        col("owner", TEXT, "Wie de actie trekt: een team, een organisatie of een persoon."),
        col("partners", TEXT_LIST, "Wie er met de trekker aan werkt."),
        col("start", VALUE, "Wanneer de actie begint." + PERIOD),
        col("end", VALUE, "Wanneer de actie afloopt." + PERIOD),
        col("status", CODE, "Hoe ver de actie is. Leeg: gepland.", choices=ActionStatus),
        col("reason", TEXT, "Waarom de actie is gestopt. Nodig bij status gestopt."),
        col("budget", NUMBER, "Wat de actie kost, in euro: alleen het getal, zonder €-teken."),
        col("note", TEXT, "Opmerking."),
    ),
    optional=True,
)

COMPARISON_PEERS = ItemSheet(
    "comparison_peers",
    (
        col("cbs_code", CODE, "CBS-code van een gemeente om mee te vergelijken, bijvoorbeeld GM0375.", required=True),
        col("name", TEXT, "Naam van die gemeente, bijvoorbeeld Beverwijk.", required=True),
    ),
    path=("comparison", "peers"),
    optional=True,
)

AREAS = ItemSheet(
    "areas",
    (
        col("id", CODE, "Vaste code van het gebied; de CBS-code als die er is.", required=True),
        col("name", TEXT, "Naam van het gebied.", required=True),
        col("level", CODE, "Soort gebied.", required=True, choices=AreaLevel),
        col("cbs_code", CODE, "CBS-code: GM + 4 cijfers, WK + 6 of BU + 8. Leeg als die niet bekend is."),
        col("parent", CODE, "Code van het gebied waarin het ligt."),
        col("members", TEXT_LIST, "Alleen bij een regio: de CBS-codes van de gemeenten."),
        col("note", TEXT, "Opmerking."),
    ),
)

KEY_FIGURES = LongSheet(
    "key_figures",
    many=True,
    table_columns=(
        col("table", CODE, "Code van de tabel. Op elke rij van de tabel.", path="id", required=True),
        col("title", TEXT, "Titel van de tabel. Eén keer per tabel.", required=True),
        col("unit", TEXT, "Wat wordt geteld, bijvoorbeeld 'inwoners'. Eén keer per tabel.", required=True),
        col("reference", TEXT, "Peildatum binnen elk jaar, bijvoorbeeld '1 januari'."),
        col("source", TEXT, "Bron van de tabel."),
        col("forecast_years", YEAR_LIST, "Jaren met een prognose in plaats van een telling."),
        col(
            "totals_tolerance",
            NUMBER,
            "Hoeveel de totalen van de optelling mogen afwijken (afronding in de bron). Leeg: 0.",
        ),
        col("note", TEXT, "Opmerking bij de tabel."),
    ),
    items="rows",
    item_columns=(
        col(
            "category",
            TEXT,
            "Categorie, bijvoorbeeld '0 - 15 jaar'. Leeg: de rij geeft het totaal van het jaar.",
            required=True,
        ),
        col("parent", TEXT, "De categorie waar deze rij een deel van is ('waarvan')."),
    ),
    year=col("year", INTEGER, "Het jaar van de waarde.", required=True),
    series=(
        Series(
            col("value", NUMBER, "De waarde in dat jaar; op een rij zonder categorie het totaal.", required=True),
            "values",
            ("totals",),
        ),
    ),
)

BUDGET_TABLE = LongSheet(
    "budget_table",
    many=False,
    table_columns=(
        col("title", TEXT, "Titel van de begrotingstabel. Eén keer.", required=True),
        col("basis", TEXT, "Waar de bedragen vandaan komen, bijvoorbeeld 'begroting 2020'."),
        col("totals_tolerance", NUMBER, "Hoeveel euro de totalen mogen afwijken (afronding in de bron). Leeg: 0."),
        col("note", TEXT, "Opmerking bij de tabel."),
    ),
    items="lines",
    item_columns=(
        col("label", TEXT, "Naam van de begrotingsregel. Leeg: de rij geeft de totalen van het jaar.", required=True),
    ),
    year=col("year", INTEGER, "Het jaar van de bedragen.", required=True),
    series=(
        Series(
            col("expenses", NUMBER, "Lasten in euro; op een rij zonder label het totaal."),
            "expenses",
            ("stated_totals", "expenses"),
        ),
        Series(
            col("income", NUMBER, "Baten in euro, met het teken van de bron; op een rij zonder label het totaal."),
            "income",
            ("stated_totals", "income"),
        ),
    ),
)

MONEY_TAAKVELDEN = MapSheet(
    "money_taakvelden",
    key=col(
        "taakveld",
        CODE,
        "Code van een Iv3-taakveld, bijvoorbeeld 6.1 of 6.71 (alleen de code, zonder naam). "
        "De bedragen van dit taakveld tellen op bij de opgave ernaast.",
        required=True,
    ),
    value=col(
        "challenge",
        CODE,
        "Code van de opgave (tabblad challenges) waar het geld van dit taakveld heen gaat.",
        required=True,
    ),
    path=("money", "taakvelden"),
    optional=True,
)

SHEETS: tuple[Sheet, ...] = (
    PLAN,
    PRINCIPLES,
    CHALLENGES,
    POLICY_AREAS,
    GOALS,
    ENDED_GOALS,
    BBV_INDICATORS,
    ACTIONS,
    COMPARISON_PEERS,
    AREAS,
    KEY_FIGURES,
    BUDGET_TABLE,
    MONEY_TAAKVELDEN,
)
