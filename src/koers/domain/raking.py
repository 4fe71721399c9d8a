# SPDX-License-Identifier: EUPL-1.2
"""Raking: respondent weights that make a survey sample look like the population.

A resident survey reaches some groups better than others: more older residents answer, more
from one wijk than from another. Raking (iterative proportional fitting, Deming and Stephan
1940) gives every respondent a weight such that the weighted sample matches the population on
each margin variable (age group, wijk, gender ...) at the same time. It adjusts the weights to
one variable's population counts, then to the next, and repeats until every margin is met.
The result is the set of weights closest to the base weights (in the Kullback-Leibler sense)
that meets all margins, which is why two correct implementations agree to rounding.

How koers computes it, and why it is fast:

* categories are encoded to integer codes once;
* respondents with the same category on every margin variable (one *cell* of the cross
  table) always get the same raking factor, so koers rakes the cell totals of the base weights
  (at most one per respondent, usually a few hundred), each step one ``np.bincount`` per
  margin, and spreads the factors over the respondents once at the end. This is exact, not an
  approximation: raking only ever sees the base weights through these totals.

What the weights add up to: with population *counts* the weights sum to the population total
(so a weight reads as "this respondent stands for 12.3 residents"); with *shares* (every
variable's values sum to 1) they sum to the number of respondents, so the mean weight is 1.

Raking can fail to meet the margins when the sample leaves cells of the cross table empty in a
way the margins cannot live with. Then :func:`rake` does not raise: it returns the last weights
with ``converged`` False and the difference that remains, so that the caller can show how far
off they are. Bad input, in contrast, raises a :class:`RakingError` with a stable code and a
message in plain Dutch that says what to change.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from koers.domain.formatting import format_number
from koers.domain.wording import Wording
from koers.i18n import N_

#: Per variable, the category of each respondent (None or "" where it is unknown).
Respondents = Mapping[str, Sequence[str | None]]
#: Per variable, the population per category: counts, or shares that sum to 1.
Margins = Mapping[str, Mapping[str, float]]
#: Weights, one per respondent: a list, or an array such as :attr:`RakingResult.weights`.
Weights = Sequence[float] | NDArray[np.float64]

#: Raking has converged when no weighted group size differs from its population size by more
#: than this share of the population total (of 100,000 residents: a ten-millionth of one).
#: Near the rounding of floating point on purpose: steps over the cells cost next to nothing,
#: and two implementations then agree on every weight to about 1e-11.
TOLERANCE: Final = 1e-12
#: Sweeps over all margins before raking gives up (and returns ``converged`` False).
MAX_ITERATIONS: Final = 1000
#: How much the totals of different margin variables may differ, relative to the smallest,
#: before koers refuses them: figures of the same date and source differ only by rounding.
TOTALS_TOLERANCE: Final = 0.005
#: Rounds of capping and raking again before koers gives up on a weight cap.
MAX_TRIM_ROUNDS: Final = 200
#: A capped weight may exceed the cap by this share of it (raking again moves it a little).
CAP_SLACK: Final = 1e-6
#: Cross tables up to this many cells are counted in a dense table; larger ones are sorted.
_DENSE_CELLS: Final = 1 << 22

#: What is wrong with the input, per code (English: koers.i18n); the facts fill in the text.
RAKING_PROBLEMS: Final = {
    "no-margins": N_(
        "Er zijn geen bevolkingscijfers om mee te wegen. Geef per kenmerk (bijvoorbeeld leeftijd of wijk) "
        "het aantal inwoners per groep."
    ),
    "missing-variable": N_(
        "De bevolkingscijfers hebben het kenmerk '{variable}', maar de antwoorden niet. Voeg het kenmerk toe "
        "aan de antwoorden, of laat het weg uit de bevolkingscijfers."
    ),
    "lengths-differ": N_(
        "Aantal respondenten: {respondents}. Aantal waarden bij '{variable}': {count}. "
        "Geef voor elke respondent precies één waarde."
    ),
    "no-respondents": N_("Er zijn geen respondenten om te wegen."),
    "empty-margin": N_("De bevolkingscijfers van '{variable}' tellen op tot 0. Geef het aantal inwoners per groep."),
    "invalid-population": N_(
        "Bij '{variable}' is het aantal inwoners van de groep '{category}' '{value}'. Dat kan niet: "
        "geef een getal van 0 of meer."
    ),
    "totals-differ": N_(
        "De bevolkingscijfers tellen niet op tot hetzelfde totaal: '{variable}' komt op {total} inwoners, "
        "'{other}' op {other_total}. Dat verschil is groter dan {tolerance}%. Gebruik cijfers van dezelfde "
        "datum en dezelfde bron, zodat elk kenmerk op hetzelfde aantal inwoners uitkomt."
    ),
    "missing-category": N_(
        "Respondent {first} heeft geen waarde bij '{variable}' (aantal respondenten zonder waarde: {count}). "
        "Voor het wegen heeft elke respondent een groep nodig. Vul de waarde aan, of laat deze "
        "respondenten weg bij het wegen."
    ),
    "unknown-category": N_(
        "Bij '{variable}' staat de groep '{category}' wel in de antwoorden (eerst bij respondent {first}; "
        "aantal: {count}), maar niet in de bevolkingscijfers. Voeg de groep toe aan de "
        "bevolkingscijfers, of zet deze respondenten in een groep die er wel in staat."
    ),
    "category-without-respondents": N_(
        "Bij '{variable}' heeft de groep '{category}' wel inwoners, maar geen enkele respondent. "
        "Dan kan het wegen deze groep niet goed maken. Voeg de groep samen met een groep die erop lijkt "
        "(bijvoorbeeld twee leeftijdsgroepen of twee buurwijken), in de bevolkingscijfers en in de antwoorden."
    ),
    "category-without-population": N_(
        "Bij '{variable}' heeft de groep '{category}' respondenten (eerst bij respondent {first}; aantal: {count}), "
        "maar 0 inwoners in de bevolkingscijfers. Controleer de bevolkingscijfers, of voeg de groep "
        "samen met een groep die erop lijkt."
    ),
    "invalid-base-weight": N_(
        "Respondent {row} heeft startgewicht '{value}'. Een startgewicht moet een getal groter dan 0 zijn."
    ),
    "base-weights-length": N_(
        "Aantal respondenten: {respondents}. Aantal startgewichten: {count}. Geef elke respondent "
        "precies één startgewicht."
    ),
    "invalid-cap": N_(
        "De grens voor gewichten is {cap} keer het gemiddelde gewicht. Die grens moet groter dan 1 zijn."
    ),
}


def _show(value: Any, lang: str) -> Any:
    """A fact for people: numbers the reader's way (12.345; 0,5), anything else as it is."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, lang)
    return value


