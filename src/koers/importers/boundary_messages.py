# SPDX-License-Identifier: EUPL-1.2
"""The messages of the boundary reader (``koers geo load``), in Dutch (B1), keyed by stable
codes (English: koers.i18n). Documented in docs/maps.md.

A feature in a GeoJSON or TopoJSON file has no line of its own (PDOK writes the whole file on
one line), so a problem names the feature by its number: 1 is the first in the file.
"""

from __future__ import annotations

from koers.i18n import N_
from koers.problems import Catalogue, register

CATALOGUE = "geo"

BOUNDARY_MESSAGES: Catalogue = {
    "unreadable-file": (
        N_("Het bestand is niet te lezen: {detail}."),
        N_("Controleer de naam en de map van het bestand."),
    ),
    "not-utf8": (
        N_("Het bestand is geen UTF-8-tekst."),
        N_("Sla het bestand op als UTF-8, zoals PDOK en CBS hun bestanden publiceren."),
    ),
    "not-json": (
        N_("Het bestand is geen geldige JSON: {detail}."),
        N_("Download het bestand opnieuw: een GeoJSON- of TopoJSON-bestand is JSON en begint met '{{'."),
    ),
    "not-geo": (
        N_("Dit is geen GeoJSON of TopoJSON: {detail}."),
        N_(
            "Gebruik een GeoJSON-bestand met een FeatureCollection of een TopoJSON-bestand met een Topology, "
            "zoals PDOK en CBS de wijk- en buurtgrenzen publiceren."
        ),
    ),
    "bad-topology": (
        N_("De TopoJSON is niet te lezen: {detail}."),
        N_("Download het bestand opnieuw, of sla het opnieuw op als TopoJSON (bijvoorbeeld met mapshaper)."),
    ),
    "empty-file": (
        N_("Het bestand bevat geen enkel gebied."),
        N_("Kies een bestand met de grenzen van de wijken of buurten."),
    ),
    "no-code-or-name": (
        N_("Gebied nummer {feature} in het bestand heeft geen code en geen naam."),
        N_(
            "Geef met --code-field of --name-field aan in welk veld de code of de naam staat. "
            "Dit gebied heeft: {fields}."
        ),
    ),
    "bad-geometry": (
        N_("Gebied nummer {feature} ({name}) heeft geen bruikbare vorm: {detail}."),
        N_(
            "Een grens is een vlak (Polygon of MultiPolygon) van ringen met minstens vier punten. "
            "Download de grenzen opnieuw."
        ),
    ),
    "duplicate-area": (
        N_("Meer dan één gebied in het bestand hoort bij {area}: nummer {features}."),
        N_("Houd één gebied per wijk over, of geef de wijk in het plan haar CBS-code (die is uniek)."),
    ),
    "no-match": (
        N_("Geen van de {count} gebieden in het bestand hoort bij een wijk van het plan (gelezen: {examples})."),
        N_(
            "Controleer of het bestand de grenzen van {municipality} bevat en of de wijken in het plan hun CBS-code "
            "hebben (WK en zes cijfers). Staan code of naam in andere velden? Gebruik dan --code-field of --name-field."
        ),
    ),
}

register(CATALOGUE, BOUNDARY_MESSAGES)
