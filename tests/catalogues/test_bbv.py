# SPDX-License-Identifier: EUPL-1.2
"""The national BBV catalogue koers ships, a municipality's own, and how BBV units compare.

The packaged list must be the published one: it is compared with the copy in ``shared/`` beside
this checkout, entry by entry. A municipality with a newer list passes its file; a file koers
cannot read is refused with a Dutch sentence that says where, never a traceback.
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from koers.catalogues import BBV_FILE, bbv_catalogue
from koers.cli.app import app
from koers.domain.bbv import BbvCatalogueError, BbvEntry, read_bbv_table, unit_conflict, unit_shape
from koers.domain.wording import Wording
from tests.conftest import HEEMSKERK_2024, ROOT

SHARED = ROOT.parent / "shared" / "data" / "bbv-indicators.tsv"
HEADER = "taakveld\tnr\tindicator\tunit\tsource\n"


def test_the_packaged_catalogue() -> None:
    catalogue = bbv_catalogue()
    assert len(catalogue) == 34
    assert not {7, 12, 13, 15, 25} & set(catalogue)  # dropped from the set earlier
    assert catalogue[32] == BbvEntry(
        32,
        "Cliënten met een maatwerkarrangement Wmo",
        "aantal per 10.000 inwoners",
        "CBS (Gemeentelijke Monitor Sociaal Domein)",
        "6",
    )
    assert catalogue[27].unit == "aantal per 10.000 inwoners van 18 jaar en ouder"


def test_the_packaged_catalogue_is_the_published_one() -> None:
    if not SHARED.exists():
        pytest.skip("the shared BBV catalogue is not beside this checkout")
    shared, packaged = bbv_catalogue(SHARED), bbv_catalogue()
    assert dict(shared) == dict(packaged)
    assert shared.origin == str(SHARED) and packaged.origin == f"koers ({BBV_FILE})"


def test_the_catalogue_is_package_data() -> None:
    """Read through importlib.resources, and declared for the wheel in pyproject.toml."""
    assert resources.files("koers.catalogues").joinpath(BBV_FILE).is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["package-data"]["koers.catalogues"] == ["*.tsv"]


def test_a_municipality_passes_its_own_list(tmp_path: Path) -> None:
    """A newer list (here: indicator 40, and 32 counted per 1.000) replaces koers's own."""
    newer = tmp_path / "bbv-2026.tsv"
    newer.write_text(
        "nr\tindicator\tunit\tsource\ttaakveld\textra\n"
        "32\tCliënten met een maatwerkarrangement Wmo\taantal per 1.000 inwoners\tCBS\t6\tx\n"
        "\n"
        "40\tNieuwe indicator\t%\tCBS\t6\t\n",
        encoding="utf-8",
    )
    catalogue = bbv_catalogue(newer)
    assert sorted(catalogue) == [32, 40]
    assert catalogue[32].unit == "aantal per 1.000 inwoners"
    code, out = _lint(str(HEEMSKERK_2024), "--bbv-catalogue", str(newer), "--json")
    assert code == 1
    assert [f["message"][:40] for f in _bbv(out)] == ["BBV-indicator 32 (Cliënten met een maatw"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "de kopregel ontbreekt"),
        ("taakveld\tnr\tindicator\tsource\n", "de kolom 'unit' ontbreekt in de kopregel"),
        (HEADER + "6\tnr. 32\tCliënten\taantal\tCBS\n", "regel 2: 'nr. 32' is geen nummer"),
        (HEADER + "6\t32\tCliënten\n", "regel 2: deze regel heeft niet alle kolommen van de kopregel"),
        (HEADER + "6\t32\tA\t%\tCBS\n6\t32\tB\t%\tCBS\n", "regel 3: nummer 32 staat er twee keer in"),
    ],
)
def test_a_list_koers_cannot_read_says_where(text: str, message: str) -> None:
    with pytest.raises(BbvCatalogueError) as raised:
        read_bbv_table(text)
    assert words(raised.value.wording) == message


