# SPDX-License-Identifier: EUPL-1.2
"""KOERS_CBS_BASE_URL and KOERS_CBS_CACHE: unset by default, read when set, loud when unusable."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.importers.cbs.client import default_cache_dir
from koers.settings import CBS_BASE_URL, CBS_CACHE, SETTINGS, SettingError


def test_both_are_declared_and_unset_by_default() -> None:
    assert CBS_BASE_URL in SETTINGS and CBS_CACHE in SETTINGS
    assert CBS_BASE_URL.read({}) is None and CBS_CACHE.read({}) is None
    assert default_cache_dir().name == "cbs" and "koers" in default_cache_dir().parts


def test_values_are_read() -> None:
    assert CBS_BASE_URL.read({"KOERS_CBS_BASE_URL": " https://proxy.example/cbs/odata/ "}) == (
        "https://proxy.example/cbs/odata"
    )
    assert CBS_CACHE.read({"KOERS_CBS_CACHE": "/srv/koers/cbs"}) == Path("/srv/koers/cbs")


@pytest.mark.parametrize("value", ["opendata.cbs.nl", "ftp://mirror.example/odata", "https://"])
def test_a_base_url_that_is_no_web_address_fails_naming_the_variable(value: str) -> None:
    with pytest.raises(SettingError) as error:
        CBS_BASE_URL.read({"KOERS_CBS_BASE_URL": value})
    assert "KOERS_CBS_BASE_URL" in str(error.value) and CBS_BASE_URL.allowed in str(error.value)
