# SPDX-License-Identifier: EUPL-1.2
"""HTTP for CBS StatLine: GET JSON with retries, an on-disk cache, offline mode and paging.

StatLine answers over OData: v3 at ``https://opendata.cbs.nl/ODataFeed/odata/{table}/...`` (one
entity set per dimension, ``TypedDataSet``/``UntypedDataSet`` for the figures), its catalogue at
``https://opendata.cbs.nl/ODataCatalog/Tables``, and v4 at ``https://odata4.cbs.nl/CBS/{table}/...``
(``Observations`` in long format). Large answers come in pages of at most 10.000 rows, each
pointing to the next (``odata.nextLink`` in v3, ``@odata.nextLink`` in v4); :meth:`StatLineClient.pages`
yields them one by one so that a caller can show progress and never holds a whole table.

Why not cbsodata or cbsodata4 (CBS's own Python and R clients): they use ``requests`` with the
CBS addresses fixed in the module (no mirror or proxy per client, which a municipality behind a
proxy needs, and no rewriting of the ``nextLink`` that points back at cbs.nl), keep no on-disk
cache and have no offline mode (koers must work again on a train, and in tests), take no
injectable transport (tests could not answer from recorded files without patching ``requests``),
and choose the data set and paging themselves (koers reads the v3 ``UntypedDataSet`` to keep
CBS's symbols such as ``.`` and ``x``, page by page). httpx is already a dependency of koers.

The behaviour, in short:

* **Retries**: a connection or read error, a 429 or a 5xx is tried again up to ``retries`` times,
  waiting ``backoff`` seconds, then twice that, and so on (0.5, 1, 2, 4), or as long as the
  server's ``Retry-After`` asks (at most :data:`MAX_RETRY_AFTER`). Any other 4xx is final: asking
  again would get the same refusal.
* **Cache**: with a ``cache_dir``, every answer is kept as one file per URL, named by the SHA-256
  of the URL, written to a temporary file first and then moved into place (``os.replace``), so a
  reader never sees half a file. Online, koers always asks CBS (figures are revised) and renews
  the file; ``offline=True`` reads only the files, and a URL without one is a :class:`CbsError`
  that names it and says to fetch once online or to drop ``--offline``.
* **Mirrors**: a ``base_url`` (or ``v4_base_url``, ``catalog_url``) other than CBS's own sends
  every request there; a ``nextLink`` in an answer that still points at CBS's own address is
  rewritten onto the configured one, so that paging stays behind the proxy.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import httpx

import koers
from koers.importers.cbs.errors import CbsError

#: CBS's own addresses: the v3 feed, its catalogue, and the v4 service.
V3_BASE: Final = "https://opendata.cbs.nl/ODataFeed/odata"
CATALOG_BASE: Final = "https://opendata.cbs.nl/ODataCatalog"
V4_BASE: Final = "https://odata4.cbs.nl/CBS"
#: How the v3 feed's address ends; the catalogue sits next to it (``/ODataCatalog``).
V3_FEED_PATH: Final = "/ODataFeed/odata"
#: The most a ``Retry-After`` may make koers wait, in seconds, before it asks again.
MAX_RETRY_AFTER: Final = 60.0
#: Connect quickly or not at all; a large page may take a while to arrive.
TIMEOUT: Final = httpx.Timeout(120.0, connect=15.0)
#: Errors of the connection itself that are worth another try.
RETRYABLE_ERRORS: Final = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
#: The keys an OData answer uses for the address of its next page (v3, v4).
NEXT_LINK_KEYS: Final = ("odata.nextLink", "@odata.nextLink")
#: Characters left as they are in a query value: OData's own punctuation reads better unescaped.
QUERY_SAFE: Final = "$',()"

Sleep = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class Page:
    """One answer of a paged request: its address, its rows, and the next page's address."""

    url: str
    rows: list[dict[str, Any]]
    next_url: str | None
    number: int


