# SPDX-License-Identifier: EUPL-1.2
"""Illustrative measurements for a plan, so that a municipality can see its report before real
figures exist.

A council report or dashboard without numbers is hard to judge, and one with invented numbers
is dangerous. koers therefore generates figures that are plausible (they follow the plan's path
from baseline to target, in the goal's unit and rhythm), reproducible (the same seed gives the
same figures) and unmistakable: every row says "illustratief" in its source and its reference,
so that it can never pass for a real measurement.

Across the plan the goals are spread over the outcomes a report must be able to show (achieved,
on track, at risk, off track), and each goal's figures are checked with the assessment itself,
so that a plan with a few goals of each kind shows every status, whatever the seed. The
generator is pure: it only builds a batch, which the caller stores like any import.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import takewhile
from typing import Any

from koers.domain.advice import Advice, AdviceKind, InputKind, Verdict
from koers.domain.areas import AreaIds
from koers.domain.assessment import Status, assess_goal
from koers.domain.baselines import BaselineStatus
from koers.domain.bbv import bbv_unit, unit_shape
from koers.domain.goals import Goal, Scope
from koers.domain.judging import Point, expected_value
from koers.domain.measurements import Measurement, MeasurementStatus, SubjectKind
from koers.domain.money import Amount, AmountKind
from koers.domain.periods import Period, PeriodKind
from koers.domain.plan import BbvIndicator, Plan
from koers.domain.regions import NETHERLANDS
from koers.domain.targets import Direction
from koers.domain.units import Unit, UnitKind, unit_code
from koers.importers.batch import Batch

ILLUSTRATIVE = "illustratief"
ILLUSTRATIVE_SOURCE_REF = "illustratief (gegenereerd door koers demo-data, seed {seed})"
ILLUSTRATIVE_NOTE = "Illustratief cijfer, gegenereerd door koers demo-data: geen echte meting."
POPULATION_SERIES = "inwoners"
SURVEY_MARK = "GGD"
SAMPLE_SIZES = (800, 1500)
Z_95 = 1.959964
#: For a survey answer that is not a share: the spread of the answers relative to their mean.
SURVEY_SPREAD = 0.5
#: Draws per goal and area before the last one is kept, whatever its status.
ATTEMPTS = 25
#: Where the latest value lies as a share of the step the path asks for by then.
SHARE_OF_STEP = {Status.ON_TRACK: (0.97, 1.1), Status.AT_RISK: (0.65, 0.9), Status.OFF_TRACK: (-0.3, 0.45)}
DECIMALS = {UnitKind.PERCENTAGE: 1, UnitKind.COUNT: 0, UnitKind.EURO: 2, UnitKind.RATE: 2}
SIGNED = (UnitKind.SCORE, UnitKind.OTHER)
#: Round levels of the BBV indicators, by number, to draw illustrative figures around: the order of
#: magnitude a Dutch municipality sees, not anyone's real figure. Others take a level by their unit.
BBV_LEVELS = {
    17: 2.0,
    18: 25.0,
    19: 1.8,
    20: 47.0,
    21: 780.0,
    22: 1.1,
    23: 5.5,
    24: 68.0,
    26: 2.0,
    27: 380.0,
    28: 220.0,
    29: 11.5,
    30: 1.0,
    31: 0.4,
    32: 670.0,
}
#: How far a municipality's level lies from the national one, at most, and how much a figure
#: moves from one year to the next.
BBV_SPREAD, BBV_DRIFT = 0.2, 0.03
#: One in this many BBV indicators has no figure for the latest year from the last peer, so that the
#: comparison shows how it says so.
BBV_MISSING_EVERY = 4


@dataclass(frozen=True)
class _Track:
    """One goal to generate: the periods to fill and the outcomes its latest value can have."""

    goal: Goal
    unit: Unit
    periods: tuple[Period, ...]
    base: Point | None
    target: Point | None
    outcomes: tuple[Status, ...]


def illustrative_batch(plan: Plan, *, seed: int, as_of: date) -> Batch:
    """Illustrative measurements of ``plan`` for every period that has ended by ``as_of``."""
    ref = ILLUSTRATIVE_SOURCE_REF.format(seed=seed)
    tracks = [t for t in (_track(plan, g, as_of) for g in plan.goals) if t is not None]
    intents = _intents(tracks, seed)
    batch = Batch()
    for track in tracks:
        for area in _areas(plan, track.goal):
            rng = random.Random(f"{seed}:{track.goal.id}:{area}")
            values = _realise(plan, track, area, intents[track.goal.id], rng, as_of)
            _append_goal(batch, track, area, values, rng, ref)
    _append_population(batch, plan, seed, as_of, ref)
    for index, indicator in enumerate(plan.bbv_indicators):
        late = index % BBV_MISSING_EVERY == 1  # whatever the seed: another seed gives other values, not other points
        _append_bbv(batch, plan, indicator, seed, as_of, ref, late=late)
    return batch


def illustrative_amounts(plan: Plan, *, seed: int, as_of: date) -> list[Amount]:
    """Illustrative money per challenge, from the year of its budget in the plan up to ``as_of``:
    the begroting of that year is the plan's own amount, later years grow a little; the
    gewijzigde begroting differs a few percent; a realisatie only for years that have ended.
    Every amount says 'illustratief' in its source."""
    ref = ILLUSTRATIVE_SOURCE_REF.format(seed=seed)
    found: list[Amount] = []
    for challenge in plan.challenges:
        if challenge.budget is None:
            continue
        rng = random.Random(f"{seed}:money:{challenge.id}")
        budget = challenge.budget.amount
        for year in range(challenge.budget.year, as_of.year + 1):
            revised = round(budget * rng.uniform(1.0, 1.06))
            found += [
                Amount(challenge.id, year, AmountKind.BUDGET, round(budget), ref),
                Amount(challenge.id, year, AmountKind.REVISED, revised, ref),
            ]
            if year < as_of.year:
                found.append(
                    Amount(challenge.id, year, AmountKind.ACTUAL, round(revised * rng.uniform(0.88, 1.03)), ref)
                )
            budget *= 1 + rng.uniform(0.01, 0.04)
    return found


def _illustrative(instrument: str | None) -> str:
    return f"{instrument} ({ILLUSTRATIVE})" if instrument else ILLUSTRATIVE


# -- what to generate -------------------------------------------------------------------------


def _track(plan: Plan, goal: Goal, as_of: date) -> _Track | None:
    """The goal's periods and possible outcomes; None when there is nothing to generate."""
    unit, frequency, baseline = goal.unit, goal.frequency, goal.baseline
    if unit is None or frequency is None:
        return None
    dated = goal.dated_targets(plan.end_year)
    target_value = goal.resolved_target()
    target_period = dated[-1][0] if dated else None
    target = Point(target_value, target_period) if target_value is not None and target_period else None
    if baseline is not None and baseline.is_known and baseline.value is not None and baseline.period is not None:
        base: Point | None = Point(baseline.value, baseline.period)
        anchor = baseline.period
    elif target is not None:
        base, anchor = None, _before_start(plan.start_year, frequency.period_kind, frequency.step)
    else:
        return None
    periods = tuple(takewhile(lambda p: p.end <= as_of, frequency.schedule(anchor)))
    if not periods:
        return None
    return _Track(goal, unit, periods, base, target, _outcomes(goal, base, target, periods[-1]))


