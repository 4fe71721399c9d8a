# SPDX-License-Identifier: EUPL-1.2
"""Money per challenge: what was budgeted, what the budget became, and what was spent.

A council asks what the money bought. Per challenge (*maatschappelijke opgave*) and year the
municipality has three amounts: the *begroting* as adopted (the primitieve begroting), the
*gewijzigde begroting* after the year's amendments, and the *realisatie* in the jaarstukken.
The kind is a closed vocabulary (:class:`AmountKind`), labelled once in :data:`KIND_LABELS`.

The share spent compares the realisatie with the budget that held at the end of the year: the
gewijzigde begroting where there is one, else the begroting. A plan that wants its budget to
follow its challenges (Heemskerk 2024, §5.2) states a total; :func:`stated_total_findings`
checks that the challenges' own budgets (:attr:`Challenge.budget`) add up to it. Where the
budget is kept per Iv3 *taakveld* (6.1 Samenkracht en burgerparticipatie, 6.71
Maatwerkdienstverlening 18+ ...), the plan maps each taakveld to a challenge (:class:`PlanMoney`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from koers.domain.budgets import Budget
from koers.domain.formatting import format_euro_short, format_number
from koers.domain.vocabulary import every
from koers.i18n import N_, _


class AmountKind(StrEnum):
    """Which amount: the values are the codes stored and written in files."""

    BUDGET = "begroting"
    REVISED = "gewijzigde begroting"
    ACTUAL = "realisatie"

    def label(self, lang: str = "nl") -> str:
        return _(KIND_LABELS[self], lang)


KIND_LABELS: Final = every(
    AmountKind,
    {
        AmountKind.BUDGET: N_("Begroot"),
        AmountKind.REVISED: N_("Gewijzigde begroting"),
        AmountKind.ACTUAL: N_("Gerealiseerd"),
    },
)

#: The words people write in a file for each kind (lower case), besides the codes themselves.
KIND_WORDS: Final = every(
    AmountKind,
    {
        AmountKind.BUDGET: ("begroting", "primitieve begroting", "begroot", "budget", "primitief"),
        AmountKind.REVISED: ("gewijzigde begroting", "gewijzigd", "actuele begroting", "revised budget", "revised"),
        AmountKind.ACTUAL: ("realisatie", "gerealiseerd", "rekening", "werkelijk", "actual", "actuals"),
    },
)


def parse_kind(text: str) -> AmountKind | None:
    """The kind a cell names ('Gewijzigde begroting', 'realisatie'), or None."""
    word = " ".join(text.strip().lower().split())
    return next((kind for kind, words in KIND_WORDS.items() if word in words), None)


#: An Iv3 taakveld code: '6.1', '6.71', '0.10'.
TAAKVELD_PATTERN: Final = r"^\d{1,2}\.\d{1,2}$"
_TAAKVELD_CODE = re.compile(r"^\s*(\d{1,2}\.\d{1,2})\b")


def taakveld_code(text: str) -> str | None:
    """The code at the start of a taakveld as written ('6.71 Maatwerkdienstverlening 18+': '6.71')."""
    found = _TAAKVELD_CODE.match(text)
    return found.group(1) if found else None


def _checked_code(code: str) -> str:
    if not re.match(TAAKVELD_PATTERN, code):
        raise PydanticCustomError(
            "invalid-taakveld", "'{value}' is not an Iv3 taakveld code such as 6.1", {"value": code}
        )
    return code


#: A taakveld code as a key of ``money.taakvelden``: a wrong one is found at its own key (the
#: line in YAML, the row in the plan workbook), not at the mapping as a whole.
TaakveldCode = Annotated[str, AfterValidator(_checked_code)]


class PlanMoney(BaseModel):
    """The plan's money section: the total it states, and where each taakveld's money goes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    total: Budget | None = Field(
        default=None,
        description="The total the plan states for its challenges ('45.128.079, begroting 2024'); the "
        "challenges' budgets of that year must add up to it.",
    )
    tolerance: float = Field(default=0, ge=0, description="Euros the total may differ (rounding in the plan).")
    taakvelden: dict[TaakveldCode, str] = Field(
        default_factory=dict,
        description="Iv3 taakveld code to challenge id ({'6.1': 'ontmoeten-en-omzien'}): amounts per "
        "taakveld are added up per challenge.",
    )


Finding = tuple[tuple[str | int, ...], str, dict[str, Any]]


def stated_total_findings(budgets: Sequence[Budget | None], money: PlanMoney) -> list[Finding]:
    """The plan's stated total against its challenges' budgets of that year; a finding when they
    differ (more than the tolerance), with both sums, so the reader sees which number is off."""
    if money.total is None:
        return []
    summed = sum(b.amount for b in budgets if b is not None and b.year == money.total.year)
    if abs(summed - money.total.amount) <= money.tolerance + 1e-9:
        return []
    context = {"summed": summed, "total": money.total.amount, "year": money.total.year}
    return [(("money", "total", "amount"), "challenge-budgets-disagree", context)]