class RakingError(ValueError):
    """Input that raking cannot use; ``code`` is a key of :data:`RAKING_PROBLEMS`.

    ``str()`` is the Dutch message; :meth:`message` gives it in another language, and
    :meth:`wording` keeps it as facts for whoever renders it later.
    """

    def __init__(self, code: str, **facts: Any) -> None:
        self.code = code
        self.facts = facts
        super().__init__(self.message())

    def wording(self) -> Wording:
        """What is wrong, in words rendered late (the reader's language)."""
        return Wording(RAKING_PROBLEMS[self.code], self.facts)

    def message(self, lang: str = "nl") -> str:
        return self.wording().render(lang, _show)


@dataclass(frozen=True, slots=True, eq=False)
class RakingResult:
    """Weights, one per respondent in input order (read-only), and how the raking went.

    ``max_difference`` is the largest difference between a weighted group size and its
    population size, as a share of the population total, measured on the returned weights
    (0.001 means a tenth of a percentage point). ``total`` is what the weights sum to: the
    population total for counts, the number of respondents for shares (``from_shares``).
    ``converged`` is False when the margins were not met within the iterations, or when a cap
    could not be kept while meeting them; the weights are then the last ones reached, and
    where the sample cannot meet the margins at all, some of them shrink towards 0.
    """

    weights: NDArray[np.float64]
    iterations: int
    converged: bool
    max_difference: float
    total: float
    from_shares: bool


@dataclass(frozen=True, slots=True)
class _Margin:
    """One margin variable: its categories in order and their population, on the common total."""

    variable: str
    categories: tuple[str, ...]
    population: NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class _Cells:
    """The cross table of the margin variables, with only the cells that hold respondents."""

    of: NDArray[np.intp]  # per respondent, its cell
    codes: tuple[NDArray[np.intp], ...]  # per margin, the category of each cell


