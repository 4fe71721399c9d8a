# SPDX-License-Identifier: EUPL-1.2
"""The messages of the measurement importer, in Dutch (B1), keyed by stable codes (English: koers.i18n).

Each problem names the row and column; the message says what is wrong with the value and the
hint what the file should hold instead. Documented in docs/import-format.md.
"""

from __future__ import annotations

from koers.i18n import N_
from koers.problems import Catalogue, register

FORMAT_DOC = "docs/import-format.md"

IMPORT_MESSAGES: Catalogue = {
    "unreadable-file": (
        N_("Het bestand is niet te lezen: {detail}."),
        N_("Sla het op als CSV (UTF-8) of als Excel-werkboek (.xlsx)."),
    ),
    "empty-file": (
        N_("Het bestand heeft geen rijen met metingen."),
        N_("Zet de kolomnamen op de eerste rij en daaronder één meting per rij; zie docs/import-format.md."),
    ),
    "missing-column": (
        N_("De kolom '{name}' ontbreekt."),
        N_("Voeg de kolom toe, of geef met --map aan welke kolom het is (bijvoorbeeld --map {name}=waarde)."),
    ),
    "unknown-column": (
        N_("koers kent de kolom '{name}' niet."),
        N_("Haal de kolom weg, of geef met --map aan wat erin staat. De kolommen staan in docs/import-format.md."),
    ),
    "duplicate-column": (
        N_("De kolom '{name}' staat er twee keer in."),
        N_("Houd één kolom met deze naam over."),
    ),
    "missing-value": (
        N_("Deze cel is leeg."),
        N_("Vul de {name} in."),
    ),
    "goal-and-series": (
        N_("Deze rij heeft zowel een doel als een reeks."),
        N_("Vul per rij óf 'goal' óf 'series' in."),
    ),
    "unknown-goal": (
        N_("Het plan heeft geen doel of BBV-indicator '{value}'."),
        N_(
            "Gebruik een code uit het plan, zoals {expected}. Is het een hulpreeks (zoals het aantal inwoners)? "
            "Zet hem dan in de kolom 'series'."
        ),
    ),
    "unknown-area": (
        N_("'{value}' is geen gebied uit het plan en geen CBS-code."),
        N_(
            "Gebruik een code uit het gebiedenregister ({expected}) of een CBS-code: NL01 voor Nederland, GM + 4 "
            "cijfers voor een gemeente, WK + 6, BU + 8 (ook PV, LD en CR + 2 cijfers)."
        ),
    ),
    "invalid-period": (
        N_("'{value}' is geen periode die koers kent."),
        N_("Schrijf bijvoorbeeld 2023, 2023-H2, 2023-Q3, 2023-03, 'schooljaar 2023-2024' of 2024-01-01."),
    ),
    "invalid-number": (
        N_("'{value}' is geen getal."),
        N_("Schrijf een getal, met een punt of een komma voor de decimalen (48.1 of 48,1), zonder eenheid."),
    ),
    "invalid-whole-number": (
        N_("'{value}' is geen heel getal van 0 of meer."),
        N_("Schrijf een heel getal, zoals 1250, zonder punt of komma."),
    ),
    "unnamed-column": (
        N_("Deze kolom heeft geen naam, maar er staan wel waarden in."),
        N_("Geef de kolom een naam uit de lijst, of haal hem weg."),
    ),
    "series-named-like-goal": (
        N_("'{value}' is al een doel of BBV-indicator van het plan."),
        N_("Zet de meting in de kolom 'goal', of geef de reeks een eigen naam."),
    ),
    "out-of-range": (
        N_("{value} kan niet: {detail}."),
        N_("Controleer het getal en de eenheid."),
    ),
    "invalid-unit": (
        N_("'{value}' is geen eenheid die koers kent."),
        N_("Schrijf bijvoorbeeld percentage, aantal, euro, nachten of 'per 1.000 inwoners'."),
    ),
    "unit-mismatch": (
        N_("De eenheid '{value}' past niet bij {subject}: dat meet in {expected}."),
        N_("Reken het getal om naar {expected}, of controleer of de rij bij het goede doel staat."),
    ),
    "bbv-unit-base": (
        N_(
            "De eenheid '{value}' past niet bij BBV-indicator {indicator} ({subject}): de landelijke lijst telt in "
            "'{listed}'."
        ),
        N_("Reken om: {conversion}. Zet dan '{unit}' in de kolom unit."),
    ),
    "unit-unknown": (
        N_("Van {subject} is de eenheid niet bekend."),
        N_("Vul de kolom 'unit' in, bijvoorbeeld 'aantal' of 'per 1.000 inwoners'."),
    ),
    "invalid-status": (
        N_("'{value}' is geen status."),
        N_("Schrijf 'voorlopig' (provisional) of 'definitief' (final)."),
    ),
    "invalid-interval": (
        N_("Het betrouwbaarheidsinterval {low} tot {high} past niet om de waarde {value}."),
        N_("Controleer ci_low en ci_high: de waarde moet ertussen liggen."),
    ),
    "invalid-fraction": (
        N_("Teller {numerator} en noemer {denominator} passen niet bij de waarde {value} (of de noemer is 0)."),
        N_("Controleer teller, noemer en waarde: de waarde is teller / noemer in de eenheid van het doel."),
    ),
    "invalid-date": (
        N_("'{value}' is geen datum."),
        N_("Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-15."),
    ),
    "duplicate-row": (
        N_("Deze meting (zelfde doel, periode en gebied) staat ook op rij {other}."),
        N_("Houd één rij per doel, periode en gebied over."),
    ),
    "invalid-unavailable": (
        N_("'{value}' is geen code voor een cijfer dat er niet is."),
        N_(
            "Schrijf n.b. (niet beschikbaar), n.n.b. (nog niet bekend) of n.a. (niet van toepassing), "
            "of laat de cel leeg."
        ),
    ),
    "value-and-unavailable": (
        N_("In 'value' staat '{value}' en in 'unavailable' staat '{stated}'."),
        N_("Een cijfer is er wel of niet. Is het er niet? Laat 'value' dan leeg. Is het er wel? Haal dan de code weg."),
    ),
    "unavailable-without-reason": (
        N_("Er staat '{value}' (geen cijfer), maar niet waarom."),
        N_(
            "Schrijf in de kolom 'note' waarom het cijfer er niet is, bijvoorbeeld 'CBS publiceert dit cijfer niet "
            "meer'. Die reden komt in de rapportage."
        ),
    ),
    # A warning: the row is stored all the same.
    "inside-baseline-period": (
        N_("Dit cijfer van {subject} over {value} valt binnen de periode van de nulmeting ({baseline})."),
        N_(
            "Het wordt opgeslagen, maar telt niet als voortgang: het zegt iets over de situatie vóór het plan. "
            "Klopt de periode?"
        ),
    ),
}

register("import", IMPORT_MESSAGES)