@dataclass(frozen=True, slots=True)
class Amount:
    """One amount of one challenge in one year, in euro."""

    challenge: str
    year: int
    kind: AmountKind
    amount: float
    source: str | None = None


def summed(amounts: Iterable[Amount]) -> list[Amount]:
    """Amounts added up per (challenge, year, kind): taakvelden that serve one challenge become
    one amount; the sources are joined, first seen first."""
    totals: dict[tuple[str, int, AmountKind], tuple[float, list[str]]] = {}
    for a in amounts:
        key = (a.challenge, a.year, a.kind)
        total, sources = totals.get(key, (0.0, []))
        if a.source and a.source not in sources:
            sources = [*sources, a.source]
        totals[key] = (total + a.amount, sources)
    return [Amount(c, y, k, total, "; ".join(sources) or None) for (c, y, k), (total, sources) in totals.items()]


@dataclass(frozen=True, slots=True)
class YearMoney:
    """A challenge's three amounts in one year; None where there is none."""

    year: int
    budget: float | None = None
    revised: float | None = None
    actual: float | None = None
    #: Where each amount comes from ('Jaarstukken 2025'), for the kinds that name a source.
    sources: tuple[tuple[AmountKind, str], ...] = ()

    def source(self, kind: AmountKind) -> str | None:
        """Where the amount of ``kind`` comes from, or None."""
        return next((text for k, text in self.sources if k is kind), None)

    @property
    def current_budget(self) -> float | None:
        """The budget that held at the end of the year: the gewijzigde begroting, else the begroting."""
        return self.revised if self.revised is not None else self.budget

    @property
    def spent_share(self) -> float | None:
        """Realisatie as a share of the current budget (0.93), or None without both (or a budget of 0)."""
        if self.actual is None or not self.current_budget:
            return None
        return self.actual / self.current_budget

    def share_text(self, lang: str = "nl") -> str:
        """The share spent as a table shows it ('93%'), or '-' without one."""
        share = self.spent_share
        return format_share(share, lang) if share is not None else "-"

    def sentence(self, lang: str = "nl") -> str:
        """The year in one plain sentence, as a council reads it."""
        budget = self.current_budget
        if budget is None and self.actual is None:
            return ""
        if self.actual is None:
            assert budget is not None
            return _(
                "In {year} is {budget} begroot; er is nog geen realisatie.",
                lang,
                year=self.year,
                budget=format_euro_short(budget, lang),
            )
        if budget is None:
            return _(
                "In {year} is {actual} uitgegeven; er is geen begroting bekend.",
                lang,
                year=self.year,
                actual=format_euro_short(self.actual, lang),
            )
        share = self.spent_share
        return _(
            "In {year} is {actual} uitgegeven van {budget} begroot ({share}).",
            lang,
            year=self.year,
            actual=format_euro_short(self.actual, lang),
            budget=format_euro_short(budget, lang),
            share=format_share(share, lang) if share is not None else "-",
        )


def format_share(share: float, lang: str = "nl") -> str:
    """93% (whole percents: a budget is not steered to the decimal)."""
    return f"{format_number(round(share * 100), lang)}%"


@dataclass(frozen=True, slots=True)
class ChallengeMoney:
    """A challenge's money, per year, oldest first."""

    challenge: str
    years: tuple[YearMoney, ...]

    @property
    def latest(self) -> YearMoney | None:
        """The last year with a realisatie, else the last year: what a summary speaks of."""
        with_actual = [y for y in self.years if y.actual is not None]
        return with_actual[-1] if with_actual else (self.years[-1] if self.years else None)

    def sentence(self, lang: str = "nl") -> str:
        latest = self.latest
        return latest.sentence(lang) if latest else ""


def per_challenge(amounts: Iterable[Amount], challenge_ids: Iterable[str]) -> dict[str, ChallengeMoney]:
    """The amounts arranged per challenge and year, for every challenge named (empty if none)."""
    arranged: dict[str, dict[int, dict[AmountKind, Amount]]] = {c: {} for c in challenge_ids}
    for a in summed(amounts):
        if a.challenge in arranged:
            arranged[a.challenge].setdefault(a.year, {})[a.kind] = a
    return {
        c: ChallengeMoney(c, tuple(_year(y, kinds) for y, kinds in sorted(years.items())))
        for c, years in arranged.items()
    }


def _year(year: int, kinds: dict[AmountKind, Amount]) -> YearMoney:
    def amount(kind: AmountKind) -> float | None:
        found = kinds.get(kind)
        return found.amount if found is not None else None

    sources = tuple((k, kinds[k].source or "") for k in AmountKind if k in kinds and kinds[k].source)
    return YearMoney(year, amount(AmountKind.BUDGET), amount(AmountKind.REVISED), amount(AmountKind.ACTUAL), sources)


def total(amounts: Iterable[Amount], kind: AmountKind, year: int) -> float:
    """All challenges together: what the plan's stated total is compared with."""
    return sum(a.amount for a in amounts if a.kind == kind and a.year == year)


def years_of(money: Iterable[ChallengeMoney]) -> Iterator[int]:
    """Every year any challenge has an amount for, in order."""
    yield from sorted({y.year for m in money for y in m.years})
