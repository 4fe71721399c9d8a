# SPDX-License-Identifier: EUPL-1.2
"""Assessment benchmark: 342 municipalities x 30 goals, each with 20 half years of measurements.

    python bench/assess_bench.py [--municipalities 342] [--repeat 3]

The goals mix every direction (increase, decrease, at least, at most, maintain, +x% per jaar)
and the measurements are seeded random walks, so every branch of the method is exercised.
Only the assessment is timed (the domain function, as `koers status` calls it); building the
data is not. Target (issue 4): all 10,260 goals in under 1 second. Prints goals per second.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from koers.domain.assessment import Status, assess  # noqa: E402
from koers.domain.goals import Goal  # noqa: E402
from koers.domain.measurements import Measurement  # noqa: E402
from koers.domain.periods import Period  # noqa: E402

PERIODS = [Period.half_year(year, half) for year in range(2016, 2026) for half in (1, 2)]
SHAPES = [
    ("increase", {"value": 60}, "percentage"),
    ("decrease", {"change": "-20%"}, "count"),
    ("at-least", {"value": 70}, "percentage"),
    ("at-most", {"change": "+9%"}, "euro"),
    ("maintain", {"change": "gelijk", "tolerance": "2%"}, "count"),
    ("at-least", {"change": "+10% per jaar"}, "count"),
]


def goals(count: int) -> list[Goal]:
    made = []
    for i in range(count):
        direction, target, unit = SHAPES[i % len(SHAPES)]
        made.append(
            Goal.model_validate(
                {
                    "id": f"I{i:02d}",
                    "challenge": "alles",
                    "statement": f"Illustratief doel {i}.",
                    "indicator": {"name": f"Indicator {i}", "unit": unit},
                    "direction": direction,
                    "baseline": {"value": 50, "period": "2015-H2"},
                    "target": {**target, "period": "2027"},
                    "source": "Benchmarkbron",
                    "frequency": "2X per jaar",
                }
            )
        )
    return made


def measurements(goal: Goal, area: str, rng: random.Random) -> list[Measurement]:
    value, made = 50.0, []
    for period in PERIODS:
        value = max(0.0, min(100.0, value + rng.uniform(-3, 3.5)))
        made.append(Measurement(goal.id, period, area, round(value, 1)))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=342)
    parser.add_argument("--goals", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    plan_goals = goals(args.goals)
    work = [
        (goal, f"GM{m:04d}", measurements(goal, f"GM{m:04d}", rng))
        for m in range(1, args.municipalities + 1)
        for goal in plan_goals
    ]
    as_of = date(2026, 6, 30)
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        results = [assess(goal, ms, as_of=as_of, municipality=area) for goal, area, ms in work]
        best = min(best, time.perf_counter() - started)
    counts = Counter(r.status for r in results)
    print(
        f"{len(work):,} goals ({args.municipalities} municipalities x {args.goals} goals, "
        f"{len(PERIODS)} periods each) assessed in {best:.3f} s (best of {args.repeat}): "
        f"{len(work) / best:,.0f} goals/s (target: all in < 1 s)"
    )
    print("statuses: " + ", ".join(f"{s.value} {counts.get(s, 0)}" for s in Status if counts.get(s)))


if __name__ == "__main__":
    main()
