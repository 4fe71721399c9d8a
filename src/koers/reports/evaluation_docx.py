# SPDX-License-Identifier: EUPL-1.2
"""The evaluation as a Word document: the same parts, in the same order and words, as the HTML
and PDF (templates/evaluation.html.j2), on the monitoring report's page, styles and building
blocks (koers.reports.docx), so that a goal's chart and figures read the same in both."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from koers.domain.formatting import format_date
from koers.i18n import _, ngettext, pgettext
from koers.reports import docx as word
from koers.reports.actions import action_facts
from koers.reports.evaluation import ChallengeVerdict, Evaluation, GoalVerdict


def write_evaluation_docx(evaluation: Evaluation, path: Path) -> None:
    doc = word.new_document(evaluation.report, evaluation.title)
    _cover(doc, evaluation)
    _summary(doc, evaluation)
    _worked(doc, evaluation)
    _not_evaluated(doc, evaluation)
    _quality(doc, evaluation)
    _revision(doc, evaluation)
    for challenge in evaluation.challenges:
        _challenge(doc, challenge, evaluation)
    doc.save(str(path))


def _cover(doc: DocxDocument, ev: Evaluation) -> None:
    r, lang = ev.report, ev.lang
    doc.add_paragraph(_("Gemeente {municipality}", lang, municipality=r.plan.municipality.name))
    doc.add_heading(ev.title, level=0)
    doc.add_paragraph(r.plan.title + (f" – {r.plan.subtitle}" if r.plan.subtitle else ""), style="Subtitle")
    judged = word.fill(_("Plan %(key)s, versie %(version)s", lang), key=r.plan_key, version=r.plan_version)
    word.add_fact(doc, _("Beoordeeld", lang), judged + word.adoption_note(r))
    word.add_fact(
        doc, _("Looptijd", lang), f"{r.plan.start_year}" + (f" - {r.plan.end_year}" if r.plan.end_year else "")
    )
    ended = ". " + _("Het plan is afgelopen: dit is de eindstand.", lang) if r.ended else ""
    word.add_fact(doc, _("Peildatum", lang), format_date(r.as_of, lang) + ended)
    word.add_fact(doc, _("Datum", lang), format_date(r.made_on, lang))
    if ev.revision is not None:
        adoption = ev.revision.plan.adoption
        later = word.fill(_("versie %(version)s", lang), version=ev.revision.version)
        word.add_fact(doc, _("Herzien in", lang), later + (f" ({adoption.describe(lang)})" if adoption else ""))
    if r.illustrative:
        warning = doc.add_paragraph()
        warning.add_run(_("Illustratieve cijfers.", lang)).bold = True
        warning.add_run(
            " "
            + _(
                "Deze evaluatie bevat cijfers die koers heeft verzonnen om te laten zien hoe een evaluatie eruitziet. "
                "Het zijn geen echte metingen.",
                lang,
            )
        )


def _summary(doc: DocxDocument, ev: Evaluation) -> None:
    lang = ev.lang
    doc.add_heading(_("Samenvatting", lang), level=1)
    doc.add_paragraph(ev.headline())
    rows = [
        [
            v.section.goal.id,
            c.section.challenge.name,
            v.section.assessment.status.label(lang),
            v.kind(lang) if v.evaluated else _("niet te beoordelen", lang),
        ]
        for c in ev.challenges
        for v in c.goals
    ]
    header = [_("Doel", lang), _("Opgave", lang), _("Oordeel", lang), _("Soort", lang)]
    word.add_table(doc, _("Alle doelen en hun oordeel", lang), header, rows)


def _worked(doc: DocxDocument, ev: Evaluation) -> None:
    lang = ev.lang
    doc.add_heading(_("Wat werkte, per opgave", lang), level=1)
    for c in ev.challenges:
        doc.add_heading(c.section.challenge.name, level=2)
        doc.add_paragraph(c.worked(lang))
        word.add_money(doc, c.section, lang)
        if c.section.actions:
            doc.add_heading(_("Wat we deden", lang), level=3)
            for action in c.section.actions:
                item = doc.add_paragraph(style="List Bullet")
                item.add_run(action.name).bold = True
                item.add_run(f" ({action_facts(action, lang)})")


def _not_evaluated(doc: DocxDocument, ev: Evaluation) -> None:
    lang = ev.lang
    doc.add_heading(_("Welke doelen niet te beoordelen waren, en waarom", lang), level=1)
    doc.add_paragraph(ev.headline())
    if not ev.not_evaluated:
        return
    for obstacle, count in ev.obstacle_counts():
        label = obstacle.label(lang)
        counted = word.fill(ngettext("%(num)s doel", "%(num)s doelen", count, lang), num=count)
        word.add_fact(doc, f"{label[:1].upper()}{label[1:]} ({counted})", obstacle.explanation(lang))
    rows = [
        [v.section.goal.id, ", ".join(o.label(lang) for o in v.obstacles), v.section.assessment.status.label(lang)]
        for v in ev.not_evaluated
    ]
    header = [_("Doel", lang), _("Waarom niet", lang), _("Status", lang)]
    word.add_table(doc, _("Doelen die niet te beoordelen waren", lang), header, rows)


def _quality(doc: DocxDocument, ev: Evaluation) -> None:
    lang = ev.lang
    doc.add_heading(_("Hoe SMART is het plan: toen en nu", lang), level=1)
    doc.add_paragraph(
        _(
            "De SMART-check kijkt of elk doel een nulmeting, een streefwaarde met een jaartal, een meetinstrument en "
            "een meetmoment heeft. Een fout betekent: zo geschreven is het doel niet te volgen.",
            lang,
        )
    )
    rows = ev.quality_rows()
    if not rows:
        doc.add_paragraph(pgettext("rapport", "Alle doelen zijn SMART.", lang))
    else:
        header = [
            pgettext("rapport", "Aandachtspunt", lang),
            _("Ernst", lang),
            word.fill(_("Versie %(version)s", lang), version=ev.then.version),
        ]
        if ev.now is not None:
            header.append(word.fill(_("Versie %(version)s (nu)", lang), version=ev.now.version))
        table = [
            [_(q.title, lang), q.severity.label(lang), str(q.then), *([str(q.now)] if ev.now is not None else [])]
            for q in rows
        ]
        word.add_table(doc, _("Uitkomst van de SMART-check", lang), header, table, numeric=range(2, len(header)))
    if ev.now is None:
        doc.add_paragraph(_("Er is geen latere versie van het plan: het plan van toen is ook het plan van nu.", lang))


def _revision(doc: DocxDocument, ev: Evaluation) -> None:
    rev, lang = ev.revision, ev.lang
    if rev is None:
        return
    doc.add_heading(_("Wat is er veranderd en waarom", lang), level=1)
    text = word.fill(
        _("Versie %(new)s van het plan herziet versie %(old)s.", lang), new=rev.version, old=ev.report.plan_version
    )
    if rev.plan.adoption is not None:
        text += " " + word.fill(
            _("Versie %(version)s is %(adoption)s.", lang),
            version=rev.version,
            adoption=rev.plan.adoption.describe(lang),
        )
    doc.add_paragraph(text)
    rows = []
    for d in rev.diff.goals:
        what = d.change.label(lang)
        if d.lineage:
            what += f" {'←' if d.successor else '→'} {', '.join(d.lineage)}"
        rows.append([d.id, what, rev.fields(d, lang), d.reason or ""])
    header = [_("Doel", lang), _("Wat", lang), _("Veranderd", lang), _("Reden", lang)]
    word.add_table(doc, _("Per doel: wat er veranderde, en de reden", lang), header, rows)
    unexplained = rev.findings(lang)
    if unexplained:
        counted = ngettext(
            "%(num)s wijziging zonder uitleg", "%(num)s wijzigingen zonder uitleg", len(unexplained), lang
        )
        doc.add_paragraph(word.fill(counted, num=len(unexplained)) + ":").runs[0].bold = True
        for text in unexplained:
            doc.add_paragraph(text, style="List Bullet")


def _challenge(doc: DocxDocument, challenge: ChallengeVerdict, ev: Evaluation) -> None:
    section = challenge.section
    doc.add_heading(section.challenge.name, level=1)
    if section.challenge.aim:
        doc.add_paragraph(section.challenge.aim).runs[0].bold = True
    doc.add_paragraph(challenge.worked(ev.lang))
    for goal in challenge.goals:
        _goal(doc, goal, ev)


def _goal(doc: DocxDocument, verdict: GoalVerdict, ev: Evaluation) -> None:
    """A goal with its verdict, its chart and every measurement (the report's own building blocks)."""
    lang, section, r = ev.lang, verdict.section, ev.report
    goal, a = section.goal, section.assessment
    doc.add_heading(goal.id + (f" · {goal.indicator.name}" if goal.indicator else ""), level=2)
    doc.add_paragraph(goal.statement, style="Intense Quote")
    kind = verdict.kind(lang) if verdict.evaluated else _("niet te beoordelen", lang)
    line = doc.add_paragraph()
    line.add_run(f"{a.status.label(lang)} · {kind}. ").bold = True
    line.add_run(a.message(lang))
    if verdict.obstacles:
        reasons = ", ".join(o.label(lang) for o in verdict.obstacles)
        word.add_fact(doc, _("Waarom niet te beoordelen", lang), reasons)
    word.add_chart(doc, section, r)
    if section.measurements or a.baseline:
        word.add_figures(doc, section, r)
    else:
        doc.add_paragraph(_("Er zijn geen metingen van dit doel.", lang))
    if section.actions:
        doc.add_heading(_("Wat we deden", lang), level=3)
        for action in section.actions:
            item = doc.add_paragraph(style="List Bullet")
            item.add_run(action.name).bold = True
            item.add_run((f": {action.description}" if action.description else "") + f" ({action_facts(action, lang)})")
