# SPDX-License-Identifier: EUPL-1.2
"""How a target reads in a sentence or a table cell: "minimaal 60%", "tussen 65% en 70%, of
hoger", "een stijging", "niet lager dan 54%".

A target is shown in the CLI, the report, the dashboard and the SMART check's messages; each
reads it from here, so that a band or a bound is written the same way everywhere. The words
are built from the structured form (with the goal's unit), not copied from the plan's phrase:
the phrase may carry a year or a unit of its own, and is shown next to it where the plan is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from koers.domain.baselines import Baseline
from koers.domain.formatting import format_value
from koers.domain.goals import Goal
from koers.domain.periods import Period
from koers.domain.targets import BandOpen, ChangeKind, Direction, Target
from koers.domain.units import Unit
from koers.i18n import N_, _

#: A value with the word that makes it a bound, by direction (a point to reach has none).
BOUND_WORDS: Final = {
    Direction.AT_LEAST: N_("minimaal {value}"),
    Direction.AT_MOST: N_("maximaal {value}"),
}
#: A strict bound, by whether higher is better: the value itself does not meet it.
STRICT_WORDS: Final = {True: N_("meer dan {value}"), False: N_("minder dan {value}")}
#: A band, by its open side.
BAND_WORDS: Final = {
    None: N_("tussen {low} en {high}"),
    BandOpen.ABOVE: N_("tussen {low} en {high}, of hoger"),
    BandOpen.BELOW: N_("tussen {low} en {high}, of lager"),
}
#: Keeping the level of the baseline, by the side that must hold.
KEEP_WORDS: Final = {
    Direction.AT_LEAST: N_("niet lager dan {value}"),
    Direction.AT_MOST: N_("niet hoger dan {value}"),
    Direction.MAINTAIN: N_("gelijk aan {value}"),
}
#: A direction only.
WAY_WORDS: Final = {True: N_("een stijging"), False: N_("een daling")}


def target_words(goal: Goal, target: Target | None = None, lang: str = "nl") -> str:
    """``target`` (default: the goal's final one) in words, with the goal's unit."""
    aim = target or goal.target
    if aim is None:
        return ""
    return target_text(aim, goal.unit, goal.direction or aim.direction or goal.judged_direction, goal.baseline, lang)


def target_text(
    aim: Target, unit: Unit | None, direction: Direction | None, baseline: Baseline | None, lang: str = "nl"
) -> str:
    """A target in words, for a goal or anything else with a target (a BBV indicator's own one):
    ``direction`` is the way it is judged, ``baseline`` what a change is applied to."""
    if aim.is_band:
        assert aim.low is not None and aim.high is not None
        return _(BAND_WORDS[aim.band_open], lang, low=_v(aim.low, unit, lang), high=_v(aim.high, unit, lang))
    value = aim.resolve(baseline)
    if aim.direction_only and direction is not None and direction.higher_is_better is not None:
        return _(WAY_WORDS[direction.higher_is_better], lang)
    if value is None:  # a change without a baseline to apply it to
        return aim.change.as_written if aim.change else (aim.phrase or "")
    shown = _v(value, unit, lang)
    if aim.change is not None and aim.change.kind == ChangeKind.EQUAL:
        side = None if direction is None else direction if direction in KEEP_WORDS else _keep_side(direction)
        if side is None:  # 'handhaven' without a side: the plan's own word, not a guess
            return aim.phrase or aim.change.as_written
        return _(KEEP_WORDS[side], lang, value=shown)
    if aim.strict and direction is not None and direction.higher_is_better is not None:
        return _(STRICT_WORDS[direction.higher_is_better], lang, value=shown)
    if direction in BOUND_WORDS:
        return _(BOUND_WORDS[direction], lang, value=shown)
    return shown


def _keep_side(direction: Direction) -> Direction | None:
    """'handhaven' on a goal that must rise means: not lower; on one that must fall: not higher."""
    if direction.higher_is_better is None:
        return None
    return Direction.AT_LEAST if direction.higher_is_better else Direction.AT_MOST


def _v(value: float, unit: Unit | None, lang: str) -> str:
    return format_value(value, unit, lang)


@dataclass(frozen=True, slots=True)
class TargetLine:
    """One dated target as a reader sees it: when, what (in koers's words) and the plan's words."""

    period: Period
    words: str
    #: The plan's own words, when it wrote the target as words that differ from koers's.
    phrase: str | None
    final: bool


def target_lines(goal: Goal, end_year: int | None, lang: str = "nl") -> list[TargetLine]:
    """Every dated target of ``goal``, earliest first, the final one last (undated: ``end_year``)."""
    dated = goal.dated_targets(end_year)
    lines = []
    for index, (period, target) in enumerate(dated):
        words = target_words(goal, target, lang)
        said = target.phrase or ""
        phrase = said if _says_more(target) and _plain(said) != _plain(words) else None
        lines.append(TargetLine(period, words, phrase, index == len(dated) - 1))
    return lines


def _says_more(target: Target) -> bool:
    """Whether the plan's words say more than a number ('gelijk of hoger', not '63,0'): only
    then are they worth showing next to koers's own."""
    return target.phrase is not None and (
        target.direction is not None or target.change is not None or target.is_band or not target.understood
    )


def _plain(text: str) -> str:
    """Words without their signs and spacing: 'tussen 65 en 70%' is 'tussen 65% en 70%'."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())
