# SPDX-License-Identifier: EUPL-1.2
"""Every ``KOERS_*`` environment variable, in one table: its name, default, help and parser.

koers is configured by a handful of environment variables, read by the command line, the
store and the dashboard. They are declared here, once, so that a setting cannot be read in a
second place with a different default, cannot go undocumented (a test compares the table with
``docs/cli.md``), and a value koers cannot use fails at once with a message that names the
variable and what it may be, instead of being silently taken for the default.

No other module reads ``os.environ`` for a ``KOERS_`` name (``tests/test_settings.py``).
This module sits low, next to :mod:`koers.i18n`: the store, the web and the command line all
read it, so it imports nothing of koers but the list of languages.

``python -m koers.settings`` prints the table as Markdown, the form ``docs/cli.md`` holds.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

from koers.i18n import DEFAULT_LANG, LANGUAGES

T = TypeVar("T")


class SettingError(ValueError):
    """A setting holds a value koers cannot use; the message names the variable and the choices."""


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One environment variable: what it is called, what it means and how it is read.

    ``default`` is the value as it would be written in the environment (``""``: unset, the
    parser decides what that means); ``default_shown`` says it in words where it is computed
    (a file in the user's folder, the login name). ``parse`` turns the written value into the
    value koers uses and raises ValueError for a value it cannot use; ``allowed`` says in words
    what it accepts, for the error message and the documentation.
    """

    name: str
    default: str
    help: str
    allowed: str
    parse: Callable[[str], T]
    default_shown: str = ""

    def read(self, environ: Mapping[str, str] | None = None) -> T:
        """The value of this setting in ``environ`` (default: the process environment).

        An empty value counts as unset, as it does for the command line's options.
        """
        written = (os.environ if environ is None else environ).get(self.name, "").strip()
        return self.parse_value(written or self.default)

    def parse_value(self, written: str) -> T:
        """``written`` as koers uses it, or a SettingError naming this variable."""
        try:
            return self.parse(written)
        except ValueError:
            raise SettingError(f"{self.name}={written!r} cannot be used: {self.allowed}.") from None

    @property
    def shown_default(self) -> str:
        """The default as the documentation shows it."""
        return self.default_shown or f"`{self.default}`"


def _choice(values: Mapping[str, T]) -> Callable[[str], T]:
    """A parser that accepts exactly the keys of ``values`` (ignoring case)."""

    def parse(written: str) -> T:
        try:
            return values[written.lower()]
        except KeyError:
            raise ValueError(written) from None

    return parse


def _language(written: str) -> str:
    if written not in LANGUAGES:
        raise ValueError(written)
    return written


def _optional_text(written: str) -> str | None:
    return written or None


#: A SQLAlchemy URL starts with its dialect (and driver) and ``://``.
DATABASE_URL_SHAPE: Final = re.compile(r"^[A-Za-z][\w+.-]*://")


def _database_url(written: str) -> str | None:
    if written and not DATABASE_URL_SHAPE.match(written):
        raise ValueError(written)
    return written or None


LANG: Final = Setting[str](
    name="KOERS_LANG",
    default=DEFAULT_LANG,
    help="Language of messages: nl (default) or en.",
    allowed=" or ".join(LANGUAGES),
    parse=_language,
)
DATABASE_URL: Final = Setting[str | None](
    name="KOERS_DATABASE_URL",
    default="",
    help="Database URL (default: a SQLite file in your user data folder; "
    "PostgreSQL: postgresql+psycopg://user:password@host/db).",
    allowed="a database URL such as sqlite:///koers.db or postgresql+psycopg://user:password@host/db",
    parse=_database_url,
    default_shown="a SQLite file in your user data folder (`~/.local/share/koers/koers.db` on Linux)",
)
USER: Final = Setting[str | None](
    name="KOERS_USER",
    default="",
    help="Who does this, for the record: the name stored with an import, a plan version, an "
    "explanation or a status set by hand (the option --user comes first).",
    allowed="any name",
    parse=_optional_text,
    default_shown="your login name",
)
DEBUG: Final = Setting[bool](
    name="KOERS_DEBUG",
    default="0",
    help="1: show the traceback of an unexpected failure instead of one plain sentence (for developers).",
    allowed="1 (or true) or 0 (or false)",
    parse=_choice({"1": True, "true": True, "0": False, "false": False}),
)
SECURE_COOKIES: Final = Setting[bool | None](
    name="KOERS_SECURE_COOKIES",
    default="auto",
    help="Whether the editor's session cookie is marked Secure (sent over https only). auto: "
    "yes, unless the dashboard is served over plain http on this computer (127.0.0.1, localhost).",
    allowed="auto, true (or 1) or false (or 0)",
    parse=_choice({"auto": None, "true": True, "1": True, "false": False, "0": False}),
)

#: A web address koers can fetch from: http or https, with a host.
HTTP_URL_SHAPE: Final = re.compile(r"^https?://[^/\s]+(/\S*)?$")


def _http_url(written: str) -> str | None:
    if written and not HTTP_URL_SHAPE.match(written):
        raise ValueError(written)
    return written.rstrip("/") or None


def _folder(written: str) -> Path | None:
    return Path(written).expanduser() if written else None


CBS_BASE_URL: Final = Setting[str | None](
    name="KOERS_CBS_BASE_URL",
    default="",
    help="Where koers fetch cbs asks for CBS StatLine tables: a mirror or proxy of the OData v3 feed "
    "(with --v4: of the v4 service) instead of CBS itself (the option --base-url comes first).",
    allowed="an http(s) URL such as https://opendata.cbs.nl/ODataFeed/odata",
    parse=_http_url,
    default_shown="CBS itself (`https://opendata.cbs.nl/ODataFeed/odata`; with --v4 `https://odata4.cbs.nl/CBS`)",
)
CBS_CACHE: Final = Setting[Path | None](
    name="KOERS_CBS_CACHE",
    default="",
    help="The folder where koers fetch cbs keeps every CBS answer, for --offline (the option --cache-dir comes first).",
    allowed="a folder",
    parse=_folder,
    default_shown="`cbs` in your user cache folder (`~/.cache/koers/cbs` on Linux)",
)

#: Every setting, in the order the documentation lists them.
SETTINGS: Final[tuple[Setting[Any], ...]] = (
    LANG,
    DATABASE_URL,
    USER,
    DEBUG,
    SECURE_COOKIES,
    CBS_BASE_URL,
    CBS_CACHE,
)


def markdown_table() -> str:
    """The settings as the Markdown table ``docs/cli.md`` holds (a test keeps them equal)."""
    rows = ["| variable | default | allowed | what it does |", "| --- | --- | --- | --- |"]
    rows += [f"| `{s.name}` | {s.shown_default} | {s.allowed} | {s.help} |" for s in SETTINGS]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    print(markdown_table(), end="")
