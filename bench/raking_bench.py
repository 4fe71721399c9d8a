# SPDX-License-Identifier: EUPL-1.2
"""Raking benchmark: 1,000,000 survey responses raked to 3 margins, koers against weightipy.

    python bench/raking_bench.py [--respondents 1000000] [--repeat 3] [--seed 7]

A fictional municipality (6 age groups x 20 wijken x 2 genders, seeded random counts) and an
uneven sample of it: older residents, some wijken and women answer more often, with an age x
wijk interaction so that the cross table is no product of its margins and raking needs
several sweeps. koers rakes the responses as the survey command has them (one list of
categories per variable) to the population counts; weightipy (an independent implementation,
a test-only dependency) rakes the same responses from a pandas DataFrame, built beforehand
and not timed, to the same margins as percentages. Both are timed end to end otherwise,
including turning the categories into codes. weightipy's weights sum to the number of
respondents, koers's to the population total, so koers's are scaled by n / total before they
are compared. Target (issue 14): koers at least as fast, with equal weights. Prints seconds
(best of --repeat), iterations, the largest weight difference and the ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from koers.domain.raking import RakingResult, rake  # noqa: E402

AGES = ("0-17", "18-34", "35-49", "50-64", "65-79", "80+")
WIJKEN = tuple(f"WK0396{i:02d}" for i in range(1, 21))
GENDERS = ("man", "vrouw")
VARIABLES = {"leeftijd": AGES, "wijk": WIJKEN, "geslacht": GENDERS}


def generate(respondents: int, seed: int) -> tuple[dict[str, list[str]], dict[str, dict[str, float]]]:
    """The responses (per variable, a category per respondent) and the population counts."""
    rng = np.random.default_rng(seed)
    shape = tuple(len(categories) for categories in VARIABLES.values())
    population = rng.integers(50, 1500, size=shape).astype(float)
    propensity = (
        np.array([0.2, 0.4, 0.7, 1.0, 1.6, 1.1])[:, None, None]
        * rng.uniform(0.4, 2.5, size=len(WIJKEN))[None, :, None]
        * np.array([0.8, 1.2])[None, None, :]
        * rng.lognormal(0.0, 0.5, size=shape[:2])[:, :, None]
    )
    chance = (population * propensity).ravel()
    drawn = np.unravel_index(rng.choice(chance.size, size=respondents, p=chance / chance.sum()), shape)
    answers = {
        variable: [categories[i] for i in codes.tolist()]
        for (variable, categories), codes in zip(VARIABLES.items(), drawn, strict=True)
    }
    axes = range(len(shape))
    margins = {
        variable: dict(zip(categories, population.sum(axis=tuple(a for a in axes if a != axis)).tolist(), strict=True))
        for axis, (variable, categories) in enumerate(VARIABLES.items())
    }
    return answers, margins


def best_of(repeat: int, work: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs, in seconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def with_weightipy(
    answers: dict[str, list[str]],
    margins: dict[str, dict[str, float]],
    repeat: int,
    ours: RakingResult,
    ours_seconds: float,
) -> None:
    """Time weightipy on the same responses, if it is installed, and compare its weights with koers's."""
    try:  # imported by name: neither ships type information
        pandas = importlib.import_module("pandas")
        weightipy = importlib.import_module("weightipy")
    except ImportError:
        print("weightipy is not installed (pip install -e '.[dev]'): koers's figures only")
        return
    frame = pandas.DataFrame(answers)
    targets = [{v: {c: 100 * p / sum(m.values()) for c, p in m.items()}} for v, m in margins.items()]

    def run() -> tuple[NDArray[np.float64], int, str]:
        scheme = weightipy.Rim("bench")
        scheme.set_targets(targets)
        said = io.StringIO()
        with contextlib.redirect_stdout(said):  # it prints its own convergence notes
            weights = weightipy.weight(frame, scheme).to_numpy(dtype=np.float64)
        return weights, int(scheme.groups["_default_name_"]["iterations"]), said.getvalue().strip()

    seconds, (theirs, iterations, said) = best_of(repeat, run)
    difference = float(np.abs(ours.weights * len(theirs) / ours.total - theirs).max())
    print(
        f"weightipy {weightipy.__version__}: {seconds:.3f} s, {iterations} iterations" + (f" ({said})" if said else "")
    )
    print(f"largest weight difference (both scaled to sum to n, mean weight 1): {difference:.1e}")
    print(f"ratio weightipy / koers: {seconds / ours_seconds:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    answers, margins = generate(args.respondents, args.seed)
    seconds, result = best_of(args.repeat, lambda: rake(answers, margins))
    raked: RakingResult = result
    relative = raked.weights / (raked.total / args.respondents)
    print(
        f"koers: {args.respondents:,} responses, 3 margins ({len(AGES)} x {len(WIJKEN)} x {len(GENDERS)}) raked "
        f"in {seconds:.3f} s (best of {args.repeat}): {raked.iterations} iterations, converged {raked.converged}, "
        f"largest margin difference {raked.max_difference:.1e} of the total"
    )
    print(f"weights relative to the mean: {relative.min():.2f} to {relative.max():.2f}")
    with_weightipy(answers, margins, args.repeat, raked, seconds)


if __name__ == "__main__":
    main()
