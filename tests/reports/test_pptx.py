# SPDX-License-Identifier: EUPL-1.2
"""The slides for the raadsinformatiemoment (``koers report --format pptx``), read back with
python-pptx: a title slide, the overall picture, a slide per challenge with its goals and one
with its charts (each with alt text), the questions for the informatiemarkt and a closing
slide; 16:9, every text editable and at least 18 pt, illustrative figures labelled on every
slide, and no number with more than two decimals."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from koers.domain.changes import Trend
from koers.domain.formatting import format_date
from koers.domain.status import Status
from koers.reports.model import Report
from koers.reports.pptx import BODY_BOTTOM, CHANGED_FIRST, QUESTIONS, _money_height, changed_most, write_pptx
from tests.conftest import HEEMSKERK_2024
from tests.reports import test_report
from tests.store.conftest import koers

LABEL = "ILLUSTRATIEVE CIJFERS: geen echte metingen."

#: The Heemskerk report of test_report.py (seeded illustrative figures, status vastgesteld), in
#: Dutch and in English: the same fixtures, found here by name.
database, report, english = test_report.database, test_report.report, test_report.english


def _deck(built: Report, path: Path) -> Any:
    write_pptx(built, path)
    return Presentation(str(path))


@pytest.fixture(scope="module")
def deck(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _deck(report, tmp_path_factory.mktemp("pptx") / "slides.pptx")


def _title(slide: Any) -> str:
    return str(slide.shapes.title.text_frame.text)


def _texts(slide: Any) -> list[str]:
    """Every text on the slide: text frames and table cells."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found.append(shape.text_frame.text)
        elif shape.has_table:
            found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def _table_rows(slide: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for s in slide.shapes if s.has_table for row in s.table.rows]


def test_the_slides_are_16_9_with_a_title_slide(deck: Any, report: Report) -> None:
    assert deck.slide_width * 9 == deck.slide_height * 16
    first = deck.slides[0]
    assert _title(first) == report.plan.title
    subtitle = first.placeholders[1].text_frame.text
    for part in ("Gemeente Heemskerk", report.title, "Vastgesteld", format_date(report.made_on)):
        assert part in subtitle
    assert deck.core_properties.title == report.title and deck.core_properties.language == "nl-NL"


def test_the_overall_picture_counts_every_status(deck: Any, report: Report) -> None:
    overview = deck.slides[1]
    texts = _texts(overview)
    assert report.rollup.summary() in texts
    for status, count in report.rollup.counts.items():
        if count:
            label = status.label()
            assert label[:1].upper() + label[1:] in texts and str(count) in texts
    bars = [s for s in overview.shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE]
    assert len(bars) == sum(1 for n in report.rollup.counts.values() if n)


def test_one_slide_per_challenge_with_every_goal(deck: Any, report: Report) -> None:
    titles = [_title(s) for s in deck.slides]
    for section in report.challenges:
        assert titles.count(section.challenge.name) == 1, section.challenge.name
        slide = deck.slides[titles.index(section.challenge.name)]
        rows = _table_rows(slide)
        assert rows[0] == ["Doel", "Status", "Laatste waarde", "Streefwaarde"]
        assert [r[0].split()[0] for r in rows[1:]] == [g.goal.id for g in section.goals]
        assert [r[1] for r in rows[1:]] == [g.assessment.status.label() for g in section.goals]
    assert not any("(vervolg)" in t for t in titles)  # Heemskerk's tables each fit on one slide


def _body(slide: Any) -> list[Any]:
    return [s for s in slide.shapes if s.has_text_frame and s != slide.shapes.title and LABEL not in s.text_frame.text]


def test_after_the_overview_besteed_against_begroot_per_challenge(deck: Any, report: Report) -> None:
    """Per challenge its name and, as the report says it (ChallengeMoney.sentence), what was
    spent of what was budgeted in its latest year; inside the body, in the notes too."""
    money = deck.slides[2]
    assert _title(money) == "Besteed en begroot"
    (box,) = _body(money)
    paragraphs = [p.text for p in box.text_frame.paragraphs]
    expected = []
    for section in report.challenges:
        assert section.money is not None and section.money.years
        expected += [section.challenge.name, section.money.sentence()]
    assert paragraphs == expected
    assert all(p.runs[0].font.bold for p in box.text_frame.paragraphs[::2])
    assert box.top + box.height <= BODY_BOTTOM
    assert _money_height_on(box) <= box.height  # nothing runs off the box
    notes = money.notes_slide.notes_text_frame.text
    assert all(f"{s.challenge.name}: {s.money.sentence()}" in notes for s in report.challenges if s.money)


def _money_height_on(box: Any) -> int:
    """The height the module reckons the box's text needs, with its margins."""
    texts = [p.text for p in box.text_frame.paragraphs]
    items = list(zip(texts[::2], texts[1::2], strict=True))
    return sum(_money_height(item) for item in items) + box.text_frame.margin_top + box.text_frame.margin_bottom


def test_many_challenges_run_on_over_money_slides_that_each_fit(report: Report, tmp_path: Path) -> None:
    many = [
        replace(c, challenge=c.challenge.model_copy(update={"name": f"{c.challenge.name} {n}"}))
        for n in range(2)
        for c in report.challenges
    ]
    deck = _deck(replace(report, challenges=many), tmp_path / "many.pptx")
    slides = [s for s in deck.slides if _title(s).startswith("Besteed en begroot")]
    assert len(slides) >= 2 and _title(slides[0]) == f"Besteed en begroot (1/{len(slides)})"
    names = []
    for slide in slides:
        (box,) = _body(slide)
        assert _money_height_on(box) <= box.height and box.top + box.height <= BODY_BOTTOM
        names += [p.text for p in box.text_frame.paragraphs][::2]
    assert names == [c.challenge.name for c in many]


