# SPDX-License-Identifier: EUPL-1.2
"""Raking: the weights agree with an independent implementation, meet the margins, and bad
input is refused with a code and a message that names the variable and category."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from koers.domain import raking
from koers.domain.raking import TOLERANCE, RakingError, RakingResult, rake

AGES = ("18-34", "35-49", "50-64", "65-79", "80+")
WIJKEN = tuple(f"WK0396{i:02d}" for i in range(1, 9))
GENDERS = ("man", "vrouw")
VARIABLES = {"leeftijd": AGES, "wijk": WIJKEN, "geslacht": GENDERS}


@dataclass(frozen=True)
class Sample:
    respondents: dict[str, list[str]]
    margins: dict[str, dict[str, float]]

    @property
    def n(self) -> int:
        return len(self.respondents["leeftijd"])

    def shares(self) -> dict[str, dict[str, float]]:
        return {v: {c: p / sum(m.values()) for c, p in m.items()} for v, m in self.margins.items()}


def survey_sample(n: int, seed: int) -> Sample:
    """A fictional municipality and an uneven sample of it: older residents, some wijken and
    women answer more often, with an age x wijk interaction so the cross table is no product."""
    rng = np.random.default_rng(seed)
    shape = tuple(len(categories) for categories in VARIABLES.values())
    population = rng.integers(200, 3000, size=shape).astype(float)
    propensity = (
        np.array([0.4, 0.7, 1.0, 1.6, 1.2])[:, None, None]
        * rng.uniform(0.5, 2.0, size=len(WIJKEN))[None, :, None]
        * np.array([0.8, 1.2])[None, None, :]
        * rng.lognormal(0.0, 0.4, size=shape[:2])[:, :, None]
    )
    chance = (population * propensity).ravel()
    drawn = np.unravel_index(rng.choice(chance.size, size=n, p=chance / chance.sum()), shape)
    respondents = {
        variable: [categories[i] for i in codes]
        for (variable, categories), codes in zip(VARIABLES.items(), drawn, strict=True)
    }
    axes = range(len(shape))
    margins = {
        variable: dict(zip(categories, population.sum(axis=tuple(a for a in axes if a != axis)).tolist(), strict=True))
        for axis, (variable, categories) in enumerate(VARIABLES.items())
    }
    assert all(set(respondents[v]) == set(VARIABLES[v]) for v in VARIABLES), "every group needs respondents"
    return Sample(respondents, margins)


SAMPLE = survey_sample(3000, seed=2024)


def weighted_totals(result: RakingResult, respondents: dict[str, list[str]], variable: str) -> dict[str, float]:
    """Summed in plain Python, apart from the code under test."""
    totals: dict[str, float] = {}
    for category, weight in zip(respondents[variable], result.weights.tolist(), strict=True):
        totals[category] = totals.get(category, 0.0) + weight
    return totals


def weightipy_weights(respondents: dict[str, list[str]], shares: dict[str, dict[str, float]]) -> NDArray[np.float64]:
    """weightipy's rim weights; it takes percentages and scales the weights to sum to n."""
    weightipy = pytest.importorskip("weightipy")
    pandas = pytest.importorskip("pandas")
    scheme = weightipy.Rim("koers")
    scheme.set_targets([{v: {c: 100 * s for c, s in m.items()}} for v, m in shares.items()])
    return np.asarray(weightipy.weight(pandas.DataFrame(respondents), scheme).to_numpy(), dtype=np.float64)


# -- agreement with an independent implementation ----------------------------------------------


def test_weights_equal_weightipy_on_shares() -> None:
    ours = rake(SAMPLE.respondents, SAMPLE.shares())
    theirs = weightipy_weights(SAMPLE.respondents, SAMPLE.shares())
    assert ours.converged and ours.from_shares
    assert ours.weights.sum() == pytest.approx(SAMPLE.n, rel=1e-12)
    assert np.abs(ours.weights - theirs).max() < 1e-9
    assert ours.weights.std() > 0.2, "the sample must be uneven enough to test anything"


def test_weights_from_counts_are_the_same_weights_on_the_population_total() -> None:
    ours = rake(SAMPLE.respondents, SAMPLE.margins)
    theirs = weightipy_weights(SAMPLE.respondents, SAMPLE.shares())
    total = sum(SAMPLE.margins["wijk"].values())
    assert not ours.from_shares and ours.total == pytest.approx(total)
    assert ours.weights.sum() == pytest.approx(total, rel=1e-12)
    assert np.abs(ours.weights * SAMPLE.n / total - theirs).max() < 1e-9


