# SPDX-License-Identifier: EUPL-1.2
"""Broken plan files must fail with every problem named, located and explained.

A policy officer edits a plan file by hand and runs koers on it. The answer must list every
problem at once (not one per run), each at its line and field, with a stable code that tools
and these tests can rely on, and a message and hint in plain Dutch (or English on request).

Each file in ``tests/data/broken-plans`` holds one kind of problem and says at its top what is
broken; the table below pins exactly what the loader reports for it, as
``(line, field, code)`` in the reported order, in the style of frictionless-py's tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.planfile import LoadResult, PlanFileError, load_plan, read_plan
from koers.planfile.messages import MESSAGES

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken-plans"

Row = tuple[int | None, str, str]

CASES: list[tuple[str, list[Row]]] = [
    (
        "actions.yaml",
        [
            (27, "actions[A1].challenge", "unknown-challenge"),
            (30, "actions[A2].goals[2]", "unknown-goal"),
            (31, "actions[A3]", "action-serves-nothing"),
            (33, "actions[A4]", "stopped-without-reason"),
            (40, "actions[A5].status", "invalid-choice"),
            (41, "actions[A6]", "action-ends-before-start"),
            (46, "actions[A6].id", "duplicate-id"),
        ],
    ),
    (
        "peers.yaml",
        [
            (23, "bbv_indicators[bbv-27].target", "bbv-target-change"),
            (26, "comparison.peers[1].cbs_code", "peer-is-municipality"),
            (28, "comparison.peers[3].cbs_code", "duplicate-peer"),
            (29, "comparison.peers[4].cbs_code", "invalid-cbs-code"),
            (30, "comparison.size_class.name", "missing-field"),
        ],
    ),
    (
        "missing-fields.yaml",
        [
            (9, "title", "missing-field"),
            (10, "municipality.name", "missing-field"),
            (15, "principles[2].name", "missing-field"),
            (17, "challenges[meedoen].name", "missing-field"),
            (19, "goals[MD-01].statement", "missing-field"),
        ],
    ),
    (
        "unknown-fields.yaml",
        [
            (9, "title", "missing-field"),
            (13, "titel", "unknown-field"),
            (14, "gemeente", "unknown-field"),
            (20, "goals[MD-01].statement", "missing-field"),
            (22, "goals[MD-01].doel", "unknown-field"),
            (24, "goals[MD-01].baseline.waarde", "unknown-field"),
        ],
    ),
    (
        "wrong-types.yaml",
        [
            (15, "start_year", "wrong-type"),
            (16, "evaluation_years", "wrong-type"),
            (17, "principles", "wrong-type"),
            (21, "challenges[meedoen].budget.year", "wrong-type"),
            (26, "goals[MD-01].aims", "wrong-type"),
            (27, "goals[MD-01].target.value", "wrong-type"),
        ],
    ),
    (
        "dutch-numbers.yaml",
        [
            (20, "challenges[meedoen].budget.amount", "wrong-type"),
            (27, "goals[MD-01].baseline.value", "wrong-type"),
            (33, "goals[MD-02].target.value", "wrong-type"),
        ],
    ),
    (
        "choices.yaml",
        [
            (24, "goals[MD-01].indicator.unit.kind", "invalid-choice"),
            (26, "goals[MD-01].baseline.status", "invalid-choice"),
            (27, "goals[MD-01].direction", "invalid-choice"),
            (28, "goals[MD-01].scope", "invalid-choice"),
            (32, "areas[zilverdam].level", "invalid-choice"),
        ],
    ),
    (
        "ids-and-codes.yaml",
        [
            (12, "municipality.cbs_code", "invalid-cbs-code"),
            (17, "challenges[mee doen].id", "invalid-id"),
            (20, "goals[-MD-01].id", "invalid-id"),
            # An area's code is checked against its level, so the problem is on the area.
            (24, "areas[oosthaven]", "invalid-cbs-code"),
            (28, "areas[westerveld]", "invalid-cbs-code"),
            (32, "areas[zilverstreek]", "invalid-cbs-code"),
        ],
    ),
    (
        "periods.yaml",
        [
            (24, "goals[LR-01].baseline.period", "ambiguous-period"),
            (27, "goals[LR-01].target.period", "invalid-period"),
            (33, "goals[LR-02].baseline.period", "invalid-period"),
            (36, "goals[LR-02].target.period", "invalid-date"),
            (43, "goals[LR-03].baseline.expected", "invalid-period"),
        ],
    ),
    (
        "frequencies.yaml",
        [
            (21, "goals[MD-01].frequency", "invalid-frequency"),
            (25, "goals[MD-02].frequency", "invalid-frequency"),
            (29, "goals[MD-03].frequency", "invalid-frequency"),
            (33, "goals[MD-04].frequency", "invalid-frequency"),
        ],
    ),
    (
        "baselines.yaml",
        [
            (21, "goals[MD-01].baseline", "incomplete-baseline"),
            (26, "goals[MD-02].baseline", "incomplete-baseline"),
            (31, "goals[MD-03].baseline", "baseline-value-not-known"),
            (38, "goals[MD-04].baseline", "pending-without-reason"),
        ],
    ),
    (
        "targets.yaml",
        [
            (26, "goals[MD-01].target.change", "invalid-change"),
            (30, "goals[MD-02].target.change", "invalid-change"),
            (34, "goals[MD-03].target", "target-without-value"),
            # Value against change is a check on the whole goal (it needs the baseline).
            (35, "goals[MD-04]", "inconsistent-target"),
            (44, "goals[MD-05].target.tolerance", "invalid-tolerance"),
            (49, "goals[MD-06].target", "empty-band"),
            (53, "goals[MD-07].target", "phrase-disagrees"),
            (54, "goals[MD-08]", "direction-conflict"),
            (59, "goals[MD-09]", "repeated-target-period"),
        ],
    ),
    (
        "units.yaml",
        [
            (23, "goals[ZG-01].indicator.unit", "rate-without-base"),
            (29, "goals[ZG-02].indicator.unit", "rate-without-base"),
            (35, "goals[ZG-03].indicator.unit", "base-without-rate"),
            (41, "goals[ZG-04].indicator.unit", "invalid-rate-base"),
        ],
    ),
    (
        "key-figures.yaml",
        [
            (21, "key_figures[bevolking].totals.2024", "totals-disagree"),
            (27, "key_figures[gezinsvormen].rows[2].parent", "unknown-parent"),
            (32, "key_figures[huishoudens].rows[1].values.2024", "totals-disagree"),
        ],
    ),
    (
        "budget-totals.yaml",
        [
            (15, "challenges[meedoen].budget.year", "missing-field"),
            (26, "budget_table.stated_totals.expenses.2025", "totals-disagree"),
        ],
    ),
    (
        "budget-total-kind.yaml",
        [
            (18, "budget_table.stated_totals.saldo", "unknown-total"),
        ],
    ),
    (
        "references.yaml",
        [
            (21, "challenges[meedoen].id", "duplicate-id"),
            (26, "policy_areas[welzijn].challenge", "unknown-challenge"),
            (31, "goals[MD-01].policy_areas[2]", "unknown-policy-area"),
            (32, "goals[MD-01].id", "duplicate-id"),
            (33, "goals[MD-01].challenge", "unknown-challenge"),
            (36, "goals[MD-01].region", "unknown-area"),
            (44, "bbv_indicators[bbv-17].challenge", "unknown-challenge"),
            (54, "areas[oosthaven].parent", "unknown-area"),
        ],
    ),
    (
        "yaml-syntax.yaml",
        [
            (17, "-", "yaml-syntax"),
        ],
    ),
    (
        "not-a-mapping.yaml",
        [
            (5, "-", "not-a-mapping"),
        ],
    ),
]


def _rows(result: LoadResult) -> list[Row]:
    return [(p.location.line, p.field, p.code) for p in result.problems]


def _load(name: str) -> LoadResult:
    return load_plan(BROKEN / name)


def _problem(name: str, code: str, field: str):
    matches = [p for p in _load(name).problems if p.code == code and p.field == field]
    assert len(matches) == 1, _rows(_load(name))
    return matches[0]


# -- every broken file, every problem -----------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[name for name, _ in CASES])
def test_every_problem_is_reported(name: str, expected: list[Row]) -> None:
    result = _load(name)
    assert result.plan is None
    assert not result.ok
    assert _rows(result) == expected


def test_every_broken_file_is_in_the_table() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(name for name, _ in CASES)


def test_every_broken_file_says_what_is_broken() -> None:
    for path in BROKEN.glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "# SPDX-License-Identifier: EUPL-1.2", path.name
        assert any(line.startswith("# Broken on purpose:") for line in lines[:4]), path.name


@pytest.mark.parametrize("name", [name for name, _ in CASES])
def test_every_problem_names_its_file_and_has_both_languages(name: str) -> None:
    for problem in _load(name).problems:
        assert problem.location.file == str(BROKEN / name)
        assert problem.code in MESSAGES
        for lang in ("nl", "en"):
            assert problem.message(lang).strip(), (problem.code, lang)
            assert problem.hint(lang).strip(), (problem.code, lang)
        assert problem.message("nl") != problem.message("en")


# -- messages: Dutch by default, English on request ---------------------------------------


def test_message_and_hint_are_dutch_by_default() -> None:
    problem = _problem("periods.yaml", "ambiguous-period", "goals[LR-01].baseline.period")
    assert problem.message() == "'2024-2025' kan een schooljaar of twee jaren zijn."
    assert problem.hint() == "Schrijf 'schooljaar 2024-2025' voor een schooljaar, of kies één jaar."
    assert problem.message() == problem.message("nl")


def test_message_and_hint_in_english() -> None:
    problem = _problem("periods.yaml", "ambiguous-period", "goals[LR-01].baseline.period")
    assert problem.message("en") == "'2024-2025' could be a school year or two years."
    assert problem.hint("en") == "Write 'school year 2024-2025' for a school year, or pick one year."


def test_describe_gives_file_line_field_message_and_hint() -> None:
    problem = _problem("missing-fields.yaml", "missing-field", "goals[MD-01].statement")
    file = str(BROKEN / "missing-fields.yaml")
    assert problem.describe() == (
        f"{file}, regel 19: veld goals[MD-01].statement: Dit verplichte veld ontbreekt. Vul 'statement' in."
    )
    assert problem.describe("en") == (
        f"{file}, line 19: field goals[MD-01].statement: This required field is missing. Fill in 'statement'."
    )


def test_inconsistent_target_shows_the_numbers_in_each_language() -> None:
    problem = _problem("targets.yaml", "inconsistent-target", "goals[MD-04]")
    assert problem.message() == (
        "De streefwaarde 250 past niet bij de verandering +10% vanaf de nulmeting 200: die geeft 220."
    )
    assert problem.message("en") == (
        "The target value 250 does not follow from the change +10% on the baseline 200: that gives 220."
    )


def test_wrong_type_names_the_expected_type_per_language() -> None:
    problem = _problem("wrong-types.yaml", "wrong-type", "start_year")
    assert problem.message() == "'tweeduizend vijfentwintig' is geen heel getal."
    assert problem.message("en") == "'tweeduizend vijfentwintig' is not a whole number."


def test_dangling_reference_hint_lists_the_ids_that_exist() -> None:
    problem = _problem("references.yaml", "unknown-challenge", "goals[MD-01].challenge")
    assert problem.message() == "Er is geen opgave met code 'werk'."
    assert problem.hint() == "Gebruik een code uit 'challenges': meedoen."
    duplicate = _problem("references.yaml", "duplicate-id", "goals[MD-01].id")
    assert duplicate.message("en") == "The id 'MD-01' is used more than once (also at goals[1])."


def test_unknown_field_names_the_field() -> None:
    problem = _problem("unknown-fields.yaml", "unknown-field", "goals[MD-01].doel")
    assert problem.message() == "koers kent het veld 'doel' niet."
    assert problem.message("en") == "koers does not know the field 'doel'."


def test_totals_disagree_says_what_the_rows_add_up_to() -> None:
    problem = _problem("key-figures.yaml", "totals-disagree", "key_figures[bevolking].totals.2024")
    assert problem.message() == "De rijen tellen op tot 12400, niet tot het totaal 12500 (2024)."
    assert problem.message("en") == "The rows add up to 12400, not to the total 12500 (2024)."


# -- the JSON shape ------------------------------------------------------------------------


def test_as_json_shape() -> None:
    problem = _problem("frequencies.yaml", "invalid-frequency", "goals[MD-01].frequency")
    assert problem.as_json() == {
        "code": "invalid-frequency",
        "file": str(BROKEN / "frequencies.yaml"),
        "line": 21,
        "sheet": None,
        "row": None,
        "column": None,
        "field": "goals[MD-01].frequency",
        "message": "'3X per jaar' is geen meetfrequentie die koers kent.",
        "hint": "Schrijf bijvoorbeeld '2X per jaar', '1X per jaar', '1x per schooljaar' of '1X per 4 jaar'.",
    }
    english = problem.as_json("en")
    assert english["message"] == "'3X per jaar' is not a measurement frequency koers knows."
    assert list(english) == list(problem.as_json())


# -- read_plan ------------------------------------------------------------------------------


def test_read_plan_raises_with_every_problem() -> None:
    with pytest.raises(PlanFileError) as raised:
        read_plan(BROKEN / "references.yaml")
    assert [(p.location.line, p.field, p.code) for p in raised.value.problems] == dict(CASES)["references.yaml"]
    assert str(raised.value) == "8 problem(s) in plan file"


# -- files that cannot be read at all --------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "bestaat-niet.yaml"
    result = load_plan(path)
    assert result.plan is None
    assert _rows(result) == [(None, "-", "file-not-found")]
    assert result.problems[0].location.file == str(path)
    assert result.problems[0].message() == "Het bestand bestaat niet."
    assert result.problems[0].message("en") == "The file does not exist."


def test_text_file_is_an_unsupported_format(tmp_path: Path) -> None:
    # A perfectly good plan, saved with the wrong suffix.
    path = tmp_path / "plan.txt"
    path.write_text((BROKEN.parent / "plans" / "fictional-plan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = load_plan(path)
    assert result.plan is None
    assert _rows(result) == [(None, "-", "unsupported-format")]
    assert result.problems[0].hint() == "Gebruik een .yaml-, .yml- of .xlsx-bestand."


def test_yaml_syntax_error_names_its_line_and_what_yaml_found() -> None:
    (problem,) = _load("yaml-syntax.yaml").problems
    assert (problem.code, problem.location.line) == ("yaml-syntax", 17)
    assert problem.message().startswith("Dit is geen geldige YAML: ")
    assert "block mapping" in problem.message()
    assert problem.message("en").startswith("This is not valid YAML: ")


def test_duplicate_key_is_a_yaml_problem_at_the_second_key(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("title: Een\nstart_year: 2025\ntitle: Twee\n", encoding="utf-8")
    assert _rows(load_plan(path)) == [(3, "-", "yaml-syntax")]


def test_top_level_list_is_not_a_mapping() -> None:
    (problem,) = _load("not-a-mapping.yaml").problems
    assert problem.code == "not-a-mapping"
    assert problem.message() == "Het bestand moet beginnen met velden als 'municipality:' en 'title:'."


def test_empty_file_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "leeg.yaml"
    path.write_text("# nog niets\n", encoding="utf-8")
    assert _rows(load_plan(path)) == [(None, "-", "not-a-mapping")]


# -- known bugs: each test says what should happen ------------------------------------------

MINIMAL = "format: 1\nmunicipality: {cbs_code: GM9999, name: Zilverdam}\ntitle: Test\nstart_year: 2025\n"


def test_impossible_unquoted_date_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        MINIMAL
        + (
            "challenges:\n"
            "  - {id: meedoen, name: Meedoen}\n"
            "goals:\n"
            "  - id: MD-01\n"
            "    challenge: meedoen\n"
            "    statement: Meer inwoners doen mee.\n"
            "    target: {value: 60, period: 2025-02-30}\n"
        ),
        encoding="utf-8",
    )
    result = load_plan(path)
    assert result.plan is None
    assert [(p.location.line, p.code) for p in result.problems] in ([(11, "invalid-date")], [(11, "yaml-syntax")])


def test_file_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(MINIMAL.replace("Test", "Caf\xe9").encode("cp1252"))
    result = load_plan(path)
    assert result.plan is None
    assert len(result.problems) == 1
    assert result.problems[0].code in MESSAGES


def test_year_key_is_named_by_its_year(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        MINIMAL
        + (
            "key_figures:\n"
            "  - id: inwoners\n"
            "    title: Inwoners\n"
            "    unit: inwoners\n"
            "    rows:\n"
            "      - category: alle leeftijden\n"
            "        values: {2025: veel}\n"
        ),
        encoding="utf-8",
    )
    (problem,) = load_plan(path).problems
    assert (problem.location.line, problem.code) == (11, "wrong-type")
    assert problem.field.startswith("key_figures[inwoners].rows[1].values")
    assert "2025" in problem.field and "2026" not in problem.field


def test_every_disagreeing_year_of_a_table_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        MINIMAL
        + (
            "key_figures:\n"
            "  - id: inwoners\n"
            "    title: Inwoners\n"
            "    unit: inwoners\n"
            "    rows:\n"
            "      - {category: jong, values: {2024: 100, 2025: 100}}\n"
            "      - {category: oud, values: {2024: 100, 2025: 100}}\n"
            "    totals: {2024: 201, 2025: 202}\n"
        ),
        encoding="utf-8",
    )
    problems = load_plan(path).problems
    assert [p.code for p in problems] == ["totals-disagree", "totals-disagree"]
    assert {p.context["year"] for p in problems} == {2024, 2025}


@pytest.mark.parametrize(
    ("extra", "english"),
    [
        pytest.param("areas:\n  - {id: zd, name: Zilverdam, level: stad}\n", " or ", id="choices"),
        pytest.param(
            "areas:\n  - {id: zs, name: Zilverstreek, level: region, cbs_code: GM9999}\n", "region", id="area-level"
        ),
        pytest.param(
            "evaluation_years: [2027]\nend_year: 2030\nlint: {stale_baseline_years: -1}\n",
            "Input should",
            id="pydantic-detail",
        ),
    ],
)
def test_dutch_messages_are_dutch(tmp_path: Path, extra: str, english: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL + extra, encoding="utf-8")
    (problem,) = load_plan(path).problems
    assert english not in problem.message() + " " + problem.hint()


def test_empty_field_does_not_show_python_none(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL.replace("title: Test", "title:"), encoding="utf-8")
    (problem,) = load_plan(path).problems
    assert (problem.location.line, problem.field) == (3, "title")
    assert "None" not in problem.message()
