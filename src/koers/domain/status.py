# SPDX-License-Identifier: EUPL-1.2
"""The statuses a goal can have, and everything koers says about each, declared once.

A status turns up everywhere: in the assessment, the concept explanation, the dashboard's
badges and method page, the council report, the CLI and docs/methodology.md. So each fact
about a status is declared in one place, :data:`STATUSES`: its label, whether it is a
judgement (how the goal is doing) or says why koers cannot judge yet, its place in the order
from bad to good, what it means, and how a concept explanation opens and closes. Everything
else (the order a goal per wijk uses, the judged statuses a summary counts, the method page,
the docs) is derived from it, and the table fails at import when a status is missing.

The thresholds between on track, at risk and off track, and the days of grace before a missing
figure counts as no data, are part of what the statuses mean, so their defaults are declared
here too (:class:`Thresholds`); a plan file may tune them (``assessment:``, koers.domain.plan).

Colours are presentation, not domain: they live above it, in koers.reports.status_styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from koers.domain.formatting import format_number
from koers.domain.vocabulary import every
from koers.i18n import N_, _


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NOT_ACHIEVED = "not_achieved"
    NO_BASELINE = "no_baseline"
    BASELINE_PENDING = "baseline_pending"
    NO_TARGET = "no_target"
    NO_DATA = "no_data"
    NOT_YET_MEASURABLE = "not_yet_measurable"

    def label(self, lang: str = "nl") -> str:
        return _(STATUSES[self].label, lang)

    @property
    def final(self) -> bool:
        """Whether the status is a final verdict, given once the target period has closed."""
        return self in (Status.ACHIEVED, Status.NOT_ACHIEVED)

    @property
    def lagging(self) -> bool:
        """Whether the goal lags (at risk, off track, not achieved): the report then says what is done about it."""
        return self in (Status.AT_RISK, Status.OFF_TRACK, Status.NOT_ACHIEVED)

    @property
    def judged(self) -> bool:
        """Whether the status says how the goal is doing (the first four), not why it cannot."""
        return STATUSES[self].judged

    def meaning(self, lang: str = "nl", thresholds: Thresholds | None = None) -> str:
        """What the status means, with the plan's thresholds (the defaults when not given)."""
        limits = thresholds or DEFAULT_THRESHOLDS
        return _(
            STATUSES[self].meaning,
            lang,
            on_track=_percent(limits.on_track, lang),
            at_risk=_percent(limits.at_risk, lang),
        )


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The share of the required change at which a goal counts as on track, or at risk, and
    the days after a period ends before its missing figure counts as no data.

    The defaults follow Open SDG; they are the plan file's defaults too.
    """

    on_track: float = 0.95
    at_risk: float = 0.6
    grace_days: int = 90

    def meanings(self, lang: str = "nl") -> list[tuple[Status, str]]:
        """Every status with what it means under these thresholds (the method page's list)."""
        return [(status, status.meaning(lang, self)) for status in Status]


DEFAULT_THRESHOLDS: Final = Thresholds()


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """What koers says about one status. Texts are Dutch message ids (English: koers.i18n)."""

    label: str
    #: A judgement of how the goal is doing; otherwise the status says why koers cannot judge.
    judged: bool
    #: The place from bad (0) to good: a goal per wijk takes the worst status of its wijken.
    rank: int
    #: What the status means, for the method page and docs/methodology.md; ``{on_track}`` and
    #: ``{at_risk}`` are the thresholds as percentages.
    meaning: str
    #: The first sentence of a concept explanation.
    opening: str
    #: The last sentence of a concept explanation, if the status calls for one.
    closing: str = ""


STATUSES: Final = every(
    Status,
    {
        Status.ACHIEVED: StatusInfo(
            label=N_("gehaald"),
            judged=True,
            rank=9,
            meaning=N_(
                'De streefwaarde is bereikt. Bij een grens ("maximaal 9% meer"), een bandbreedte of bij "gelijk '
                'blijven": in het streefjaar zit de waarde nog binnen de grens. Bij alleen een richting ("toename"): '
                "de waarde is in het streefjaar meer veranderd dan toeval."
            ),
            opening=N_("Dit doel is gehaald."),
        ),
        Status.ON_TRACK: StatusInfo(
            label=N_("op koers"),
            judged=True,
            rank=8,
            meaning=N_(
                "We zijn waar we nu moeten zijn, of verder: minstens {on_track} van de stap die nu gezet "
                "moest zijn. Of: de waarde blijft binnen de grens of de marge."
            ),
            opening=N_("Dit doel ligt op koers."),
        ),
        Status.AT_RISK: StatusInfo(
            label=N_("risico"),
            judged=True,
            rank=2,
            meaning=N_(
                "Er is vooruitgang, maar te weinig: {at_risk} tot {on_track} van de stap die nu gezet moest zijn."
            ),
            opening=N_("Dit doel komt dichterbij, maar minder snel dan nodig."),
            closing=N_("Extra aandacht is nodig om de streefwaarde te halen."),
        ),
        Status.OFF_TRACK: StatusInfo(
            label=N_("niet op koers"),
            judged=True,
            rank=1,
            meaning=N_(
                "Minder dan {at_risk} van de stap die nu gezet moest zijn. Of: het gaat de verkeerde kant op, "
                "of de waarde is over de grens, buiten de marge of buiten de bandbreedte."
            ),
            opening=N_("Dit doel ligt niet op koers."),
            closing=N_("Zonder bijsturing halen we de streefwaarde waarschijnlijk niet."),
        ),
        Status.NOT_ACHIEVED: StatusInfo(
            label=N_("niet gehaald"),
            judged=True,
            rank=0,
            meaning=N_(
                "De streefperiode is voorbij en de meting over die periode haalt de streefwaarde niet. Dit is "
                "het eindoordeel: het kijkt naar het cijfer over de streefperiode, niet naar later."
            ),
            opening=N_("Dit doel is niet gehaald."),
            closing=N_("Bij de evaluatie is de vraag: waarom niet, en wat is er nu nodig?"),
        ),
        Status.NO_BASELINE: StatusInfo(
            label=N_("geen nulmeting"),
            judged=False,
            rank=5,
            meaning=N_("We weten niet waar we begonnen. Dan is niet te zeggen of we op koers liggen."),
            opening=N_("We kunnen nog niet zeggen of dit doel op koers ligt, want er is geen nulmeting."),
            closing=N_("Een nulmeting is nodig om dit doel te kunnen volgen."),
        ),
        Status.BASELINE_PENDING: StatusInfo(
            label=N_("nulmeting volgt"),
            judged=False,
            rank=6,
            meaning=N_("Het plan belooft een nulmeting, maar die is er nog niet."),
            opening=N_("De nulmeting van dit doel komt nog. Daarna kunnen we de voortgang volgen."),
        ),
        Status.NO_TARGET: StatusInfo(
            label=N_("geen streefwaarde"),
            judged=False,
            rank=7,
            meaning=N_("Het plan zegt niet waar we naartoe gaan, wanneer, of welke kant op."),
            opening=N_("Dit doel heeft geen streefwaarde met een jaartal. Daarom is het niet te beoordelen."),
        ),
        Status.NO_DATA: StatusInfo(
            label=N_("geen gegevens"),
            judged=False,
            rank=3,
            meaning=N_("Er had al een nieuwe meting moeten zijn, maar die is er niet."),
            opening=N_("Er zijn nog geen nieuwe cijfers, terwijl die er wel hadden moeten zijn."),
            closing=N_("Vraag de cijfers op bij de bron."),
        ),
        Status.NOT_YET_MEASURABLE: StatusInfo(
            label=N_("nog niet meetbaar"),
            judged=False,
            rank=4,
            meaning=N_(
                "Het meetinstrument heeft nog niet opnieuw gemeten. De GGD-monitor meet bijvoorbeeld maar "
                "één keer in de vier jaar."
            ),
            opening=N_("Er is nog geen nieuwe meting. Het meetinstrument meet niet vaker."),
        ),
    },
)

#: The judgements, in the order of ``Status``: what a summary counts one by one.
JUDGED: Final = tuple(status for status in Status if STATUSES[status].judged)
#: From bad to good: a goal per wijk takes the first of these that any of its wijken has.
WORST_FIRST: Final = tuple(sorted(Status, key=lambda status: STATUSES[status].rank))


def _percent(share: float, lang: str) -> str:
    return f"{format_number(share * 100, lang)}%"