def catalog_for(base_url: str) -> str:
    """The catalogue that belongs with a v3 feed: ``https://host/ODataFeed/odata`` has its
    catalogue at ``https://host/ODataCatalog`` (CBS, dataderden.cbs.nl, a mirror of either); a
    feed at another kind of address uses CBS's own catalogue."""
    stripped = base_url.rstrip("/")
    if stripped.lower().endswith(V3_FEED_PATH.lower()):
        return stripped[: -len(V3_FEED_PATH)] + "/ODataCatalog"
    return CATALOG_BASE


def query_string(query: dict[str, str]) -> str:
    """``$format=json&$filter=...``: the values percent-encoded, OData's punctuation kept."""
    return "&".join(f"{key}={quote(value, safe=QUERY_SAFE)}" for key, value in query.items())


class StatLineClient:
    """GET JSON from CBS StatLine (or a mirror of it), with retries, a cache and paging.

    ``transport`` replaces the network (tests give an ``httpx.MockTransport``); ``sleep`` is
    what waits between retries (tests give a recorder). Use it as a context manager, or call
    :meth:`close`, to close the connection pool.
    """

    def __init__(
        self,
        base_url: str = V3_BASE,
        v4_base_url: str = V4_BASE,
        catalog_url: str | None = None,
        *,
        cache_dir: Path | None = None,
        offline: bool = False,
        retries: int = 4,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
        sleep: Sleep = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.v4_base_url = v4_base_url.rstrip("/")
        self.catalog_url = (catalog_url or catalog_for(self.base_url)).rstrip("/")
        self.cache_dir = cache_dir
        self.offline = offline
        self.retries = max(0, retries)
        self.backoff = backoff
        self.sleep = sleep
        self._transport = transport
        self._http: httpx.Client | None = None
        #: (CBS's own address, the configured one) for each address that was changed.
        self._rewrites = [
            (own, chosen)
            for own, chosen in ((V3_BASE, self.base_url), (CATALOG_BASE, self.catalog_url), (V4_BASE, self.v4_base_url))
            if own.lower() != chosen.lower()
        ]

    # -- addresses ----------------------------------------------------------------------------

    def v3_url(self, table: str, entity: str = "", **query: str) -> str:
        """``{base}/{table}/{entity}?$format=json&...``: a v3 entity set (or the table's index)."""
        path = "/".join(part for part in (self.base_url, table, entity) if part)
        return f"{path}?{query_string({'$format': 'json', **query})}"

    def v4_url(self, table: str, entity: str = "", **query: str) -> str:
        """``{v4 base}/{table}/{entity}``, with ``query`` when there is one (v4 answers JSON)."""
        path = "/".join(part for part in (self.v4_base_url, table, entity) if part)
        return f"{path}?{query_string(query)}" if query else path

    def catalog_url_for(self, entity: str, **query: str) -> str:
        """``{catalogue}/{entity}?$format=json&...``: the catalogue of tables."""
        return f"{self.catalog_url}/{entity}?{query_string({'$format': 'json', **query})}"

    def rewrite(self, url: str) -> str:
        """``url`` with CBS's own address replaced by the configured one (a mirror's), if any."""
        lowered = url.lower()
        for own, chosen in self._rewrites:
            if lowered.startswith(own.lower()) and (len(url) == len(own) or url[len(own)] in "/?"):
                return chosen + url[len(own) :]
        return url

    # -- requests -----------------------------------------------------------------------------

    def get_json(self, url: str) -> dict[str, Any]:
        """The JSON object at ``url``: fetched (and kept in the cache), or from the cache offline."""
        url = self.rewrite(url)
        if self.offline:
            body = self._read_cache(url)
            if body is None:
                raise CbsError("offline-miss", url)
            return self._decode(url, body)
        body = self._fetch(url)
        data = self._decode(url, body)
        self._write_cache(url, body)
        return data

    def pages(self, url: str) -> Iterator[Page]:
        """Every page of the answer at ``url``, following the next-page links."""
        seen: set[str] = set()
        next_url: str | None = self.rewrite(url)
        number = 0
        while next_url is not None:
            if next_url in seen:
                raise CbsError("paging-loop", next_url)
            seen.add(next_url)
            current = next_url
            data = self.get_json(current)
            rows = data.get("value")
            if not isinstance(rows, list):
                raise CbsError("not-json", current, error="no 'value' list")
            link = next((data[key] for key in NEXT_LINK_KEYS if data.get(key)), None)
            next_url = self.rewrite(str(link)) if link else None
            number += 1
            yield Page(current, rows, next_url, number)

    def rows(self, url: str) -> Iterator[dict[str, Any]]:
        """Every row of the answer at ``url``, over all its pages."""
        for page in self.pages(url):
            yield from page.rows

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def __enter__(self) -> StatLineClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- the network --------------------------------------------------------------------------

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(
                transport=self._transport,
                timeout=TIMEOUT,
                follow_redirects=True,
                headers={"Accept": "application/json", "User-Agent": f"koers/{koers.__version__}"},
            )
        return self._http

    def _fetch(self, url: str) -> bytes:
        """The body at ``url``; connection errors, 429 and 5xx are tried again with backoff."""
        attempt = 0
        while True:
            try:
                response = self._client().get(url)
            except RETRYABLE_ERRORS as err:
                if attempt >= self.retries:
                    raise CbsError("unreachable", url, error=_describe(err), attempts=attempt + 1) from None
                delay = self.backoff * 2**attempt
            else:
                status = response.status_code
                if status < 300:
                    return response.content
                if status != 429 and status < 500:
                    raise CbsError("not-found" if status == 404 else "refused", url, status=status)
                if attempt >= self.retries:
                    raise CbsError("server-error", url, status=status, attempts=attempt + 1)
                waited = retry_after(response.headers.get("Retry-After"))
                delay = waited if waited is not None else self.backoff * 2**attempt
            self.sleep(delay)
            attempt += 1

    @staticmethod
    def _decode(url: str, body: bytes) -> dict[str, Any]:
        try:
            data = json.loads(body)
        except ValueError as err:
            raise CbsError("not-json", url, error=_describe(err)) from None
        if not isinstance(data, dict):
            raise CbsError("not-json", url, error="not a JSON object")
        return data

    # -- the cache ----------------------------------------------------------------------------

    def cache_file(self, url: str) -> Path | None:
        """Where the answer to ``url`` is kept (None without a cache folder)."""
        if self.cache_dir is None:
            return None
        return self.cache_dir / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()}.json"

    def _read_cache(self, url: str) -> bytes | None:
        path = self.cache_file(url)
        if path is None:
            return None
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as err:
            raise CbsError("cache-unreadable", url, file=str(path), error=_describe(err)) from None

    def _write_cache(self, url: str, body: bytes) -> None:
        path = self.cache_file(url)
        if path is None:
            return
        temporary: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(body)
            os.replace(temporary, path)
        except OSError as err:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            raise CbsError("cache-unwritable", url, folder=str(path.parent), error=_describe(err)) from None


def retry_after(header: str | None, now: datetime | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for, in seconds (a number or an HTTP date), at
    most :data:`MAX_RETRY_AFTER`; None when there is no usable header."""
    if not header:
        return None
    text = header.strip()
    if text.isdigit():
        seconds = float(text)
    else:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _describe(err: BaseException) -> str:
    """An exception in a few words, for a message: its text, else its kind."""
    return str(err) or err.__class__.__name__


def default_cache_dir() -> Path:
    """Where answers are kept when neither ``--cache-dir`` nor KOERS_CBS_CACHE says:
    ``cbs`` in the user's cache folder (``~/.cache/koers/cbs`` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("koers", appauthor=False)) / "cbs"
