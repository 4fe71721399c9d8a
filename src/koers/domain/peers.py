# SPDX-License-Identifier: EUPL-1.2
"""The municipalities a plan compares itself with: its peers, a size class, the Netherlands.

A council's first question about a figure is "how do we do compared with municipalities like
us?". So a plan names its peers (*vergelijkbare gemeenten*: Heemskerk names its IJmond
neighbours Beverwijk and Velsen) by their CBS code, and may name a size class (*gemeenten met
20.000 tot 50.000 inwoners*) whose figures are stored under the id the plan gives it. The
Netherlands needs no entry: its figures are stored under CBS's own code
(:data:`koers.domain.regions.NETHERLANDS`). The figures themselves are ordinary measurements,
stored under these codes (koers.domain.comparison compares them).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field

from koers.domain.goals import ID_PATTERN
from koers.domain.regions import NETHERLANDS

#: A municipality's CBS code, as the plan's own municipality writes it.
MUNICIPALITY_CODE: Final = r"^GM\d{4}$"


class Peer(BaseModel):
    """A municipality the plan compares itself with."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    cbs_code: str = Field(pattern=MUNICIPALITY_CODE, description="Its CBS municipality code: GM0375.")
    name: str = Field(description="Its name, as the pages and the report show it: 'Beverwijk'.")


class SizeClass(BaseModel):
    """A group of municipalities of about the same size, whose average a source publishes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(
        pattern=ID_PATTERN,
        description="The area its figures are stored under (the 'area' column of an import): 'gemeenten-20000-50000'.",
    )
    name: str = Field(description="Its name: 'Gemeenten met 20.000 tot 50.000 inwoners'.")


class PeerGroup(BaseModel):
    """The ``comparison`` part of a plan: its peers and, when it names one, its size class."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    peers: list[Peer] = Field(default_factory=list, description="The peer municipalities, in the order shown.")
    size_class: SizeClass | None = Field(default=None, description="The size class the municipality belongs to.")

    @property
    def areas(self) -> tuple[str, ...]:
        """Every area the plan compares with, as stored: the peers, the size class, the Netherlands."""
        size = (self.size_class.id,) if self.size_class else ()
        return (*(p.cbs_code for p in self.peers), *size, NETHERLANDS)

    @property
    def names(self) -> dict[str, str]:
        """The stored area of each peer and of the size class, with its name."""
        found = {p.cbs_code: p.name for p in self.peers}
        if self.size_class is not None:
            found[self.size_class.id] = self.size_class.name
        return found


#: (index of the peer, problem code, facts): a peer the plan cannot compare with.
PeerConflict = tuple[int, str, dict[str, Any]]


def peer_conflicts(own: str, codes: Sequence[Any]) -> Iterator[PeerConflict]:
    """The peers (by their written ``codes``) that cannot be compared with ``own``, the plan's
    own municipality: the municipality itself, or a code named twice. Declared here, checked
    where a plan file is read (koers.planfile.references), so that each problem names its line."""
    first: dict[str, int] = {}
    for index, code in enumerate(codes):
        if not isinstance(code, str):
            continue
        written = code.strip().upper()
        if written == own.strip().upper():
            yield index, "peer-is-municipality", {"value": code}
        elif written in first:
            yield index, "duplicate-peer", {"value": code, "other": first[written] + 1}
        else:
            first[written] = index
