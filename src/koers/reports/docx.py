# SPDX-License-Identifier: EUPL-1.2
"""The report as a Word document, ready to paste into planning-and-control documents.

The same sections, in the same order and words, as the HTML/PDF report
(templates/report.html.j2): cover, contents, reading guide, summary, what changed since the
previous report, each challenge at a glance, each challenge with its goals and BBV indicators,
and the annexes (method, sources, SMART findings). Laid out as a Dutch council
document: A4 with its margins, the text marked as Dutch (English with ``--lang en``) so that
spelling and hyphenation work, a running header with the municipality and the plan (and
ILLUSTRATIEF when the figures are), page numbers in the footer, a table of contents that Word
fills in, table header rows that repeat on every page, and every chart with its text
alternative (as the picture's alt text and as a caption).

Texts shared with the HTML report are its own catalogue ids; those use Jinja's ``%(name)s``
placeholders, filled here by :func:`_jinja`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import unescape
from pathlib import Path
from typing import Any, Final, cast

import nh3
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

from koers import __version__
from koers.domain.advice import tally
from koers.domain.comparison import Comparison
from koers.domain.formatting import (
    estimate,
    format_date,
    format_euro,
    format_figure,
    format_number,
    format_value,
    rounded,
)
from koers.i18n import N_, _, ngettext, pgettext
from koers.reports.actions import action_facts
from koers.reports.advice import Answered, answered, by_advice
from koers.reports.advice import illustrative as advice_illustrative
from koers.reports.comparison import TITLE, table_rows
from koers.reports.markdown import to_html
from koers.reports.model import ChallengeSection, GoalSection, Report

#: The language of the text, as Word names it (w:lang), per language of the report.
LANGUAGE_TAGS: Final = {"nl": "nl-NL", "en": "en-GB"}
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(210), Mm(297), Cm(2.5)  # A4
TEXT_WIDTH: Final = Cm(16)  # the page less its margins: a chart's width
#: Word's table of contents: headings 1-2, as links, without page numbers on the web view.
TOC_FIELD: Final = 'TOC \\o "1-2" \\h \\z \\u'
FONT: Final = "Arial"


def new_document(report: Report, title: str) -> DocxDocument:
    """An empty A4 Word document in the report's language, font and running header: the start of
    the monitoring report and of the P&C paragraph (koers.reports.pc) alike."""
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.subject = report.plan.title
    doc.core_properties.language = LANGUAGE_TAGS[report.lang]
    _page(doc, report, title)
    _styles(doc, report.lang)
    return doc


def write_docx(report: Report, path: Path) -> None:
    doc = new_document(report, report.title)
    _cover(doc, report)
    _contents(doc, report)
    _reading_guide(doc, report)
    _summary(doc, report)
    _changes(doc, report)
    _at_a_glance(doc, report)
    for section in report.challenges:
        _challenge(doc, section, report)
    _comparison(doc, report)
    _method(doc, report)
    _sources(doc, report)
    _findings(doc, report)
    if report.advice:
        _advice(doc, report)
    _colophon(doc, report)
    doc.save(str(path))


def fill(text: str, **values: Any) -> str:
    """A text of report.html.j2, already translated, with its ``%(name)s`` placeholders filled."""
    return text % values


# -- the page and the styles ------------------------------------------------------------------


def _page(doc: DocxDocument, report: Report, title: str) -> None:
    """A4, the margins, and the running header and footer on every page."""
    lang, section = report.lang, doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(1.25)
    running = [report.plan.municipality.name, report.plan.title, report.period.label(lang)]
    if report.illustrative:
        running.append(_("ILLUSTRATIEF", lang))
    section.header.paragraphs[0].text = " · ".join(running)
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{title} · ")
    page = _("Pagina {page} van {pages}", lang, page="\0PAGE\0", pages="\0NUMPAGES\0")
    for index, part in enumerate(page.split("\0")):
        if index % 2:
            _field(footer, part, "1")
        elif part:
            footer.add_run(part)


def _styles(doc: DocxDocument, lang: str) -> None:
    """The text in ``lang`` (w:lang on the document's defaults and the body style), Arial, and
    each chapter on a new page; Word updates the table of contents when it opens the file."""
    tag = LANGUAGE_TAGS[lang]
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        run = defaults.find(qn("w:rPrDefault"))
        properties = run.find(qn("w:rPr")) if run is not None else None
        if properties is not None:
            _set_lang(properties, tag)
    normal = cast(ParagraphStyle, doc.styles["Normal"])  # python-docx types a lookup as any kind of style
    normal.font.name = FONT
    normal.font.size = Pt(10)
    _set_lang(normal.element.get_or_add_rPr(), tag)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "TOC Heading", "Caption"):
        cast(ParagraphStyle, doc.styles[name]).font.name = FONT
    for name in ("Heading 1", "TOC Heading"):
        cast(ParagraphStyle, doc.styles[name]).paragraph_format.page_break_before = True
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    compat = settings.find(qn("w:compat"))  # the schema puts updateFields before compat
    if compat is not None:
        compat.addprevious(update)
    else:
        settings.append(update)
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)


def _set_lang(properties: Any, tag: str) -> None:
    found = properties.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        properties.append(found)
    found.set(qn("w:val"), tag)


# -- the sections -----------------------------------------------------------------------------


def _cover(doc: DocxDocument, report: Report) -> None:
    lang, plan = report.lang, report.plan
    doc.add_paragraph(_("Gemeente {municipality}", lang, municipality=plan.municipality.name))
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(plan.title + (f" – {plan.subtitle}" if plan.subtitle else ""), style="Subtitle")
    period = (
        f"{report.period.label(lang)} ({fill(_('stand per %(date)s', lang), date=format_date(report.as_of, lang))})"
    )
    if report.ended:
        period += ". " + _("Het plan is afgelopen: dit is de eindstand.", lang)
    add_fact(doc, _("Periode", lang), period)
    add_fact(doc, _("Datum", lang), format_date(report.made_on, lang))
    add_fact(doc, _("Status", lang), report.status_label)
    version = fill(_("versie %(version)s", lang), version=report.plan_version)
    add_fact(doc, _("Plan", lang), f"{report.plan_key}, {version}{adoption_note(report)}")
    if report.illustrative:
        warning = doc.add_paragraph()
        warning.add_run(_("Illustratieve cijfers.", lang)).bold = True
        warning.add_run(
            " "
            + _(
                "Deze rapportage bevat cijfers die koers heeft verzonnen om te laten zien hoe een rapportage "
                "eruitziet. Het zijn geen echte metingen.",
                lang,
            )
        )


def _contents(doc: DocxDocument, report: Report) -> None:
    """A table of contents that Word fills in (with page numbers) when it opens the document;
    until then it lists the chapters, with a note on how to update it."""
    lang = report.lang
    doc.add_paragraph(_("Inhoud", lang), style="TOC Heading")
    chapters = [
        _("Leeswijzer", lang),
        _("Samenvatting", lang),
        _("Wat is er veranderd sinds de vorige rapportage", lang),
        _("Per opgave in één oogopslag", lang),
        *(c.challenge.name for c in report.challenges),
        *([_(TITLE, lang)] if _comparisons(report) else []),
        *_annexes(lang),
        *([_(ADVICE_ANNEX, lang)] if report.advice else []),
    ]
    first = doc.add_paragraph()
    _field_start(first, TOC_FIELD, dirty=True)
    first.add_run(chapters[0])
    for chapter in chapters[1:]:
        doc.add_paragraph(chapter)
    note = doc.add_paragraph()
    note.add_run(
        _(
            "Word vult deze inhoudsopgave met paginanummers bij het openen van het document. Gebeurt dat niet, "
            "klik dan in de inhoudsopgave en kies F9 (Veld bijwerken).",
            lang,
        )
    ).italic = True
    _field_char(note, "end")


def _annexes(lang: str) -> list[str]:
    return [
        _("Bijlage: zo beoordelen we de voortgang", lang),
        _("Bijlage: bronnen", lang),
        _("Bijlage: aandachtspunten meetbaarheid", lang),
    ]


def _reading_guide(doc: DocxDocument, report: Report) -> None:
    """What the plan is about, its key figures, and how to read the report."""
    lang, plan = report.lang, report.plan
    doc.add_heading(_("Leeswijzer", lang), level=1)
    if plan.mission:
        add_fact(doc, _("Missie", lang), plan.mission)
    for unit, total, year, reference in report.key_figures:
        add_fact(doc, unit.capitalize(), f"{format_number(total, lang)} ({f'{reference} ' if reference else ''}{year})")
    doc.add_paragraph(
        fill(
            _(
                "Het plan heeft %(goals)s doelen, verdeeld over %(challenges)s maatschappelijke opgaven. Per doel "
                "staat hier hoe het ervoor staat op %(date)s (de peildatum): de laatste meting, de streefwaarde en "
                "een status met de reden. Daarna volgt per opgave elk doel met een grafiek en een toelichting. "
                "Achterin staat hoe koers de voortgang beoordeelt.",
                lang,
            ),
            goals=len(report.goals),
            challenges=len(report.challenges),
            date=format_date(report.as_of, lang),
        )
    )
    doc.add_paragraph(
        _(
            "Een status zegt hoe een doel ervoor staat, niet waarom. Het waarom staat in de toelichting bij elk doel.",
            lang,
        )
    )


def _summary(doc: DocxDocument, report: Report) -> None:
    lang = report.lang
    doc.add_heading(_("Samenvatting", lang), level=1)
    doc.add_paragraph(report.rollup.summary(lang))
    counts = [[s.label(lang), str(n)] for s, n in report.rollup.counts.items() if n]
    header = [_("Status", lang), _("Doelen", lang)]
    add_table(doc, pgettext("rapport", "Aantal doelen per status", lang), header, counts, numeric=(1,))
    rows = []
    for c in report.challenges:
        for g in c.goals:
            a, unit = g.assessment, g.goal.unit
            latest = "–"
            if a.latest is not None:
                latest = f"{format_value(a.latest.value, unit, lang)} ({a.latest.period.label(lang)})"
                latest += f" {_('verouderd', lang)}" if a.stale else ""
            aim = f"{g.aim_text(lang)} ({a.aim_period.label(lang)})" if a.aim and a.aim_period else "–"
            forecast = format_value(estimate(a.forecast.value, unit), unit, lang) if a.forecast else "–"
            status = a.status.label(lang) + (" *" if a.override else "")
            rows.append([g.goal.id, c.challenge.name, status, latest, aim, forecast])
    header = [
        _("Doel", lang),
        _("Opgave", lang),
        _("Status", lang),
        _("Laatste waarde", lang),
        _("Streefwaarde", lang),
        _("Prognose", lang),
    ]
    add_table(doc, _("Alle doelen", lang), header, rows, numeric=(3, 4))
    if any(g.assessment.override for g in report.goals):
        doc.add_paragraph("* " + _("Status handmatig vastgesteld, met onderbouwing; zie het doel.", lang))


def _changes(doc: DocxDocument, report: Report) -> None:
    """What changed since the previous report: statuses, new figures, revised figures."""
    lang, changes = report.lang, report.changes
    doc.add_heading(_("Wat is er veranderd sinds de vorige rapportage", lang), level=1)
    if changes is None:
        return
    since = format_date(changes.since, lang)
    doc.add_paragraph(fill(_("De vorige rapportage ging over de stand op %(since)s. Sindsdien:", lang), since=since))
    if changes.statuses:
        count = len(changes.statuses)
        caption = fill(
            ngettext("%(num)s doel met een andere status", "%(num)s doelen met een andere status", count, lang),
            num=count,
        )
        rows = [
            [c.goal, c.before.label(lang), c.after.label(lang), f"{c.trend.mark} {c.trend.label(lang)}"]
            for c in changes.statuses
        ]
        header = [_("Doel", lang), _("Was", lang), _("Is nu", lang), _("Richting", lang)]
        add_table(doc, caption, header, rows)
    else:
        doc.add_paragraph(_("Geen enkel doel heeft een andere status gekregen.", lang))
    new, revised = changes.new_figures, changes.revisions
    line = fill(ngettext("%(num)s nieuwe meting", "%(num)s nieuwe metingen", len(new), lang), num=len(new))
    if new:
        line += ": " + ", ".join(dict.fromkeys(m.subject for m in new))
    doc.add_paragraph(line + ".", style="List Bullet")
    line = fill(ngettext("%(num)s herzien cijfer", "%(num)s herziene cijfers", len(revised), lang), num=len(revised))
    if revised:
        line += ": " + ", ".join(f"{m.subject} ({m.period.label(lang)})" for m in revised)
    doc.add_paragraph(line + ".", style="List Bullet")


def _at_a_glance(doc: DocxDocument, report: Report) -> None:
    """Each challenge on a few lines: budget, portfolio holder, state, and each goal's status,
    its direction since the previous report and what counts."""
    lang = report.lang
    doc.add_heading(_("Per opgave in één oogopslag", lang), level=1)
    for section in report.challenges:
        c = section.challenge
        doc.add_heading(c.name, level=2)
        parts = []
        if c.budget:
            basis = f" ({c.budget.basis})" if c.budget.basis else ""
            parts.append(f"{_('Budget', lang)}: {format_euro(c.budget.amount, lang)}{basis}.")
        if c.portfolio_holder:
            parts.append(f"{_('Portefeuillehouder', lang)}: {c.portfolio_holder}.")
        doc.add_paragraph(" ".join([*parts, section.rollup.summary(lang)]))
        rows = []
        for g in section.goals:
            a = g.assessment
            name = g.goal.title or (g.goal.indicator.name if g.goal.indicator else "")
            status = a.status.label(lang) + (f" ({_('verouderd', lang)})" if a.stale else "")
            trend = f"{g.trend.mark} {g.trend.label(lang)}"
            rows.append([f"{g.goal.id} {name}".strip(), status, trend, _shorten(a.reason.text(lang))])
        header = [_("Doel", lang), _("Status", lang), _("Sinds de vorige keer", lang), _("Wat telt", lang)]
        add_table(doc, fill(_("Doelen van %(challenge)s", lang), challenge=c.name), header, rows)


def add_money(doc: DocxDocument, section: ChallengeSection, lang: str) -> None:
    """Besteed and begroot per year, as the HTML report's table, and its sentence."""
    money = section.money
    if money is None or not money.years:
        return

    def euro(amount: float | None) -> str:
        return format_euro(amount, lang) if amount is not None else "-"

    rows = [[str(y.year), euro(y.budget), euro(y.revised), euro(y.actual), y.share_text(lang)] for y in money.years]
    header = [
        _("Jaar", lang),
        _("Begroot", lang),
        _("Gewijzigde begroting", lang),
        _("Gerealiseerd", lang),
        _("Besteed", lang),
    ]
    caption = fill(_("Besteed en begroot: %(challenge)s", lang), challenge=section.challenge.name)
    add_table(doc, caption, header, rows, numeric=(1, 2, 3, 4))
    doc.add_paragraph(money.sentence(lang))


def _shorten(text: str, length: int = 160) -> str:
    """At most about ``length`` characters, cut at a word, as the HTML's ``truncate`` filter."""
    if len(text) <= length + 5:
        return text
    return text[: length - 3].rsplit(" ", 1)[0] + "..."


def _challenge(doc: DocxDocument, section: ChallengeSection, report: Report) -> None:
    lang, c = report.lang, section.challenge
    doc.add_heading(c.name, level=1)
    if c.aim:
        doc.add_paragraph(c.aim).runs[0].bold = True
    if c.description:
        doc.add_paragraph(c.description)
    if c.budget:
        add_fact(
            doc,
            _("Budget", lang),
            format_euro(c.budget.amount, lang) + (f" ({c.budget.basis})" if c.budget.basis else ""),
        )
    if section.policy_areas:
        areas = "; ".join(a.name + (f" ({', '.join(a.laws)})" if a.laws else "") for a in section.policy_areas)
        add_fact(doc, _("Beleidsterreinen", lang), areas)
    add_fact(doc, _("Stand", lang), section.rollup.summary(lang))
    add_money(doc, section, lang)
    for goal in section.goals:
        _goal(doc, goal, report)
    if section.bbv:
        rows = [
            [
                b.name,
                b.unit,
                b.source,
                b.taakveld,
                f"{format_figure(m, None, lang)} ({m.period.label(lang)})"
                if m
                else pgettext("rapport", "nog niet bekend", lang),
            ]
            for b, m in section.bbv
        ]
        header = [
            _("Indicator", lang),
            _("Eenheid", lang),
            _("Bron", lang),
            pgettext("rapport", "Taakveld", lang),
            _("Laatste waarde", lang),
        ]
        caption = fill(_("Verplichte BBV-indicatoren – %(challenge)s", lang), challenge=c.name)
        add_table(doc, caption, header, rows, numeric=(4,))


def _goal(doc: DocxDocument, section: GoalSection, report: Report) -> None:
    lang, goal, a = report.lang, section.goal, section.assessment
    doc.add_heading(goal.id + (f" · {goal.indicator.name}" if goal.indicator else ""), level=2)
    doc.add_paragraph(goal.statement, style="Intense Quote")
    lines = section.targets(report.plan.end_year, lang)
    if lines:
        targets = doc.add_paragraph()
        targets.add_run(ngettext("Streefwaarde", "Streefwaarden", len(lines), lang) + ": ").bold = True
        targets.add_run(
            "; ".join(
                f"{t.words} ({t.period.label(lang)})"
                + (", " + fill(_("in het plan: '%(words)s'", lang), words=t.phrase) if t.phrase else "")
                for t in lines
            )
        )
    verdict = doc.add_paragraph()
    status = a.status.label(lang)
    label = status[:1].upper() + status[1:] + (f" ({_('handmatig', lang)})" if a.override else "")
    label += f" ({_('verouderd', lang)})" if a.stale else ""
    verdict.add_run(label + ". ").bold = True
    verdict.add_run(a.message(lang))
    if section.findings:  # SMART problems on the goal's own page, not only in the annex
        heading = ngettext("Aandachtspunt meetbaarheid", "Aandachtspunten meetbaarheid", len(section.findings), lang)
        doc.add_paragraph(f"{heading}: " + "; ".join(f.title(lang) for f in section.findings) + ".")
    add_chart(doc, section, report)
    _map(doc, section, report)
    note = a.forecast_note(lang)
    if note:
        doc.add_paragraph(note)
    if section.measurements:
        add_figures(doc, section, report)
    heading = doc.add_heading(_("Toelichting", lang), level=3)
    if section.concept:
        heading.add_run(" – " + _("concepttekst, automatisch gemaakt uit de cijfers", lang)).italic = True
    for paragraph in _plain(section.explanation):
        doc.add_paragraph(paragraph)
    if not section.concept and (section.author or section.written_at):
        when = f", {format_date(section.written_at.date(), lang)}" if section.written_at else ""
        doc.add_paragraph((section.author or "") + when).runs[0].italic = True
    _actions(doc, section, lang)
    if section.sources:
        sources = "; ".join(
            s.name
            + (f" ({s.reference})" if s.reference else "")
            + (f", {format_date(s.latest.date(), lang)}" if s.latest else "")
            for s in section.sources
        )
        add_fact(doc, _("Bronnen", lang), sources)
    elif goal.source:
        add_fact(doc, pgettext("rapport", "Meetinstrument", lang), goal.source)


def _actions(doc: DocxDocument, section: GoalSection, lang: str) -> None:
    """What is done about a goal that lags (wat we doen), as in the HTML report."""
    if not section.shows_actions:
        return
    doc.add_heading(_("Wat we doen", lang), level=3)
    for action in section.actions:
        item = doc.add_paragraph(style="List Bullet")
        item.add_run(action.name).bold = True
        item.add_run((f": {action.description}" if action.description else "") + f" ({action_facts(action, lang)})")


def add_figures(doc: DocxDocument, section: GoalSection, report: Report) -> None:
    """The goal's table: the baseline, every measurement, and the targets."""
    lang, goal, a, names = report.lang, section.goal, section.assessment, report.area_names
    plan = _("plan", lang)
    rows: list[list[str]] = []
    if a.baseline:
        base = format_number(rounded(a.baseline.value, goal.unit), lang)  # the caption names the unit
        rows.append([a.baseline.period.label(lang), _("nulmeting", lang), base, "", "", plan])
    for m in sorted(section.measurements, key=lambda m: m.period.sort_key):
        margin = (
            f"{format_number(m.ci_low, lang)} – {format_number(m.ci_high, lang)}"
            if m.ci_low is not None and m.ci_high is not None
            else ""
        )
        rows.append(
            [
                m.period.label(lang),
                names.get(m.area, m.area),
                format_figure(m, goal.unit, lang, in_cell=True),
                margin,
                m.status.label(lang),
                m.source_ref or m.source or "",
            ]
        )
    rows += [
        [t.period.label(lang), _("streefwaarde", lang), t.words, "", "", plan]
        for t in section.targets(report.plan.end_year, lang)
    ]
    caption = fill(_("Metingen %(goal)s", lang), goal=goal.id)
    if goal.unit is not None and goal.unit.label_text(lang):
        caption += f" ({goal.unit.label_text(lang)})"
    header = [
        _("Periode", lang),
        _("Gebied", lang),
        _("Waarde", lang),
        fill(pgettext("rapport", "Marge (95%%)", lang)),
        _("Status", lang),
        _("Bron", lang),
    ]
    add_table(doc, caption, header, rows, numeric=(2, 3))


def add_chart(doc: DocxDocument, section: GoalSection, report: Report) -> None:
    """The goal's chart, with its text alternative as alt text and as the caption below it."""
    from koers.reports import charts

    spec = charts.goal_chart(
        section.goal,
        section.assessment,
        section.measurements,
        lang=report.lang,
        illustrative=report.illustrative,
        names=report.area_names,
    )
    if spec is None:
        return
    text = charts.text_alternative(
        section.goal, section.assessment, section.measurements, report.lang, names=report.area_names
    )
    picture = doc.add_picture(io.BytesIO(charts.render_png(spec, report.lang)), width=TEXT_WIDTH)
    picture._inline.docPr.set("descr", text)  # the alt text a screen reader reads
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.LEFT
    doc.add_paragraph(text, style="Caption")


def _map(doc: DocxDocument, section: GoalSection, report: Report) -> None:
    """The map of a goal judged per wijk, when its wijken have boundaries: as wide as it is drawn
    (read from the PNG), with its text alternative as alt text and caption."""
    from koers.reports import charts, maps

    spec = maps.map_spec(section, report)
    if spec is None:
        return
    png = charts.render_png(spec, report.lang)
    pixels = int.from_bytes(png[16:20], "big") / charts.PNG_SCALE  # the width in the PNG's header
    picture = doc.add_picture(io.BytesIO(png), width=Cm(pixels / 96 * 2.54))
    picture._inline.docPr.set("descr", spec["description"])
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.LEFT
    doc.add_paragraph(spec["description"], style="Caption")


def _comparisons(report: Report) -> tuple[Comparison, ...]:
    return report.comparison.comparisons if report.comparison is not None else ()


def _comparison(doc: DocxDocument, report: Report) -> None:
    """The comparison with other municipalities, as in the HTML report (comparison.html.j2)."""
    if not _comparisons(report):
        return
    lang, section = report.lang, report.comparison
    assert section is not None
    doc.add_heading(_(TITLE, lang), level=1)
    doc.add_paragraph(section.introduction(lang))
    for comparison in section.comparisons:
        doc.add_heading(comparison.subject.name, level=2)
        for sentence in comparison.sentences(lang):
            doc.add_paragraph(sentence, style="List Bullet")
        _comparison_chart(doc, comparison, report)
        _comparison_table(doc, comparison, lang)


def _comparison_chart(doc: DocxDocument, comparison: Comparison, report: Report) -> None:
    """The bar chart, with the sentences as its alt text (the table below holds its figures)."""
    from koers.reports.comparison_charts import comparison_png

    png = comparison_png(comparison, report.lang, illustrative=report.illustrative)
    if png is None:
        return
    picture = doc.add_picture(io.BytesIO(png), width=TEXT_WIDTH)
    picture._inline.docPr.set("descr", " ".join(comparison.sentences(report.lang)))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.LEFT


def _comparison_table(doc: DocxDocument, comparison: Comparison, lang: str) -> None:
    from koers.reports.comparison_charts import figure_text

    rows = [[row.label, figure_text(comparison, row.value, lang)] for row in table_rows(comparison, lang)]
    if comparison.subject.target is not None:
        rows.append([_("Eigen doel", lang), comparison.subject.target_words(lang)])
    caption = comparison.subject.name
    if comparison.period is not None:
        caption += f", {comparison.period.label(lang)}"
    if comparison.subject.unit_label(lang):
        caption += f" ({comparison.subject.unit_label(lang)})"
    add_table(doc, caption, [_("Gebied", lang), _("Waarde", lang)], rows, numeric=(1,))


def _method(doc: DocxDocument, report: Report) -> None:
    lang, thresholds = report.lang, report.plan.assessment
    doc.add_heading(_("Bijlage: zo beoordelen we de voortgang", lang), level=1)
    doc.add_paragraph(
        fill(
            _(
                "Voor elk doel vergelijken we de laatste meting met de weg van de nulmeting naar de streefwaarde. "
                "Is minstens %(on_track)s van de stap gezet die tot nu toe nodig was, dan is het doel op koers. "
                "Bij minstens %(at_risk)s is er risico; daaronder, of als het de verkeerde kant op gaat, is het "
                "doel niet op koers. Bij een grens (maximaal, minimaal) telt of de waarde binnen de grens blijft; "
                "bij 'gelijk blijven' de marge. Doelen per wijk zijn zo goed als de zwakste wijk.",
                lang,
            ),
            on_track=f"{format_number(thresholds.on_track * 100, lang)}%",
            at_risk=f"{format_number(thresholds.at_risk * 100, lang)}%",
        )
    )
    doc.add_paragraph(
        _(
            "Zonder nulmeting, zonder streefwaarde of zonder nieuwe meting zeggen we niet of een doel op koers "
            "ligt, maar waarom dat nog niet kan. De volledige uitleg staat in docs/methodology.md van koers.",
            lang,
        )
    )


def _sources(doc: DocxDocument, report: Report) -> None:
    lang = report.lang
    doc.add_heading(_("Bijlage: bronnen", lang), level=1)
    if not report.sources:
        doc.add_paragraph(_("Er zijn nog geen metingen vastgelegd.", lang))
        return
    rows = [[s.name, s.reference or "", format_date(s.latest.date(), lang) if s.latest else ""] for s in report.sources]
    header = [_("Bron", lang), _("Verwijzing", lang), _("Laatst vastgelegd", lang)]
    add_table(doc, _("Gebruikte bronnen", lang), header, rows)


def _findings(doc: DocxDocument, report: Report) -> None:
    lang = report.lang
    doc.add_heading(_("Bijlage: aandachtspunten meetbaarheid", lang), level=1)
    if not report.findings:
        doc.add_paragraph(pgettext("rapport", "Alle doelen zijn SMART.", lang))
        return
    rows = [[f.goal or f.subject or "–", f.severity.label(lang), f.title(lang)] for f in report.findings]
    header = [_("Doel", lang), _("Ernst", lang), pgettext("rapport", "Aandachtspunt", lang)]
    add_table(doc, _("Uitkomst van de SMART-check", lang), header, rows)
    year = report.plan.evaluation_years[0] if report.plan.evaluation_years else report.plan.end_year or ""
    doc.add_paragraph(
        fill(
            _(
                "Een fout betekent: zo geschreven is het doel niet goed te volgen. Een waarschuwing: het oordeel "
                "wordt zwak of omstreden. De beleidsadviseurs krijgen bij elk punt een advies om het doel meetbaar "
                "te maken; bij de evaluatie in %(year)s kan de raad de doelen zo bijstellen.",
                lang,
            ),
            year=year,
        )
    )


#: The annex with the advice register, as report.html.j2 (its _advice.html.j2) names it.
ADVICE_ANNEX: Final = N_("Bijlage: adviezen en inbreng van inwoners")


def _advice(doc: DocxDocument, report: Report) -> None:
    """The advice register, as the HTML's annex: per advice its points, the response, why and what
    is done; a point's row is never split over two pages."""
    lang = report.lang
    doc.add_heading(_(ADVICE_ANNEX, lang), level=1)
    intro = _(
        "De participatieraad geeft de gemeente gevraagd en ongevraagd advies, en vraagt inwoners wat zij "
        "belangrijk vinden. Hier staat elk advies met de reactie van de gemeente per punt.",
        lang,
    )
    count = ngettext(
        "%(num)s advies, met samen %(summary)s.", "%(num)s adviezen, met samen %(summary)s.", len(report.advice), lang
    )
    summary = tally(report.advice_entries).summary(lang)
    doc.add_paragraph(f"{intro} {fill(count, num=len(report.advice), summary=summary)}")
    if advice_illustrative(report.advice):
        note = doc.add_paragraph()
        note.add_run(_("Illustratief advies.", lang) + " ").bold = True
        note.add_run(
            _(
                "Deze adviezen zijn verzonnen om te laten zien hoe de bijlage eruitziet. Het zijn geen echte adviezen.",
                lang,
            )
        )
    for advice, items in by_advice(answered(report, report.advice_entries)):
        doc.add_heading(advice.subject, level=2)
        facts = [
            advice.kind.label(lang),
            format_date(advice.date, lang),
            fill(_("code %(code)s", lang), code=advice.id),
        ]
        doc.add_paragraph(" · ".join([*facts, *([advice.document] if advice.document else [])]))
        caption = fill(_("Punten van advies %(advice)s en de reactie van de gemeente", lang), advice=advice.id)
        header = [_("Punt", lang), _("Reactie", lang), _("Waarom en wat de gemeente doet", lang)]
        rows = [_advice_row(one, lang) for one in items]
        table = add_table(doc, caption, header, rows)
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _advice_row(one: Answered, lang: str) -> list[str]:
    entry, response = one.entry, one.entry.response
    about = ", ".join([entry.item.kind.label(lang).lower(), *entry.goals])
    point = f"{entry.number}. {entry.item.text} ({about})"
    if response is None:
        return [point, _("Nog geen reactie", lang), "–"]
    done = [text for text in (response.reason, response.follow_up) if text]
    done += [f"{_('Actie', lang)} {a.id}: {a.name} ({action_facts(a, lang)})" for a in one.actions]
    return [point, f"{response.verdict.label(lang)}, {format_date(response.date, lang)}", "\n".join(done) or "–"]


def _colophon(doc: DocxDocument, report: Report) -> None:
    lang = report.lang
    parts = [fill(_("Gemaakt met koers %(version)s", lang), version=__version__), format_date(report.made_on, lang)]
    if report.illustrative:
        parts.append(_("illustratieve cijfers", lang))
    doc.add_paragraph(" · ".join(parts)).runs[0].italic = True


# -- Word's building blocks -------------------------------------------------------------------


def add_fact(doc: DocxDocument, label: str, text: str) -> None:
    """'Budget: € 1.234': a label in bold and its value, as the HTML's definition lists."""
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)


