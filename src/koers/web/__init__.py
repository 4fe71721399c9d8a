# SPDX-License-Identifier: EUPL-1.2
"""The dashboard sociaal domein: public pages, a JSON API, and (after login) the editor."""

from typing import Final

#: The language of the dashboard's pages and the editor: Dutch, for the residents and staff of
#: a Dutch municipality. Every word goes through the catalogue (koers.i18n) in this language,
#: so an English dashboard needs a way to choose the language, not new texts.
LANG: Final = "nl"
