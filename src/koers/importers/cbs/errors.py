# SPDX-License-Identifier: EUPL-1.2
"""The one error of the CBS client: what went wrong, at which address, and what to do.

Every failure of a CBS request (no network, a refusal, an answer that is no StatLine table, a
missing answer in offline mode) is a :class:`CbsError` with a stable ``code`` and a Dutch message
from the gettext catalogue that names the URL and says what the user can do. The command line
shows the message and stops with exit code 2; a caller in another language asks for
``error.message("en")``.
"""

from __future__ import annotations

from typing import Any, Final

from koers.domain.wording import Wording
from koers.i18n import N_
from koers.settings import CBS_BASE_URL, CBS_CACHE

#: Every message, by code. ``{url}`` is the address asked for.
MESSAGES: Final = {
    "offline-miss": N_(
        "Geen bewaard antwoord voor {url}: koers werkt offline (--offline) en heeft deze vraag nog niet eerder "
        "aan het CBS gesteld. Haal de tabel eerst één keer op met internet, of laat --offline weg."
    ),
    "not-found": N_(
        "Het CBS kent {url} niet (HTTP 404). Controleer de tabelcode: het CBS geeft een tabel elk jaar een nieuwe "
        "code. Zoek de tabel op titel met --title."
    ),
    "refused": N_(
        "Het CBS weigert {url} (HTTP {status}). Controleer de tabelcode en de basis-URL (--base-url of {base_setting})."
    ),
    "server-error": N_(
        "Het CBS antwoordt op {url} met een fout (HTTP {status}), ook na {attempts} pogingen. Probeer het later "
        "opnieuw, of gebruik --offline als u deze tabel eerder ophaalde."
    ),
    "unreachable": N_(
        "Het CBS is niet bereikbaar op {url} ({error}), ook na {attempts} pogingen. Controleer de "
        "internetverbinding (en de basis-URL), probeer het later opnieuw, of gebruik --offline als u deze tabel "
        "eerder ophaalde."
    ),
    "not-json": N_(
        "Het antwoord op {url} is geen StatLine-gegevens ({error}). Controleer de basis-URL (--base-url of "
        "{base_setting}): die moet naar een OData-dienst van het CBS of een kopie daarvan wijzen."
    ),
    "paging-loop": N_(
        "Het CBS verwijst op {url} terug naar een pagina die al is opgehaald. Probeer het later opnieuw; "
        "blijft dit gebeuren, meld het dan bij het CBS."
    ),
    "cache-unwritable": N_(
        "koers kan het antwoord op {url} niet bewaren in de map {folder} ({error}). Kies een map waarin u mag "
        "schrijven met --cache-dir of {cache_setting}."
    ),
    "cache-unreadable": N_(
        "Het bewaarde antwoord op {url} in {file} is niet te lezen ({error}). Haal de tabel opnieuw op met "
        "internet (zonder --offline); dat vervangt het bestand."
    ),
    "no-table": N_(
        "Het CBS heeft geen tabel met alle woorden van '{title}' in de titel ({url}). Kies andere woorden, of "
        "noem de tabelcode (zoals 85618NED)."
    ),
    "no-region-dimension": N_(
        "Tabel {table} is niet ingedeeld naar regio, dus --region kan hier niet. Laat --region weg."
    ),
}


class CbsError(Exception):
    """A CBS request that failed, or an answer koers cannot use.

    ``code`` is a key of :data:`MESSAGES`; ``url`` the address asked for (None when the problem
    is not one request's); ``facts`` fill in the message.
    """

    def __init__(self, code: str, url: str | None = None, **facts: Any) -> None:
        self.code = code
        self.url = url
        self.facts = facts
        names = {"base_setting": CBS_BASE_URL.name, "cache_setting": CBS_CACHE.name}
        self.wording = Wording(MESSAGES[code], {"url": url or "", **names, **facts})
        super().__init__(self.message())

    def message(self, lang: str = "nl") -> str:
        """The message in ``lang`` (default Dutch)."""
        return self.wording.render(lang, lambda value, _lang: value)