def rake(
    respondents: Respondents,
    margins: Margins,
    *,
    base_weights: Weights | None = None,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
    totals_tolerance: float = TOTALS_TOLERANCE,
    cap: float | None = None,
) -> RakingResult:
    """Rake ``base_weights`` (1 for everyone when None) to the population ``margins``.

    ``respondents`` holds, per margin variable, each respondent's category; other variables
    are ignored. Margins may be counts (the weights then sum to the population total) or
    shares that sum to 1 per variable (the weights then sum to the number of respondents).
    Totals of different variables may differ by ``totals_tolerance`` (relative); each margin is
    then scaled to their mean, keeping its shares.

    ``cap`` trims weights: a weight above ``cap`` times the mean weight is set to that limit and
    the weights are raked again, until the margins are met with every weight within the limit
    (or :data:`MAX_TRIM_ROUNDS` pass). Trimming trades a little bias for less variance.

    Bad input raises a :class:`RakingError`. Not converging does not raise: the caller gets
    the weights reached, ``converged`` False and the difference that remains, and decides.
    """
    _check_settings(tolerance, max_iterations, cap)
    targets, n, from_shares = _margins(respondents, margins, totals_tolerance)
    base = _base_weights(base_weights, n)
    codes = tuple(_encode(respondents[margin.variable], margin) for margin in targets)
    _check_reachable(codes, targets)
    cells = _cross(codes, tuple(len(margin.categories) for margin in targets))
    total = float(targets[0].population.sum())
    if cap is None:
        return _rake_once(cells, base, targets, tolerance, max_iterations, from_shares, total)
    return _rake_trimmed(cells, base, targets, tolerance, max_iterations, from_shares, total, cap)


def _check_settings(tolerance: float, max_iterations: int, cap: float | None) -> None:
    if not (math.isfinite(tolerance) and tolerance > 0):
        raise ValueError(f"tolerance must be a positive number, not {tolerance}")
    if max_iterations < 1:
        raise ValueError(f"max_iterations must be at least 1, not {max_iterations}")
    if cap is not None and not (math.isfinite(cap) and cap > 1):
        raise RakingError("invalid-cap", cap=cap)


# -- the input -------------------------------------------------------------------------------


def _margins(respondents: Respondents, margins: Margins, totals_tolerance: float) -> tuple[list[_Margin], int, bool]:
    """The margins on one common total, the number of respondents, and whether they were shares."""
    if not margins:
        raise RakingError("no-margins")
    n = _respondent_count(respondents, margins)
    raw = {variable: _population(variable, counts) for variable, counts in margins.items()}
    totals = {variable: float(population.sum()) for variable, population in raw.items()}
    from_shares = all(abs(total - 1) <= totals_tolerance for total in totals.values())
    if not from_shares:
        _check_totals(totals, totals_tolerance)
    common = float(n) if from_shares else sum(totals.values()) / len(totals)
    targets = [
        _Margin(variable, tuple(margins[variable]), raw[variable] * (common / totals[variable])) for variable in raw
    ]
    return targets, n, from_shares


def _respondent_count(respondents: Respondents, margins: Margins) -> int:
    """The number of respondents: every margin variable must have one value for each."""
    n: int | None = None
    for variable in margins:
        if variable not in respondents:
            raise RakingError("missing-variable", variable=variable)
        count = len(respondents[variable])
        if n is None:
            n = count
        elif count != n:
            raise RakingError("lengths-differ", variable=variable, count=count, respondents=n)
    if not n:
        raise RakingError("no-respondents")
    return n


def _population(variable: str, counts: Mapping[str, float]) -> NDArray[np.float64]:
    for category, value in counts.items():
        if not _is_number(value) or not (math.isfinite(value) and value >= 0):
            raise RakingError("invalid-population", variable=variable, category=category, value=str(value))
    population = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    if not population.sum() > 0:
        raise RakingError("empty-margin", variable=variable)
    return population


