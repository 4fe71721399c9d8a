# SPDX-License-Identifier: EUPL-1.2
"""The social-domain paragraph of the begroting or the jaarstukken, as Word.

A municipality's planning-and-control documents (P&C) hold, per programme, the three questions of
the BBV: what do we want to achieve, what do we do for it, what does it cost, followed by the
indicators (the mandatory BBV indicators among them). The plan wants its budget structure to
follow its challenges (seed 004, §5.2), so koers writes that paragraph in the structure of the
plan, one section per challenge, for the controller to paste into the begroting (looking ahead
to a year) or the jaarstukken (looking back on one). Everything in it comes from the report model
(koers.reports.model): the goals and their targets, the actions, the money and the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from docx.document import Document as DocxDocument

from koers.domain.formatting import format_euro, format_figure, format_value
from koers.domain.money import YearMoney
from koers.domain.vocabulary import every
from koers.i18n import N_, _, pgettext
from koers.reports.actions import action_facts
from koers.reports.docx import add_table, new_document
from koers.reports.model import ChallengeSection, GoalSection, Report


class PcKind(StrEnum):
    """Which P&C document the paragraph is for."""

    BUDGET = "begroting"
    ACCOUNTS = "jaarstukken"


@dataclass(frozen=True, slots=True)
class PcWords:
    """The words of one kind of P&C document: its title and the BBV's three questions."""

    title: str
    achieve: str
    do: str
    cost: str


#: The title and the three questions per kind (English: koers.i18n). The begroting asks them
#: ahead ("wat gaan we doen"), the jaarstukken looking back ("wat hebben we gedaan").
WORDS: Final = every(
    PcKind,
    {
        PcKind.BUDGET: PcWords(
            N_("Sociaal domein: paragraaf voor de begroting {year}"),
            N_("Wat willen we bereiken?"),
            N_("Wat gaan we daarvoor doen?"),
            N_("Wat mag het kosten?"),
        ),
        PcKind.ACCOUNTS: PcWords(
            N_("Sociaal domein: paragraaf voor de jaarstukken {year}"),
            N_("Wat wilden we bereiken?"),
            N_("Wat hebben we daarvoor gedaan?"),
            N_("Wat heeft het gekost?"),
        ),
    },
)


def pc_title(kind: PcKind, year: int, lang: str) -> str:
    return _(WORDS[kind].title, lang, year=year)


def write_pc_docx(report: Report, kind: PcKind, path: Path) -> None:
    """The paragraph for the year of ``report``'s period, one section per challenge."""
    lang, year = report.lang, report.period.start.year
    title = pc_title(kind, year, lang)
    doc = new_document(report, title)
    doc.add_heading(title, level=0)
    intro = _(
        "Deze paragraaf volgt de opgaven van het beleidsplan '{plan}' (versie {version}). Per opgave: wat we "
        "willen bereiken, wat we doen, wat het kost en de indicatoren, met de verplichte BBV-indicatoren.",
        lang,
        plan=report.plan.title,
        version=report.plan_version,
    )
    doc.add_paragraph(intro)
    if report.illustrative:
        doc.add_paragraph(_("Illustratieve cijfers: dit zijn geen echte metingen of bedragen.", lang)).runs[
            0
        ].bold = True
    for section in report.challenges:
        _challenge(doc, section, report, kind, year)
    doc.save(str(path))


def _challenge(doc: DocxDocument, section: ChallengeSection, report: Report, kind: PcKind, year: int) -> None:
    lang, words, challenge = report.lang, WORDS[kind], section.challenge
    doc.add_heading(challenge.name, level=1)
    doc.add_heading(_(words.achieve, lang), level=2)
    if challenge.aim:
        doc.add_paragraph(challenge.aim)
    for goal in section.goals:
        _goal(doc, goal, report, kind)
    doc.add_heading(_(words.do, lang), level=2)
    if section.actions:
        for action in section.actions:
            item = doc.add_paragraph(style="List Bullet")
            item.add_run(action.name).bold = True
            item.add_run(f" ({action_facts(action, lang)})")
    else:
        doc.add_paragraph(_("Het plan noemt voor deze opgave nog geen acties.", lang))
    doc.add_heading(_(words.cost, lang), level=2)
    add_money(doc, section, lang, year)
    _indicators(doc, section, report)


