# SPDX-License-Identifier: EUPL-1.2
"""The StatLine client: retries with backoff, no retry on a refusal, the cache, offline mode,
mirrors. No test touches the network: every answer is scripted or recorded."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from koers.importers.cbs.client import (
    CATALOG_BASE,
    MAX_RETRY_AFTER,
    V3_BASE,
    StatLineClient,
    catalog_for,
    retry_after,
)
from koers.importers.cbs.errors import CbsError
from tests.importers.cbs.recorded import (
    HAVE_RECORDINGS,
    MISSING,
    RecordedCBS,
    Sleeps,
    failing_transport,
    scripted_transport,
)

TABLE_INFOS = f"{V3_BASE}/80137ned/TableInfos?$format=json"
OK = {"value": [{"Key": "1"}]}


def ok(body: object = OK) -> httpx.Response:
    return httpx.Response(200, json=body)


def client_with(transport: httpx.BaseTransport, sleeps: Sleeps | None = None, **options: object) -> StatLineClient:
    return StatLineClient(transport=transport, sleep=sleeps if sleeps is not None else Sleeps(), **options)  # type: ignore[arg-type]


# -- retries -------------------------------------------------------------------------------------


def test_two_503s_are_retried_with_exponential_backoff_then_the_answer_counts() -> None:
    transport, asked = scripted_transport(httpx.Response(503), httpx.Response(503), ok())
    sleeps = Sleeps()
    with client_with(transport, sleeps) as client:
        assert client.get_json(TABLE_INFOS) == OK
    assert sleeps == [0.5, 1.0]
    assert asked == [TABLE_INFOS] * 3


def test_connection_and_read_errors_are_retried_too() -> None:
    transport, asked = scripted_transport(httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), ok())
    sleeps = Sleeps()
    with client_with(transport, sleeps, backoff=0.25) as client:
        assert client.get_json(TABLE_INFOS) == OK
    assert sleeps == [0.25, 0.5]
    assert len(asked) == 3


def test_retry_after_is_honoured_for_429_and_capped() -> None:
    transport, _asked = scripted_transport(
        httpx.Response(429, headers={"Retry-After": "3"}),
        httpx.Response(503, headers={"Retry-After": "86400"}),
        ok(),
    )
    sleeps = Sleeps()
    with client_with(transport, sleeps) as client:
        client.get_json(TABLE_INFOS)
    assert sleeps == [3.0, MAX_RETRY_AFTER]


def test_retry_after_as_a_date() -> None:
    now = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after("Sat, 01 Mar 2025 12:00:10 GMT", now) == 10.0
    assert retry_after("Sat, 01 Mar 2025 11:00:00 GMT", now) == 0.0  # in the past: at once
    assert retry_after("soon", now) is None
    assert retry_after(None) is None


def test_after_the_last_retry_the_error_names_the_url_and_the_attempts() -> None:
    transport, asked = scripted_transport(*[httpx.Response(502)] * 3)
    sleeps = Sleeps()
    with client_with(transport, sleeps, retries=2) as client, pytest.raises(CbsError) as error:
        client.get_json(TABLE_INFOS)
    assert error.value.code == "server-error" and error.value.url == TABLE_INFOS
    assert TABLE_INFOS in str(error.value) and "3 pogingen" in str(error.value)
    assert sleeps == [0.5, 1.0] and len(asked) == 3


def test_no_network_at_all_says_so_and_suggests_offline() -> None:
    transport, _asked = scripted_transport(*[httpx.ConnectError("Name or service not known")] * 2)
    with client_with(transport, retries=1) as client, pytest.raises(CbsError) as error:
        client.get_json(TABLE_INFOS)
    assert error.value.code == "unreachable"
    assert "Name or service not known" in str(error.value) and "--offline" in str(error.value)


def test_a_404_is_not_retried_and_says_table_ids_change() -> None:
    transport, asked = scripted_transport(httpx.Response(404))
    sleeps = Sleeps()
    url = f"{V3_BASE}/85618NDE/DataProperties?$format=json"
    with client_with(transport, sleeps) as client, pytest.raises(CbsError) as error:
        client.get_json(url)
    assert asked == [url] and sleeps == []
    assert error.value.code == "not-found"
    assert url in str(error.value) and "--title" in str(error.value)


def test_another_4xx_is_not_retried_either() -> None:
    transport, asked = scripted_transport(httpx.Response(400))
    with client_with(transport) as client, pytest.raises(CbsError) as error:
        client.get_json(TABLE_INFOS)
    assert len(asked) == 1 and error.value.code == "refused" and "400" in str(error.value)


def test_an_answer_that_is_not_json_names_the_url_and_the_base_url_setting() -> None:
    transport, _asked = scripted_transport(httpx.Response(200, text="<html>proxy login</html>"))
    with client_with(transport) as client, pytest.raises(CbsError) as error:
        client.get_json(TABLE_INFOS)
    assert error.value.code == "not-json"
    assert TABLE_INFOS in str(error.value) and "KOERS_CBS_BASE_URL" in str(error.value)


def test_the_error_speaks_english_too() -> None:
    error = CbsError("offline-miss", TABLE_INFOS)
    english = error.message("en")
    assert english != error.message() and TABLE_INFOS in english and "--offline" in english


# -- the cache and offline mode --------------------------------------------------------------------


def test_a_second_client_offline_answers_from_the_cache(tmp_path: Path) -> None:
    transport, _asked = scripted_transport(ok())
    with client_with(transport, cache_dir=tmp_path) as online:
        online.get_json(TABLE_INFOS)
    kept = tmp_path / f"{hashlib.sha256(TABLE_INFOS.encode()).hexdigest()}.json"
    assert [p.name for p in tmp_path.iterdir()] == [kept.name]  # one file per URL, no temporary left
    assert json.loads(kept.read_bytes()) == OK
    with client_with(failing_transport(), cache_dir=tmp_path, offline=True) as offline:
        assert offline.get_json(TABLE_INFOS) == OK


def test_online_asks_again_and_renews_the_kept_answer(tmp_path: Path) -> None:
    newer = {"value": [{"Key": "2"}]}
    transport, asked = scripted_transport(ok(), ok(newer))
    with client_with(transport, cache_dir=tmp_path) as client:
        client.get_json(TABLE_INFOS)
        assert client.get_json(TABLE_INFOS) == newer  # figures are revised: online always asks
    assert len(asked) == 2
    with client_with(failing_transport(), cache_dir=tmp_path, offline=True) as offline:
        assert offline.get_json(TABLE_INFOS) == newer


def test_offline_without_a_kept_answer_names_the_url_and_what_to_do(tmp_path: Path) -> None:
    with client_with(failing_transport(), cache_dir=tmp_path, offline=True) as client, pytest.raises(CbsError) as err:
        client.get_json(TABLE_INFOS)
    message = str(err.value)
    assert err.value.code == "offline-miss" and err.value.url == TABLE_INFOS
    assert TABLE_INFOS in message and "--offline" in message and "internet" in message


def test_a_failed_write_leaves_no_temporary_file_and_says_which_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(os, "replace", refuse)
    transport, _asked = scripted_transport(ok())
    with client_with(transport, cache_dir=tmp_path) as client, pytest.raises(CbsError) as error:
        client.get_json(TABLE_INFOS)
    assert error.value.code == "cache-unwritable" and str(tmp_path) in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_a_broken_answer_is_not_kept(tmp_path: Path) -> None:
    transport, _asked = scripted_transport(httpx.Response(200, text="not json"))
    with client_with(transport, cache_dir=tmp_path) as client, pytest.raises(CbsError):
        client.get_json(TABLE_INFOS)
    assert list(tmp_path.iterdir()) == []


# -- addresses and mirrors -------------------------------------------------------------------------


def test_addresses() -> None:
    client = StatLineClient()
    assert client.v3_url("83599NED", "UntypedDataSet") == f"{V3_BASE}/83599NED/UntypedDataSet?$format=json"
    assert (
        client.v3_url("83599NED", "UntypedDataSet", **{"$filter": "substringof('GM0396',RegioS)"})
        == f"{V3_BASE}/83599NED/UntypedDataSet?$format=json&$filter=substringof('GM0396',RegioS)"
    )
    assert client.v4_url("99999NED", "Observations") == "https://odata4.cbs.nl/CBS/99999NED/Observations"
    assert client.catalog_url_for("Tables") == f"{CATALOG_BASE}/Tables?$format=json"


def test_a_mirror_gets_every_request_and_cbs_links_are_moved_onto_it() -> None:
    client = StatLineClient("https://proxy.gemeente.example/cbs/ODataFeed/odata/")
    assert client.catalog_url == "https://proxy.gemeente.example/cbs/ODataCatalog"
    link = "https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json&$skip=10000"
    assert client.rewrite(link) == (
        "https://proxy.gemeente.example/cbs/ODataFeed/odata/83599NED/UntypedDataSet/?$format=json&$skip=10000"
    )
    assert client.rewrite("https://elsewhere.example/x") == "https://elsewhere.example/x"
    assert StatLineClient().rewrite(link) == link  # CBS itself: nothing to move


def test_the_catalogue_that_belongs_with_a_feed() -> None:
    assert catalog_for(V3_BASE) == CATALOG_BASE
    assert catalog_for("https://dataderden.cbs.nl/ODataFeed/odata") == "https://dataderden.cbs.nl/ODataCatalog"
    assert catalog_for("https://mirror.example/statline") == CATALOG_BASE


@pytest.mark.skipif(not HAVE_RECORDINGS, reason=MISSING)
def test_an_empty_entity_set_has_no_rows() -> None:
    """meta_3: CategoryGroups of 80137ned, an empty list."""
    recorded = RecordedCBS()
    with StatLineClient(transport=recorded.transport) as client:
        assert list(client.rows(client.v3_url("80137ned", "CategoryGroups"))) == []
    assert recorded.requests == [f"{V3_BASE}/80137ned/CategoryGroups?$format=json"]