def test_weights_are_base_weights_times_one_factor_per_category() -> None:
    """The raking solution is the only one of the form base x factor(age) x factor(wijk) x
    factor(gender) that meets the margins: check the form by least squares on log(w / base)."""
    base = np.random.default_rng(5).uniform(0.5, 2.0, SAMPLE.n)
    result = rake(SAMPLE.respondents, SAMPLE.margins, base_weights=base.tolist())
    design = np.column_stack(
        [
            np.array([value == category for value in SAMPLE.respondents[variable]], dtype=float)
            for variable, categories in VARIABLES.items()
            for category in categories
        ]
    )
    target = np.log(result.weights / base)
    coefficients = np.linalg.lstsq(design, target, rcond=None)[0]
    assert np.abs(design @ coefficients - target).max() < 1e-9
    for variable in VARIABLES:
        totals = weighted_totals(result, SAMPLE.respondents, variable)
        for category, population in SAMPLE.margins[variable].items():
            assert totals[category] == pytest.approx(population, rel=1e-8)


# -- margins and totals ----------------------------------------------------------------------


def test_margins_are_reproduced() -> None:
    result = rake(SAMPLE.respondents, SAMPLE.margins)
    total = result.total
    assert result.converged and result.iterations > 1
    assert result.max_difference <= TOLERANCE
    for variable in VARIABLES:
        totals = weighted_totals(result, SAMPLE.respondents, variable)
        for category, population in SAMPLE.margins[variable].items():
            assert abs(totals[category] - population) <= 1e-9 * total


def test_one_margin_is_post_stratification() -> None:
    """With one variable the weight is base x population / base weight of the group."""
    respondents = {"wijk": ["A", "A", "B", "B", "B"]}
    base = [1.0, 3.0, 1.0, 1.0, 2.0]
    result = rake(respondents, {"wijk": {"A": 100, "B": 300}}, base_weights=base)
    expected = [1 * 100 / 4, 3 * 100 / 4, 1 * 300 / 4, 1 * 300 / 4, 2 * 300 / 4]
    assert result.weights.tolist() == pytest.approx(expected, rel=1e-12)
    assert result.converged and result.iterations == 1


def test_shares_with_base_weights_sum_to_the_number_of_respondents() -> None:
    result = rake({"g": ["a", "a", "b"]}, {"g": {"a": 0.5, "b": 0.5}}, base_weights=[10.0, 30.0, 5.0])
    assert result.from_shares
    assert result.weights.tolist() == pytest.approx([1.5 * 10 / 40, 1.5 * 30 / 40, 1.5])


def test_a_sample_that_already_fits_needs_no_iteration() -> None:
    result = rake({"g": ["a", "b"], "h": ["x", "y"]}, {"g": {"a": 1, "b": 1}, "h": {"x": 1, "y": 1}})
    assert result.converged and result.iterations == 0
    assert result.weights.tolist() == [1.0, 1.0]


def test_totals_within_the_tolerance_are_scaled_to_their_mean() -> None:
    respondents = {"g": ["a", "b", "b"], "h": ["x", "x", "y"]}
    result = rake(respondents, {"g": {"a": 400, "b": 600}, "h": {"x": 501, "y": 502}})
    assert result.total == pytest.approx(1001.5)
    assert result.weights.sum() == pytest.approx(1001.5)
    assert weighted_totals(result, respondents, "g")["a"] == pytest.approx(0.4 * 1001.5)


def test_the_weights_cannot_be_changed() -> None:
    result = rake({"g": ["a", "b"]}, {"g": {"a": 1, "b": 3}})
    with pytest.raises(ValueError):
        result.weights[0] = 5.0


def test_a_large_cross_table_is_sorted_into_the_same_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    dense = rake(SAMPLE.respondents, SAMPLE.margins)
    monkeypatch.setattr(raking, "_DENSE_CELLS", 1)
    sorted_cells = rake(SAMPLE.respondents, SAMPLE.margins)
    assert np.abs(dense.weights - sorted_cells.weights).max() < 1e-9 * dense.weights.max()


# -- not converging ----------------------------------------------------------------------------


def test_too_few_iterations_return_the_weights_so_far() -> None:
    result = rake(SAMPLE.respondents, SAMPLE.margins, max_iterations=1)
    assert not result.converged and result.iterations == 1
    assert result.max_difference > TOLERANCE
    assert result.weights.sum() == pytest.approx(result.total)


