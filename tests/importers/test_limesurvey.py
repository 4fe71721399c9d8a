# SPDX-License-Identifier: EUPL-1.2
"""Reading a LimeSurvey export of Zilverdam's survey: every kind of question from its columns,
unfinished responses counted and left out, and every problem of a broken file with its row and
column, nothing read when there is one."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from koers.domain.survey import Survey
from koers.domain.survey_answers import AnswerCode, Choice, Choices, Grade, Points, Rows, Text
from koers.importers.limesurvey import IGNORED_COLUMNS, columns_of, read_limesurvey
from koers.importers.limesurvey_messages import FILE_MESSAGES
from koers.planfile.surveyfile import read_survey

SURVEYS = Path(__file__).resolve().parents[1] / "data" / "surveys"
EXPORT = SURVEYS / "zilverdam-limesurvey.csv"


@pytest.fixture(scope="module")
def survey() -> Survey:
    return read_survey(SURVEYS / "zilverdam-peiling.yaml")


def test_every_kind_of_question_is_read_from_its_columns(survey: Survey) -> None:
    read = read_limesurvey(EXPORT, survey)
    assert read.ok and (read.rows, read.unfinished) == (7, 1)
    by_id = {r.external_id: r for r in read.responses}
    assert list(by_id) == ["3", "5", "8", "9", "12", "14"]  # "6" has no submit date
    first = by_id["3"]
    assert (first.started_on, first.submitted_on) == (date(2025, 5, 6), date(2025, 5, 6))
    assert first.answers == {
        "wijk": Choice("WK999901"),
        "leeftijd": Choice("30-49"),
        "huishouden": Choice("gezin"),
        "beweegdagen": Choice("3-4"),
        "eenzaamheid": Rows(
            {"leegte": "oneens", "terugvallen": "eens", "mis-mensen": "oneens", "in-de-steek": "helemaal-oneens"}
        ),
        "buurtkamer": Choice("ja"),
        "buurtkamer-cijfer": Grade(8),
        "buurtkamer-waarvoor": Choices(("koffie", "spreekuur")),
        "hulp-geldzorgen": Points(
            {"familie": 40, "schuldhulp": 20, "buurtteam": 20, "bank": 0, "internet": 20, "anders": 0}
        ),
        "gemeente": Choice("goed", "Ze bellen snel terug."),
        "opmerkingen": Text("Meer bankjes in het park, graag."),
    }
    assert by_id["5"].answers["huishouden"] == Choice("anders", "Met mijn kleindochter")  # LimeSurvey's -oth-
    assert by_id["8"].answers["hulp-geldzorgen"] == Points(
        {"familie": 10, "schuldhulp": 30, "buurtteam": 30, "bank": 0, "internet": 0, "anders": 30},
        {"anders": "Mijn buurvrouw"},
    )
    assert by_id["9"].answers["hulp-geldzorgen"] == Points(  # "25.0000000000" is 25
        {"familie": 25, "schuldhulp": 25, "buurtteam": 25, "bank": 25, "internet": 0, "anders": 0}
    )
    assert "hulp-geldzorgen" not in by_id["5"].answers  # left empty: not answered
    assert "buurtkamer-cijfer" not in by_id["14"].answers  # given, but the follow-up was not shown


def test_the_columns_follow_limesurveys_names(survey: Survey) -> None:
    names = {q.id: columns_of(q).all() for q in survey.questions()}
    assert names["huishouden"] == ["L3", "L3[other]"]
    assert names["eenzaamheid"] == ["E1[SQ001]", "E1[SQ002]", "E1[SQ003]", "E1[SQ004]"]
    assert names["buurtkamer-waarvoor"] == ["K3[SQ001]", "K3[SQ002]", "K3[SQ003]", "K3[other]"]
    assert names["hulp-geldzorgen"][-1] == "G1other"
    assert names["gemeente"] == ["W1", "W1[comment]"]
    assert {"ipaddr", "refurl", "token"} <= IGNORED_COLUMNS


def test_a_broken_file_gives_every_problem_with_its_row_and_column(survey: Survey) -> None:
    read = read_limesurvey(SURVEYS / "zilverdam-limesurvey-broken-rows.csv", survey)
    assert not read.ok and read.responses == []
    assert [(p.location.row, p.location.column, p.code) for p in read.problems] == [
        (2, "G1[SQ001]", "points-too-few"),
        (3, "L1", "unknown-option"),
        (4, "G1[SQ001]", "points-too-many"),
        (5, "K2", "not-a-grade"),
        (6, "K3[SQ002]", "unknown-option"),
        (6, "E1[SQ003]", "rows-missing"),
        (7, "id", "duplicate-row"),
        (7, "L1", "required"),
        (8, "submitdate", "invalid-date"),
        (8, "G1[SQ001]", "not-points"),
    ]
    assert read.problem_count == 10
    messages = [p.describe() for p in read.problems]
    assert messages[0].startswith("zilverdam-limesurvey-broken-rows.csv, rij 2, kolom G1[SQ001]: veld hulp-geldzorgen:")
    assert "99" in messages[0] and "101" in messages[2]
    assert all("{" not in m for m in messages)


def test_columns_that_do_not_fit_the_survey_are_named_before_any_row(survey: Survey) -> None:
    read = read_limesurvey(SURVEYS / "zilverdam-limesurvey-broken-columns.csv", survey)
    assert [(p.code, p.context["name"]) for p in read.problems] == [
        ("missing-column", "id"),
        ("missing-column", "E1[SQ004]"),
        ("unknown-column", "Q99"),
    ]
    assert read.problems[2].location.column == "Q99"


def test_a_file_without_rows_or_without_codes_says_so(survey: Survey, tmp_path: Path) -> None:
    empty = tmp_path / "leeg.csv"
    with EXPORT.open(encoding="utf-8") as source:
        empty.write_text(source.readline(), encoding="utf-8")
    assert [p.code for p in read_limesurvey(empty, survey).problems] == ["empty-file"]
    bare = survey.model_copy(
        update={
            "pages": [
                p.model_copy(update={"questions": [q.model_copy(update={"limesurvey": None}) for q in p.questions]})
                for p in survey.pages
            ]
        }
    )
    assert [p.code for p in read_limesurvey(EXPORT, bare).problems] == ["no-limesurvey-codes"]
    assert [p.code for p in read_limesurvey(tmp_path / "nergens.csv", survey).problems] == ["unreadable-file"]


def test_a_semicolon_export_reads_the_same(survey: Survey, tmp_path: Path) -> None:
    """Dutch Excel saves CSV with semicolons; a file that went through it reads the same."""
    rows = list(csv.reader(EXPORT.open(encoding="utf-8")))
    copy = tmp_path / "export.csv"
    with copy.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    assert read_limesurvey(copy, survey).responses == read_limesurvey(EXPORT, survey).responses


def test_every_import_problem_code_is_documented() -> None:
    text = (SURVEYS.parents[2] / "docs" / "survey-format.md").read_text(encoding="utf-8")
    codes = [*FILE_MESSAGES, *(code.value for code in AnswerCode)]
    assert [code for code in codes if f"| `{code}` |" not in text] == []