def _is_number(value: object) -> bool:
    """A real number, numpy's included; not True or False, which are no counts or weights."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def _check_totals(totals: Mapping[str, float], tolerance: float) -> None:
    """Refuse margins whose totals differ by more than rounding: they describe different populations."""
    low = min(totals, key=lambda variable: totals[variable])
    high = max(totals, key=lambda variable: totals[variable])
    if totals[high] > totals[low] * (1 + tolerance):
        raise RakingError(
            "totals-differ",
            variable=low,
            total=totals[low],
            other=high,
            other_total=totals[high],
            tolerance=tolerance * 100,
        )


def _base_weights(base_weights: Weights | None, n: int) -> NDArray[np.float64] | None:
    """The base weights as an array (None: all 1), each a finite number above 0."""
    if base_weights is None:
        return None
    if len(base_weights) != n:
        raise RakingError("base-weights-length", count=len(base_weights), respondents=n)
    given = np.asarray(base_weights)
    if given.dtype.kind not in "iuf":  # text, None or True among them: find the first
        row = next(i for i, value in enumerate(base_weights) if not _is_number(value))
        raise RakingError("invalid-base-weight", row=row + 1, value=str(base_weights[row]))
    base = given.astype(np.float64)
    bad = np.flatnonzero(~(np.isfinite(base) & (base > 0)))
    if bad.size:
        row = int(bad[0])
        raise RakingError("invalid-base-weight", row=row + 1, value=str(base_weights[row]))
    return base


def _encode(column: Sequence[str | None], margin: _Margin) -> NDArray[np.intp]:
    """Each respondent's category as its position in the margin: done once, used every step."""
    lookup: dict[str | None, int] = {category: code for code, category in enumerate(margin.categories)}
    try:
        return np.fromiter(map(lookup.__getitem__, column), dtype=np.intp, count=len(column))
    except (KeyError, TypeError):
        pass
    rows = [row for row, category in enumerate(column) if not _known(category, lookup)]
    first = rows[0]
    if any(_missing(column[row]) for row in rows):
        missing = [row for row in rows if _missing(column[row])]
        raise RakingError("missing-category", variable=margin.variable, first=missing[0] + 1, count=len(missing))
    category = column[first]
    count = sum(1 for row in rows if column[row] == category)
    raise RakingError("unknown-category", variable=margin.variable, category=category, first=first + 1, count=count)


def _known(category: object, lookup: Mapping[str | None, int]) -> bool:
    try:
        return category in lookup
    except TypeError:  # an unhashable value (a list) is no category
        return False


def _missing(category: object) -> bool:
    return category is None or (isinstance(category, str) and not category.strip())


def _check_reachable(codes: Sequence[NDArray[np.intp]], targets: Sequence[_Margin]) -> None:
    """Every group with residents needs respondents, and every group with respondents residents:
    raking multiplies weights, so it can neither create a group nor empty one."""
    for column, margin in zip(codes, targets, strict=True):
        counts = np.bincount(column, minlength=len(margin.categories))
        empty = np.flatnonzero((counts == 0) & (margin.population > 0))
        if empty.size:
            category = int(empty[0])
            raise RakingError(
                "category-without-respondents",
                variable=margin.variable,
                category=margin.categories[category],
            )
        unpopulated = np.flatnonzero((counts > 0) & (margin.population == 0))
        if unpopulated.size:
            category = int(unpopulated[0])
            rows = np.flatnonzero(column == category)
            raise RakingError(
                "category-without-population",
                variable=margin.variable,
                category=margin.categories[category],
                first=int(rows[0]) + 1,
                count=int(rows.size),
            )


def _cross(codes: Sequence[NDArray[np.intp]], sizes: Sequence[int]) -> _Cells:
    """The occupied cells of the cross table of ``codes`` (whose categories number ``sizes``)."""
    size = math.prod(sizes)
    if size > _DENSE_CELLS:
        rows = np.stack(codes, axis=1)
        unique, inverse = np.unique(rows, axis=0, return_inverse=True)
        return _Cells(inverse.reshape(-1).astype(np.intp), tuple(unique[:, j] for j in range(len(codes))))
    flat = codes[0].astype(np.intp)
    for column, categories in zip(codes[1:], sizes[1:], strict=True):
        flat *= categories
        flat += column
    present = np.flatnonzero(np.bincount(flat, minlength=size))
    index = np.zeros(size, dtype=np.intp)
    index[present] = np.arange(present.size, dtype=np.intp)
    cell_codes = tuple(np.asarray(c, dtype=np.intp) for c in np.unravel_index(present, tuple(sizes)))
    return _Cells(index[flat], cell_codes)


# -- raking ------------------------------------------------------------------------------------


def _rake_once(
    cells: _Cells,
    base: NDArray[np.float64] | None,
    targets: Sequence[_Margin],
    tolerance: float,
    max_iterations: int,
    from_shares: bool,
    total: float,
) -> RakingResult:
    cell_base = _cell_totals(cells, base)
    raked, iterations, converged = _rake_cells(cell_base, cells.codes, targets, total, tolerance, max_iterations)
    weights = _spread(raked, cell_base, cells, base)
    return _result(weights, cells, targets, iterations, converged, from_shares, total)


