# SPDX-License-Identifier: EUPL-1.2
"""The comparison with other municipalities, as the report and the dashboard show it.

For every BBV indicator and every goal whose figures exist for a peer, the size class or the
Netherlands: the comparison of koers.domain.comparison, in the period the report is about. When
there is nothing to compare yet, the section says so and how to bring the figures in; the words
for that are here, once, for the report, the Word document and the dashboard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlalchemy import Engine

from koers.domain.comparison import Comparison, compare_plan, in_sentence
from koers.domain.measurements import Measurement
from koers.domain.peers import PeerGroup
from koers.domain.plan import Plan
from koers.domain.wording import listing
from koers.i18n import N_, _
from koers.store.measurements import current
from koers.store.plans import StoredPlan

#: The section's title, in the report, the Word document and the dashboard.
TITLE: Final = N_("Vergelijking met andere gemeenten")
#: How figures of other municipalities come in (said where there are none yet).
HOW_TO_BRING_THEM_IN: Final = N_(
    "Haal ze op bij het CBS met 'koers fetch cbs --indicators', of importeer ze met 'koers import': "
    "een rij per cijfer, met in de kolom area de CBS-code van de gemeente ({example}), of NL01 voor Nederland."
)


@dataclass(frozen=True, slots=True)
class Row:
    """A row of a comparison's table: an area's figure (None: no figure), or the peers' average."""

    label: str
    value: float | None
    own: bool = False
    summary: bool = False


def table_rows(comparison: Comparison, lang: str) -> list[Row]:
    """The rows of a comparison's table, in the report, the Word document and the dashboard: the
    municipality, its peers and their average, then the size class and the Netherlands."""
    rows = [Row(comparison.own.label(lang), comparison.own.value, own=True)]
    rows += [Row(f.label(lang), f.value) for f in comparison.peers]
    if comparison.peer_mean is not None:
        rows.append(Row(_("Gemiddelde van vergelijkbare gemeenten", lang), comparison.peer_mean, summary=True))
    rows += [Row(f.label(lang), f.value) for f in (comparison.size_class, comparison.country) if f is not None]
    return rows


@dataclass(frozen=True)
class ComparisonSection:
    """The comparisons to show, with whom the plan compares itself."""

    municipality: str
    group: PeerGroup
    comparisons: tuple[Comparison, ...]

    def introduction(self, lang: str) -> str:
        """Who the municipality is compared with, in plain words."""
        if not self.group.peers:
            return _(
                "Het plan noemt nog geen vergelijkbare gemeenten. Zet ze in het plan onder 'comparison'; "
                "dan staat hier ook het gemiddelde van die gemeenten.",
                lang,
            )
        peers = _(
            "{municipality} vergelijkt zich met {peers}.",
            lang,
            municipality=self.municipality,
            peers=listing([p.name for p in self.group.peers], lang),
        )
        if self.group.size_class is not None:
            others = _(
                "Ook het gemiddelde van {group} en het landelijk gemiddelde staan erbij.",
                lang,
                group=in_sentence(self.group.size_class.name),
            )
        else:
            others = _("Ook het landelijk gemiddelde staat erbij.", lang)
        same = _(
            "Per indicator staat het laatste cijfer van {municipality} naast dat van de anderen, over dezelfde "
            "periode.",
            lang,
            municipality=self.municipality,
        )
        return f"{peers} {others} {same}"

    def nothing_yet(self, lang: str) -> str:
        """What the page says when no figures of other municipalities are there yet."""
        example = self.group.peers[0].cbs_code if self.group.peers else "GM0375"
        return (
            _("Er zijn nog geen cijfers van andere gemeenten.", lang)
            + " "
            + _(HOW_TO_BRING_THEM_IN, lang, example=example)
        )


def comparison_section(plan: Plan, measurements: Iterable[Measurement], as_of: date) -> ComparisonSection:
    """The section for ``plan``, on its current ``measurements`` of periods ended by ``as_of``."""
    shown = [m for m in measurements if m.period.end <= as_of]
    return ComparisonSection(plan.municipality.name, plan.comparison, tuple(compare_plan(plan, shown)))


def load_comparison_section(engine: Engine, stored: StoredPlan, as_of: date) -> ComparisonSection:
    """The section for a stored plan, read from the database."""
    return comparison_section(stored.plan, current(engine, stored.id), as_of)
