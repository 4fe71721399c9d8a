# SPDX-License-Identifier: EUPL-1.2
"""The council report's annex with the advice register: every advice with each point, the
response, why and what is done; listed in the contents; left out when there is no advice; and in
the PDF no point's row is cut over two pages. On Zilverdam's made-up plan, with a register long
enough to fill several pages."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy import Engine

from koers.domain.advice import Advice, Verdict
from koers.domain.periods import Period
from koers.planfile import read_plan
from koers.reports.html import render_html
from koers.reports.model import Report, build_report
from koers.reports.pdf import write_pdf
from koers.store.advice import Actor, store_register
from koers.store.database import open_engine
from koers.store.migrate import upgrade
from koers.store.plans import StoredPlan, load_stored_plan, save_plan
from tests.conftest import ROOT

PLAN = read_plan(ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml")
PERIOD = Period.parse("2026-H1")
WORDS = (
    "De adviesraad vraagt de gemeente om bij {name} eerst met de inwoners zelf te praten, in de wijk, "
    "op een tijd dat werkende ouders er ook kunnen zijn, en daarna pas een plan te maken (punt {n})."
)


def register() -> list[Advice]:
    """Six advice of five long points each, every verdict and no response in turn."""
    found = []
    verdicts = [*Verdict, None]
    for number in range(6):
        challenge = PLAN.challenges[number % len(PLAN.challenges)]
        day = date(2025, 1, 10) + timedelta(days=40 * number)
        items = []
        for n in range(1, 6):
            verdict = verdicts[(number + n) % len(verdicts)]
            item: dict[str, object] = {"text": WORDS.format(name=challenge.name.lower(), n=f"{number + 1}.{n}")}
            if verdict is not None:
                reason = None if verdict is Verdict.ADOPTED else "Daar is in deze periode geen ruimte voor."
                actions = [a.id for a in PLAN.actions_for_challenge(challenge.id)[:1]]
                item["response"] = {"verdict": verdict, "reason": reason, "date": day + timedelta(days=30)}
                item["response"] |= {"actions": actions, "follow_up": "De gemeente meldt het de raad."}
            items.append(item)
        found.append(
            Advice.model_validate(
                {
                    "id": f"ADV-{day.year}-{number + 1:02d}",
                    "kind": "gevraagd" if number % 2 else "ongevraagd",
                    "date": day,
                    "subject": f"Advies over {challenge.name.lower()}",
                    "challenges": [challenge.id],
                    "items": items,
                }
            )
        )
    return found


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, StoredPlan]:
    engine = open_engine(f"sqlite:///{tmp_path_factory.mktemp('annex') / 'koers.db'}")
    upgrade(engine)
    saved = save_plan(engine, PLAN, source="test", user="test")
    store_register(engine, saved.plan_id, register(), Actor.command_line("test"), source="test")
    return engine, load_stored_plan(engine, None)


@pytest.fixture(scope="module")
def report(database: tuple[Engine, StoredPlan]) -> Report:
    return build_report(*database, PERIOD, made_on=date(2026, 7, 15))


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_annex_lists_every_advice_with_each_point_and_its_response(report: Report) -> None:
    html = render_html(report)
    assert '<a href="#adviezen">Bijlage: adviezen en inbreng van inwoners</a>' in html
    annex = html[html.index('<section class="annex" id="adviezen">') :]
    text = words(annex)
    assert len(report.advice) == 6 and "6 adviezen, met samen 30 punten" in text
    for advice in report.advice:
        assert advice.subject in text and f'id="advies-{advice.id}"' in annex
        for number, item in enumerate(advice.items, start=1):
            assert f"{number}. {item.text}" in text
            response = item.response
            if response is None:
                continue
            assert response.verdict.label() in text and (response.reason is None or response.reason in text)
            for action_id in response.actions:
                action = next(a for a in PLAN.actions if a.id == action_id)
                assert f"Actie {action.id}: {action.name}" in text
    assert text.count("Nog geen reactie") == sum(1 for a in report.advice for i in a.items if i.response is None)
    assert "Illustratief advies." not in text


def test_a_report_without_advice_has_no_annex(database: tuple[Engine, StoredPlan], tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'leeg.db'}")
    upgrade(engine)
    save_plan(engine, PLAN, source="test", user="test")
    html = render_html(build_report(engine, load_stored_plan(engine, None), PERIOD))
    assert 'id="adviezen"' not in html and "Bijlage: adviezen" not in html


def test_no_points_row_is_cut_over_two_pages(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "rapportage.pdf"
    write_pdf(report, path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found is not None
    pages = int(found.group(1))
    texts = [
        " ".join(
            subprocess.run(
                ["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        for n in range(1, pages + 1)
    ]
    first = next(n for n, t in enumerate(texts) if "Punten van advies" in t)
    annex = texts[first:]  # the annex is the last part of the report; a table can go on over pages
    assert len(annex) >= 3, "the register fills several pages"
    for advice in report.advice:
        for item in advice.items:
            assert sum(item.text in page for page in annex) == 1, f"{item.text[-20:]} is cut or missing"
