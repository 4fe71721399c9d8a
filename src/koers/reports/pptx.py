# SPDX-License-Identifier: EUPL-1.2
"""The report as slides for the *raadsinformatiemoment*: a PowerPoint file (16:9).

Made from the same report model as the other formats, in the same words:

1. the title slide: the plan, the municipality, the period, Concept or Vastgesteld, the date;
2. the overall picture: a bar per status with its number of goals, and the one-line summary;
   then, where there are amounts, what was spent against what was budgeted: per challenge its
   latest year with the amounts, in the report's words (:meth:`ChallengeMoney.sentence`);
3. per challenge (*maatschappelijke opgave*) a slide with every goal: its id, short name,
   status, latest figure and target; then a slide with the charts of the (at most)
   :data:`CHARTS_PER_CHALLENGE` goals that changed most since the previous report
   (:func:`changed_most`);
4. the questions for the *informatiemarkt*: one per goal that is not on track, not achieved,
   or cannot be judged (:data:`QUESTIONS`);
5. a closing slide.

Everything stays editable: titles sit in the layout's title placeholder (so a screen reader and
PowerPoint's outline find them), text in text frames, tables as PowerPoint tables and the bars
as shapes. The only pictures are the charts (PNG), each with its text alternative as alt text
and in the speaker notes. Text is at least :data:`BODY` (18 pt) and marked as Dutch (English
with ``--lang en``). With illustrative figures, every slide says so at its foot.

The charts sit on a slide of their own, right after the challenge's table: beside a table of
six goals in 18 pt there is no room for a chart that can be read from the back of the room. The
money has a slide of its own for the same reason: below a table of six goals there is no room
left for another line in 18 pt, and one slide of all challenges lets the council compare them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Length, Pt

import koers
from koers.domain.changes import Trend
from koers.domain.formatting import format_date, format_value
from koers.domain.status import WORST_FIRST, Status
from koers.domain.vocabulary import every
from koers.i18n import N_, _
from koers.reports import charts
from koers.reports.model import ChallengeSection, GoalSection, Report
from koers.reports.status_styles import BADGE_COLOURS

T = TypeVar("T")

#: 16:9, as PowerPoint's own widescreen slides.
SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12_192_000), Emu(6_858_000)
MARGIN: Final = Inches(0.5)
CONTENT_WIDTH: Final = Emu(SLIDE_WIDTH - 2 * MARGIN)
#: Where the body starts (below the title) and ends (above the illustrative label).
BODY_TOP, BODY_BOTTOM = Inches(1.3), Inches(6.85)
FONT: Final = "Arial"
TITLE, LARGE, BODY = Pt(30), Pt(24), Pt(18)
#: Roughly how wide a character of Arial is on average, as a share of the font size, and the
#: height of a line: to guess how many rows of a table fit on a slide (a row grows with its
#: text, so a table that does not fit would run off the slide).
CHARACTER_WIDTH, LINE_HEIGHT = 0.48, 1.2
CELL_MARGIN_X, CELL_MARGIN_Y = Inches(0.08), Inches(0.04)
DARK: Final = RGBColor.from_string("1F1F1F")
WARNING: Final = RGBColor.from_string("9B1C1C")  # the 'niet op koers' red: 7:1 on white
#: The language of the text, as PowerPoint marks it, per language of the report.
LANGUAGES: Final = {"nl": MSO_LANGUAGE_ID.DUTCH, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
LANGUAGE_TAGS: Final = {"nl": "nl-NL", "en": "en-GB"}
#: The layouts of python-pptx's default template that the slides use.
TITLE_LAYOUT, TITLE_ONLY_LAYOUT = 0, 5

#: The columns of a challenge's table of goals: goal, status, latest figure, target.
TABLE_COLUMNS: Final = (Inches(5.0), Inches(1.75), Inches(2.75), Inches(2.83))

#: The space below each challenge on the money slide.
MONEY_SPACE: Final = Pt(12)

CHARTS_PER_CHALLENGE: Final = 2
#: Which goals' charts come first: a status that changed since the previous report, worse first.
CHANGED_FIRST: Final = (Trend.WORSE, Trend.BETTER, Trend.NEW, Trend.SAME)
#: Questions per slide: what fits in 18 pt.
QUESTIONS_PER_SLIDE: Final = 6

#: The question the informatiemarkt asks about a goal with this status, in plain Dutch (B1);
#: None: the goal raises no question of its own.
QUESTIONS: Final = every(
    Status,
    {
        Status.ACHIEVED: None,
        Status.ON_TRACK: None,
        Status.AT_RISK: None,
        Status.OFF_TRACK: N_("Waarom ligt dit doel niet op koers, en wat is er nodig?"),
        Status.NOT_ACHIEVED: N_("Waarom is dit doel niet gehaald, en wat leren we daarvan?"),
        Status.NO_BASELINE: N_("Er is geen nulmeting. Hoe kunnen we dit doel toch volgen?"),
        Status.BASELINE_PENDING: N_("Wanneer is de nulmeting er, zodat we dit doel kunnen volgen?"),
        Status.NO_TARGET: N_("Welke streefwaarde hoort bij dit doel, en voor welk jaar?"),
        Status.NO_DATA: N_("Waarom zijn er geen nieuwe cijfers, en wanneer komen ze?"),
        Status.NOT_YET_MEASURABLE: N_("Er is nog geen nieuwe meting. Hoe weten we tot die tijd of het goed gaat?"),
    },
)


def write_pptx(report: Report, path: Path) -> None:
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    deck.core_properties.title = report.title
    deck.core_properties.subject = report.plan.title
    deck.core_properties.language = LANGUAGE_TAGS[report.lang]
    slides = _Slides(deck, report)
    _title_slide(slides, report)
    _overview(slides, report)
    _money(slides, report)
    for section in report.challenges:
        _challenge(slides, section, report)
        _charts(slides, section, report)
    _questions(slides, report)
    _closing(slides, report)
    deck.save(str(path))


def changed_most(section: ChallengeSection, count: int = CHARTS_PER_CHALLENGE) -> list[GoalSection]:
    """The goals whose chart the challenge shows: those that changed most, at most ``count``.

    First the goals whose status changed since the previous report (the report's changes, as
    each goal's ``trend``): worse first, then better, then judged for the first time. Then the
    others by how far the latest figure has moved from the baseline, as a share of the whole
    planned change (``progress``, in either direction: going the wrong way counts as much as
    going the right way; the report holds no earlier progress to compare with). Goals without
    that share (no baseline or figure yet, or a target that is a bound) come last, the worst
    status first; on a tie, the plan's order. Goals without figures are left out.
    """

    def order(goal: GoalSection) -> tuple[int, bool, float, int]:
        progress = goal.assessment.progress
        moved = -abs(progress) if progress is not None else 0.0
        return CHANGED_FIRST.index(goal.trend), progress is None, moved, WORST_FIRST.index(goal.assessment.status)

    return [goal for goal in sorted(section.goals, key=order) if goal.measurements][:count]


# -- the slides -------------------------------------------------------------------------------


class _Slides:
    """Adds slides to the deck, each with its title and, with illustrative figures, the label."""

    def __init__(self, deck: Any, report: Report) -> None:
        self.deck, self.report, self.lang = deck, report, report.lang

    def add(self, title: str, *, layout: int = TITLE_ONLY_LAYOUT) -> Any:
        slide = self.deck.slides.add_slide(self.deck.slide_layouts[layout])
        heading = slide.shapes.title
        heading.left, heading.top, heading.width, heading.height = MARGIN, Inches(0.3), CONTENT_WIDTH, Inches(0.85)
        frame = heading.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        _runs(frame.paragraphs[0], [(title, True)], TITLE, self.lang)
        frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        if self.report.illustrative:
            label = _text_box(slide, MARGIN, Inches(6.95), CONTENT_WIDTH, Inches(0.4))
            paragraph = label.text_frame.paragraphs[0]
            _runs(paragraph, [(_("ILLUSTRATIEVE CIJFERS: geen echte metingen.", self.lang), True)], BODY, self.lang)
            paragraph.runs[0].font.color.rgb = WARNING
        return slide

    def notes(self, slide: Any, lines: Iterable[str]) -> None:
        slide.notes_slide.notes_text_frame.text = "\n".join(lines)


def _title_slide(slides: _Slides, report: Report) -> None:
    lang, plan = report.lang, report.plan
    slide = slides.add(plan.title, layout=TITLE_LAYOUT)
    heading = slide.shapes.title
    heading.top, heading.height = Inches(1.6), Inches(1.5)
    heading.text_frame.paragraphs[0].runs[0].font.size = Pt(40)
    subtitle = slide.placeholders[1]
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = MARGIN, Inches(3.3), CONTENT_WIDTH, Inches(2.6)
    lines = [
        _("Gemeente {municipality}", lang, municipality=plan.municipality.name),
        report.title,
        f"{report.status_label} · {format_date(report.made_on, lang)}",
    ]
    _paragraphs(subtitle.text_frame, [[(line, False)] for line in lines], LARGE, lang)
    for paragraph in subtitle.text_frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT


def _overview(slides: _Slides, report: Report) -> None:
    """The roll-up of every goal: a bar per status that has goals, with its count."""
    lang = report.lang
    slide = slides.add(_("Het totaalbeeld", lang))
    summary = _text_box(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, Inches(0.9))
    _paragraphs(summary.text_frame, [[(report.rollup.summary(lang), False)]], LARGE, lang)
    counts = [(status, n) for status, n in report.rollup.counts.items() if n]
    if not counts:
        return
    top, label_width, bar_left = Inches(2.5), Inches(3.4), MARGIN + Inches(3.6)
    row = min(Inches(0.6), Emu((BODY_BOTTOM - top) // len(counts)))
    longest = Emu(SLIDE_WIDTH - MARGIN - bar_left - Inches(1.0))  # room for the count
    most = max(n for _status, n in counts)
    for index, (status, n) in enumerate(counts):
        y = Emu(top + index * row)
        label = status.label(lang)
        named = _text_box(slide, MARGIN, y, label_width, row, [(label[:1].upper() + label[1:], False)], lang)
        width = Emu(max(int(longest * n / most), int(Inches(0.1))))
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, bar_left, Emu(y + row // 6), width, Emu(row * 2 // 3))
        colours = BADGE_COLOURS[status]
        bar.fill.solid()
        bar.fill.fore_color.rgb = RGBColor.from_string(colours.background.lstrip("#"))
        bar.line.color.rgb = RGBColor.from_string(colours.border.lstrip("#"))
        bar.line.width = Pt(2)
        if not status.judged:  # as on the badges: a second cue that survives a grey print
            bar.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        bar.shadow.inherit = False
        bar.name = f"{label}: {n}"
        counted = _text_box(slide, Emu(bar_left + width + Inches(0.15)), y, Inches(0.9), row, [(str(n), True)], lang)
        for box in (named, counted):  # level with the bar
            box.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    slides.notes(slide, [report.rollup.summary(lang)])


def _money(slides: _Slides, report: Report) -> None:
    """Besteed against begroot per challenge, in its latest year with the amounts, as the report
    says it: the challenge's name in bold, its sentence below. On as many slides as the text
    needs (measured as a table's rows are), none without amounts."""
    lang = report.lang
    said = [(c.challenge.name, c.money.sentence(lang)) for c in report.challenges if c.money and c.money.years]
    if not said:
        return
    title = _("Besteed en begroot", lang)
    pages = list(_fitting(said, Emu(BODY_BOTTOM - BODY_TOP - 2 * CELL_MARGIN_Y), _money_height))
    for page, items in enumerate(pages, start=1):
        slide = slides.add(title if len(pages) == 1 else f"{title} ({page}/{len(pages)})")
        box = _text_box(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, Emu(BODY_BOTTOM - BODY_TOP))
        frame = box.text_frame  # a cell's margins, so that _lines measures it as it is
        frame.margin_left = frame.margin_right = CELL_MARGIN_X
        frame.margin_top = frame.margin_bottom = CELL_MARGIN_Y
        _paragraphs(frame, [[(text, index == 0)] for item in items for index, text in enumerate(item)], BODY, lang)
        for index, paragraph in enumerate(frame.paragraphs):
            paragraph.space_after = MONEY_SPACE if index % 2 else Pt(0)
        slides.notes(slide, [f"{name}: {sentence}" for name, sentence in items])


def _money_height(item: tuple[str, str]) -> int:
    """How high a challenge's name and sentence are on the money slide, with the space after."""
    lines = sum(_lines(text, CONTENT_WIDTH) for text in item)
    return int(lines * BODY * LINE_HEIGHT + MONEY_SPACE)


def _challenge(slides: _Slides, section: ChallengeSection, report: Report) -> None:
    """Every goal of the challenge: id, short name, status, latest figure, target; on one slide,
    unless the table would run off it (then it goes on, on the next)."""
    lang, name = report.lang, section.challenge.name
    names = (_("Doel", lang), _("Status", lang), _("Laatste waarde", lang), _("Streefwaarde", lang))
    header: list[Runs] = [[(text, True)] for text in names]
    rows: list[tuple[GoalSection, list[Runs]]] = [
        (
            g,
            [
                [(f"{g.goal.id} ", True), (short_name(g), False)],
                [(_status(g, lang), False)],
                [(_latest(g, lang), False)],
                [(_aim(g, lang), False)],
            ],
        )
        for g in section.goals
    ]
    room = Emu(BODY_BOTTOM - BODY_TOP - _row_height(header))
    for page, shown in enumerate(_fitting(rows, room, lambda row: _row_height(row[1]))):
        slide = slides.add(name if page == 0 else _("{challenge} (vervolg)", lang, challenge=name))
        table = _table(slide, BODY_TOP, header, [cells for _goal, cells in shown], lang)
        for row, (goal, _cells) in enumerate(shown, start=1):
            colours = BADGE_COLOURS[goal.assessment.status]
            cell = table.cell(row, 1)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(colours.background.lstrip("#"))
            for run in cell.text_frame.paragraphs[0].runs:
                run.font.color.rgb = RGBColor.from_string(colours.text.lstrip("#"))
        notes = [f"{g.goal.id}: {g.goal.statement} {g.assessment.message(lang)}" for g, _cells in shown]
        slides.notes(slide, [section.rollup.summary(lang), *notes])


def _charts(slides: _Slides, section: ChallengeSection, report: Report) -> None:
    """The charts of the goals that changed most (:func:`changed_most`), side by side, each with
    its text alternative as alt text and in the notes; below each, the goal, its status (and
    which way it went since the previous report) and why."""
    lang, names = report.lang, report.area_names
    shown = []
    for goal in changed_most(section, len(section.goals)):
        spec = charts.goal_chart(
            goal.goal, goal.assessment, goal.measurements, lang=lang, illustrative=report.illustrative, names=names
        )
        if spec is not None:
            shown.append((goal, spec))
        if len(shown) == CHARTS_PER_CHALLENGE:
            break
    if not shown:
        return
    slide = slides.add(_("{challenge}: grootste veranderingen", lang, challenge=section.challenge.name))
    gap = Inches(0.33)
    width = Emu((CONTENT_WIDTH - gap * (CHARTS_PER_CHALLENGE - 1)) // CHARTS_PER_CHALLENGE)
    notes = []
    for index, (goal, spec) in enumerate(shown):
        left = Emu(MARGIN + index * (width + gap))
        text = charts.text_alternative(goal.goal, goal.assessment, goal.measurements, lang, names=names)
        picture = slide.shapes.add_picture(io.BytesIO(charts.render_png(spec, lang)), left, BODY_TOP, width=width)
        picture._element.nvPicPr.cNvPr.set("descr", text)  # the alt text a screen reader reads
        picture.name = goal.goal.id
        top = Emu(BODY_TOP + picture.height + Inches(0.15))
        caption = _text_box(slide, left, top, width, Emu(BODY_BOTTOM - top))
        status = _status(goal, lang)
        status = status[:1].upper() + status[1:] + (f" ({goal.trend.label(lang)})" if goal.trend != Trend.SAME else "")
        name, reason = f"{goal.goal.id} {short_name(goal)}", goal.assessment.message(lang)
        why = [(status + ". ", True)]
        if (_lines(name, width) + _lines(f"{status}. {reason}", width)) * BODY * LINE_HEIGHT <= caption.height:
            why.append((reason, False))  # else it is too long to read out here: the notes have it
        _paragraphs(caption.text_frame, [[(name, True)], why], BODY, lang)
        notes.append(f"{goal.goal.id}: {text} {reason}")
    slides.notes(slide, notes)


def _questions(slides: _Slides, report: Report) -> None:
    """A question per goal that is not on track, not achieved or cannot be judged."""
    lang = report.lang
    asked = [(g, question) for g in report.goals if (question := QUESTIONS[g.assessment.status]) is not None]
    title = _("Vragen voor de informatiemarkt", lang)
    if not asked:
        slide = slides.add(title)
        none = _("Er zijn geen open vragen: elk doel is te beoordelen, en geen doel ligt uit koers.", lang)
        _text_box(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, Inches(1.0), [(none, False)], lang)
        return
    pages = list(_pages(asked, QUESTIONS_PER_SLIDE))
    for page, items in enumerate(pages, start=1):
        shown = title if len(pages) == 1 else f"{title} ({page}/{len(pages)})"
        slide = slides.add(shown)
        box = _text_box(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, Emu(BODY_BOTTOM - BODY_TOP))
        paragraphs = []
        for goal, question in items:
            paragraphs += [[(f"{goal.goal.id} {short_name(goal)}", True)], [(_(question, lang), False)]]
        _paragraphs(box.text_frame, paragraphs, BODY, lang)
        for index, paragraph in enumerate(box.text_frame.paragraphs):
            paragraph.space_after = Pt(12) if index % 2 else Pt(0)
        slides.notes(slide, [f"{g.goal.id}: {g.assessment.message(lang)}" for g, _question in items])


def _closing(slides: _Slides, report: Report) -> None:
    lang = report.lang
    slide = slides.add(_("Dank voor uw aandacht", lang))
    lines = [
        [(report.title, True)],
        [(_("Alle cijfers, grafieken en toelichtingen staan in de rapportage.", lang), False)],
        [(_("Gemaakt met koers %(version)s", lang) % {"version": koers.__version__}, False)],
    ]
    box = _text_box(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, Inches(2.5))
    _paragraphs(box.text_frame, lines, LARGE, lang)


# -- the texts of a goal ----------------------------------------------------------------------


def short_name(goal: GoalSection) -> str:
    """The goal's name on a slide: its title, else its indicator, else its statement."""
    g = goal.goal
    return g.title or (g.indicator.name if g.indicator else None) or g.statement


def _status(goal: GoalSection, lang: str) -> str:
    a = goal.assessment
    return a.status.label(lang) + (f" ({_('handmatig', lang)})" if a.override else "")


def _latest(goal: GoalSection, lang: str) -> str:
    a = goal.assessment
    if a.latest is None:
        return "–"
    shown = f"{format_value(a.latest.value, goal.goal.unit, lang)} ({a.latest.period.label(lang)})"
    return shown + (f" {_('verouderd', lang)}" if a.stale else "")


def _aim(goal: GoalSection, lang: str) -> str:
    a = goal.assessment
    return f"{goal.aim_text(lang)} ({a.aim_period.label(lang)})" if a.aim and a.aim_period else "–"


# -- the pieces -------------------------------------------------------------------------------


Runs = Sequence[tuple[str, bool]]  # (text, bold)


def _runs(paragraph: Any, runs: Runs, size: Length, lang: str) -> None:
    """``runs`` at the end of ``paragraph``, in koers's font and ``size``, marked as ``lang``."""
    for text, bold in runs:
        run = paragraph.add_run()
        run.text = text
        font = run.font
        font.name, font.size, font.bold = FONT, size, bold
        font.color.rgb = DARK
        font.language_id = LANGUAGES[lang]


def _paragraphs(frame: Any, paragraphs: Sequence[Runs], size: Length, lang: str) -> None:
    """Fill ``frame``'s text with ``paragraphs`` (the first goes in its empty first paragraph)."""
    frame.word_wrap = True
    for index, runs in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _runs(paragraph, runs, size, lang)


def _text_box(
    slide: Any, left: Length, top: Length, width: Length, height: Length, runs: Runs = (), lang: str = "nl"
) -> Any:
    box = slide.shapes.add_textbox(left, top, width, height)
    box.text_frame.word_wrap = True
    if runs:
        _runs(box.text_frame.paragraphs[0], runs, BODY, lang)
    return box


def _table(slide: Any, top: Length, header: list[Runs], rows: list[list[Runs]], lang: str) -> Any:
    """A PowerPoint table of :data:`TABLE_COLUMNS` (text in its cells, the header row marked as
    such) in PowerPoint's default style; its rows grow with their text."""
    height = sum(_row_height(cells) for cells in [header, *rows])
    shape = slide.shapes.add_table(len(rows) + 1, len(header), MARGIN, top, sum(TABLE_COLUMNS), height)
    table = shape.table
    table.first_row = True
    for index, width in enumerate(TABLE_COLUMNS):
        table.columns[index].width = width
    for r, cells in enumerate([header, *rows]):
        table.rows[r].height = _row_height(cells)
        for c, runs in enumerate(cells):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = CELL_MARGIN_X
            cell.margin_top = cell.margin_bottom = CELL_MARGIN_Y
            cell.text_frame.word_wrap = True
            _runs(cell.text_frame.paragraphs[0], runs, BODY, lang)
            if r == 0:
                cell.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    return table


def _row_height(cells: Sequence[Runs]) -> Emu:
    """About how high a row of :data:`TABLE_COLUMNS` is with these texts at :data:`BODY`."""
    lines = max(
        _lines("".join(text for text, _bold in runs), width) for runs, width in zip(cells, TABLE_COLUMNS, strict=True)
    )
    return Emu(int(lines * BODY * LINE_HEIGHT) + 2 * CELL_MARGIN_Y)


def _lines(text: str, width: Length) -> int:
    """How many lines ``text`` takes in a cell ``width`` wide, wrapped at spaces (a guess)."""
    per_line = max(int((width - 2 * CELL_MARGIN_X) / (BODY * CHARACTER_WIDTH)), 1)
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines


def _fitting(rows: Sequence[T], room: Length, height_of: Callable[[T], int]) -> Iterator[list[T]]:
    """The rows in slices whose height fits in ``room`` (each slice has at least one row)."""
    page: list[T] = []
    used = 0
    for row in rows:
        height = height_of(row)
        if page and used + height > room:
            yield page
            page, used = [], 0
        page.append(row)
        used += height
    yield page


def _pages(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most ``size`` (one empty slice when there are none)."""
    yield from (items[start : start + size] for start in range(0, max(len(items), 1), size))
