# SPDX-License-Identifier: EUPL-1.2
"""Measurements that are not there (n.b., n.n.b., n.a.): the spellings tables use, the rule
"no value exactly when there is a code, and then a reason", and versions as usual."""

from __future__ import annotations

import pytest

from koers.domain.measurements import (
    UNAVAILABLE_LABELS,
    InvalidMeasurement,
    Measurement,
    MeasurementStatus,
    Unavailable,
    current_version,
    read_unavailable,
)
from koers.domain.periods import Period

NB, NNB, NA = Unavailable.NOT_AVAILABLE, Unavailable.NOT_YET_KNOWN, Unavailable.NOT_APPLICABLE
Y2024 = Period.parse("2024")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("n.b.", NB),
        ("nb", NB),
        ("n.b", NB),
        ("N.B.", NB),
        (" n. b. ", NB),
        ("NB", NB),
        ("n.n.b.", NNB),
        ("nnb", NNB),
        ("N.N.B", NNB),
        ("n.a.", NA),
        ("na", NA),
        ("n.v.t.", NA),
        ("nvt", NA),
        ("N.V.T.", NA),
    ],
)
def test_the_spellings_tables_use(text: str, code: Unavailable) -> None:
    assert read_unavailable(text) is code


@pytest.mark.parametrize("text", ["-", "x", ".", "?", "", "48", "n", "nbb", "niet beschikbaar", "n.b. want weg"])
def test_other_signs_are_no_code(text: str) -> None:
    assert read_unavailable(text) is None


def test_numbers_are_no_code() -> None:
    assert read_unavailable(48.0) is None and read_unavailable(None) is None


def test_the_codes_and_their_labels() -> None:
    assert [c.value for c in Unavailable] == ["n.b.", "n.n.b.", "n.a."]
    assert set(UNAVAILABLE_LABELS) == set(Unavailable)
    assert NB.label() == "niet beschikbaar" and NA.label() == "niet van toepassing"


def test_a_figure_that_is_not_there() -> None:
    m = Measurement("VW-01", Y2024, "GM0396", None, unavailable=NB, note="CBS publiceert dit niet meer")
    assert not m.available and m.value is None
    assert Measurement("VW-01", Y2024, "GM0396", 48.0).available


@pytest.mark.parametrize(
    ("value", "code", "note", "says"),
    [
        (None, None, None, "needs an unavailable code"),
        (48.0, NB, "reden", "either there or not"),
        (None, NB, None, "without a reason"),
        (None, NNB, "  ", "without a reason"),
    ],
)
def test_the_rule_is_held(value: float | None, code: Unavailable | None, note: str | None, says: str) -> None:
    with pytest.raises(InvalidMeasurement, match=says):
        Measurement("VW-01", Y2024, "GM0396", value, unavailable=code, note=note)


def test_it_is_a_version_like_any_other() -> None:
    figure = Measurement("VW-01", Y2024, "GM0396", 48.0, version=1)
    gone = Measurement("VW-01", Y2024, "GM0396", None, version=2, unavailable=NB, note="niet meer gemeten")
    back = Measurement("VW-01", Y2024, "GM0396", 47.0, version=3)
    assert current_version([figure, gone]) is gone
    assert current_version([figure, gone, back]) is back
    provisional = Measurement(
        "VW-01", Y2024, "GM0396", None, MeasurementStatus.PROVISIONAL, 4, unavailable=NNB, note="komt in april"
    )
    assert current_version([figure, gone, back, provisional]) is back  # a final figure is not replaced