def _goal(doc: DocxDocument, section: GoalSection, report: Report, kind: PcKind) -> None:
    """A goal as one paragraph: the goal, its target, and (in the jaarstukken) where it stands."""
    lang, goal = report.lang, section.goal
    item = doc.add_paragraph(style="List Bullet")
    item.add_run(f"{goal.id} ").bold = True
    item.add_run(goal.statement)
    lines = section.targets(report.plan.end_year, lang)
    if lines:
        final = lines[-1]
        item.add_run(
            " " + _("Streefwaarde: {target} ({period}).", lang, target=final.words, period=final.period.label(lang))
        )
    if kind is PcKind.ACCOUNTS:
        status = section.assessment.status.label(lang)
        item.add_run(" " + _("Stand: {status}.", lang, status=status)).italic = True


def add_money(doc: DocxDocument, section: ChallengeSection, lang: str, year: int) -> None:
    found = _year(section, year)
    if found is None:
        budget = section.challenge.budget
        if budget is not None:
            doc.add_paragraph(
                _(
                    "Budget in het plan: {amount} ({basis}).",
                    lang,
                    amount=format_euro(budget.amount, lang),
                    basis=budget.basis or budget.year,
                )
            )
        else:
            doc.add_paragraph(
                _("Voor {year} zijn er nog geen bedragen ingelezen (koers money import).", lang, year=year)
            )
        return

    def euro(amount: float | None) -> str:
        return format_euro(amount, lang) if amount is not None else "-"

    header = [_("Begroot", lang), _("Gewijzigde begroting", lang), _("Gerealiseerd", lang), _("Besteed", lang)]
    row = [euro(found.budget), euro(found.revised), euro(found.actual), found.share_text(lang)]
    caption = _("Lasten {challenge}, {year}", lang, challenge=section.challenge.name, year=year)
    add_table(doc, caption, header, [row], numeric=(0, 1, 2, 3))
    sentence = found.sentence(lang)
    if sentence:
        doc.add_paragraph(sentence)


def _year(section: ChallengeSection, year: int) -> YearMoney | None:
    money = section.money
    return next((y for y in money.years if y.year == year), None) if money is not None else None


def _indicators(doc: DocxDocument, section: ChallengeSection, report: Report) -> None:
    """The goals' indicators and the BBV indicators in one table: latest figure and target."""
    lang = report.lang
    rows: list[list[str]] = []
    for goal in section.goals:
        if goal.goal.indicator is None:
            continue
        latest = goal.assessment.latest
        figure = f"{format_value(latest.value, goal.goal.unit, lang)} ({latest.period.label(lang)})" if latest else "-"
        lines = goal.targets(report.plan.end_year, lang)
        rows.append([goal.goal.indicator.name, figure, lines[-1].words if lines else "-", goal.goal.source or ""])
    for indicator, measurement in section.bbv:
        figure = (
            f"{format_figure(measurement, None, lang)} ({measurement.period.label(lang)})"
            if measurement
            else pgettext("rapport", "nog niet bekend", lang)
        )
        name = f"{indicator.name} (BBV {indicator.number})" if indicator.number else indicator.name
        rows.append([name, figure, "-", indicator.source])
    if not rows:
        return
    header = [_("Indicator", lang), _("Laatste waarde", lang), _("Streefwaarde", lang), _("Bron", lang)]
    add_table(doc, _("Indicatoren – {challenge}", lang, challenge=section.challenge.name), header, rows, numeric=(1,))
