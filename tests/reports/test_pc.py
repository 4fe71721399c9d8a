# SPDX-License-Identifier: EUPL-1.2
"""The P&C paragraph (begroting, jaarstukken) as Word, in the structure of the plan: per challenge
the three questions, the actions, the money of the year and the indicators; on the made-up plan
of Waterlinde, with its money file and one figure."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from koers.cli.report import PC_KINDS
from koers.reports.pc import WORDS, PcKind
from tests.store.conftest import koers, write_csv

DATA = Path(__file__).parents[1] / "data"
PLAN = DATA / "plans" / "money-waterlinde.yaml"
MONEY = DATA / "money" / "waterlinde.csv"


@pytest.fixture(scope="module")
def waterlinde(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("pc")
    url = f"sqlite:///{folder / 'koers.db'}"
    figure = write_csv(folder / "md.csv", [{"goal": "MD-01", "period": "2025", "area": "GM9931", "value": "27.5"}])
    for args in (
        ("db", "upgrade"),
        ("plan", "load", str(PLAN)),
        ("money", "import", str(MONEY)),
        ("import", str(figure)),
    ):
        code, out = koers(url, *args)
        assert code == 0, (args, out)
    return url


def _text(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    doc = Document(str(path))
    paragraphs = [p.text for p in doc.paragraphs]
    tables = [[[c.text for c in row.cells] for row in table.rows] for table in doc.tables]
    return paragraphs, tables


@pytest.mark.parametrize("kind", list(PcKind))
def test_the_paragraph_follows_the_plan_per_challenge(waterlinde: str, tmp_path: Path, kind: PcKind) -> None:
    out = tmp_path / f"{kind.value}.docx"
    code, _shown = koers(waterlinde, "report", "--kind", kind.value, "--period", "2025", "--out", str(out))
    assert code == 0
    paragraphs, tables = _text(out)
    assert paragraphs[0].endswith(f"{kind.value} 2025")
    words = WORDS[kind]
    for question in (words.achieve, words.do, words.cost):
        assert paragraphs.count(question) == 3  # one per challenge of Waterlinde
    assert any(p.startswith("MD-01 In 2028 doet 30%") for p in paragraphs)
    money = next(t for t in tables if t[0][0] == "Begroot")
    assert money[1] == ["€ 3.250.000", "€ 3.400.000", "€ 3.196.000", "94%"]
    indicators = next(t for t in tables if t[0][0] == "Indicator")
    assert indicators[1][:3] == ["Inwoners die vrijwilligerswerk doen", "27,5% (2025)", "minimaal 30%"]
    assert any("Stand:" in p for p in paragraphs) is (kind is PcKind.ACCOUNTS)


def test_the_paragraph_is_word_only(waterlinde: str, tmp_path: Path) -> None:
    code, shown = koers(
        waterlinde, "report", "--kind", "begroting", "--period", "2025", "--out", str(tmp_path / "x.pdf")
    )
    assert code != 0 and "Word" in str(shown)


def test_the_command_line_names_the_kinds_of_the_paragraph() -> None:
    assert tuple(kind.value for kind in PcKind) == PC_KINDS