def _before_start(start_year: int, kind: PeriodKind, step: int) -> Period:
    """An anchor whose schedule begins with the first period of ``kind`` starting in ``start_year``."""
    first = Period.on(date(start_year, 1, 1)).as_kind(kind)
    if first.start.year < start_year:
        first = first.shift(1)
    return first.shift(-step)


def _outcomes(goal: Goal, base: Point | None, target: Point | None, latest: Period) -> tuple[Status, ...]:
    """The statuses the assessment can give this goal, from its latest period on."""
    direction = goal.direction
    if base is None:
        pending = goal.baseline is not None and goal.baseline.status == BaselineStatus.PENDING
        missing = Status.BASELINE_PENDING if pending else Status.NO_BASELINE
        if direction is None or direction.higher_is_better is None:
            return (missing,)
        return (Status.ACHIEVED, missing)
    if target is None or direction is None:
        return (Status.NO_TARGET,)
    reached = latest.end >= target.period.end
    if direction == Direction.MAINTAIN or _is_bound(direction, base, target):
        return (Status.ACHIEVED if reached else Status.ON_TRACK, Status.OFF_TRACK)
    if reached:
        return (Status.ACHIEVED, Status.OFF_TRACK)
    return (Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK)


def _is_bound(direction: Direction, base: Point, target: Point) -> bool:
    """A floor or ceiling that the baseline already keeps (the assessment's 'bound')."""
    sign = 1 if direction.higher_is_better else -1
    return direction in (Direction.AT_LEAST, Direction.AT_MOST) and sign * (target.value - base.value) <= 0


