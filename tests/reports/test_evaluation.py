# SPDX-License-Identifier: EUPL-1.2
"""The evaluation report (``koers evaluate``), read back from the PDF and the Word file.

Both Heemskerk plans with illustrative demo data: the 2020-2023 plan must say plainly that its
goals could not be evaluated because they had no baseline (seed 003); the 2024 plan lists every
goal with its verdict. The made-up Zilverdam plan and its 2027 revision: the evaluation of
version 1 shows what the revision changed and why; that of version 2 has nothing to compare.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from koers.reports.evaluation import Evaluation, build_evaluation
from koers.store.database import open_engine
from tests.conftest import HEEMSKERK_2020, ROOT
from tests.store.conftest import koers

AS_OF = "2026-12-01"
FICTIONAL = ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml"
REVISED = ROOT / "tests" / "data" / "plans" / "revision" / "zilverdam-2027.yaml"


def words(text: str) -> str:
    return " ".join(text.split())


def pdf_words(path: Path) -> str:
    return words(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def evaluate(url: str, out: Path, version: int = 1, *extra: str) -> dict[str, object]:
    code, shown = koers(url, "evaluate", "--plan-version", str(version), "--as-of", AS_OF, "--out", str(out), *extra)
    assert code == 0, shown
    assert isinstance(shown, dict)
    return shown


@pytest.fixture(scope="module")
def heemskerk_2020(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("evaluation-2020")
    url = f"sqlite:///{folder / 'koers.db'}"
    assert koers(url, "demo-data", "--plan-file", str(HEEMSKERK_2020), "--as-of", "2026-11-23")[0] == 0
    return url, folder


@pytest.fixture(scope="module")
def heemskerk_2024(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("evaluation-2024")
    url = f"sqlite:///{folder / 'koers.db'}"
    assert koers(url, "demo-data", "--seed", "2024", "--as-of", "2026-11-23")[0] == 0
    return url, folder


@pytest.fixture(scope="module")
def zilverdam(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("evaluation-zilverdam")
    url = f"sqlite:///{folder / 'koers.db'}"
    assert koers(url, "db", "upgrade")[0] == 0
    assert koers(url, "plan", "load", str(FICTIONAL))[1]["version"] == 1
    assert koers(url, "plan", "load", str(REVISED))[1]["version"] == 2
    return url, folder


def test_the_2020_plan_says_plainly_that_its_goals_had_no_baseline(heemskerk_2020: tuple[str, Path]) -> None:
    url, folder = heemskerk_2020
    shown = evaluate(url, folder / "evaluatie.pdf")
    text = pdf_words(folder / "evaluatie.pdf")
    assert "Geen van de 9 doelen van dit plan kon worden beoordeeld. Ze hadden geen nulmeting" in text
    assert "Geen nulmeting (9 doelen) Zonder nulmeting weten we niet waar we begonnen." in text
    assert "Plan GM0396/naast-elkaar-met-elkaar-voor-elkaar, versie 1" in text  # the cover names the version
    not_evaluated = shown["not_evaluated"]
    assert isinstance(not_evaluated, dict)
    assert sorted(not_evaluated) == [f"OL-{n}" for n in range(1, 10)]
    assert all(reasons[0] == "no_baseline" for reasons in not_evaluated.values())
    assert shown["revised_by"] is None


def test_the_2024_plan_lists_every_goal_with_its_verdict(heemskerk_2024: tuple[str, Path]) -> None:
    url, folder = heemskerk_2024
    evaluate(url, folder / "evaluatie.pdf")
    text = pdf_words(folder / "evaluatie.pdf")
    evaluation = build_evaluation(open_engine(url), None, 1, as_of=date.fromisoformat(AS_OF))
    assert len(evaluation.goals) == 28
    for verdict in evaluation.goals:
        goal, status = verdict.section.goal, verdict.section.assessment.status
        article = text[text.rindex(f"{goal.id} · ") :]
        kind = verdict.kind() if verdict.evaluated else "niet te beoordelen"
        assert article.startswith(f"{goal.id} · "), goal.id
        assert f"{status.label()} {kind[:1].upper()}{kind[1:]}." in article[:1500], goal.id
    for challenge in evaluation.challenges:
        assert challenge.worked() in text
    assert "Hoe SMART is het plan: toen en nu" in text
    assert "Wat is er veranderd en waarom" not in text  # one version: nothing revised it


def test_what_worked_counts_every_goal_of_a_challenge(heemskerk_2024: tuple[str, Path]) -> None:
    url, _folder = heemskerk_2024
    evaluation = build_evaluation(open_engine(url), None, 1)
    for challenge in evaluation.challenges:
        assert sum(count for _label, count in challenge.counts()) == len(challenge.goals)


def test_the_revision_shows_what_changed_and_why(zilverdam: tuple[str, Path]) -> None:
    url, folder = zilverdam
    shown = evaluate(url, folder / "versie-1.pdf")
    assert shown["revised_by"] == 2
    text = pdf_words(folder / "versie-1.pdf")
    changes = text[text.rindex("Wat is er veranderd en waarom") :]
    assert changes.startswith("Wat is er veranderd en waarom Versie 2 van het plan herziet versie 1.")
    assert "Versie 2 is vastgesteld op 24 juni 2027 (raadsbesluit 2027/031)." in changes
    for cells in ("ZD-02 aangescherpt", "ZD-11 vervangen ← ZD-03", "ZD-03 vervangen → ZD-11", "ZD-04 beëindigd"):
        assert cells in changes, cells
    assert "De Sportpas groeide sneller dan gedacht" in changes  # the reasons (pdftotext reads the column later)
    assert "Het aantal maatwerkvoorzieningen volgt vooral de vergrijzing" in changes
    assert "Versie 1 Versie 2 (nu)" in text  # the SMART check then and now


def test_the_revised_version_itself_has_no_changes_page(zilverdam: tuple[str, Path]) -> None:
    url, folder = zilverdam
    shown = evaluate(url, folder / "versie-2.html", 2)
    html = (folder / "versie-2.html").read_text(encoding="utf-8")
    assert shown["revised_by"] is None
    assert "Wat is er veranderd en waarom" not in html
    assert "versie 2 (vastgesteld op 24 juni 2027 (raadsbesluit 2027/031))" in html


def test_a_page_renders_to_an_image(zilverdam: tuple[str, Path]) -> None:
    url, folder = zilverdam
    evaluate(url, folder / "pagina.pdf", 1, "--force")
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "50", "-png", str(folder / "pagina.pdf"), str(folder / "p")],
        check=True,
    )
    image = next(folder.glob("p-*.png"))
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and image.stat().st_size > 5_000


def test_the_word_file_has_the_same_parts(zilverdam: tuple[str, Path]) -> None:
    url, folder = zilverdam
    evaluate(url, folder / "evaluatie.docx")
    document = Document(str(folder / "evaluatie.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings[:5] == [
        "Samenvatting",
        "Wat werkte, per opgave",
        "Welke doelen niet te beoordelen waren, en waarom",
        "Hoe SMART is het plan: toen en nu",
        "Wat is er veranderd en waarom",
    ]
    assert "Evaluatie Zilverdam doet mee" in text
    assert document.core_properties.title == "Evaluatie Zilverdam doet mee"


def test_refusals_are_clean(zilverdam: tuple[str, Path]) -> None:
    url, folder = zilverdam
    code, shown = koers(url, "evaluate", "--plan-version", "7", "--out", str(folder / "x.pdf"))
    assert code == 2 and "geen versie 7" in str(shown)
    (folder / "bestaat.pdf").write_bytes(b"")
    code, shown = koers(url, "evaluate", "--plan-version", "1", "--out", str(folder / "bestaat.pdf"))
    assert code == 2 and "--force" in str(shown)
    code, shown = koers(url, "evaluate", "--plan-version", "1", "--out", str(folder / "x.xlsx"))
    assert code == 2


def test_the_model_keeps_the_version_it_judges(zilverdam: tuple[str, Path]) -> None:
    evaluation: Evaluation = build_evaluation(open_engine(zilverdam[0]), None, 1)
    assert evaluation.report.plan_version == 1
    assert {g.section.goal.id for g in evaluation.goals} >= {"ZD-03", "ZD-04"}  # the goals of version 1
    assert evaluation.revision is not None and evaluation.revision.version == 2
