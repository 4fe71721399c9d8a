# SPDX-License-Identifier: EUPL-1.2
"""Survey estimates: the intervals are the textbook formulas, recomputed here by hand, and they
behave at the edges (no answers, one answer, everyone giving the same answer)."""

from __future__ import annotations

import math
import statistics
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koers.domain.survey_estimates import (
    EstimateMethod,
    effective_sample_size,
    mean,
    proportion,
    share_answering,
    wilson,
)

Z = 1.96


def wilson_by_hand(p: float, n: float) -> tuple[float, float]:
    """(p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)."""
    centre = (p + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2)) / (1 + Z**2 / n)
    return centre - half, centre + half


# -- shares ------------------------------------------------------------------------------------


def test_wilson_for_40_of_100() -> None:
    estimate = proportion([True] * 40 + [False] * 60)
    assert estimate.estimate == 0.4 and estimate.n == 100 and estimate.n_eff == 100
    assert estimate.method == EstimateMethod.WILSON
    assert (round(estimate.lower or 0, 4), round(estimate.upper or 0, 4)) == (0.3094, 0.4980)
    assert (estimate.lower, estimate.upper) == pytest.approx(wilson_by_hand(0.4, 100), abs=1e-12)


def test_a_weighted_share_uses_the_kish_effective_sample_size() -> None:
    hits = [True, False, True, True, False, False, True, False]
    weights = [1.0, 2.0, 0.5, 3.0, 1.0, 1.5, 2.5, 0.5]
    share = sum(w for w, hit in zip(weights, hits, strict=True) if hit) / sum(weights)
    n_eff = sum(weights) ** 2 / sum(w * w for w in weights)
    estimate = proportion(hits, weights)
    assert estimate.method == EstimateMethod.WILSON_KISH
    assert estimate.estimate == pytest.approx(share)
    assert estimate.n == 8 and estimate.n_eff == pytest.approx(n_eff)
    assert n_eff < 8
    assert (estimate.lower, estimate.upper) == pytest.approx(wilson_by_hand(share, n_eff), abs=1e-12)


@pytest.mark.parametrize("hits", [[False] * 12, [True] * 12])
def test_nobody_or_everybody_stays_within_0_and_1(hits: list[bool]) -> None:
    estimate = proportion(hits)
    assert estimate.lower is not None and estimate.upper is not None
    assert 0 <= estimate.lower < estimate.upper <= 1
    assert estimate.upper - estimate.lower == pytest.approx(Z**2 / 12 / (1 + Z**2 / 12))
    assert (estimate.lower == 0) if not hits[0] else (estimate.upper == 1)


def test_no_answers_give_no_estimate() -> None:
    for estimate in (proportion([]), proportion([None, None], [1.0, 2.0]), mean([None])):
        assert (estimate.estimate, estimate.lower, estimate.upper, estimate.n, estimate.n_eff) == (
            None,
            None,
            None,
            0,
            0.0,
        )


def test_skipped_questions_do_not_count() -> None:
    estimate = proportion([True, None, False, None], [1.0, 100.0, 3.0, 100.0])
    assert estimate.n == 2 and estimate.estimate == pytest.approx(0.25)
    assert estimate.n_eff == pytest.approx(16 / 10)


def test_share_answering_reads_single_and_multiple_choice() -> None:
    answers = ["bus", "fiets", None, ("bus", "auto"), (), "auto"]
    estimate = share_answering(answers, "bus")
    assert estimate.n == 5 and estimate.estimate == pytest.approx(2 / 5)
    assert share_answering(answers, "auto", [1, 1, 1, 1, 1, 3]).estimate == pytest.approx(4 / 7)


# -- means -------------------------------------------------------------------------------------


def test_an_unweighted_mean_has_a_t_interval() -> None:
    grades = [7, 8, 6, 9, 5, 7, 8, 10, 6, 7]
    estimate = mean(grades)
    half = 2.262 * statistics.stdev(grades) / math.sqrt(10)  # t with 9 degrees of freedom
    assert estimate.method == EstimateMethod.T
    assert estimate.estimate == pytest.approx(7.3)
    assert (estimate.lower, estimate.upper) == pytest.approx((7.3 - half, 7.3 + half))


