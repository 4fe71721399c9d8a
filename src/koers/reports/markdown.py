# SPDX-License-Identifier: EUPL-1.2
"""Explanations are written in Markdown; they are shown as HTML only after sanitising.

An explanation comes from a user and ends up in a public report, so only plain text markup
survives: paragraphs, emphasis, lists, links (http/https/mailto) and simple tables.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
ALLOWED_TAGS = {
    "p",
    "em",
    "strong",
    "ul",
    "ol",
    "li",
    "a",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "h3",
    "h4",
    "blockquote",
    "code",
}


def to_html(text: str) -> str:
    """Safe HTML for an explanation written in Markdown."""
    raw = _MARKDOWN.render(text)
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
