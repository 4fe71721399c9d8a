# SPDX-License-Identifier: EUPL-1.2
"""The messages of the survey file reader, in Dutch (B1), keyed by stable codes (English: koers.i18n).

A survey file is read by the same machinery as a plan file (YAML with lines, pydantic's errors
in koers's codes), so the general codes (``missing-field``, ``yaml-syntax`` ...) are the plan
reader's; what differs is where their hints send the reader, and the codes of a questionnaire.
Every code here is documented in docs/survey-format.md (a test checks).
"""

from __future__ import annotations

from koers.i18n import N_
from koers.planfile.messages import MESSAGES
from koers.problems import Catalogue, register

CATALOGUE = "survey"

#: The codes of a survey file, and the general codes whose hint is about the survey format.
SURVEY_MESSAGES: Catalogue = {
    "unsupported-format": (
        N_("koers kan dit soort bestand niet lezen als enquête."),
        N_("Gebruik een .yaml- of .yml-bestand; zie docs/survey-format.md."),
    ),
    "not-a-mapping": (
        N_("Het bestand moet beginnen met velden als 'id:', 'title:' en 'plan:'."),
        N_("Zie docs/survey-format.md voor een voorbeeld."),
    ),
    "unknown-field": (
        N_("koers kent het veld '{name}' niet."),
        N_("Controleer de spelling, of haal het veld weg. De velden staan in docs/survey-format.md."),
    ),
    "invalid-value": (
        N_("'{value}' is niet toegestaan: {detail}."),
        N_("Pas de waarde aan; zie docs/survey-format.md."),
    ),
    "options-missing": (
        N_("Bij een vraag van het type '{kind}' horen antwoorden om uit te kiezen."),
        N_("Zet ze onder 'options', elk met een 'id' en een 'label'."),
    ),
    "options-not-allowed": (
        N_("Een vraag van het type '{kind}' heeft geen antwoorden om uit te kiezen."),
        N_("Haal 'options' weg, of kies een ander type: single, multiple, matrix of points."),
    ),
    "statements-missing": (
        N_("Een matrixvraag heeft stellingen nodig."),
        N_("Zet ze onder 'statements', elk met een 'id' en een 'label'."),
    ),
    "statements-not-allowed": (
        N_("Alleen een matrixvraag heeft stellingen."),
        N_("Haal 'statements' weg, of zet 'type: matrix'."),
    ),
    "goal-and-series": (
        N_("Een vraag meet een doel of een reeks, niet allebei."),
        N_("Haal 'goal' of 'series' weg."),
    ),
    "weighting-not-single": (
        N_("Een vraag voor de weging (leeftijdsgroep of wijk) is een vraag met één antwoord."),
        N_("Zet 'type: single'."),
    ),
    "write-in-in-scale": (
        N_("Een stap van de schaal van een matrixvraag kan geen tekstvak hebben."),
        N_("Haal 'write_in' weg bij de antwoorden van deze vraag."),
    ),
    "duplicate-answer-id": (
        N_("De code '{value}' komt twee keer voor bij '{part}' van deze vraag."),
        N_("Geef elk antwoord en elke stelling een eigen code."),
    ),
    "unknown-question": (
        N_("Er is geen vraag met code '{value}'."),
        N_("Gebruik bij 'show_if' de code ('id') van een vraag op een eerdere pagina."),
    ),
    "show-if-not-earlier": (
        N_("De vraag '{value}' staat niet op een eerdere pagina."),
        N_(
            "Het formulier werkt zonder JavaScript, dus een vervolgvraag staat op een pagina ná de vraag waar hij van "
            "afhangt. Zet de vervolgvraag op een volgende pagina."
        ),
    ),
    "show-if-not-choice": (
        N_("Een vervolgvraag kan alleen afhangen van een keuzevraag; '{value}' is van het type '{kind}'."),
        N_("Kies een vraag van het type single of multiple."),
    ),
    "unknown-option": (
        N_("'{value}' is geen antwoord van die vraag."),
        N_("Kies uit: {expected}."),
    ),
    "duplicate-weighting": (
        N_("Er is al een vraag voor de weging naar '{value}' (bij {other})."),
        N_("Zet 'weighting: {value}' bij één vraag."),
    ),
    "population-not-weighting": (
        N_("Alleen de antwoorden van een vraag voor de weging hebben een 'population'."),
        N_("Haal 'population' weg, of zet bij de vraag 'weighting: age_group' of 'weighting: wijk'."),
    ),
    "figure-not-allowed": (
        N_("Een vraag van het type '{kind}' geeft geen cijfer voor een doel."),
        N_("Haal 'figure' weg. Een cijfer komt van een vraag van het type single, multiple, grade of points."),
    ),
    "figure-without-subject": (
        N_("Bij 'figure' staat niet voor welk doel het cijfer is."),
        N_("Zet bij de vraag 'goal' (of 'series'), of haal 'figure' weg."),
    ),
    "figure-options-missing": (
        N_("Bij 'figure' van een vraag van het type '{kind}' staat niet welke antwoorden tellen."),
        N_("Zet onder 'figure' bij 'options' de antwoorden die meetellen, bijvoorbeeld [ja]."),
    ),
    "figure-options-not-allowed": (
        N_("Het cijfer van een vraag van het type '{kind}' is het gemiddelde cijfer; daar horen geen antwoorden bij."),
        N_("Haal 'options' weg onder 'figure'."),
    ),
    "figure-unknown-option": (
        N_("'{value}' bij 'figure' is geen antwoord van deze vraag."),
        N_("Kies uit: {expected}."),
    ),
    "duplicate-figure": (
        N_("Er is al een vraag die het cijfer voor '{value}' geeft (bij {other})."),
        N_("Een doel krijgt per periode één cijfer. Zet 'figure' bij één vraag van dit doel."),
    ),
    "unknown-goal": (
        N_("Het plan heeft geen doel met code '{value}'."),
        N_("Gebruik de code van een doel van het plan: {expected}."),
    ),
    "unknown-wijk": (
        N_("'{value}' is geen wijk van het plan."),
        N_(
            "Geef elk antwoord van de wijkvraag de code van een wijk uit het plan ({expected}), zodat de weging de "
            "cijfers van die wijk kan gebruiken."
        ),
    ),
    "unknown-plan": (
        N_("Het plan '{value}' staat niet in de database."),
        N_("Laad het plan eerst met koers plan load, of zet bij 'plan' de sleutel van een geladen plan: {expected}."),
    ),
}

#: The codes of a survey file's own (the rest are the plan reader's), for the documentation test.
SURVEY_CODES = tuple(SURVEY_MESSAGES)

register(CATALOGUE, {**MESSAGES, **SURVEY_MESSAGES})
