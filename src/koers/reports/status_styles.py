# SPDX-License-Identifier: EUPL-1.2
"""The colours of the status badges, declared once for the dashboard and the council report.

A badge always carries the status's words, so status is never told by colour alone, and a
status that says why koers cannot judge yet (``Status.judged`` is false) gets a dashed border:
a second cue that survives a black-and-white print. The colours meet WCAG 2.1 AA: the text at
least 4.5:1 on its background, the border at least 3:1 against it and the white page (a test
checks every pair).

The dashboard serves :data:`STATUS_CSS` as ``/static/status.css``; the report includes it in
its inline styles. The shape of a badge (padding, border width) is each page's own. The
municipality's response to an advice point gets a badge in the same colours (:data:`VERDICT_COLOURS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from koers.domain.advice import Verdict
from koers.domain.status import Status
from koers.domain.vocabulary import every


@dataclass(frozen=True, slots=True)
class BadgeColours:
    """Text, border and background of one status's badge, as CSS hex colours."""

    text: str
    border: str
    background: str


_ACHIEVED_GREEN = "#0b5d1e"
_CANNOT_SAY = BadgeColours(text="#3d3d3d", border="#6b6b6b", background="#ffffff")

BADGE_COLOURS: Final = every(
    Status,
    {
        Status.ACHIEVED: BadgeColours(text=_ACHIEVED_GREEN, border=_ACHIEVED_GREEN, background="#e6f4ea"),
        Status.ON_TRACK: BadgeColours(text=_ACHIEVED_GREEN, border=_ACHIEVED_GREEN, background="#ffffff"),
        Status.AT_RISK: BadgeColours(text="#6b4100", border="#6b4100", background="#fff4e0"),
        Status.OFF_TRACK: BadgeColours(text="#9b1c1c", border="#9b1c1c", background="#fdecea"),
        # the final verdict reads as such: white on dark red, unlike the pale 'niet op koers'
        Status.NOT_ACHIEVED: BadgeColours(text="#ffffff", border="#d14b4b", background="#3b0707"),
        Status.NO_BASELINE: _CANNOT_SAY,
        Status.BASELINE_PENDING: _CANNOT_SAY,
        Status.NO_TARGET: _CANNOT_SAY,
        Status.NO_DATA: _CANNOT_SAY,
        Status.NOT_YET_MEASURABLE: _CANNOT_SAY,
    },
)


#: The municipality's response to an advice point or survey theme, in the same colours: adopted as
#: achieved, partly as at risk, not adopted as off track; no response yet as 'cannot say' (dashed).
VERDICT_COLOURS: Final = every(
    Verdict,
    {
        Verdict.ADOPTED: BADGE_COLOURS[Status.ACHIEVED],
        Verdict.PARTLY: BADGE_COLOURS[Status.AT_RISK],
        Verdict.NOT_ADOPTED: BADGE_COLOURS[Status.OFF_TRACK],
    },
)
#: The class of a response's badge, besides ``badge``: ``verdict-overgenomen``; no response: ``verdict-none``.
AWAITING_CLASS: Final = "verdict-none"


def verdict_class(verdict: Verdict | None) -> str:
    return f"verdict-{verdict.value}" if verdict is not None else AWAITING_CLASS


def status_stylesheet() -> str:
    """One CSS rule per look, for the statuses that share it (``.badge.<status>``)."""
    looks: dict[str, list[Status]] = {}
    for status in Status:
        colours = BADGE_COLOURS[status]
        look = f"color: {colours.text}; border-color: {colours.border}; background: {colours.background};"
        if not status.judged:
            look += " border-style: dashed;"
        looks.setdefault(look, []).append(status)
    rules = [f"{', '.join(f'.badge.{s.value}' for s in statuses)} {{ {look} }}" for look, statuses in looks.items()]
    for verdict, colours in VERDICT_COLOURS.items():
        rules.append(f".badge.{verdict_class(verdict)} {{ {_look(colours)} }}")
    rules.append(f".badge.{AWAITING_CLASS} {{ {_look(_CANNOT_SAY)} border-style: dashed; }}")
    header = (
        "/* SPDX-License-Identifier: EUPL-1.2 */\n"
        "/* The status badge colours, made by koers.reports.status_styles: change them there. */\n"
    )
    return header + "\n".join(rules) + "\n"


def _look(colours: BadgeColours) -> str:
    return f"color: {colours.text}; border-color: {colours.border}; background: {colours.background};"


#: The stylesheet, made once.
STATUS_CSS: Final = status_stylesheet()