def _intents(tracks: list[_Track], seed: int) -> dict[str, Status]:
    """Per goal the outcome to show, in a seeded order spread evenly over the goals that can
    have the same outcomes (so goals without a baseline show both met and not met, too)."""
    rng = random.Random(f"{seed}:mix")
    order = sorted(tracks, key=lambda t: t.goal.id)
    rng.shuffle(order)
    counts: Counter[tuple[tuple[Status, ...], Status]] = Counter()
    intents: dict[str, Status] = {}
    for track in order:
        chosen = min(track.outcomes, key=lambda s: (counts[track.outcomes, s], rng.random()))
        counts[track.outcomes, chosen] += 1
        intents[track.goal.id] = chosen
    return intents


def _areas(plan: Plan, goal: Goal) -> list[str]:
    """The area ids the goal is measured in, as stored (and as the assessment looks them up)."""
    stored = {a.id: a.stored_id for a in plan.areas}
    ids = plan.area_ids()
    if goal.scope == Scope.EVERY_WIJK and ids.wijken:
        return list(ids.wijken)
    if goal.scope == Scope.REGION and goal.region:
        return [stored[goal.region]] if goal.region in stored else []
    return [ids.municipality]


# -- the values -------------------------------------------------------------------------------


def _realise(plan: Plan, track: _Track, area: str, intent: Status, rng: random.Random, as_of: date) -> list[float]:
    """Values whose assessment is ``intent``: drawn again until it is (the last draw stays).

    Each area is judged on its own, by the plan's one judgement (``assess_goal``) as if the area
    were the whole municipality: a goal per wijk gets the intended status in every wijk.
    """
    values: list[float] = []
    alone = AreaIds(area, (), {})
    for _ in range(ATTEMPTS):
        values = _draw(track, intent, rng)
        measured = [Measurement(track.goal.id, p, area, v) for p, v in zip(track.periods, values, strict=True)]
        if assess_goal(plan, track.goal, measured, as_of=as_of, areas=alone).status == intent:
            break
    return values


def _draw(track: _Track, intent: Status, rng: random.Random) -> list[float]:
    """From the baseline (or a start below the target) towards the latest value, with noise."""
    latest = _latest(track, intent, rng)
    start = track.base.value if track.base is not None else _start(track, rng)
    count = len(track.periods)
    noise = max(0.12 * abs(latest - start), 0.005 * abs(start), _step(track.unit) / 2)
    values = [start + (latest - start) * (i + 1) / count + rng.gauss(0, noise) for i in range(count - 1)]
    return [_shape(v, track.unit) for v in [*values, latest]]


def _latest(track: _Track, intent: Status, rng: random.Random) -> float:
    goal, base, target = track.goal, track.base, track.target
    if base is None:
        return _reach(track, intent, rng)
    if target is None or goal.direction is None:
        return base.value * (1 + rng.uniform(-0.05, 0.05))
    if goal.direction == Direction.MAINTAIN:
        return _band(track, target, intent, rng)
    if _is_bound(goal.direction, base, target):
        return _bound(track, base, target, intent, rng)
    return _path(track, base, target, intent, rng)


def _sign(goal: Goal) -> int:
    return 1 if goal.direction is not None and goal.direction.higher_is_better else -1


def _path(track: _Track, base: Point, target: Point, intent: Status, rng: random.Random) -> float:
    """A share of the step the path asks for by the latest period; past the target when achieved."""
    if intent == Status.ACHIEVED:
        return target.value + _sign(track.goal) * abs(target.value - base.value) * rng.uniform(0.02, 0.12)
    expected = expected_value(base, target, track.periods[-1], track.goal)
    return base.value + (expected - base.value) * rng.uniform(*SHARE_OF_STEP[intent])


