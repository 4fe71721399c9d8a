# SPDX-License-Identifier: EUPL-1.2
"""The report's words: the English in reports.po is what an English reader gets, and each
language renders with its own template environment, so one language never leaks into the other.

The catalogues of all packages are merged into one lookup keyed by the Dutch id, so a Dutch id
that another package translates differently would silently change the report; the report then
gives that id a context of its own (``pgettext("rapport", ...)``).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from koers import i18n
from koers.domain.reporting import ReportStatus
from koers.i18n import catalogue
from koers.reports.html import environment

REPORTS_PO = Path(i18n.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "reports.po"


def test_every_report_text_reads_as_reports_po_says() -> None:
    with REPORTS_PO.open("rb") as handle:
        own = {(m.context, str(m.id)): str(m.string) for m in read_po(handle) if m.id}
    merged = catalogue("en")
    overridden = {key: (text, merged.get(key)) for key, text in own.items() if merged.get(key) != text}
    assert overridden == {}, "another catalogue translates these ids differently: give them a context"


def test_each_language_has_its_own_template_environment() -> None:
    dutch, english = environment("nl"), environment("en")
    assert dutch is not english and environment("nl") is dutch  # made once per language
    words = (
        '{{ _("Samenvatting") }} · {{ pgettext("rapport", "Marge (95%%)") }} · {{ _("versie %(version)s", version=2) }}'
    )
    assert english.from_string(words).render() == "Summary · Interval (95%) · version 2"
    assert dutch.from_string(words).render() == "Samenvatting · Marge (95%) · versie 2"


def test_a_report_status_reads_in_both_languages() -> None:
    assert [status.label("en") for status in ReportStatus] == ["Draft", "Adopted"]
    assert [status.label("nl") for status in ReportStatus] == ["Concept", "Vastgesteld"]