def test_no_money_slide_without_amounts(report: Report, tmp_path: Path) -> None:
    bare = [replace(c, money=None) for c in report.challenges]
    deck = _deck(replace(report, challenges=bare), tmp_path / "bare.pptx")
    assert not any(_title(s).startswith("Besteed en begroot") for s in deck.slides)


def test_each_challenge_shows_the_charts_of_the_goals_that_changed_most(deck: Any, report: Report) -> None:
    titles = [_title(s) for s in deck.slides]
    for section in report.challenges:
        slide = deck.slides[titles.index(f"{section.challenge.name}: grootste veranderingen")]
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert [p.name for p in pictures] == [g.goal.id for g in changed_most(section)]
        assert len(pictures) == 2


def test_every_picture_has_alt_text_and_at_most_two_on_a_slide(deck: Any) -> None:
    pictures = 0
    for slide in deck.slides:
        shown = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(shown) <= 2
        for picture in shown:
            descr = picture._element.nvPicPr.cNvPr.get("descr")
            assert descr and descr.startswith(("Nulmeting", "Er is geen nulmeting", "De nulmeting volgt")), descr
        pictures += len(shown)
    assert pictures == 10


def test_changed_most_puts_a_changed_status_first_then_the_largest_move(report: Report) -> None:
    for section in report.challenges:
        chosen = changed_most(section, len(section.goals))
        trends = [CHANGED_FIRST.index(g.trend) for g in chosen]
        assert trends == sorted(trends)
        unchanged = [abs(g.assessment.progress) for g in chosen if g.trend == Trend.SAME and g.assessment.progress]
        assert unchanged == sorted(unchanged, reverse=True)
    vitaal = next(s for s in report.challenges if s.challenge.id == "vitaal-en-weerbaar")
    # VW-02 went from on track to at risk since the previous report; VW-04 is 104% of the way
    assert [(g.goal.id, g.trend) for g in changed_most(vitaal)] == [("VW-02", Trend.WORSE), ("VW-04", Trend.SAME)]


def test_the_questions_for_the_informatiemarkt(deck: Any, report: Report) -> None:
    slides = [s for s in deck.slides if _title(s).startswith("Vragen voor de informatiemarkt")]
    text = "\n".join(t for s in slides for t in _texts(s))
    asked = [g for g in report.goals if QUESTIONS[g.assessment.status] is not None]
    assert {g.assessment.status for g in asked} >= {Status.OFF_TRACK, Status.NO_BASELINE}
    for goal in asked:
        assert goal.goal.id in text
    assert text.count("Waarom ligt dit doel niet op koers") == sum(
        1 for g in report.goals if g.assessment.status == Status.OFF_TRACK
    )
    assert not any(g.goal.id in text for g in report.goals if g.assessment.status == Status.ACHIEVED)
    assert _title(deck.slides[-1]) == "Dank voor uw aandacht"


def test_the_illustrative_label_is_on_every_slide(deck: Any, report: Report, tmp_path: Path) -> None:
    assert report.illustrative
    for slide in deck.slides:
        assert LABEL in _texts(slide), _title(slide)
    real = _deck(replace(report, illustrative=False), tmp_path / "real.pptx")
    assert not any(LABEL in _texts(slide) for slide in real.slides)


def test_every_text_is_editable_and_at_least_18_pt(deck: Any) -> None:
    """Text sits in text frames (titles, boxes, table cells), never in a picture: the only
    pictures are the charts. Every run has its size set, at least 18 pt."""
    for slide in deck.slides:
        for shape in slide.shapes:
            kind = shape.shape_type
            assert shape.has_text_frame or shape.has_table or kind == MSO_SHAPE_TYPE.PICTURE, (_title(slide), kind)
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames = [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size is not None and run.font.size >= Pt(18), (_title(slide), run.text)
                        assert run.font._rPr.get("lang") == "nl-NL"


def test_no_number_has_more_than_two_decimals(deck: Any) -> None:
    text = "\n".join(t for slide in deck.slides for t in _texts(slide))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    for shown in (text, notes):
        assert not re.findall(r"\d,\d{3,}", shown)  # a Dutch decimal comma with 3 or more decimals
        assert not re.findall(r"\d\.\d{4,}", shown)  # nor a raw float (a thousands group has 3)


def test_the_slides_in_english(english: Report, tmp_path: Path) -> None:
    deck = _deck(english, tmp_path / "slides.pptx")
    assert deck.core_properties.language == "en-GB"
    run = deck.slides[0].shapes.title.text_frame.paragraphs[0].runs[0]
    assert run.font._rPr.get("lang") == "en-GB"
    assert english.title in deck.slides[0].placeholders[1].text_frame.text


def test_the_cli_writes_slides(tmp_path: Path) -> None:
    """From the file's suffix, for a plan without figures: no charts, no label, every question."""
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    koers(url, "db", "upgrade")
    koers(url, "plan", "load", str(HEEMSKERK_2024))
    out = tmp_path / "raadsinformatiemoment.pptx"
    code, written = koers(url, "report", "--period", "2026-H1", "--out", str(out))
    assert (code, written["format"], written["illustrative"]) == (0, "pptx", False)
    deck = Presentation(str(out))
    assert not any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for slide in deck.slides for s in slide.shapes)
    assert koers(url, "report", "--period", "2026-H1", "--out", str(tmp_path / "x.ppt"), "--format", "pptx")[0] == 0