def _bound(track: _Track, base: Point, target: Point, intent: Status, rng: random.Random) -> float:
    """Inside the floor or ceiling when kept, beyond it when broken."""
    width = abs(target.value - base.value) or max(0.05 * abs(base.value), 5 * _step(track.unit))
    inside = intent != Status.OFF_TRACK
    side = _sign(track.goal) if inside else -_sign(track.goal)
    return target.value + side * width * (rng.uniform(0.05, 0.6) if inside else rng.uniform(0.05, 0.4))


def _band(track: _Track, target: Point, intent: Status, rng: random.Random) -> float:
    """Inside the tolerance band (the target itself when the plan names none), or outside it."""
    tolerance = track.goal.target.tolerance if track.goal.target else None
    low, high = tolerance.band(target.value) if tolerance is not None else (target.value, target.value)
    half = (high - low) / 2
    if intent != Status.OFF_TRACK:
        return target.value + half * rng.uniform(-0.8, 0.8)
    width = max(half, 0.03 * abs(target.value), _step(track.unit))
    return target.value + rng.choice((-1, 1)) * (half + width * rng.uniform(0.2, 1.0))


def _reach(track: _Track, intent: Status, rng: random.Random) -> float:
    """Without a baseline only meeting the absolute target can be judged: met, or short of it."""
    assert track.target is not None
    target, step = track.target.value, _step(track.unit)
    if len(track.outcomes) == 1:
        return target * (1 + rng.uniform(-0.1, 0.1))
    sign = _sign(track.goal)
    if intent == Status.ACHIEVED:
        return target + sign * max(abs(target) * rng.uniform(0.02, 0.15), step)
    return target - sign * max(abs(target) * rng.uniform(0.1, 0.3), step)


def _start(track: _Track, rng: random.Random) -> float:
    """Where a goal without a baseline stood before the plan: short of its target."""
    assert track.target is not None
    return track.target.value - _sign(track.goal) * abs(track.target.value) * rng.uniform(0.15, 0.4)


def _step(unit: Unit) -> float:
    return 10.0 ** -DECIMALS.get(unit.kind, 1)


def _shape(value: float, unit: Unit) -> float:
    """Within the unit's range and rounded as the unit is written: whole counts, cents, 0-100%."""
    if unit.kind not in SIGNED:
        value = max(value, 0.0)
    if unit.kind == UnitKind.PERCENTAGE:
        value = min(value, 100.0)
    return round(value, DECIMALS.get(unit.kind, 1)) + 0.0


# -- the rows ---------------------------------------------------------------------------------


def _append_goal(batch: Batch, track: _Track, area: str, values: list[float], rng: random.Random, ref: str) -> None:
    goal, unit = track.goal, track.unit
    survey = SURVEY_MARK.lower() in (goal.source or "").lower()
    for period, value, status in zip(track.periods, values, _statuses(len(values)), strict=True):
        extra = _survey(value, unit, rng) if survey else {}
        batch.append(
            goal.id,
            SubjectKind.GOAL.value,
            unit_code(unit),
            period,
            area,
            value,
            status,
            _illustrative(goal.source),
            ref,
            note=ILLUSTRATIVE_NOTE,
            **extra,
        )


def _statuses(count: int) -> Iterator[str]:
    """Final for every period but the latest, which is provisional."""
    for i in range(count):
        yield (MeasurementStatus.PROVISIONAL if i == count - 1 else MeasurementStatus.FINAL).value


def _survey(value: float, unit: Unit, rng: random.Random) -> dict[str, float | int]:
    """A sample size and a 95% interval around ``value`` that fits it."""
    size = rng.randint(*SAMPLE_SIZES)
    if unit.kind == UnitKind.PERCENTAGE:
        share = value / 100
        error = math.sqrt(share * (1 - share) / size) * 100
    else:
        error = abs(value) * SURVEY_SPREAD / math.sqrt(size)
    low = min(_shape(value - Z_95 * error, unit), value)
    high = max(_shape(value + Z_95 * error, unit), value)
    return {"sample_size": size, "ci_low": low, "ci_high": high}