def test_margins_the_sample_cannot_meet_do_not_converge() -> None:
    """Respondents only in (a, x) and (b, y): a must equal x, but the margins say 70 and 50."""
    respondents = {"g": ["a", "b", "a", "b"], "h": ["x", "y", "x", "y"]}
    result = rake(respondents, {"g": {"a": 70, "b": 30}, "h": {"x": 50, "y": 50}}, max_iterations=50)
    assert not result.converged and result.iterations == 50
    # each sweep ends on 'h' (50 / 50), which leaves 'a' at 50 of the 70 it should have: 20 of 100
    assert result.max_difference == pytest.approx(0.2)
    assert bool(np.all(result.weights > 0))


# -- trimming --------------------------------------------------------------------------------


def test_a_cap_keeps_weights_below_it_and_still_meets_the_margins() -> None:
    free = rake(SAMPLE.respondents, SAMPLE.margins)
    mean = free.total / SAMPLE.n
    cap = 0.8 * float(free.weights.max()) / mean
    trimmed = rake(SAMPLE.respondents, SAMPLE.margins, cap=cap)
    assert trimmed.converged
    assert trimmed.weights.max() <= cap * mean * (1 + raking.CAP_SLACK)
    assert trimmed.max_difference <= TOLERANCE
    assert trimmed.weights.sum() == pytest.approx(free.total)


def test_a_cap_binds_a_cell_that_no_single_group_forces() -> None:
    """Every group asks 1.3 per respondent, but raking gives (a, x) 2.6 x 2.6 / 4 = 1.69."""
    respondents = {"g": ["a", "a", "b", "b"], "h": ["x", "y", "x", "y"]}
    margins = {"g": {"a": 2.6, "b": 1.4}, "h": {"x": 2.6, "y": 1.4}}
    assert rake(respondents, margins).weights[0] == pytest.approx(1.69)
    trimmed = rake(respondents, margins, cap=1.5)
    assert trimmed.converged and trimmed.max_difference <= TOLERANCE
    assert trimmed.weights.max() <= 1.5 * (1 + raking.CAP_SLACK)


def test_a_cap_the_margins_cannot_live_with_is_reported_as_not_converged() -> None:
    respondents = {"g": ["a", "b", "b", "b"]}
    result = rake(respondents, {"g": {"a": 0.7, "b": 0.3}}, cap=1.5)
    assert not result.converged
    assert result.max_difference <= TOLERANCE  # the margins win; the cap gives way
    assert result.weights.tolist() == pytest.approx([2.8, 0.4, 0.4, 0.4])


def test_trimming_gives_up_after_its_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(raking, "MAX_TRIM_ROUNDS", 1)
    respondents = {"g": ["a", "a", "b", "b"], "h": ["x", "y", "x", "y"]}
    result = rake(respondents, {"g": {"a": 2.6, "b": 1.4}, "h": {"x": 2.6, "y": 1.4}}, cap=1.5)
    assert not result.converged and result.max_difference <= TOLERANCE
    assert result.weights.max() > 1.5


# -- bad input -------------------------------------------------------------------------------


def refused(
    respondents: dict[str, list[str | None]], margins: dict[str, dict[str, float]], **options: Any
) -> RakingError:
    with pytest.raises(RakingError) as caught:
        rake(respondents, margins, **options)
    return caught.value


def test_a_group_with_residents_but_no_respondents_names_it_and_suggests_merging() -> None:
    error = refused({"leeftijd": ["18-34", "35-49"]}, {"leeftijd": {"18-34": 10, "35-49": 20, "80+": 5}})
    assert error.code == "category-without-respondents"
    assert error.facts["variable"] == "leeftijd" and error.facts["category"] == "80+"
    assert "'80+'" in str(error) and "'leeftijd'" in str(error) and "samen" in str(error)


def test_a_group_without_residents_or_respondents_is_no_problem() -> None:
    result = rake({"g": ["a", "b"]}, {"g": {"a": 1, "b": 1, "c": 0}})
    assert result.converged


def test_a_respondent_category_missing_from_the_margins_is_named_with_its_first_row() -> None:
    error = refused({"wijk": ["A", "B", "C", "C"]}, {"wijk": {"A": 10, "B": 20}})
    assert error.code == "unknown-category"
    assert error.facts == {"variable": "wijk", "category": "C", "first": 3, "count": 2}


def test_a_respondent_without_a_category_is_refused() -> None:
    error = refused({"wijk": ["A", None, "B", " "]}, {"wijk": {"A": 10, "B": 20}})
    assert error.code == "missing-category"
    assert error.facts == {"variable": "wijk", "first": 2, "count": 2}


def test_respondents_in_a_group_without_residents_are_refused() -> None:
    error = refused({"g": ["a", "b", "b"]}, {"g": {"a": 10, "b": 0}})
    assert error.code == "category-without-population"
    assert error.facts["category"] == "b" and error.facts["first"] == 2


