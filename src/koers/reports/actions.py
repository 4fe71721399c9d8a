# SPDX-License-Identifier: EUPL-1.2
"""What the report, the dashboard and the Word file say about an action, written once.

Each shows an action as its name, what it is, and one line of facts: who carries it, with
whom, when, how far it is and what it costs. Writing that line here keeps the three alike.
"""

from __future__ import annotations

from koers.domain.actions import Action, ActionStatus
from koers.domain.formatting import format_euro
from koers.i18n import DEFAULT_LANG, _


def action_facts(action: Action, lang: str = DEFAULT_LANG) -> str:
    """'Gestopt: opgegaan in de regionale aanpak · trekker Team Sport, met A en B · 2025 - 2027 · € 120.000'."""
    status = action.status.label(lang)
    if action.status is ActionStatus.STOPPED and action.reason:
        status = _("{status}: {reason}", lang, status=status, reason=action.reason)
    parts = [status]
    if action.owner:
        parts.append(_("trekker {owner}", lang, owner=action.owner))
    if action.partners:
        parts.append(_("met {partners}", lang, partners=", ".join(action.partners)))
    parts += [text for text in (action.when(lang),) if text]
    if action.budget is not None:
        parts.append(format_euro(action.budget, lang))
    return " · ".join(parts)
