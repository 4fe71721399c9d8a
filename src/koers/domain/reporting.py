# SPDX-License-Identifier: EUPL-1.2
"""The status of a reporting period: concept while the council report is written, vastgesteld
once the council has adopted it.

Declared once, here: the store records it (koers.store.report_periods), the report prints it on
its cover, the editor locks a vastgesteld period's explanations, and the CLI accepts it as
``--status``. The values are the Dutch words people use, so that they read the same in the
database, on the command line and in the web forms.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from koers.domain.vocabulary import every
from koers.i18n import N_, _


class ReportStatus(StrEnum):
    CONCEPT = "concept"
    ADOPTED = "vastgesteld"

    def label(self, lang: str = "nl") -> str:
        """'Concept' or 'Vastgesteld' (English: 'Draft', 'Adopted'), as on the report's cover."""
        return _(REPORT_STATUS_LABELS[self], lang)

    @property
    def adopted(self) -> bool:
        return self is ReportStatus.ADOPTED


REPORT_STATUS_LABELS: Final = every(
    ReportStatus, {ReportStatus.CONCEPT: N_("Concept"), ReportStatus.ADOPTED: N_("Vastgesteld")}
)
