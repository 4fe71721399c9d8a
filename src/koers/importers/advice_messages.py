# SPDX-License-Identifier: EUPL-1.2
"""The messages of the advice importer (``koers advice import``) and of the editor's advice
forms, in Dutch (B1), keyed by stable codes (English: koers.i18n). Documented in docs/cli.md."""

from __future__ import annotations

from koers.i18n import N_
from koers.problems import Catalogue, register

CATALOGUE = "advice"

ADVICE_MESSAGES: Catalogue = {
    "unreadable-file": (
        N_("Het bestand is niet te lezen: {detail}."),
        N_("Gebruik een YAML-bestand (.yaml) of een CSV- of Excel-bestand (.csv, .xlsx)."),
    ),
    "yaml-syntax": (
        N_("Het bestand is geen geldige YAML: {detail}."),
        N_("Kijk naar de genoemde regel: vaak ontbreekt een spatie na een dubbele punt, of klopt het inspringen niet."),
    ),
    "not-a-list": (
        N_("Het bestand bevat geen lijst van adviezen."),
        N_("Begin het bestand met 'advice:' en zet daaronder elk advies, beginnend met '- id:'."),
    ),
    "empty-file": (
        N_("Het bestand bevat geen adviezen."),
        N_("Zet op de eerste rij de kolomnamen en daaronder één punt per rij."),
    ),
    "missing-column": (
        N_("De kolom '{name}' ontbreekt."),
        N_("Zet op de eerste rij de kolommen: {expected}."),
    ),
    "missing-field": (
        N_("Het veld '{name}' ontbreekt."),
        N_("Vul '{name}' in."),
    ),
    "empty-field": (
        N_("Het veld '{name}' is leeg."),
        N_("Vul '{name}' in."),
    ),
    "no-items": (
        N_("Dit advies heeft geen punten."),
        N_("Zet onder 'items' minstens één punt, met zijn tekst bij 'text'."),
    ),
    "unknown-field": (
        N_("koers kent het veld '{name}' niet."),
        N_("Haal het weg of kijk de spelling na (zie docs/cli.md, koers advice import)."),
    ),
    "invalid-choice": (
        N_("'{value}' kan hier niet."),
        N_("Kies uit: {expected}."),
    ),
    "invalid-date": (
        N_("'{value}' is geen datum."),
        N_("Schrijf de datum als 2024-06-12 of als 12-6-2024."),
    ),
    "invalid-id": (
        N_("'{value}' kan niet als code."),
        N_("Gebruik letters, cijfers en streepjes, bijvoorbeeld PR-2024-03."),
    ),
    "wrong-type": (
        N_("'{value}' is hier niet goed: hier hoort {expected}."),
        N_("Pas de waarde aan."),
    ),
    "invalid-value": (
        N_("'{value}' kan hier niet."),
        N_("Pas de waarde aan."),
    ),
    "response-without-reason": (
        N_("Bij een reactie die het advies niet of maar deels overneemt, hoort een reden."),
        N_("Schrijf de reden erbij: waarom neemt de gemeente het niet of maar deels over?"),
    ),
    "response-before-advice": (
        N_("De reactie ({response}) is van vóór het advies ({advice})."),
        N_("Kijk de datum van de reactie en van het advies na."),
    ),
    "unknown-goal": (
        N_("Er is geen doel met code '{value}'."),
        N_("Gebruik de codes van doelen uit het plan: {expected}."),
    ),
    "unknown-challenge": (
        N_("Er is geen opgave met code '{value}'."),
        N_("Gebruik de codes van opgaven uit het plan: {expected}."),
    ),
    "unknown-action": (
        N_("Er is geen actie met code '{value}'."),
        N_("Gebruik de codes van acties uit het plan: {expected}."),
    ),
    "duplicate-advice": (
        N_("Het advies '{value}' staat twee keer in het bestand (ook op {first})."),
        N_("Geef elk advies een eigen code, of voeg de twee samen."),
    ),
    "advice-disagrees": (
        N_("Deze rij zegt iets anders over advies '{advice}' dan rij {first}: '{value}'."),
        N_("Zet bij alle rijen van één advies dezelfde soort, datum, onderwerp en document, of laat ze leeg."),
    ),
    "item-has-response": (
        N_("Punt {item} van advies '{advice}' heeft al een reactie van de gemeente en kan niet weg."),
        N_("Laat het punt staan. Pas zo nodig de tekst aan."),
    ),
}

register(CATALOGUE, ADVICE_MESSAGES)
