# SPDX-License-Identifier: EUPL-1.2
"""The messages of the money importer (``koers money import``), in Dutch (B1), keyed by stable
codes (English: koers.i18n). Documented in docs/cli.md."""

from __future__ import annotations

from koers.i18n import N_
from koers.problems import Catalogue, register

CATALOGUE = "money"

MONEY_MESSAGES: Catalogue = {
    "unreadable-file": (
        N_("Het bestand is niet te lezen: {detail}."),
        N_("Gebruik een CSV-bestand of een Excel-bestand (.xlsx)."),
    ),
    "empty-file": (
        N_("Het bestand bevat geen bedragen."),
        N_("Zet op de eerste rij de kolomnamen en daaronder één bedrag per rij."),
    ),
    "missing-column": (
        N_("De kolom '{name}' ontbreekt."),
        N_("Zet op de eerste rij de kolommen: {expected}."),
    ),
    "no-challenge": (
        N_("Deze rij noemt geen opgave en geen taakveld."),
        N_("Vul de kolom 'challenge' (code of naam van de opgave) of 'taakveld' in."),
    ),
    "challenge-and-taakveld": (
        N_("Deze rij noemt zowel een opgave als een taakveld."),
        N_("Vul één van beide in: 'challenge' of 'taakveld'."),
    ),
    "unknown-challenge": (
        N_("Er is geen opgave '{value}' in het plan."),
        N_("Gebruik de code of de naam van een opgave: {expected}."),
    ),
    "unknown-taakveld": (
        N_("Het plan zegt niet bij welke opgave taakveld '{value}' hoort."),
        N_("Zet het taakveld in het plan onder 'money: taakvelden', bijvoorbeeld \"{taakveld}\": code-van-de-opgave."),
    ),
    "invalid-year": (
        N_("'{value}' is geen jaar."),
        N_("Schrijf het jaar met vier cijfers, bijvoorbeeld 2025."),
    ),
    "unknown-kind": (
        N_("'{value}' is geen soort bedrag."),
        N_("Gebruik: {expected}."),
    ),
    "invalid-amount": (
        N_("'{value}' is geen bedrag."),
        N_("Schrijf het bedrag in euro zonder €-teken, bijvoorbeeld 1.234.567,89 of 1234567.89."),
    ),
    "amount-out-of-range": (
        N_("Het bedrag {value} kan niet: een bedrag ligt tussen {low} en {high} euro."),
        N_("Controleer het bedrag: staat het in euro (niet in centen of duizenden), zonder cijfers te veel?"),
    ),
    "duplicate-row": (
        N_("Dit bedrag staat al op rij {other}."),
        N_("Laat één van de twee rijen weg, of tel ze op."),
    ),
}

register(CATALOGUE, MONEY_MESSAGES)