def test_a_list_that_is_not_utf8(tmp_path: Path) -> None:
    latin = tmp_path / "bbv.tsv"
    latin.write_bytes((HEADER + "6\t32\tCliënten\t%\tCBS\n").encode("latin-1"))
    with pytest.raises(BbvCatalogueError):
        bbv_catalogue(latin)


def test_lint_refuses_a_list_it_cannot_use(tmp_path: Path) -> None:
    broken = tmp_path / "bbv.tsv"
    broken.write_text("nr\tunit\n", encoding="utf-8")
    code, err = _lint_err(str(HEEMSKERK_2024), "--bbv-catalogue", str(broken))
    assert code == 2
    assert f"De BBV-lijst '{broken}' is niet te lezen: de kolom 'taakveld' ontbreekt in de kopregel." in err
    code, err = _lint_err(str(HEEMSKERK_2024), "--bbv-catalogue", str(tmp_path / "weg.tsv"))
    assert code == 2
    assert "is niet te openen" in err and "Traceback" not in err


def test_heemskerk_units_agree_with_the_national_list() -> None:
    """Heemskerk words some units its own way ('Aantal per 10.000 inwoners' for number 27, whose
    list adds 'van 18 jaar en ouder'); none is a percentage for a count or another base."""
    code, out = _lint(str(HEEMSKERK_2024), "--json", "--as-of", "2026-11-23")
    assert code == 1
    assert _bbv(out) == []


# -- comparing units -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "percentage", "per"),
    [
        ("%", True, None),
        ("% van alle jongeren tot 18 jaar", True, None),
        ("kosten als % van totale loonsom", True, None),
        ("percentage", True, None),
        ("aantal per 10.000 inwoners van 18 jaar en ouder", False, 10000),
        ("Aantal per 1.000 leerlingen", False, 1000),
        ("per 1.000 inwoners", False, 1000),
        ("fte per 1.000 inwoners", False, 1000),
        ("kg per inwoner", False, 1),
        ("aantal", False, None),
        ("duizend euro", False, None),
    ],
)
def test_unit_shape(text: str, percentage: bool, per: int | None) -> None:
    shape = unit_shape(text)
    assert (shape.percentage, shape.per) == (percentage, per)


@pytest.mark.parametrize(
    ("plan", "catalogue", "difference"),
    [
        ("Aantal per 10.000 inwoners", "aantal per 10.000 inwoners van 18 jaar en ouder", None),
        ("% 12 t/m 21 jarigen", "% 12 t/m 21-jarigen", None),
        ("euro", "duizend euro", None),
        (
            "aantal per 1.000 inwoners",
            "aantal per 10.000 inwoners",
            "Het plan rekent per 1.000, de landelijke lijst per 10.000.",
        ),
        (
            "kosten per inwoner",
            "kosten per 1.000 inwoners",
            "Het plan rekent per inwoner, de landelijke lijst per 1.000.",
        ),
        (
            "aantal",
            "aantal per 1.000 leerlingen",
            "Het plan rekent in gewone aantallen, de landelijke lijst per 1.000.",
        ),
        ("%", "aantal per 10.000 inwoners", "Het plan geeft een percentage, de landelijke lijst niet."),
        ("aantal", "%", "De landelijke lijst geeft een percentage, het plan niet."),
    ],
)
def test_unit_conflict(plan: str, catalogue: str, difference: str | None) -> None:
    found = unit_conflict(plan, catalogue)
    assert (words(found) if found is not None else None) == difference


def words(value: Any, lang: str = "nl") -> Any:
    """A wording in ``lang``, with the wordings among its facts too."""
    return value.render(lang, words) if isinstance(value, Wording) else value


def _lint(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["lint", *args], env={"COLUMNS": "200"})
    return result.exit_code, result.stdout


def _lint_err(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["lint", *args], env={"COLUMNS": "300"})
    return result.exit_code, " ".join(result.stderr.split())


def _bbv(out: str) -> list[dict[str, str]]:
    return [f for f in json.loads(out) if f["code"] == "bbv-unit-mismatch"]
