# SPDX-License-Identifier: EUPL-1.2
"""The messages of the plan reader, in Dutch (B1), keyed by stable codes (English: koers.i18n).

Each code has a message (what is wrong) and a hint (what to do). Templates use the problem's
context: ``{field}``, ``{value}`` and whatever the check adds. Unknown context keys render as
an empty string rather than failing, so a message can never crash the reader.
"""

from __future__ import annotations

from koers.i18n import N_
from koers.problems import Catalogue, register

FORMAT_DOC = "docs/plan-format.md"


MESSAGES: Catalogue = {
    "file-not-found": (
        N_("Het bestand bestaat niet."),
        N_("Controleer de naam en de map."),
    ),
    "unsupported-format": (
        N_("koers kan dit soort bestand niet lezen."),
        N_("Gebruik een .yaml-, .yml- of .xlsx-bestand."),
    ),
    "not-utf8": (
        N_("Het bestand is niet als UTF-8 opgeslagen; dit is de eerste regel met een teken dat koers niet kan lezen."),
        N_("Sla het bestand op als UTF-8 (in Kladblok of Word: 'Opslaan als', codering UTF-8)."),
    ),
    "yaml-syntax": (
        N_("Dit is geen geldige YAML: {detail}."),
        N_("Controleer de inspringing en de dubbele punten op deze regel en de regel ervoor."),
    ),
    "not-a-mapping": (
        N_("Het bestand moet beginnen met velden als 'municipality:' en 'title:'."),
        N_("Zie docs/plan-format.md voor een voorbeeld."),
    ),
    "missing-field": (
        N_("Dit verplichte veld ontbreekt."),
        N_("Vul '{name}' in."),
    ),
    "empty-field": (
        N_("Dit veld is leeg."),
        N_("Vul een {expected} in, of haal het veld weg als het niet verplicht is."),
    ),
    "unknown-field": (
        N_("koers kent het veld '{name}' niet."),
        N_("Controleer de spelling, of haal het veld weg. De velden staan in docs/plan-format.md."),
    ),
    "wrong-type": (
        N_("'{value}' is geen {expected}."),
        N_("Vul een {expected} in."),
    ),
    "invalid-choice": (
        N_("'{value}' is geen toegestane waarde."),
        N_("Kies uit: {expected}."),
    ),
    "invalid-value": (
        N_("'{value}' is niet toegestaan: {detail}."),
        N_("Pas de waarde aan; zie docs/plan-format.md."),
    ),
    "invalid-id": (
        N_("'{value}' is geen geldige code."),
        N_("Gebruik alleen letters, cijfers, '-', '_' en '.', en begin met een letter of cijfer."),
    ),
    "invalid-period": (
        N_("'{value}' is geen periode die koers kent."),
        N_(
            "Schrijf bijvoorbeeld 2023, 2023-H2, 2023-Q3, 2023-03, 'schooljaar 2023-2024' of 'peildatum 1 januari 2024'."
        ),
    ),
    "ambiguous-period": (
        N_("'{value}' kan een schooljaar of twee jaren zijn."),
        N_("Schrijf 'schooljaar {value}' voor een schooljaar, of kies één jaar."),
    ),
    "invalid-date": (
        N_("'{value}' is geen bestaande datum."),
        N_("Controleer dag en maand."),
    ),
    "invalid-frequency": (
        N_("'{value}' is geen meetfrequentie die koers kent."),
        N_("Schrijf bijvoorbeeld '2X per jaar', '1X per jaar', '1x per schooljaar' of '1X per 4 jaar'."),
    ),
    "invalid-change": (
        N_("'{value}' is geen verandering die koers kan lezen."),
        N_("Schrijf de verandering met teken: '+10%', '-20%', '-5 pp' (procentpunt), '+10% per jaar' of 'gelijk'."),
    ),
    "invalid-tolerance": (
        N_("'{value}' is geen marge die koers kan lezen."),
        N_("Schrijf een getal in de eenheid van het doel (1,5), '2%' van de nulmeting of '1 pp'."),
    ),
    "rate-without-base": (
        N_("Bij een eenheid 'rate' ontbreekt 'per' of 'population'."),
        N_("Vul in per hoeveel (1000 of 10000) en van wie, bijvoorbeeld 'inwoners'."),
    ),
    "base-without-rate": (
        N_("'per' hoort alleen bij een eenheid 'rate'."),
        N_("Zet kind op 'rate', of haal 'per' weg."),
    ),
    "invalid-rate-base": (
        N_("'per' moet 100, 1000, 10000 of 100000 zijn."),
        N_("Pas 'per' aan."),
    ),
    "incomplete-baseline": (
        N_("Een bekende nulmeting heeft een waarde én een periode nodig."),
        N_(
            "Vul 'value' en 'period' in. Is er geen nulmeting? Zet dan 'status: absent' met een 'reason'. Komt hij nog? Zet 'status: pending' met een 'reason'."
        ),
    ),
    "baseline-value-not-known": (
        N_("Een nulmeting met status '{status}' kan geen waarde hebben."),
        N_("Haal 'value' weg, of haal 'status' weg als de waarde bekend is."),
    ),
    "pending-without-reason": (
        N_("Bij een nulmeting die nog komt ontbreekt de reden."),
        N_("Vul 'reason' in, bij voorkeur met de woorden van het plan, en zo mogelijk 'expected'."),
    ),
    "target-without-value": (
        N_("Een streefwaarde heeft een waarde, een verandering, een bandbreedte, een richting of woorden nodig."),
        N_(
            "Schrijf de streefwaarde zoals het plan die noemt (bijvoorbeeld 'minimaal 60% in 2027' of 'toename'), "
            "of vul 'value' in (bijvoorbeeld 60) of 'change' (bijvoorbeeld '+10%')."
        ),
    ),
    "half-band": (
        N_("Een bandbreedte heeft een ondergrens én een bovengrens nodig."),
        N_("Vul 'low' en 'high' allebei in, of schrijf 'tussen 60 en 65%'."),
    ),
    "empty-band": (
        N_("De ondergrens ({low}) van de bandbreedte moet lager zijn dan de bovengrens ({high})."),
        N_("Draai 'low' en 'high' om, of controleer de getallen met het plan."),
    ),
    "open-without-band": (
        N_("'band_open' hoort alleen bij een bandbreedte."),
        N_("Vul 'low' en 'high' in, of haal 'band_open' weg."),
    ),
    "phrase-disagrees": (
        N_("De woorden '{phrase}' zeggen {part} {said}, maar de streefwaarde zegt ook {part} {written}."),
        N_("Haal '{part}' weg (de woorden zeggen het al), of pas de woorden aan."),
    ),
    "direction-conflict": (
        N_("De streefwaarde zegt {said}, maar de richting van het doel is {direction}: die wijzen tegen elkaar in."),
        N_("Controleer met het plan welke kant beter is, en pas 'direction' of de streefwaarde aan."),
    ),
    "repeated-target-period": (
        N_("Er zijn twee streefwaarden voor dezelfde periode ({period})."),
        N_("Geef elke periode één streefwaarde; de laatste in 'target', eerdere in 'targets'."),
    ),
    "inconsistent-target": (
        N_(
            "De streefwaarde {value} past niet bij de verandering {change} vanaf de nulmeting {baseline}: die geeft {resolved}."
        ),
        N_("Controleer de streefwaarde, de verandering en de nulmeting in het plan."),
    ),
    "invalid-cbs-code": (
        N_("'{code}' is geen CBS-code voor een {level}."),
        N_("Gebruik GM + 4 cijfers (gemeente), WK + 6 cijfers (wijk) of BU + 8 cijfers (buurt), of laat cbs_code weg."),
    ),
    "totals-disagree": (
        N_("De rijen tellen op tot {summed}, niet tot het totaal {total} ({year})."),
        N_("Controleer de getallen met de bron. Rondt de bron af? Zet dan 'totals_tolerance'."),
    ),
    "challenge-budgets-disagree": (
        N_("De budgetten van de opgaven tellen op tot {summed}, niet tot het totaal {total} ({year})."),
        N_(
            "Controleer de bedragen bij 'challenges' en 'money.total' met het plan. Rondt het plan af? Zet dan 'money.tolerance'."
        ),
    ),
    "invalid-taakveld": (
        N_("'{value}' is geen code van een taakveld."),
        N_("Schrijf de code van het Iv3-taakveld, bijvoorbeeld 6.1 of 6.71."),
    ),
    "unknown-parent": (
        N_("Er is geen rij '{parent}' waar deze rij onder valt."),
        N_("Controleer de naam bij 'parent'."),
    ),
    "unknown-total": (
        N_("Een totaal is 'expenses' of 'income', niet '{kind}'."),
        N_("Pas de naam aan."),
    ),
    "invalid-thresholds": (
        N_("De grens voor 'risico' ligt boven die voor 'op koers'."),
        N_("Maak at_risk kleiner dan of gelijk aan on_track (standaard 0,6 en 0,95)."),
    ),
    "duplicate-id": (
        N_("De code '{value}' komt vaker voor (ook bij {other})."),
        N_("Geef elk onderdeel een eigen code."),
    ),
    "unknown-challenge": (
        N_("Er is geen opgave met code '{value}'."),
        N_("Gebruik een code uit 'challenges': {expected}."),
    ),
    "unknown-policy-area": (
        N_("Er is geen beleidsterrein met code '{value}'."),
        N_("Gebruik een code uit 'policy_areas': {expected}."),
    ),
    "unknown-goal": (
        N_("Er is geen doel met code '{value}'."),
        N_("Gebruik een code uit 'goals': {expected}."),
    ),
    "action-serves-nothing": (
        N_("De actie '{value}' hoort bij geen opgave en geen doel."),
        N_(
            "Vul 'challenge' in met de code van een opgave, of 'goals' met de codes van de doelen waar de actie aan bijdraagt."
        ),
    ),
    "stopped-without-reason": (
        N_("Bij een gestopte actie ontbreekt de reden."),
        N_("Vul 'reason' in: waarom is de actie gestopt?"),
    ),
    "action-ends-before-start": (
        N_("De actie eindigt ({end}) voordat hij begint ({start})."),
        N_("Controleer 'start' en 'end' met het plan."),
    ),
    "unknown-area": (
        N_("Er is geen gebied met code '{value}'."),
        N_("Gebruik een code uit 'areas': {expected}."),
    ),
    "peer-is-municipality": (
        N_("'{value}' is de eigen gemeente van het plan ({own}), geen gemeente om mee te vergelijken."),
        N_("Haal deze gemeente weg uit 'comparison.peers', of vul de CBS-code van een andere gemeente in."),
    ),
    "duplicate-peer": (
        N_("De gemeente '{value}' staat al eerder in de lijst (nummer {other})."),
        N_("Noem elke gemeente om mee te vergelijken één keer."),
    ),
    "revision-ended-on-goal": (
        N_("Een beëindigd doel staat niet meer in het herziene plan."),
        N_("Haal het doel weg en zet het onder 'ended_goals', met id en reden."),
    ),
    "revision-replaces-nothing": (
        N_("Bij 'replaced' hoort welk doel of welke doelen dit doel vervangt."),
        N_("Schrijf 'replaces: [OUD-ID]' met de ids uit het vorige plan."),
    ),
    "revision-replaces-without-replaced": (
        N_("'replaces' hoort alleen bij change 'replaced'."),
        N_("Zet 'change: replaced', of haal 'replaces' weg."),
    ),
    "revision-without-reason": (
        N_("Bij deze wijziging van het doel ontbreekt de reden."),
        N_(
            "Schrijf in 'reason' waarom het doel nieuw, aangescherpt of vervangen is; de raad stelt ook de redenen vast."
        ),
    ),
    "adoption-without-decision": (
        N_("Een vastgesteld plan heeft een raadsbesluit: de datum en het kenmerk ontbreken."),
        N_("Vul 'decided' (de datum) en 'reference' (het kenmerk van het besluit) in, of zet 'status: concept'."),
    ),
    "bbv-target-change": (
        N_("Een BBV-indicator heeft geen nulmeting, dus de verandering '{change}' kan koers niet uitrekenen."),
        N_("Schrijf het eigen doel als waarde of grens, bijvoorbeeld 'lager dan 300' of 'minimaal 60%'."),
    ),
    "invalid-workbook": (
        N_("Dit werkboek is geen koers-plan: {detail}."),
        N_("Begin met het sjabloon uit docs/plan-excel.md of exporteer een plan met 'koers plan export'."),
    ),
}


register("plan", MESSAGES)
