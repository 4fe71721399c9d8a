# SPDX-License-Identifier: EUPL-1.2
"""National catalogues koers ships as data, with their loaders.

``bbv-indicators.tsv`` is the list of mandatory BBV policy indicators (Besluit begroting en
verantwoording) as published in municipal budgets of 2020-2022: taakveld, number, name, unit and
source, one indicator per line. The regulation changes now and then, so the list is data, not
code: a municipality with a newer list passes its own file (same columns) to
:func:`bbv_catalogue`. The files are package data, read through importlib.resources, so that
they are found in an installed wheel as well as in a checkout.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

from koers.domain.bbv import BbvCatalogue, BbvCatalogueError, read_bbv_table

__all__ = ["BBV_FILE", "BbvCatalogue", "BbvCatalogueError", "bbv_catalogue"]

#: The packaged BBV catalogue's file name.
BBV_FILE: Final = "bbv-indicators.tsv"


def bbv_catalogue(path: Path | None = None) -> BbvCatalogue:
    """The BBV catalogue: the packaged one, or the file at ``path`` (same columns).

    Raises :class:`~koers.domain.bbv.BbvCatalogueError` for a file it cannot read, and
    OSError (FileNotFoundError, ...) for one it cannot open.
    """
    if path is None:
        return _packaged_bbv()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise BbvCatalogueError.not_utf8() from err
    return read_bbv_table(text, origin=str(path))


@cache
def _packaged_bbv() -> BbvCatalogue:
    """The packaged catalogue, read once."""
    text = resources.files(__name__).joinpath(BBV_FILE).read_text(encoding="utf-8")
    return read_bbv_table(text, origin=f"koers ({BBV_FILE})")
