# SPDX-License-Identifier: EUPL-1.2
"""Survey figures with their uncertainty: shares and means, unweighted and weighted.

A resident survey answers two kinds of question: *how many* ("the share answering X", for a
single or multiple choice question) and *how much* (a mean: a grade from 1 to 10, or the
points an option got when residents divide 100 points). Each comes with a 95% interval, so
that a report can say how sure the figure is.

The methods (docs/methodology.md, "Surveys"):

* a share, unweighted: the Wilson score interval on the n respondents who answered. Unlike
  the textbook p ± 1.96·√(p(1−p)/n) it stays within 0 and 1, and it does not collapse to a
  single point when everyone (or no one) gave the answer;
* a share, weighted: the weighted share, with the Wilson interval on Kish's effective sample
  size n_eff = (Σw)² / Σw² instead of n. Unequal weights carry less information than as many
  equal ones; n_eff says how many equal-weight answers they are worth;
* a mean, unweighted: mean ± t·s/√n, with t Student's quantile for n − 1 degrees of freedom
  (the normal 1.96 beyond 30, koers.domain.forecast.t_975);
* a mean, weighted: the weighted mean ± t·√(v / (n_eff − 1)), with v = Σw(x − m)² / Σw the
  weighted variance and n_eff − 1 degrees of freedom. With equal weights this is exactly the
  unweighted interval.

The Kish approach treats the weights as fixed and the sample as simple random: it ignores
that raking to known margins makes some estimates *more* precise, so the weighted intervals
lean to the wide side. That is the usual, honest default for municipal surveys.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

import numpy as np
from numpy.typing import NDArray

from koers.domain.forecast import Z_975, t_975
from koers.domain.raking import Weights

#: An answer to a single choice question (an option), to a multiple choice question (the
#: options chosen), or None where the respondent skipped the question.
Answer = str | Collection[str] | None

#: n_eff is a ratio of sums: an equal-weight sample of 12 may come out as 11.999999999999998,
#: which must still give 11 degrees of freedom.
_ROUNDING: Final = 1e-9


class EstimateMethod(StrEnum):
    """How an estimate's interval was computed (docs/methodology.md, "Surveys")."""

    WILSON = "wilson"
    WILSON_KISH = "wilson-kish"
    T = "t"
    T_KISH = "t-kish"


@dataclass(frozen=True, slots=True)
class Estimate:
    """A survey figure with its 95% interval.

    A share is a fraction (0.4, not 40). ``n`` counts the respondents who answered; ``n_eff``
    is Kish's effective sample size (``n`` when unweighted). Without answers the estimate and
    interval are None; a mean of one answer (or with n_eff below 2) has no interval, because
    one answer says nothing about the spread.
    """

    estimate: float | None
    lower: float | None
    upper: float | None
    n: int
    n_eff: float
    method: EstimateMethod


def effective_sample_size(weights: Weights) -> float:
    """Kish's effective sample size (Σw)² / Σw²: how many equal-weight answers the weights are
    worth (all equal: their number; the more unequal, the fewer). 0 without weights."""
    array = np.asarray(weights, dtype=np.float64)
    squares = float(np.dot(array, array))
    return float(array.sum()) ** 2 / squares if squares > 0 else 0.0


def wilson(share: float, n: float) -> tuple[float, float]:
    """The Wilson score 95% interval of ``share`` observed among ``n`` (which may be an
    effective, non-whole sample size). It always holds the share and stays within 0 and 1;
    the bounds are kept there against rounding (at a share of 0 the lower bound is 0, not
    5.6e-17)."""
    z2 = Z_975 * Z_975
    scale = 1 + z2 / n
    centre = (share + z2 / (2 * n)) / scale
    half = Z_975 * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / scale
    return max(0.0, min(share, centre - half)), min(1.0, max(share, centre + half))


def proportion(hits: Sequence[bool | None], weights: Weights | None = None) -> Estimate:
    """The share of respondents for whom ``hits`` is true, among those with a value (None is
    a respondent who skipped the question), weighted when ``weights`` are given."""
    values, used = _answered(hits, weights)
    if not bool(np.all((values == 0) | (values == 1))):
        raise ValueError("a hit is True or False (None: skipped); for a mean of numbers use mean()")
    method = EstimateMethod.WILSON if weights is None else EstimateMethod.WILSON_KISH
    if not values.size:
        return Estimate(None, None, None, 0, 0.0, method)
    n_eff = float(values.size) if used is None else effective_sample_size(used)
    share = float(values.mean()) if used is None else float(np.dot(used, values) / used.sum())
    share = min(1.0, max(0.0, share))
    lower, upper = wilson(share, n_eff)
    return Estimate(share, lower, upper, int(values.size), n_eff, method)


def share_answering(answers: Sequence[Answer], option: str, weights: Weights | None = None) -> Estimate:
    """The share of respondents who answered ``option``: the answer itself for a single choice
    question, one of the options chosen for a multiple choice question. Respondents who
    skipped the question (None) do not count; an empty choice does (it is an answer)."""
    return proportion([_chose(answer, option) for answer in answers], weights)


def _chose(answer: Answer, option: str) -> bool | None:
    if answer is None:
        return None
    if isinstance(answer, str):
        return answer == option
    return option in answer


def mean(
    values: Sequence[float | None],
    weights: Weights | None = None,
    within: tuple[float, float] | None = None,
) -> Estimate:
    """The mean of ``values`` (None: skipped), weighted when ``weights`` are given, with a
    t interval; ``within`` keeps the interval inside the scale (a grade stays within 1-10)."""
    answered, used = _answered(values, weights)
    method = EstimateMethod.T if weights is None else EstimateMethod.T_KISH
    n = int(answered.size)
    if not n:
        return Estimate(None, None, None, 0, 0.0, method)
    w = np.ones(n) if used is None else used
    n_eff = float(n) if used is None else effective_sample_size(used)
    centre = float(np.dot(w, answered) / w.sum())
    freedom = math.floor(n_eff - 1 + _ROUNDING)
    if freedom < 1:
        return Estimate(centre, None, None, n, n_eff, method)
    spread = float(np.dot(w, (answered - centre) ** 2) / w.sum())
    half = t_975(freedom) * math.sqrt(spread / (n_eff - 1))
    lower, upper = centre - half, centre + half
    if within is not None:
        lower, upper = max(within[0], lower), min(within[1], upper)
    return Estimate(centre, lower, upper, n, n_eff, method)


def _answered(
    values: Sequence[float | None] | Sequence[bool | None], weights: Weights | None
) -> tuple[NDArray[np.float64], NDArray[np.float64] | None]:
    """The values of the respondents who answered, and their weights (None: unweighted)."""
    array = np.array([math.nan if value is None else value for value in values], dtype=np.float64)
    answered = ~np.isnan(array)
    if not bool(np.all(np.isfinite(array[answered]))):
        raise ValueError("an answer is infinite: give numbers, or None for a skipped question")
    if weights is None:
        return array[answered], None
    w = np.asarray(weights, dtype=np.float64)
    if w.shape != array.shape:
        raise ValueError(f"{w.size} weights for {array.size} answers: give one weight per respondent")
    if not bool(np.all(np.isfinite(w) & (w > 0))):
        raise ValueError("weights must be positive numbers: use the weights raking returns")
    return array[answered], w[answered]
