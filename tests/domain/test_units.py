# SPDX-License-Identifier: EUPL-1.2
"""Units of indicators: what a number means.

koers refuses measurements in another unit than the goal's, so the unit must be explicit
and complete. These tests protect the shorthand ``unit: percentage``, the rules for rates
(``per`` and ``population`` together, ``per`` only for rates, only 100 to 100,000), the text
after a number in Dutch and English, and ``same_as``, which ignores the wording in ``label``.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from koers.domain.units import Unit, UnitKind


def error_type(caught: pytest.ExceptionInfo[ValidationError]) -> str:
    return caught.value.errors()[0]["type"]


def rate(per: int = 1000, population: str = "inwoners", **extra: object) -> Unit:
    return Unit(kind="rate", per=per, population=population, **extra)


# -- reading a unit -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [k for k in UnitKind if k is not UnitKind.RATE], ids=str)
def test_shorthand_is_the_kind(kind):
    unit = Unit.model_validate(kind.value)
    assert unit.kind is kind
    assert (unit.per, unit.population, unit.label) == (None, None, None)


def test_shorthand_percentage():
    assert Unit.model_validate("percentage") == Unit(kind=UnitKind.PERCENTAGE)


def test_unknown_kind_is_refused():
    with pytest.raises(ValidationError) as caught:
        Unit.model_validate("procent")
    assert error_type(caught) == "enum"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ("rate", "rate-without-base"),
        ({"kind": "rate"}, "rate-without-base"),
        ({"kind": "rate", "per": 1000}, "rate-without-base"),
        ({"kind": "rate", "population": "inwoners"}, "rate-without-base"),
        ({"kind": "count", "per": 1000}, "base-without-rate"),
        ({"kind": "percentage", "per": 100}, "base-without-rate"),
        ({"kind": "rate", "per": 500, "population": "inwoners"}, "invalid-rate-base"),
        ({"kind": "rate", "per": 10, "population": "inwoners"}, "invalid-rate-base"),
        ({"kind": "rate", "per": 1000000, "population": "inwoners"}, "invalid-rate-base"),
        ({"kind": "count", "eenheid": "kinderen"}, "extra_forbidden"),
    ],
    ids=repr,
)
def test_invalid_units(data, error):
    with pytest.raises(ValidationError) as caught:
        Unit.model_validate(data)
    assert error_type(caught) == error


@pytest.mark.parametrize("per", [100, 1000, 10000, 100000])
def test_rate_accepts_the_usual_bases(per):
    unit = rate(per=per)
    assert unit.kind is UnitKind.RATE
    assert unit.per == per


# -- label_text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "nl", "en"),
    [
        (rate(1000, "inwoners"), "per 1.000 inwoners", "per 1,000 inwoners"),
        (rate(10000, "jeugdigen tot 18 jaar"), "per 10.000 jeugdigen tot 18 jaar", "per 10,000 jeugdigen tot 18 jaar"),
        (rate(100000, "inwoners"), "per 100.000 inwoners", "per 100,000 inwoners"),
        (rate(100, "leerlingen"), "per 100 leerlingen", "per 100 leerlingen"),
        (rate(1000, "inwoners", label="meldingen"), "per 1.000 inwoners", "per 1,000 inwoners"),
        (Unit(kind="percentage"), "%", "%"),
        (Unit(kind="count"), "aantal", "count"),
        (Unit(kind="euro"), "euro", "euro"),
        (Unit(kind="nights"), "nachten", "nights"),
        (Unit(kind="days"), "dagen", "days"),
        (Unit(kind="weeks"), "weken", "weeks"),
        (Unit(kind="score"), "score", "score"),
        (Unit(kind="other"), "", ""),
        (Unit(kind="count", label="kinderen"), "kinderen", "kinderen"),
        (Unit(kind="other", label="rapportcijfer"), "rapportcijfer", "rapportcijfer"),
    ],
    ids=repr,
)
def test_label_text(unit, nl, en):
    assert unit.label_text() == nl
    assert unit.label_text("nl") == nl
    assert unit.label_text("en") == en


# -- same_as ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (Unit(kind="count", label="kinderen"), Unit(kind="count", label="huishoudens"), True),
        (Unit(kind="count", label="kinderen"), Unit(kind="count"), True),
        (rate(1000, "inwoners", label="meldingen"), rate(1000, "inwoners"), True),
        (Unit(kind="count"), Unit(kind="percentage"), False),
        (rate(1000, "inwoners"), rate(10000, "inwoners"), False),
        (rate(1000, "inwoners"), rate(1000, "jeugdigen"), False),
        (Unit(kind="days"), Unit(kind="nights"), False),
    ],
)
def test_same_as_ignores_only_the_label(a, b, same):
    assert a.same_as(b) is same
    assert b.same_as(a) is same


def test_label_still_counts_for_equality():
    # same_as is the domain question; == stays strict, so a plan file's wording is kept.
    assert Unit(kind="count", label="kinderen") != Unit(kind="count", label="huishoudens")


def test_units_are_immutable():
    unit = Unit(kind="count")
    with pytest.raises(ValidationError):
        unit.kind = UnitKind.EURO  # type: ignore[misc]