def _append_population(batch: Batch, plan: Plan, seed: int, as_of: date, ref: str) -> None:
    """The number of inhabitants on 1 January of each plan year, around the plan's key figure."""
    table = next((k for k in plan.key_figures if k.unit.lower() == POPULATION_SERIES), None)
    taken = {s.lower() for s in [*(g.id for g in plan.goals), *(b.id for b in plan.bbv_indicators)]}
    if table is None or POPULATION_SERIES in taken:
        return
    totals = table.totals or {y: sum(r.values.get(y, 0) for r in table.rows if r.parent is None) for y in table.years}
    if not totals:
        return
    rng = random.Random(f"{seed}:{POPULATION_SERIES}")
    years = range(plan.start_year, as_of.year + 1)
    for year, status in zip(years, _statuses(len(years)), strict=True):
        value = round(_interpolate(totals, year) * (1 + rng.uniform(-0.004, 0.004)))
        batch.append(
            POPULATION_SERIES,
            SubjectKind.SERIES.value,
            UnitKind.COUNT.value,
            Period.on(date(year, 1, 1)),
            plan.area_ids().municipality,
            float(value),
            status,
            _illustrative(table.source),
            ref,
            note=ILLUSTRATIVE_NOTE,
        )


def _interpolate(values: dict[int, float], year: int) -> float:
    """The straight line between the nearest years known (the nearest year outside them)."""
    years = sorted(values)
    before = max((y for y in years if y <= year), default=years[0])
    after = min((y for y in years if y >= year), default=years[-1])
    if before == after:
        return values[before]
    return values[before] + (values[after] - values[before]) * (year - before) / (after - before)


def _append_bbv(
    batch: Batch, plan: Plan, indicator: BbvIndicator, seed: int, as_of: date, ref: str, *, late: bool
) -> None:
    """Every ended year from the year before the plan, for the municipality, its peers, its size
    class and the Netherlands: around a plausible level (:data:`BBV_LEVELS`), each area at its own
    distance from it, so that the comparison has something to show. When ``late``, the last peer
    has no figure for the latest year: peers publish late too."""
    years = [y for y in range(plan.start_year - 1, as_of.year) if Period.year(y).end <= as_of]
    unit = bbv_unit(indicator.unit) or Unit(kind=UnitKind.OTHER)
    rng = random.Random(f"{seed}:{indicator.id}")
    level = BBV_LEVELS.get(indicator.number or 0) or _bbv_level(indicator.unit)
    group = plan.comparison
    areas = [plan.area_ids().municipality, *group.areas]
    behind = group.peers[-1].cbs_code if group.peers and late else None
    for area in areas:
        spread = BBV_SPREAD / 4 if area == NETHERLANDS else BBV_SPREAD
        value = level * (1 + rng.uniform(-spread, spread))
        shown = years[:-1] if area == behind else years
        for year, status in zip(shown, _statuses(len(shown)), strict=True):
            value *= 1 + rng.uniform(-BBV_DRIFT, BBV_DRIFT)
            batch.append(
                indicator.id,
                SubjectKind.BBV.value,
                unit_code(unit),
                Period.year(year),
                area,
                _shape(round(value, 1), unit),
                status,
                _illustrative(indicator.source),
                ref,
                note=ILLUSTRATIVE_NOTE,
            )


def _bbv_level(unit: str) -> float:
    """A level for a BBV indicator koers has none for: 10 for a percentage, else 100."""
    return 10.0 if unit_shape(unit).percentage else 100.0


# -- illustrative advice ----------------------------------------------------------------------

#: Where every illustrative advice says that it is made up (``Advice.document``): the mark the
#: pages and the report look for (koers.reports.advice.illustrative).
ILLUSTRATIVE_ADVICE_DOCUMENT = (
    "Illustratief advies, gemaakt door koers demo-data (seed {seed}): geen echt advies van een participatieraad."
)
#: Points a participation council might make about a challenge ({challenge}: its name in lower
#: case; {action}: one of its actions), in the order the illustrative advice uses them.
ADVICE_POINTS = (
    "Maak de informatie over {challenge} begrijpelijk voor inwoners die moeilijk lezen of de taal nog leren.",
    "Betrek inwoners en de participatieraad bij de uitvoering van '{action}'.",
    "Zoek actief naar inwoners die nog geen gebruik maken van de hulp waar ze recht op hebben.",
)
#: The responses the illustrative points get, in turn, so that every verdict shows whatever the
#: seed; the last point of the newest advice waits for its response.
ADVICE_VERDICTS = (Verdict.ADOPTED, Verdict.PARTLY, Verdict.NOT_ADOPTED)
ADVICE_REASONS = {
    Verdict.ADOPTED: None,
    Verdict.PARTLY: "Een deel past in het plan; voor de rest is nu geen geld.",
    Verdict.NOT_ADOPTED: "Dit kan de gemeente niet alleen; zij bespreekt het met de partners in de regio.",
}
#: How many challenges get an advice of their own, and how long a response takes (days).
ADVICE_CHALLENGES = 2
RESPONSE_DAYS = (21, 60)