def add_table(
    doc: DocxDocument, caption: str, header: list[str], rows: list[list[str]], numeric: Sequence[int] = ()
) -> Table:
    """A table with its caption above it; the header row repeats on every page it runs onto,
    and the numbers are aligned right."""
    doc.add_paragraph(caption, style="Caption").paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    described = OxmlElement("w:tblCaption")  # the table's name for a screen reader
    described.set(qn("w:val"), caption)
    table._tbl.tblPr.append(described)
    _repeat(table.rows[0])
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
    for row in table.rows:
        for index in numeric:
            row.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return cast(Table, table)


def _repeat(row: _Row) -> None:
    """Word repeats this row at the top of every page the table runs onto (w:tblHeader)."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A field Word fills in (PAGE, NUMPAGES), showing ``shown`` until it does."""
    _field_start(paragraph, instruction)
    paragraph.add_run(shown)
    _field_char(paragraph, "end")


def _field_start(paragraph: Paragraph, instruction: str, dirty: bool = False) -> None:
    """The start of a field: what follows up to its end is shown until Word updates it;
    ``dirty``: Word updates it when it opens the file (a page number it always does)."""
    _field_char(paragraph, "begin", dirty)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    _field_char(paragraph, "separate")


def _field_char(paragraph: Paragraph, kind: str, dirty: bool = False) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    paragraph.add_run()._r.append(char)


def _plain(markdown: str) -> list[str]:
    """Markdown as plain paragraphs (Word gets text, not markup: '&' stays '&')."""
    html = to_html(markdown).replace("</p>", "\n\n").replace("</li>", "\n")
    text = unescape(nh3.clean(html, tags=set()))
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def adoption_note(report: Report) -> str:
    """' (vastgesteld op 24 juni 2027 (raadsbesluit 2027/031))' after the plan's version, when the plan says."""
    adoption = report.plan.adoption
    return f" ({adoption.describe(report.lang)})" if adoption is not None else ""