def test_margins_with_different_totals_are_refused() -> None:
    error = refused({"g": ["a", "b"], "h": ["x", "y"]}, {"g": {"a": 500, "b": 500}, "h": {"x": 500, "y": 510}})
    assert error.code == "totals-differ"
    assert (error.facts["variable"], error.facts["other"]) == ("g", "h")
    assert "1.000" in str(error) and "1.010" in str(error) and "0,5%" in str(error)


def test_the_totals_tolerance_can_be_widened() -> None:
    margins = {"g": {"a": 500, "b": 500}, "h": {"x": 500, "y": 510}}
    result = rake({"g": ["a", "a", "b", "b"], "h": ["x", "y", "x", "y"]}, margins, totals_tolerance=0.02)
    assert result.converged and result.total == pytest.approx(1005)


@pytest.mark.parametrize("weight", [0.0, -1.0, float("nan"), float("inf"), None, "1"])
def test_base_weights_must_be_positive_numbers(weight: object) -> None:
    error = refused({"g": ["a", "b", "a"]}, {"g": {"a": 1, "b": 1}}, base_weights=[1.0, weight, 2.0])
    assert error.code == "invalid-base-weight"
    assert error.facts["row"] == 2


@pytest.mark.parametrize(
    ("respondents", "margins", "options", "code"),
    [
        ({"g": ["a"]}, {}, {}, "no-margins"),
        ({"g": ["a"]}, {"g": {"a": 1}, "h": {"x": 1}}, {}, "missing-variable"),
        ({"g": ["a", "a"], "h": ["x"]}, {"g": {"a": 1}, "h": {"x": 1}}, {}, "lengths-differ"),
        ({"g": []}, {"g": {"a": 1}}, {}, "no-respondents"),
        ({"g": ["a"]}, {"g": {"a": -1}}, {}, "invalid-population"),
        ({"g": ["a"]}, {"g": {"a": float("nan")}}, {}, "invalid-population"),
        ({"g": ["a"]}, {"g": {"a": "12"}}, {}, "invalid-population"),
        ({"g": ["a"]}, {"g": {"a": 0}}, {}, "empty-margin"),
        ({"g": ["a"]}, {"g": {"a": 1}}, {"base_weights": [1.0, 1.0]}, "base-weights-length"),
        ({"g": ["a"]}, {"g": {"a": 1}}, {"cap": 1.0}, "invalid-cap"),
    ],
)
def test_bad_input_has_a_stable_code_and_a_dutch_message(
    respondents: dict[str, list[str | None]], margins: dict[str, dict[str, float]], options: dict[str, Any], code: str
) -> None:
    error = refused(respondents, margins, **options)
    assert error.code == code
    assert str(error) == error.message("nl") and "{" not in str(error)


# -- properties ------------------------------------------------------------------------------


@st.composite
def problems(draw: st.DrawFn) -> tuple[dict[str, list[str]], dict[str, dict[str, float]], list[float] | None]:
    """Small samples with every group present, margins on a common total, maybe base weights."""
    sizes = draw(st.lists(st.integers(2, 4), min_size=1, max_size=3))
    n = draw(st.integers(max(sizes), 40))
    respondents, margins = {}, {}
    for index, size in enumerate(sizes):
        extra = draw(st.lists(st.integers(0, size - 1), min_size=n - size, max_size=n - size))
        codes = draw(st.permutations([*range(size), *extra]))
        respondents[f"v{index}"] = [f"c{code}" for code in codes]
        shares = draw(st.lists(st.floats(0.05, 1.0), min_size=size, max_size=size))
        margins[f"v{index}"] = {f"c{code}": 1000 * share / sum(shares) for code, share in enumerate(shares)}
    base = draw(st.none() | st.lists(st.floats(0.1, 10.0), min_size=n, max_size=n))
    return respondents, margins, base


@given(problems())
@settings(max_examples=80, deadline=None)
def test_weights_are_positive_and_meet_the_margins_when_converged(
    problem: tuple[dict[str, list[str]], dict[str, dict[str, float]], Sequence[float] | None],
) -> None:
    respondents, margins, base = problem
    result = rake(respondents, margins, base_weights=base, max_iterations=300)
    # margins a sample cannot meet drive some weights towards 0 (converged is then False)
    assert bool(np.all(np.isfinite(result.weights) & (result.weights >= 0)))
    assert result.weights.sum() == pytest.approx(1000, rel=1e-9)
    if result.converged:
        assert bool(np.all(result.weights > 0))
        for variable, population in margins.items():
            totals = weighted_totals(result, respondents, variable)
            for category, count in population.items():
                assert abs(totals[category] - count) <= 1e-9 * 1000
