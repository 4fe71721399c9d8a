# SPDX-License-Identifier: EUPL-1.2
"""Every word of the dashboard and the editor goes through the message catalogue.

Two checks. A static one reads every template and fails on visible text that is not wrapped
in ``_()`` (or ``{% trans %}``): text between tags, words in ``aria-label``, ``alt`` or
``title``, and string constants that a template shows (``{{ x or "niet genoemd" }}``). A
dynamic one renders the pages with the English catalogue and fails when a Dutch text of the
templates is still on them (a text the catalogue lookup missed). Dutch stays the language of
the dashboard (the other web tests check its words byte for byte).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from jinja2 import nodes

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)

from koers import i18n
from koers.cli.serve import prepare_demo
from koers.store.accounts import create_user
from koers.web import LANG, render
from koers.web.app import create_app
from tests.web.editor_helpers import PASSWORD, Browser

TEMPLATES = Path(render.__file__).parent / "templates"
TEMPLATE_NAMES = sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.j2"))
TODAY = date(2026, 11, 23)

#: The calls whose string arguments are message ids.
TRANSLATING = frozenset({"_", "gettext", "ngettext", "pgettext"})
#: Constants a template may use as they are: they are codes, not words (form field names,
#: stored status codes, HTML id pieces, an inputmode). Anything else with a letter is a word.
CODES = frozenset(
    {
        *("goal", "period", "area", "value", "unavailable", "status", "source", "source_ref", "note", "tekst"),
        *("final", "provisional", "concept", "decimal"),
        *("id", "name", "description", "challenge", "goals", "owner", "partners", "start", "end", "reason", "budget"),
        *("f-", "-hint ", "-error"),
        *("kind", "date", "subject", "document", "challenges", "items-", "text", "verdict", "actions", "follow_up"),
        *("totaal", "radio", "checkbox", "/enquete/pagina/"),  # the resident survey's field ids, input types, links
    }
)
#: Filters that show their arguments; the options of other filters (join, sort) are not shown.
SHOWING_FILTERS = frozenset({"default", "d", "replace", "format"})
#: Attributes a person reads (or hears from a screen reader).
SHOWN_ATTRIBUTES = re.compile(
    r"""\b(aria-label|aria-description|aria-roledescription|aria-placeholder|aria-valuetext|alt|title|placeholder)"""
    r"""\s*=\s*["']([^"']*)["']"""
)
#: Words of the program, not of a language: commands and file columns in <code>, scripts, styles.
PROGRAM_TEXT = re.compile(r"<(code|script|style)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]*>")
#: Attributes outside a tag: a macro that writes attributes for the tag it is called in.
ATTRIBUTE = re.compile(r"""[\w-]+\s*=\s*("[^"]*"|'[^']*')""")
ENTITY = re.compile(r"&#?\w+;")
LETTER = re.compile(r"[^\W\d_]")
#: What an expression shows in the joined HTML of a template: translated words, or data.
EXPRESSION = "\x00"


def html_of(node: nodes.Node) -> Iterator[str]:
    """A template's HTML in source order, with every expression as EXPRESSION.

    The branches of an ``if`` follow each other, which keeps tags whole: an attribute that
    only some branches write still sits inside its tag.
    """
    if isinstance(node, nodes.Output):
        for child in node.nodes:
            yield child.data if isinstance(child, nodes.TemplateData) else EXPRESSION
        return
    for child in node.iter_child_nodes():
        yield from html_of(child)


def untranslated_html(html: str) -> list[str]:
    """Words in HTML that no translation call made: text between tags, readable attributes."""
    found = [f'{name}="{value}"' for name, value in SHOWN_ATTRIBUTES.findall(html) if LETTER.search(value)]
    text = ENTITY.sub(" ", ATTRIBUTE.sub(" ", TAG.sub(" ", PROGRAM_TEXT.sub(" ", html))))
    return found + [part.strip() for part in re.split(f"[{EXPRESSION}\n]", text) if LETTER.search(part)]


def _never_shown(node: nodes.Node, field: str) -> bool:
    """Strings that a template compares, looks up, imports or passes as a filter's option."""
    if isinstance(node, nodes.Compare | nodes.Test):
        return True
    if isinstance(node, nodes.Getitem):
        return field == "arg"
    if isinstance(node, nodes.Extends | nodes.Include | nodes.Import | nodes.FromImport):
        return field == "template"
    return isinstance(node, nodes.Filter) and field in ("args", "kwargs") and node.name not in SHOWING_FILTERS