def illustrative_advice(plan: Plan, *, seed: int, as_of: date) -> list[Advice]:
    """An illustrative advice register for ``plan`` up to ``as_of``: the themes residents named
    before the plan (one per challenge, all taken up in the plan), and a few advice of the
    participation council on challenges of the plan, with responses of every kind. Every advice
    says 'illustratief' in its document."""
    rng = random.Random(f"{seed}:advice")
    document = ILLUSTRATIVE_ADVICE_DOCUMENT.format(seed=seed)
    found: list[Advice] = []
    survey_day = date(plan.start_year - 1, 3, 1 + rng.randrange(20))
    if survey_day <= as_of and plan.challenges:
        found.append(_survey_advice(plan, survey_day, document, rng, as_of))
    first = date(plan.start_year, 2, 1)
    span = (as_of - first).days - RESPONSE_DAYS[1]
    acted = [c for c in plan.challenges if plan.actions_for_challenge(c.id)]  # advice can name what is done
    pool = acted if len(acted) >= ADVICE_CHALLENGES else plan.challenges
    chosen = rng.sample(pool, min(ADVICE_CHALLENGES, len(pool))) if span > 0 else []
    days = sorted(first + timedelta(days=rng.randrange(span)) for _ in chosen)
    for number, (challenge, day) in enumerate(zip(chosen, days, strict=True), start=1):
        last = number == len(chosen)
        found.append(_council_advice(plan, challenge.id, day, document, rng, as_of, awaiting=last, number=number))
    return found


def _survey_advice(plan: Plan, day: date, document: str, rng: random.Random, as_of: date) -> Advice:
    answered = min(day + timedelta(days=rng.randint(*RESPONSE_DAYS)), as_of)
    items = [
        {
            "kind": InputKind.SURVEY_THEME,
            "text": c.name,
            "challenges": [c.id],
            "response": {
                "verdict": Verdict.ADOPTED,
                "date": answered,
                "actions": [a.id for a in plan.actions_for_challenge(c.id)[:1]],
                "follow_up": f"Dit thema is een opgave van het plan: {c.name}.",
            },
        }
        for c in plan.challenges[:5]
    ]
    return Advice.model_validate(
        {
            "id": f"PR-{day.year}-0",
            "kind": AdviceKind.SOLICITED,
            "date": day,
            "subject": "Welke thema's moeten voorrang krijgen in het nieuwe plan? (enquête onder inwoners)",
            "document": document,
            "items": items,
        }
    )


def _council_advice(
    plan: Plan,
    challenge: str,
    day: date,
    document: str,
    rng: random.Random,
    as_of: date,
    *,
    awaiting: bool,
    number: int,
) -> Advice:
    found = plan.challenge(challenge)
    name = found.name if found is not None else challenge
    actions = plan.actions_for_challenge(challenge)
    action = actions[0] if actions else None
    answered = min(day + timedelta(days=rng.randint(*RESPONSE_DAYS)), as_of)
    items = []
    for index, text in enumerate(ADVICE_POINTS):
        if "{action}" in text and action is None:
            continue
        item: dict[str, Any] = {"text": text.format(challenge=name.lower(), action=action.name if action else "")}
        verdict = ADVICE_VERDICTS[(index + number) % len(ADVICE_VERDICTS)]
        if not (awaiting and index == len(ADVICE_POINTS) - 1):
            item["response"] = {
                "verdict": verdict,
                "reason": ADVICE_REASONS[verdict],
                "date": answered,
                "actions": [action.id] if action is not None and verdict is not Verdict.NOT_ADOPTED else [],
            }
        items.append(item)
    return Advice.model_validate(
        {
            "id": f"PR-{day.year}-{number}",
            "kind": rng.choice(list(AdviceKind)),
            "date": day,
            "subject": f"Advies over {name.lower()}",
            "document": document,
            "challenges": [challenge],
            "goals": [g.id for g in plan.goals_of(challenge)[:2]],
            "items": items,
        }
    )
