# SPDX-License-Identifier: EUPL-1.2
"""Update the gettext catalogues from the code (run by ``scripts/messages``).

A developer tool that ships with the package so that the extraction rules stay in one place
(:mod:`koers.i18n`): one ``.po`` per domain, translations kept, new ids added empty, ids the
code no longer uses removed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from koers.i18n import LANGUAGES, extract

PACKAGE = Path(__file__).resolve().parent
LOCALE = PACKAGE / "locale"


def updated(domain: str, lang: str, ids: dict[tuple[str | None, str], list[tuple[str, int]]]) -> Catalog:
    """The catalogue of ``domain`` in ``lang`` with exactly ``ids``, old translations kept."""
    path = LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"
    old: dict[tuple[str | None, str], str] = {}
    if path.exists():
        with path.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id and message.string:
                    old[(message.context, str(message.id))] = str(message.string)
    catalog = Catalog(locale=lang, domain=domain, project="koers", fuzzy=False)
    for (context, text), where in sorted(ids.items(), key=lambda item: (item[1][0], item[0][1])):
        catalog.add(text, old.get((context, text), ""), locations=where, context=context)
    return catalog


def main(argv: list[str]) -> int:
    """``[--check] [--domain NAME ...]``: update (or only check) every catalogue, or the named."""
    check = "--check" in argv
    only = {argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == "--domain"}
    found = extract(str(PACKAGE))
    if only:
        found = {domain: ids for domain, ids in found.items() if domain in only}
    stale = []
    for lang in LANGUAGES[1:]:
        folder = LOCALE / lang / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        for domain, ids in sorted(found.items()):
            catalog = updated(domain, lang, ids)
            missing = [m.id for m in catalog if m.id and not m.string]
            path = folder / f"{domain}.po"
            if check:
                if missing:
                    stale.append(f"{path}: {len(missing)} text(s) without a translation, e.g. {missing[0]!r}")
                continue
            with path.open("wb") as handle:
                write_po(handle, catalog, width=100, omit_header=False, sort_output=False)
            if missing:
                print(f"{path}: {len(missing)} text(s) to translate")
        for path in sorted(folder.glob("*.po")):
            if path.stem not in found and not only:
                stale.append(f"{path}: no code uses this domain any more") if check else path.unlink()
    for line in stale:
        print(line, file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