def shown_constants(node: nodes.Node, never_shown: bool = False) -> Iterator[nodes.Const]:
    """String constants a template may show, outside translation calls."""
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name in TRANSLATING:
        return
    if isinstance(node, nodes.Const):
        if isinstance(node.value, str) and not never_shown:
            yield node
        return
    for field in node.fields:
        value = getattr(node, field)
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, nodes.Node):
                yield from shown_constants(child, never_shown or _never_shown(node, field))


def untranslated(source: str) -> list[str]:
    """Every visible word of a template that does not go through the catalogue."""
    template = render.ENV.parse(source)
    words = untranslated_html("".join(html_of(template)))
    words += [
        f"{const.value!r} (line {const.lineno})"
        for const in shown_constants(template)
        if LETTER.search(const.value) and const.value not in CODES
    ]
    return words


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_word_of_every_template_is_a_message_id(name: str) -> None:
    words = untranslated((TEMPLATES / name).read_text(encoding="utf-8"))
    assert not words, (
        f'{name} shows words outside the catalogue; write {{{{ _("...") }}}} (a code in a constant '
        f"goes into CODES in this test):\n" + "\n".join(words)
    )


@pytest.mark.parametrize(
    "source",
    [
        "<p>Niet vertaald</p>",
        '<nav aria-label="Hoofdmenu"></nav>',
        '<img alt="Een grafiek" src="/x.png">',
        "<td>{% if x %}{{ x }}{% else %}niet genoemd{% endif %}</td>",
        '{{ x or "niet genoemd" }}',
        '{{ "definitief" if final else "voorlopig" }}',
        '{% call scrolling("Grafiek") %}{% endcall %}',
        '{{ table | default("leeg") }}',
    ],
)
def test_the_check_finds_untranslated_dutch(source: str) -> None:
    assert untranslated(source)


def test_the_check_accepts_translated_words_codes_and_data() -> None:
    source = (
        '{% extends "base.html.j2" %}{% block main %}'
        '<nav aria-label="{{ _("Hoofdmenu") }}"><a href="/"{% if here == "/" %} aria-current="page"{% endif %}>'
        '{{ _("Overzicht") }}</a></nav><p>{{ _("Stand over %(period)s", period=p.label(lang)) }} · {{ g.name }}</p>'
        '{{ ngettext("%(num)s doel", "%(num)s doelen", n) }} <code>koers demo</code>'
        '{{ input("goal", _("Doel"), value) }} {{ items | join(", ") }}{% endblock %}'
    )
    assert untranslated(source) == []


# -- the dashboard in English: the seam for a second language --------------------------------


def test_the_dashboard_itself_speaks_dutch() -> None:
    assert LANG == "nl" and render.ENV.globals["lang"] == "nl"
    assert render.make_environment("en").globals["lang"] == "en"


@cache
def _long_ids() -> set[str]:
    """Dutch ids of the templates that cannot occur inside other text by chance."""
    ids = i18n.extract(str(Path(i18n.__file__).parent))["web"]
    return {
        text
        for (_context, text), where in ids.items()
        if any(file.endswith(".j2") for file, _line in where) and len(text) >= 20 and "%" not in text
    }


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """The demo dashboard with its pages rendered in English, and an administrator."""
    url = f"sqlite:///{tmp_path_factory.mktemp('english') / 'koers.db'}"
    prepare_demo(url, seed=2024, today=TODAY)
    app = create_app(url, today=TODAY)
    create_user(app.state.engine, "anna", PASSWORD, role="admin", display_name="Anna")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "ENV", render.make_environment("en"))
        browser = Browser(app)
        assert browser.login("anna").status_code == 303
        yield browser


ENGLISH_PAGES = {
    "/": "Illustrative figures.",
    "/opgaven/financieel-fit": "Mandatory BBV indicators",
    "/doelen/FF-01": "How is it going?",
    "/bbv": "Mandatory BBV indicators",
    "/kerngetallen": "Demographic key figures",
    "/methode": "How we measure progress",
    "/downloads": "Downloads and open data",
    "/nergens": "This page does not exist",
    "/beheer": "What do you want to do?",
    "/beheer/meting": "Enter or correct a measurement",
    "/beheer/import": "Import a file with measurements",
    "/beheer/toelichting/FF-01": "Choose another period",
    "/beheer/periodes": "Status per period",
    "/beheer/logboek": "Audit log",
    "/beheer/uitloggen": "You are logged in as Anna.",
}


@pytest.mark.parametrize("path", ENGLISH_PAGES)
def test_an_english_dashboard_is_only_a_choice_of_language(english: Browser, path: str) -> None:
    response = english.get(path)
    assert response.status_code == (404 if path == "/nergens" else 200)
    html = response.text
    assert '<html lang="en">' in html and ENGLISH_PAGES[path] in html
    dutch = sorted(text for text in _long_ids() if text in html)
    assert not dutch, f"{path} still shows Dutch template texts: {dutch}"
