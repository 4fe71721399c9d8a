# SPDX-License-Identifier: EUPL-1.2
"""The messages of the plan reader, in Dutch (B1) and English, keyed by stable codes.

Each code has a message (what is wrong) and a hint (what to do). Templates use the problem's
context: ``{field}``, ``{value}`` and whatever the check adds. Unknown context keys render as
an empty string rather than failing, so a message can never crash the reader.
"""

from __future__ import annotations

from typing import Any

from koers.domain.text import fill

FORMAT_DOC = "docs/plan-format.md"

PERIOD_FORMS_NL = "2023, 2023-H2, 2023-Q3, 2023-03, 'schooljaar 2023-2024' of 'peildatum 1 januari 2024'"
PERIOD_FORMS_EN = "2023, 2023-H2, 2023-Q3, 2023-03, 'school year 2023-2024' or '2024-01-01'"

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # code: {lang: (message, hint)}
    "file-not-found": {
        "nl": ("Het bestand bestaat niet.", "Controleer de naam en de map."),
        "en": ("The file does not exist.", "Check the name and the folder."),
    },
    "unsupported-format": {
        "nl": ("koers kan dit soort bestand niet lezen.", "Gebruik een .yaml-, .yml- of .xlsx-bestand."),
        "en": ("koers cannot read this kind of file.", "Use a .yaml, .yml or .xlsx file."),
    },
    "not-utf8": {
        "nl": (
            "Het bestand is niet als UTF-8 opgeslagen; dit is de eerste regel met een teken dat koers niet kan lezen.",
            "Sla het bestand op als UTF-8 (in Kladblok of Word: 'Opslaan als', codering UTF-8).",
        ),
        "en": (
            "The file is not saved as UTF-8; this is the first line with a character koers cannot read.",
            "Save the file as UTF-8 (in most editors: 'Save as', encoding UTF-8).",
        ),
    },
    "yaml-syntax": {
        "nl": (
            "Dit is geen geldige YAML: {detail}.",
            "Controleer de inspringing en de dubbele punten op deze regel en de regel ervoor.",
        ),
        "en": (
            "This is not valid YAML: {detail}.",
            "Check the indentation and colons on this line and the one before.",
        ),
    },
    "not-a-mapping": {
        "nl": (
            "Het bestand moet beginnen met velden als 'municipality:' en 'title:'.",
            f"Zie {FORMAT_DOC} voor een voorbeeld.",
        ),
        "en": (
            "The file must start with fields such as 'municipality:' and 'title:'.",
            f"See {FORMAT_DOC} for an example.",
        ),
    },
    "missing-field": {
        "nl": ("Dit verplichte veld ontbreekt.", "Vul '{name}' in."),
        "en": ("This required field is missing.", "Fill in '{name}'."),
    },
    "empty-field": {
        "nl": ("Dit veld is leeg.", "Vul een {expected} in, of haal het veld weg als het niet verplicht is."),
        "en": ("This field is empty.", "Enter {expected}, or remove the field if it is not required."),
    },
    "unknown-field": {
        "nl": (
            "koers kent het veld '{name}' niet.",
            f"Controleer de spelling, of haal het veld weg. De velden staan in {FORMAT_DOC}.",
        ),
        "en": (
            "koers does not know the field '{name}'.",
            f"Check the spelling, or remove the field. The fields are listed in {FORMAT_DOC}.",
        ),
    },
    "wrong-type": {
        "nl": ("'{value}' is geen {expected}.", "Vul een {expected} in."),
        "en": ("'{value}' is not {expected}.", "Enter {expected}."),
    },
    "invalid-choice": {
        "nl": ("'{value}' is geen toegestane waarde.", "Kies uit: {expected}."),
        "en": ("'{value}' is not an allowed value.", "Choose from: {expected}."),
    },
    "invalid-value": {
        "nl": ("'{value}' is niet toegestaan: {detail}.", f"Pas de waarde aan; zie {FORMAT_DOC}."),
        "en": ("'{value}' is not allowed: {detail}.", f"Change the value; see {FORMAT_DOC}."),
    },
    "invalid-id": {
        "nl": (
            "'{value}' is geen geldige code.",
            "Gebruik alleen letters, cijfers, '-', '_' en '.', en begin met een letter of cijfer.",
        ),
        "en": (
            "'{value}' is not a valid id.",
            "Use only letters, digits, '-', '_' and '.', starting with a letter or digit.",
        ),
    },
    "invalid-period": {
        "nl": ("'{value}' is geen periode die koers kent.", f"Schrijf bijvoorbeeld {PERIOD_FORMS_NL}."),
        "en": ("'{value}' is not a period koers knows.", f"Write for example {PERIOD_FORMS_EN}."),
    },
    "ambiguous-period": {
        "nl": (
            "'{value}' kan een schooljaar of twee jaren zijn.",
            "Schrijf 'schooljaar {value}' voor een schooljaar, of kies één jaar.",
        ),
        "en": (
            "'{value}' could be a school year or two years.",
            "Write 'school year {value}' for a school year, or pick one year.",
        ),
    },
    "invalid-date": {
        "nl": ("'{value}' is geen bestaande datum.", "Controleer dag en maand."),
        "en": ("'{value}' is not a real date.", "Check the day and the month."),
    },
    "invalid-frequency": {
        "nl": (
            "'{value}' is geen meetfrequentie die koers kent.",
            "Schrijf bijvoorbeeld '2X per jaar', '1X per jaar', '1x per schooljaar' of '1X per 4 jaar'.",
        ),
        "en": (
            "'{value}' is not a measurement frequency koers knows.",
            "Write for example '2X per jaar', '1X per jaar', '1x per schooljaar' or '1X per 4 jaar'.",
        ),
    },
    "invalid-change": {
        "nl": (
            "'{value}' is geen verandering die koers kan lezen.",
            "Schrijf de verandering met teken: '+10%', '-20%', '-5 pp' (procentpunt), '+10% per jaar' of 'gelijk'.",
        ),
        "en": (
            "'{value}' is not a change koers can read.",
            "Write the change with its sign: '+10%', '-20%', '-5 pp' (percentage points), '+10% per jaar' or 'gelijk'.",
        ),
    },
    "invalid-tolerance": {
        "nl": (
            "'{value}' is geen marge die koers kan lezen.",
            "Schrijf een getal in de eenheid van het doel (1,5), '2%' van de nulmeting of '1 pp'.",
        ),
        "en": (
            "'{value}' is not a tolerance koers can read.",
            "Write a number in the goal's unit (1.5), '2%' of the baseline or '1 pp'.",
        ),
    },
    "rate-without-base": {
        "nl": (
            "Bij een eenheid 'rate' ontbreekt 'per' of 'population'.",
            "Vul in per hoeveel (1000 of 10000) en van wie, bijvoorbeeld 'inwoners'.",
        ),
        "en": (
            "A unit of kind 'rate' needs 'per' and 'population'.",
            "Fill in per how many (1000 or 10000) and of whom, for example 'inwoners'.",
        ),
    },
    "base-without-rate": {
        "nl": ("'per' hoort alleen bij een eenheid 'rate'.", "Zet kind op 'rate', of haal 'per' weg."),
        "en": ("'per' belongs only to a unit of kind 'rate'.", "Set kind to 'rate', or remove 'per'."),
    },
    "invalid-rate-base": {
        "nl": ("'per' moet 100, 1000, 10000 of 100000 zijn.", "Pas 'per' aan."),
        "en": ("'per' must be 100, 1000, 10000 or 100000.", "Change 'per'."),
    },
    "incomplete-baseline": {
        "nl": (
            "Een bekende nulmeting heeft een waarde én een periode nodig.",
            "Vul 'value' en 'period' in. Is er geen nulmeting? Zet dan 'status: absent' met een 'reason'. Komt hij nog? Zet 'status: pending' met een 'reason'.",
        ),
        "en": (
            "A known baseline needs both a value and a period.",
            "Fill in 'value' and 'period'. No baseline? Set 'status: absent' with a 'reason'. Still to come? Set 'status: pending' with a 'reason'.",
        ),
    },
    "baseline-value-not-known": {
        "nl": (
            "Een nulmeting met status '{status}' kan geen waarde hebben.",
            "Haal 'value' weg, of haal 'status' weg als de waarde bekend is.",
        ),
        "en": (
            "A baseline with status '{status}' cannot have a value.",
            "Remove 'value', or remove 'status' if the value is known.",
        ),
    },
    "pending-without-reason": {
        "nl": (
            "Bij een nulmeting die nog komt ontbreekt de reden.",
            "Vul 'reason' in, bij voorkeur met de woorden van het plan, en zo mogelijk 'expected'.",
        ),
        "en": (
            "A pending baseline needs a reason.",
            "Fill in 'reason', preferably in the plan's words, and if possible 'expected'.",
        ),
    },
    "target-without-value": {
        "nl": (
            "Een streefwaarde heeft een waarde of een verandering nodig.",
            "Vul 'value' in (bijvoorbeeld 60) of 'change' (bijvoorbeeld '+10%').",
        ),
        "en": (
            "A target needs a value or a change.",
            "Fill in 'value' (for example 60) or 'change' (for example '+10%').",
        ),
    },
    "inconsistent-target": {
        "nl": (
            "De streefwaarde {value} past niet bij de verandering {change} vanaf de nulmeting {baseline}: die geeft {resolved}.",
            "Controleer de streefwaarde, de verandering en de nulmeting in het plan.",
        ),
        "en": (
            "The target value {value} does not follow from the change {change} on the baseline {baseline}: that gives {resolved}.",
            "Check the target value, the change and the baseline in the plan.",
        ),
    },
    "invalid-cbs-code": {
        "nl": (
            "'{code}' is geen CBS-code voor een {level}.",
            "Gebruik GM + 4 cijfers (gemeente), WK + 6 cijfers (wijk) of BU + 8 cijfers (buurt), of laat cbs_code weg.",
        ),
        "en": (
            "'{code}' is not a CBS code for a {level}.",
            "Use GM + 4 digits (municipality), WK + 6 digits (wijk) or BU + 8 digits (buurt), or leave cbs_code out.",
        ),
    },
    "totals-disagree": {
        "nl": (
            "De rijen tellen op tot {summed}, niet tot het totaal {total} ({year}).",
            "Controleer de getallen met de bron. Rondt de bron af? Zet dan 'totals_tolerance'.",
        ),
        "en": (
            "The rows add up to {summed}, not to the total {total} ({year}).",
            "Check the numbers against the source. Does the source round? Then set 'totals_tolerance'.",
        ),
    },
    "unknown-parent": {
        "nl": ("Er is geen rij '{parent}' waar deze rij onder valt.", "Controleer de naam bij 'parent'."),
        "en": ("There is no row '{parent}' for this row to be part of.", "Check the name in 'parent'."),
    },
    "unknown-total": {
        "nl": ("Een totaal is 'expenses' of 'income', niet '{kind}'.", "Pas de naam aan."),
        "en": ("A total is 'expenses' or 'income', not '{kind}'.", "Change the name."),
    },
    "invalid-thresholds": {
        "nl": (
            "De grens voor 'risico' ligt boven die voor 'op koers'.",
            "Maak at_risk kleiner dan of gelijk aan on_track (standaard 0,6 en 0,95).",
        ),
        "en": (
            "The bound for 'at risk' is above the one for 'on track'.",
            "Make at_risk at most on_track (defaults 0.6 and 0.95).",
        ),
    },
    "duplicate-id": {
        "nl": ("De code '{value}' komt vaker voor (ook bij {other}).", "Geef elk onderdeel een eigen code."),
        "en": ("The id '{value}' is used more than once (also at {other}).", "Give each item its own id."),
    },
    "unknown-challenge": {
        "nl": ("Er is geen opgave met code '{value}'.", "Gebruik een code uit 'challenges': {expected}."),
        "en": ("There is no challenge with id '{value}'.", "Use an id from 'challenges': {expected}."),
    },
    "unknown-policy-area": {
        "nl": ("Er is geen beleidsterrein met code '{value}'.", "Gebruik een code uit 'policy_areas': {expected}."),
        "en": ("There is no policy area with id '{value}'.", "Use an id from 'policy_areas': {expected}."),
    },
    "unknown-area": {
        "nl": ("Er is geen gebied met code '{value}'.", "Gebruik een code uit 'areas': {expected}."),
        "en": ("There is no area with id '{value}'.", "Use an id from 'areas': {expected}."),
    },
    "invalid-workbook": {
        "nl": (
            "Dit werkboek is geen koers-plan: {detail}.",
            "Begin met het sjabloon uit docs/plan-excel.md of exporteer een plan met 'koers plan export'.",
        ),
        "en": (
            "This workbook is not a koers plan: {detail}.",
            "Start from the template in docs/plan-excel.md or export a plan with 'koers plan export'.",
        ),
    },
}


CATALOGUES: dict[str, dict[str, dict[str, tuple[str, str]]]] = {"plan": MESSAGES}


def register(name: str, catalogue: dict[str, dict[str, tuple[str, str]]]) -> None:
    """Add another reader's catalogue (the measurement importer has its own), by name."""
    CATALOGUES[name] = catalogue


def render(code: str, part: str, lang: str, /, catalogue: str = "plan", **context: Any) -> str:
    """The message or hint of ``code`` in ``lang`` from ``catalogue``, filled in with ``context``."""
    entry = CATALOGUES[catalogue].get(code)
    if entry is None:
        detail = context.get("detail", "")
        return detail if part == "message" else ""
    message, hint = entry.get(lang, entry["nl"])
    suffix = f"_{lang}"  # wording that differs per language: "expected_nl" fills "{expected}"
    context = {**context, **{k[: -len(suffix)]: v for k, v in context.items() if k.endswith(suffix)}}
    template = message if part == "message" else hint
    values = {k: _show(v, lang) for k, v in context.items()}
    return fill(template, values)


def _show(value: Any, lang: str) -> Any:
    """Numbers in the reader's convention: 5914,7 in Dutch, 5914.7 in English."""
    if isinstance(value, float):
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if lang == "nl" else text
    return value
