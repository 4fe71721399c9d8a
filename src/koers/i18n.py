# SPDX-License-Identifier: EUPL-1.2
"""Every word koers shows a person, in one shape: a gettext message catalogue.

koers speaks plain Dutch (B1) first, so the Dutch text *is* the message id, written where it
is used (``_("Dit doel is gehaald.", lang)``); the English texts live in gettext catalogues
under ``koers/locale/en/LC_MESSAGES/``, one ``.po`` file per package (a gettext *domain*:
``domain.po`` for ``koers.domain``, ``web.po`` for ``koers.web`` and so on), merged into one
lookup. This is the ecosystem's convention (Babel extracts the ids from Python and Jinja
templates, translators edit ``.po`` files with the usual tools), and it keeps one rule for every
text: Dutch is never looked up, so Dutch output can never go missing, and a test
(``tests/test_i18n.py``) fails when an id in the code has no English or the catalogue holds an
id the code no longer uses. ``scripts/messages`` brings the catalogues up to date.

Placeholders: Python texts use ``{name}`` (filled leniently: an unknown key renders as
nothing), Jinja templates use ``%(name)s`` (Jinja's own i18n extension). Texts kept in tables
are marked with :func:`N_` so that extraction finds them, and looked up later with :func:`_`.

This module sits below the domain: it imports nothing from koers.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import Any, Final

#: The languages koers speaks; the first is the default and the language of the message ids.
LANGUAGES: Final = ("nl", "en")
DEFAULT_LANG: Final = LANGUAGES[0]
#: Where the catalogues are, as package data.
LOCALE_PACKAGE: Final = "koers.locale"


class _Lenient(dict[str, Any]):
    """Template values where a missing key renders as nothing instead of failing."""

    def __missing__(self, key: str) -> str:
        return ""


def fill(template: str, values: Mapping[str, Any]) -> str:
    """``template`` with ``values`` filled in; unknown placeholders become empty."""
    return string.Formatter().vformat(template, (), _Lenient(values))


def check_lang(lang: str) -> str:
    """``lang`` if koers speaks it; otherwise a ValueError that names the choices."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return lang


@cache
def catalogue(lang: str) -> Mapping[tuple[str | None, str], str]:
    """Every translation into ``lang``, keyed by (context, Dutch id), from all domains.

    Read once, on first use: the Dutch path never reads a file.
    """
    from babel.messages.pofile import read_po  # only when a translation is needed

    merged: dict[tuple[str | None, str], str] = {}
    folder = resources.files(LOCALE_PACKAGE) / lang / "LC_MESSAGES"
    if not folder.is_dir():
        return merged
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".po"):
            continue
        with entry.open("rb") as handle:
            for message in read_po(handle, locale=lang, domain=entry.name[:-3]):
                if message.id and isinstance(message.id, str) and message.string:
                    merged[(message.context, message.id)] = str(message.string)
    return merged


def gettext(message: str, lang: str = DEFAULT_LANG, /, **values: Any) -> str:
    """``message`` (a Dutch id) in ``lang``, with ``values`` filled in.

    An id without a translation falls back to the Dutch text rather than failing: a missing
    English word must never break a report. The catalogue test keeps that from happening.
    """
    return pgettext(None, message, lang, **values)


def pgettext(context: str | None, message: str, lang: str = DEFAULT_LANG, /, **values: Any) -> str:
    """As :func:`gettext`, for a Dutch word whose English depends on where it is used."""
    text = message if lang == DEFAULT_LANG else catalogue(lang).get((context, message), message)
    return fill(text, values) if values else text


def ngettext(singular: str, plural: str, n: float, lang: str = DEFAULT_LANG, /, **values: Any) -> str:
    """The singular or plural form for ``n`` (Dutch and English both have two forms).

    ``n`` is available to the text as ``{n}``.
    """
    return fill(_plural_form(singular, plural, n, lang), {"n": n, **values})


def _plural_form(singular: str, plural: str, n: float, lang: str) -> str:
    if lang == DEFAULT_LANG:
        return singular if n == 1 else plural
    entries = catalogue(lang)
    forms = entries.get((None, singular)), entries.get((None, plural))
    return (forms[0] or singular) if n == 1 else (forms[1] or plural)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention's name for a marker
    """Mark a Dutch text for extraction without translating it yet (it sits in a table)."""
    return message


_ = gettext


def translator(lang: str) -> Callable[..., str]:
    """A one-language ``_`` for code that writes many texts in the same language."""
    check_lang(lang)

    def translate(message: str, /, **values: Any) -> str:
        return gettext(message, lang, **values)

    return translate


def template_environment(package: str, lang: str) -> Any:
    """A Jinja environment for the templates of ``package`` (its ``templates`` folder), speaking
    ``lang``: autoescaped HTML, and ``{% trans %}`` ids with their whitespace collapsed, exactly as
    :func:`extract` reads them (the two must agree, or a trimmed id would never be found).

    One environment per language: the catalogue is installed into its globals.
    """
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(["j2", "html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    environment.policies["ext.i18n.trimmed"] = True
    install(environment, lang)
    return environment


def install(environment: Any, lang: str) -> None:
    """Give a Jinja environment (with ``jinja2.ext.i18n``) koers's catalogue in ``lang``."""
    check_lang(lang)

    def translate(message: str) -> str:
        return gettext(message, lang)

    def translate_plural(singular: str, plural: str, n: int) -> str:
        return _plural_form(singular, plural, n, lang)

    def translate_context(context: str, message: str) -> str:
        return pgettext(context, message, lang)

    environment.install_gettext_callables(translate, translate_plural, newstyle=True, pgettext=translate_context)


# -- Extraction: which ids the code uses, per domain (used by scripts/messages and the tests) --

#: The call names Babel reads ids from, with the argument positions of each.
KEYWORDS: Final[dict[str, Any]] = {
    "_": None,
    "gettext": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
#: Which extractor reads which files.
METHODS: Final = [("**.py", "python"), ("**.j2", "jinja2")]
#: The domain of a top-level module (``koers/i18n.py``, ``koers/demo.py``): the package's own.
TOP_DOMAIN: Final = "koers"


def domain_of(relative_path: str) -> str:
    """The catalogue a source file's texts belong to: its first folder under ``koers/``."""
    parts = relative_path.replace("\\", "/").split("/")
    return parts[0] if len(parts) > 1 else TOP_DOMAIN


def extract(package_dir: str) -> dict[str, dict[tuple[str | None, str], list[tuple[str, int]]]]:
    """Every (context, id) the code under ``package_dir`` uses, per domain, with where."""
    from babel.messages.extract import extract_from_dir

    found: dict[str, dict[tuple[str | None, str], list[tuple[str, int]]]] = {}
    options = {"**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
    for filename, line, message, _comments, context in extract_from_dir(
        package_dir, METHODS, options_map=options, keywords=KEYWORDS, strip_comment_tags=True
    ):
        ids = message if isinstance(message, tuple) else (message,)
        for text in ids:
            if text:
                found.setdefault(domain_of(filename), {}).setdefault((context, text), []).append((filename, line))
    return found
