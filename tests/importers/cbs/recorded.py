# SPDX-License-Identifier: EUPL-1.2
"""CBS answered from files: an ``httpx.MockTransport`` that knows which file answers which
address, and fails on any other.

The real recorded responses are read where they are kept, ``../shared/data/cbs-recorded/`` next
to the repository (override with the environment variable ``CBS_RECORDED``); they are never
copied into the project. Its README says which request gave which file; :data:`RECORDED`
repeats that table. The few answers made for the tests live in ``tests/data/cbs/`` (see its
README). bench/cbs_bench.py uses this module too.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx

from koers.importers.cbs.client import CATALOG_BASE, V3_BASE, V4_BASE

ROOT = Path(__file__).resolve().parents[3]
RECORDED_DIR = Path(os.environ.get("CBS_RECORDED") or ROOT.parent / "shared" / "data" / "cbs-recorded")
MADE_DIR = ROOT / "tests" / "data" / "cbs"
#: Why a test that needs the recordings is skipped on a machine without them.
MISSING = f"the recorded CBS answers are not at {RECORDED_DIR} (set CBS_RECORDED)"
HAVE_RECORDINGS = (RECORDED_DIR / "README.md").is_file()

#: Address (on CBS's own hosts) -> recorded file, as ``cbs-recorded/README.md`` lists them.
RECORDED: dict[str, str] = {
    f"{V3_BASE}/80137ned?$format=json": "meta_1.json",
    f"{V3_BASE}/80137ned/TableInfos?$format=json": "meta_2.json",
    f"{V3_BASE}/80137ned/CategoryGroups?$format=json": "meta_3.json",
    f"{V3_BASE}/80137ned/Persoonskenmerken?$format=json": "meta_4.json",
    f"{V3_BASE}/80137ned/BedrijfstakkenSBI93?$format=json": "meta_5.json",
    f"{V3_BASE}/80137ned/Perioden?$format=json": "meta_6.json",
    f"{V3_BASE}/80137ned/DataProperties?$format=json": "meta_7.json",
    f"{V3_BASE}/80137ned/TypedDataSet/?$format=json": "meta_8.json",
    f"{CATALOG_BASE}/Tables?$format=json": "tables_1.json",
    "https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json": "tables_2.json",
    "https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json&$skip=10000": "tables_3.json",
}
#: Address -> file made for the tests (tests/data/cbs/README.md).
MADE: dict[str, str] = {
    f"{V3_BASE}/83599NED/DataProperties?$format=json": "v3/83599NED/DataProperties.json",
    f"{V3_BASE}/83599NED/Perioden?$format=json": "v3/83599NED/Perioden.json",
    **{
        f"{V3_BASE}/99998NED/{entity}?$format=json": f"v3/99998NED/{entity}.json"
        for entity in ("DataProperties", "Taakvelden", "Kostensoorten", "RegioS", "Perioden", "UntypedDataSet")
    },
    **{
        f"{V4_BASE}/99999NED/{entity}": f"v4/{entity}.json"
        for entity in ("Dimensions", "MeasureCodes", "PeriodenCodes", "RegioSCodes", "Observations")
    },
}

Key = tuple[str, str, tuple[tuple[str, str], ...]]


def canonical(url: str, *, ignore_filter: bool = False) -> Key:
    """An address as CBS reads it: host and path in any case, with or without a final slash,
    the query's parameters in any order and encoding. With ``ignore_filter``, without ``$filter``."""
    parts = urlsplit(url)
    query = tuple(
        sorted(
            (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not (ignore_filter and k == "$filter")
        )
    )
    return (parts.netloc.lower(), parts.path.lower().rstrip("/"), query)


def on_base(url: str, v3: str, catalog: str, v4: str) -> str:
    """``url`` (on CBS's own hosts) moved onto other bases, as a mirror would serve it."""
    for own, chosen in ((V3_BASE, v3), (CATALOG_BASE, catalog), (V4_BASE, v4)):
        if url.lower().startswith(own.lower()):
            return chosen + url[len(own) :]
    return url


class RecordedCBS:
    """A transport that answers the recorded (and made) addresses from their files.

    ``requests`` lists every address asked for, in order. Any other address fails the test
    (an AssertionError out of the request). With other bases (a mirror), the same files answer
    at the mirror's addresses and CBS's own addresses are unknown. With ``ignore_filter``, a
    request with a ``$filter`` gets the unfiltered recording (the client filters as well).
    """

    def __init__(
        self,
        v3: str = V3_BASE,
        catalog: str = CATALOG_BASE,
        v4: str = V4_BASE,
        *,
        ignore_filter: bool = False,
    ) -> None:
        self.ignore_filter = ignore_filter
        self.requests: list[str] = []
        self.files: dict[Key, Path] = {}
        for address, name in RECORDED.items():
            self.files[canonical(on_base(address, v3, catalog, v4))] = RECORDED_DIR / name
        for address, name in MADE.items():
            self.files[canonical(on_base(address, v3, catalog, v4))] = MADE_DIR / name
        self.transport = httpx.MockTransport(self.answer)

    def answer(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.requests.append(url)
        path = self.files.get(canonical(url, ignore_filter=self.ignore_filter))
        if path is None:
            raise AssertionError(f"no recorded CBS answer for {url}")
        return httpx.Response(200, content=path.read_bytes(), headers={"Content-Type": "application/json"})


def failing_transport(message: str = "this test asks CBS nothing") -> httpx.MockTransport:
    """A transport that fails the test on any request (for offline clients)."""

    def answer(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"{message}: {request.url}")

    return httpx.MockTransport(answer)


def scripted_transport(*answers: httpx.Response | Exception) -> tuple[httpx.MockTransport, list[str]]:
    """A transport that gives ``answers`` in turn (a response, or an exception to raise), and
    the list of addresses asked for."""
    asked: list[str] = []
    queue = list(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if not queue:
            raise AssertionError(f"asked more often than scripted: {request.url}")
        next_answer = queue.pop(0)
        if isinstance(next_answer, Exception):
            raise next_answer
        return next_answer

    return httpx.MockTransport(answer), asked


class Sleeps(list[float]):
    """A ``sleep`` that only notes how long it was asked to wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)