def test_a_large_sample_uses_the_normal_quantile() -> None:
    points = [float(i % 7 * 10) for i in range(200)]
    estimate = mean(points)
    half = Z * statistics.stdev(points) / math.sqrt(200)
    assert (estimate.lower, estimate.upper) == pytest.approx(
        (statistics.mean(points) - half, statistics.mean(points) + half)
    )


def test_a_weighted_mean_uses_the_weighted_variance_and_kish() -> None:
    grades = [7.0, 8.0, 6.0, 9.0, 5.0, 7.0, 8.0]
    weights = [1.0, 2.0, 0.5, 1.5, 3.0, 1.0, 1.0]
    total = sum(weights)
    centre = sum(w * x for w, x in zip(weights, grades, strict=True)) / total
    variance = sum(w * (x - centre) ** 2 for w, x in zip(weights, grades, strict=True)) / total
    n_eff = total**2 / sum(w * w for w in weights)
    assert 5 < n_eff < 6  # so 4 degrees of freedom: t = 2.776
    half = 2.776 * math.sqrt(variance / (n_eff - 1))
    estimate = mean(grades, weights)
    assert estimate.method == EstimateMethod.T_KISH
    assert estimate.estimate == pytest.approx(centre)
    assert (estimate.lower, estimate.upper) == pytest.approx((centre - half, centre + half))


def test_all_equal_answers_have_no_spread() -> None:
    estimate = mean([8, 8, 8, 8], [1.0, 2.0, 3.0, 4.0])
    assert (estimate.estimate, estimate.lower, estimate.upper) == (8, 8, 8)


def test_one_answer_says_nothing_about_the_spread() -> None:
    estimate = mean([None, 6.0])
    assert estimate.estimate == 6 and estimate.lower is None and estimate.upper is None and estimate.n == 1


def test_an_interval_can_be_kept_within_the_scale() -> None:
    estimate = mean([10, 10, 9], within=(1, 10))
    free = mean([10, 10, 9])
    assert free.upper is not None and free.upper > 10
    assert estimate.upper == 10 and estimate.lower == free.lower


# -- weights -----------------------------------------------------------------------------------


def test_effective_sample_size() -> None:
    assert effective_sample_size([2.0] * 12) == pytest.approx(12)
    assert effective_sample_size([1.0, 1.0, 2.0]) == pytest.approx(16 / 6)
    assert effective_sample_size([]) == 0


@pytest.mark.parametrize("weights", [[1.0], [1.0, -1.0], [1.0, 0.0], [1.0, float("nan")]])
def test_weights_must_fit_and_be_positive(weights: list[float]) -> None:
    with pytest.raises(ValueError, match="weight"):
        proportion([True, False], weights)


def test_a_hit_is_true_or_false() -> None:
    halves: Any = [0.5, 1.0]
    with pytest.raises(ValueError, match="True or False"):
        proportion(halves)


def test_infinite_answers_are_refused() -> None:
    with pytest.raises(ValueError, match="infinite"):
        mean([1.0, math.inf])


@given(
    st.lists(st.one_of(st.none(), st.floats(0, 100)), min_size=1, max_size=60),
    st.floats(0.01, 100),
)
@settings(max_examples=100)
def test_equal_weights_give_the_unweighted_interval(values: list[float | None], weight: float) -> None:
    weighted, plain = mean(values, [weight] * len(values)), mean(values)
    assert weighted.n == plain.n and weighted.n_eff == pytest.approx(plain.n_eff)
    for ours, theirs in (
        (weighted.estimate, plain.estimate),
        (weighted.lower, plain.lower),
        (weighted.upper, plain.upper),
    ):
        assert (ours is None) == (theirs is None)
        if ours is not None and theirs is not None:
            assert ours == pytest.approx(theirs, rel=1e-9, abs=1e-9)


@given(st.integers(0, 200), st.integers(1, 200), st.floats(0.1, 50))
def test_wilson_stays_within_0_and_1_and_holds_the_share(hits: int, n: int, scale: float) -> None:
    hits = min(hits, n)
    lower, upper = wilson(hits / n, n / scale)
    assert 0 <= lower <= hits / n <= upper <= 1
