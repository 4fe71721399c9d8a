# SPDX-License-Identifier: EUPL-1.2
"""The one text shape: every user-facing text is a Dutch id in the gettext catalogue.

These tests fail when an id in the code has no English translation, when a catalogue holds an
id the code no longer uses, and when code chooses its words with a language check of its own
instead of the catalogue.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from koers import i18n
from koers.i18n import N_, _, extract, gettext, ngettext, pgettext, translator

PACKAGE = Path(i18n.__file__).parent
LOCALE = PACKAGE / "locale"


def _catalogue_ids(lang: str, domain: str) -> dict[tuple[str | None, str], str]:
    path = LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return {(m.context, str(m.id)): str(m.string) for m in read_po(handle) if m.id}


@pytest.fixture(scope="module")
def used() -> dict[str, dict[tuple[str | None, str], list[tuple[str, int]]]]:
    return extract(str(PACKAGE))


def test_every_text_in_the_code_has_an_english_translation(used: dict) -> None:
    missing = []
    for domain, ids in sorted(used.items()):
        catalogue = _catalogue_ids("en", domain)
        for key, where in ids.items():
            if not catalogue.get(key):
                missing.append(f"{domain}.po: {key[1]!r} ({where[0][0]}:{where[0][1]})")
    assert not missing, f"{len(missing)} text(s) without English; run scripts/messages:\n" + "\n".join(missing[:20])


def test_no_catalogue_holds_a_text_the_code_no_longer_uses(used: dict) -> None:
    stale = []
    for path in sorted((LOCALE / "en" / "LC_MESSAGES").glob("*.po")):
        ids = used.get(path.stem, {})
        stale += [f"{path.name}: {key[1]!r}" for key in _catalogue_ids("en", path.stem) if key not in ids]
    assert not stale, "run scripts/messages to remove:\n" + "\n".join(stale[:20])


def test_every_catalogue_is_a_package_of_koers() -> None:
    domains = {p.stem for p in (LOCALE / "en" / "LC_MESSAGES").glob("*.po")}
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()} | {i18n.TOP_DOMAIN}
    assert domains <= packages


#: Code that chooses words by comparing the language itself: the catalogue does that.
LANGUAGE_CHECK = re.compile(r"""lang(uage)?\s*[!=]=\s*["'](nl|en)["']|["'](nl|en)["']\s*[!=]=\s*lang""")
#: Where a language check is the rule itself: the catalogue, and the Dutch decimal mark.
ALLOWED = {"i18n.py", "domain/formatting.py"}


def test_no_module_chooses_its_words_by_language() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if LANGUAGE_CHECK.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "use koers.i18n instead of:\n" + "\n".join(found)


def test_ids_are_literals_so_that_they_can_be_extracted() -> None:
    """``_(f"...")`` or ``_(name)`` would never reach the catalogue: only literals and the
    variables that hold ``N_``-marked texts (looked up late) may be passed."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"_", "N_"}:
                first = node.args[0] if node.args else None
                if isinstance(first, (ast.JoinedStr, ast.BinOp)):
                    bad.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not bad, bad


def test_dutch_is_the_id_and_needs_no_catalogue() -> None:
    assert _("Een tekst die nergens staat.") == "Een tekst die nergens staat."
    assert gettext("Van {n} doelen", "nl", n=3) == "Van 3 doelen"


def test_english_comes_from_the_catalogue_and_falls_back_to_dutch() -> None:
    assert _("rij {row}", "en", row=4) == "row 4"
    assert _("Een tekst die nergens staat.", "en") == "Een tekst die nergens staat."


def test_placeholders_fill_leniently() -> None:
    assert _("rij {row}{missing}", "nl", row=2) == "rij 2"


def test_plural_and_context() -> None:
    assert ngettext("{n} doel", "{n} doelen", 1) == "1 doel"
    assert ngettext("{n} doel", "{n} doelen", 2) == "2 doelen"
    assert pgettext("kolom", "Status") == "Status"


def test_marker_returns_the_id_and_translator_fixes_the_language() -> None:
    assert N_("Overzicht") == "Overzicht"
    assert translator("en")("kolom {column}", column="B") == "column B"
    with pytest.raises(ValueError, match="nl, en"):
        translator("de")


def test_jinja_templates_speak_through_the_catalogue() -> None:
    from jinja2 import Environment

    environment = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    i18n.install(environment, "en")
    template = environment.from_string('{{ _("regel {line}") }} <b>{{ _("rij {row}") }}</b>')
    assert template.render() == "line {line} <b>row {row}</b>"


def test_no_text_has_two_translations() -> None:
    """The catalogues are merged into one lookup: a Dutch id translated differently in two
    packages would take one of them silently. Such a word needs a context (``pgettext``)."""
    seen: dict[tuple[str | None, str], tuple[str, str]] = {}
    clashes = []
    for path in sorted((LOCALE / "en" / "LC_MESSAGES").glob("*.po")):
        for key, text in _catalogue_ids("en", path.stem).items():
            if key in seen and seen[key][1] != text:
                clashes.append(f"{key[1]!r}: {seen[key][0]} {seen[key][1]!r} vs {path.stem} {text!r}")
            seen.setdefault(key, (path.stem, text))
    assert not clashes, "\n".join(clashes)
