# SPDX-License-Identifier: EUPL-1.2
"""The messages of the LimeSurvey import (``koers survey import``), in Dutch (B1), keyed by
stable codes (English: koers.i18n). Documented in docs/survey-format.md.

The answers in a file are checked by the same rules as the form at /enquete
(koers.domain.survey_answers); their problems have the same codes, told here for the person who
imports a file rather than for the resident (a table keyed by the codes, so none is missed).
"""

from __future__ import annotations

from typing import Final

from koers.domain.survey_answers import AnswerCode
from koers.domain.vocabulary import every
from koers.i18n import N_
from koers.problems import Catalogue, register

CATALOGUE = "limesurvey"

FILE_MESSAGES: Catalogue = {
    "unreadable-file": (
        N_("Het bestand is niet te lezen: {detail}."),
        N_("Exporteer de antwoorden in LimeSurvey als CSV, met de vraagcodes als kolomnamen."),
    ),
    "empty-file": (
        N_("Het bestand bevat geen antwoorden."),
        N_("Exporteer de antwoorden opnieuw; de eerste rij heeft de vraagcodes, elke rij daaronder één inzending."),
    ),
    "no-limesurvey-codes": (
        N_("Geen enkele vraag van de enquête heeft een LimeSurvey-code."),
        N_("Zet bij elke vraag in het enquêtebestand de vraagcode uit LimeSurvey, bijvoorbeeld 'limesurvey: Q3'."),
    ),
    "missing-column": (
        N_("De kolom '{name}' ontbreekt."),
        N_(
            "Exporteer met de vraagcodes als kolomnamen, of verbeter de code 'limesurvey' bij de vraag of het "
            "antwoord in het enquêtebestand."
        ),
    ),
    "unknown-column": (
        N_("koers weet niet bij welke vraag de kolom '{name}' hoort."),
        N_("Zet 'limesurvey: {name}' bij de vraag in het enquêtebestand, of haal de kolom weg uit het bestand."),
    ),
    "duplicate-row": (
        N_("Inzending '{value}' staat al op rij {other}."),
        N_("Laat één van de twee rijen weg."),
    ),
    "invalid-date": (
        N_("'{value}' is geen datum."),
        N_("Exporteer de datums zoals LimeSurvey ze geeft: 2020-10-12 14:33:10."),
    ),
}

#: An answer's problems, for the person importing a file (the resident's words: ANSWER_MESSAGES).
ANSWER_IMPORT_MESSAGES: Final = every(
    AnswerCode,
    {
        AnswerCode.REQUIRED: (
            N_("Deze verplichte vraag heeft geen antwoord."),
            N_("Controleer of dit een volledige inzending is; laat de rij anders weg."),
        ),
        AnswerCode.UNKNOWN_OPTION: (
            N_("'{value}' is geen antwoordcode van deze vraag."),
            N_(
                "Zet de code uit LimeSurvey bij het antwoord in het enquêtebestand ('limesurvey: {value}'), "
                "of verbeter de waarde."
            ),
        ),
        AnswerCode.ONE_ONLY: (
            N_("Deze vraag heeft één antwoord, maar de rij geeft er meer."),
            N_("Controleer de export en de codes bij de antwoorden in het enquêtebestand."),
        ),
        AnswerCode.NOT_A_GRADE: (
            N_("'{value}' is geen cijfer van {low} tot en met {high}."),
            N_("Verbeter de waarde, of maak de cel leeg."),
        ),
        AnswerCode.NOT_POINTS: (
            N_("'{value}' is geen aantal punten."),
            N_("Schrijf een heel getal, 0 of meer, of maak de cel leeg."),
        ),
        AnswerCode.POINTS_TOO_FEW: (
            N_("De punten tellen op tot {total}, niet tot {required}."),
            N_(
                "De punten van deze vraag tellen op tot precies {required}. Verbeter ze, of maak alle cellen van "
                "deze vraag leeg."
            ),
        ),
        AnswerCode.POINTS_TOO_MANY: (
            N_("De punten tellen op tot {total}, niet tot {required}."),
            N_(
                "De punten van deze vraag tellen op tot precies {required}. Verbeter ze, of maak alle cellen van "
                "deze vraag leeg."
            ),
        ),
        AnswerCode.WRITE_IN_UNCHOSEN: (
            N_("Er staat een toelichting bij '{option}', maar dat antwoord is niet gekozen."),
            N_("Kies het antwoord ook, of maak de toelichting leeg."),
        ),
        AnswerCode.UNKNOWN_STATEMENT: (
            N_("'{value}' is geen stelling van deze vraag."),
            N_("Controleer de codes bij 'statements' in het enquêtebestand."),
        ),
        AnswerCode.ROWS_MISSING: (
            N_("Niet elke stelling van deze verplichte vraag heeft een antwoord: {rows}."),
            N_("Controleer of dit een volledige inzending is; laat de rij anders weg."),
        ),
        AnswerCode.TOO_LONG: (
            N_("De tekst is langer dan {max} tekens."),
            N_("Kort de tekst in."),
        ),
    },
)

register(CATALOGUE, {**FILE_MESSAGES, **{code.value: texts for code, texts in ANSWER_IMPORT_MESSAGES.items()}})