def _rake_trimmed(
    cells: _Cells,
    base: NDArray[np.float64] | None,
    targets: Sequence[_Margin],
    tolerance: float,
    max_iterations: int,
    from_shares: bool,
    total: float,
    cap: float,
) -> RakingResult:
    """Rake, cap the weights above ``cap`` times the mean, rake again, until both hold.

    The mean weight is fixed by the margins (the total over the number of respondents), so
    the limit is the same in every round. A group whose population per respondent is above
    the limit cannot keep it whatever the weights: then the weights are raked without a cap.
    """
    limit = cap * total / cells.of.size
    if not _cap_reachable(cells, targets, limit):
        untrimmed = _rake_once(cells, base, targets, tolerance, max_iterations, from_shares, total)
        return replace(untrimmed, converged=False)
    current = base
    iterations, converged, capped = 0, False, False
    for _round in range(MAX_TRIM_ROUNDS):
        cell_base = _cell_totals(cells, current)
        raked, used, converged = _rake_cells(cell_base, cells.codes, targets, total, tolerance, max_iterations)
        iterations += used
        weights = _spread(raked, cell_base, cells, current)
        capped = bool(weights.max() <= limit * (1 + CAP_SLACK))
        if capped or not converged:
            break
        current = np.minimum(weights, limit)
    return _result(weights, cells, targets, iterations, converged and capped, from_shares, total)


def _cap_reachable(cells: _Cells, targets: Sequence[_Margin], limit: float) -> bool:
    """Whether every group's population fits under ``limit`` per respondent: needed, not enough."""
    respondents = np.bincount(cells.of, minlength=cells.codes[0].size).astype(np.float64)
    return all(
        bool(np.all(margin.population <= limit * (1 + CAP_SLACK) * _sums(codes, respondents, margin.population.size)))
        for codes, margin in zip(cells.codes, targets, strict=True)
    )


def _cell_totals(cells: _Cells, base: NDArray[np.float64] | None) -> NDArray[np.float64]:
    """The base weight in each cell: the only thing raking needs to know of the respondents."""
    size = cells.codes[0].size
    if base is None:
        return np.bincount(cells.of, minlength=size).astype(np.float64)
    return _sums(cells.of, base, size)


def _sums(codes: NDArray[np.intp], weights: NDArray[np.float64], size: int) -> NDArray[np.float64]:
    """The weights summed per code (``size`` codes): one ``np.bincount``, the step raking repeats."""
    return np.bincount(codes, weights=weights, minlength=size).astype(np.float64, copy=False)


def _rake_cells(
    cell_base: NDArray[np.float64],
    cell_codes: Sequence[NDArray[np.intp]],
    targets: Sequence[_Margin],
    total: float,
    tolerance: float,
    max_iterations: int,
) -> tuple[NDArray[np.float64], int, bool]:
    """Iterative proportional fitting of the cell weights: per sweep, each margin in turn."""
    weights = cell_base.copy()
    if _difference(weights, cell_codes, targets, total) <= tolerance:
        return weights, 0, True
    for iteration in range(1, max_iterations + 1):
        for codes, margin in zip(cell_codes, targets, strict=True):
            current = _sums(codes, weights, margin.population.size)
            factor = np.divide(
                margin.population, current, out=np.ones_like(current), where=current > 0
            )  # a group without cells has no population (checked): its factor is never used
            weights *= factor[codes]
        if _difference(weights, cell_codes, targets, total) <= tolerance:
            return weights, iteration, True
    return weights, max_iterations, False


def _difference(
    weights: NDArray[np.float64], cell_codes: Sequence[NDArray[np.intp]], targets: Sequence[_Margin], total: float
) -> float:
    """The largest gap between a weighted group size and its population, as a share of the total."""
    return (
        max(
            float(np.abs(_sums(codes, weights, margin.population.size) - margin.population).max())
            for codes, margin in zip(cell_codes, targets, strict=True)
        )
        / total
    )


def _spread(
    raked: NDArray[np.float64], cell_base: NDArray[np.float64], cells: _Cells, base: NDArray[np.float64] | None
) -> NDArray[np.float64]:
    """Each respondent's weight: its base weight times its cell's raking factor."""
    weights = (raked / cell_base)[cells.of]
    if base is not None:
        weights *= base
    return weights


def _result(
    weights: NDArray[np.float64],
    cells: _Cells,
    targets: Sequence[_Margin],
    iterations: int,
    converged: bool,
    from_shares: bool,
    total: float,
) -> RakingResult:
    """The result, with the remaining difference measured on the respondents' own weights."""
    in_cells = _sums(cells.of, weights, cells.codes[0].size)
    difference = _difference(in_cells, cells.codes, targets, total)
    weights.flags.writeable = False
    return RakingResult(weights, iterations, converged, difference, total, from_shares)
