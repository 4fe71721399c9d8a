# SPDX-License-Identifier: EUPL-1.2
"""The messages of the measurement importer, in Dutch (B1) and English, keyed by stable codes.

Each problem names the row and column; the message says what is wrong with the value and the
hint what the file should hold instead. Documented in docs/import-format.md.
"""

from __future__ import annotations

from koers.planfile.messages import register

FORMAT_DOC = "docs/import-format.md"

IMPORT_MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "unreadable-file": {
        "nl": ("Het bestand is niet te lezen: {detail}.", "Sla het op als CSV (UTF-8) of als Excel-werkboek (.xlsx)."),
        "en": ("The file cannot be read: {detail}.", "Save it as CSV (UTF-8) or as an Excel workbook (.xlsx)."),
    },
    "empty-file": {
        "nl": (
            "Het bestand heeft geen rijen met metingen.",
            f"Zet de kolomnamen op de eerste rij en daaronder één meting per rij; zie {FORMAT_DOC}.",
        ),
        "en": (
            "The file has no rows with measurements.",
            f"Put the column names on the first row and one measurement per row below; see {FORMAT_DOC}.",
        ),
    },
    "missing-column": {
        "nl": (
            "De kolom '{name}' ontbreekt.",
            "Voeg de kolom toe, of geef met --map aan welke kolom het is (bijvoorbeeld --map {name}=waarde).",
        ),
        "en": (
            "The column '{name}' is missing.",
            "Add the column, or say with --map which column it is (for example --map {name}=waarde).",
        ),
    },
    "unknown-column": {
        "nl": (
            "koers kent de kolom '{name}' niet.",
            f"Haal de kolom weg, of geef met --map aan wat erin staat. De kolommen staan in {FORMAT_DOC}.",
        ),
        "en": (
            "koers does not know the column '{name}'.",
            f"Remove the column, or say with --map what it holds. The columns are listed in {FORMAT_DOC}.",
        ),
    },
    "duplicate-column": {
        "nl": ("De kolom '{name}' staat er twee keer in.", "Houd één kolom met deze naam over."),
        "en": ("The column '{name}' appears twice.", "Keep one column with this name."),
    },
    "missing-value": {
        "nl": ("Deze cel is leeg.", "Vul de {name} in."),
        "en": ("This cell is empty.", "Fill in the {name}."),
    },
    "goal-and-series": {
        "nl": ("Deze rij heeft zowel een doel als een reeks.", "Vul per rij óf 'goal' óf 'series' in."),
        "en": ("This row has both a goal and a series.", "Fill in either 'goal' or 'series' per row."),
    },
    "unknown-goal": {
        "nl": (
            "Het plan heeft geen doel of BBV-indicator '{value}'.",
            "Gebruik een code uit het plan, zoals {expected}. Is het een hulpreeks (zoals het aantal inwoners)? Zet hem dan in de kolom 'series'.",
        ),
        "en": (
            "The plan has no goal or BBV indicator '{value}'.",
            "Use an id from the plan, such as {expected}. Is it a supporting series (such as the number of inhabitants)? Put it in the column 'series'.",
        ),
    },
    "unknown-area": {
        "nl": (
            "'{value}' is geen gebied uit het plan en geen CBS-code.",
            "Gebruik een code uit het gebiedenregister ({expected}) of een CBS-code: GM + 4 cijfers, WK + 6, BU + 8.",
        ),
        "en": (
            "'{value}' is neither an area of the plan nor a CBS code.",
            "Use an id from the area register ({expected}) or a CBS code: GM + 4 digits, WK + 6, BU + 8.",
        ),
    },
    "invalid-period": {
        "nl": (
            "'{value}' is geen periode die koers kent.",
            "Schrijf bijvoorbeeld 2023, 2023-H2, 2023-Q3, 2023-03, 'schooljaar 2023-2024' of 2024-01-01.",
        ),
        "en": (
            "'{value}' is not a period koers knows.",
            "Write for example 2023, 2023-H2, 2023-Q3, 2023-03, 'school year 2023-2024' or 2024-01-01.",
        ),
    },
    "invalid-number": {
        "nl": (
            "'{value}' is geen getal.",
            "Schrijf een getal, met een punt of een komma voor de decimalen (48.1 of 48,1), zonder eenheid.",
        ),
        "en": (
            "'{value}' is not a number.",
            "Write a number, with a point or a comma for decimals (48.1 or 48,1), without a unit.",
        ),
    },
    "invalid-whole-number": {
        "nl": (
            "'{value}' is geen heel getal van 0 of meer.",
            "Schrijf een heel getal, zoals 1250, zonder punt of komma.",
        ),
        "en": (
            "'{value}' is not a whole number of 0 or more.",
            "Write a whole number, such as 1250, without a point or comma.",
        ),
    },
    "unnamed-column": {
        "nl": (
            "Deze kolom heeft geen naam, maar er staan wel waarden in.",
            "Geef de kolom een naam uit de lijst, of haal hem weg.",
        ),
        "en": ("This column has no name, but it holds values.", "Give the column a name from the list, or remove it."),
    },
    "series-named-like-goal": {
        "nl": (
            "'{value}' is al een doel of BBV-indicator van het plan.",
            "Zet de meting in de kolom 'goal', of geef de reeks een eigen naam.",
        ),
        "en": (
            "'{value}' is already a goal or BBV indicator of the plan.",
            "Put the measurement in the column 'goal', or give the series a name of its own.",
        ),
    },
    "out-of-range": {
        "nl": ("{value} kan niet: {detail}.", "Controleer het getal en de eenheid."),
        "en": ("{value} is not possible: {detail}.", "Check the number and the unit."),
    },
    "invalid-unit": {
        "nl": (
            "'{value}' is geen eenheid die koers kent.",
            "Schrijf bijvoorbeeld percentage, aantal, euro, nachten of 'per 1.000 inwoners'.",
        ),
        "en": (
            "'{value}' is not a unit koers knows.",
            "Write for example percentage, aantal, euro, nachten or 'per 1.000 inwoners'.",
        ),
    },
    "unit-mismatch": {
        "nl": (
            "De eenheid '{value}' past niet bij {subject}: dat meet in {expected}.",
            "Reken het getal om naar {expected}, of controleer of de rij bij het goede doel staat.",
        ),
        "en": (
            "The unit '{value}' does not fit {subject}: it is measured in {expected}.",
            "Convert the number to {expected}, or check that the row names the right goal.",
        ),
    },
    "unit-unknown": {
        "nl": (
            "Van {subject} is de eenheid niet bekend.",
            "Vul de kolom 'unit' in, bijvoorbeeld 'aantal' of 'per 1.000 inwoners'.",
        ),
        "en": (
            "The unit of {subject} is not known.",
            "Fill in the column 'unit', for example 'aantal' or 'per 1.000 inwoners'.",
        ),
    },
    "invalid-status": {
        "nl": ("'{value}' is geen status.", "Schrijf 'voorlopig' (provisional) of 'definitief' (final)."),
        "en": ("'{value}' is not a status.", "Write 'provisional' (voorlopig) or 'final' (definitief)."),
    },
    "invalid-interval": {
        "nl": (
            "Het betrouwbaarheidsinterval {low} tot {high} past niet om de waarde {value}.",
            "Controleer ci_low en ci_high: de waarde moet ertussen liggen.",
        ),
        "en": (
            "The confidence interval {low} to {high} does not contain the value {value}.",
            "Check ci_low and ci_high: the value must lie between them.",
        ),
    },
    "invalid-fraction": {
        "nl": (
            "Teller {numerator} en noemer {denominator} passen niet bij de waarde {value} (of de noemer is 0).",
            "Controleer teller, noemer en waarde: de waarde is teller / noemer in de eenheid van het doel.",
        ),
        "en": (
            "Numerator {numerator} and denominator {denominator} do not fit the value {value} (or the denominator is 0).",
            "Check numerator, denominator and value: the value is numerator / denominator in the goal's unit.",
        ),
    },
    "invalid-date": {
        "nl": ("'{value}' is geen datum.", "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-15."),
        "en": ("'{value}' is not a date.", "Write the date as YYYY-MM-DD, for example 2026-03-15."),
    },
    "duplicate-row": {
        "nl": (
            "Deze meting (zelfde doel, periode en gebied) staat ook op rij {other}.",
            "Houd één rij per doel, periode en gebied over.",
        ),
        "en": (
            "This measurement (same goal, period and area) is also on row {other}.",
            "Keep one row per goal, period and area.",
        ),
    },
}

register("import", IMPORT_MESSAGES)
