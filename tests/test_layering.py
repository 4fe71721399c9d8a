# SPDX-License-Identifier: EUPL-1.2
"""The direction of imports inside koers: a lower layer never imports a higher one.

From the bottom up, each line names what a module there must *not* import (anything else in
koers below it is fine):

* ``koers.i18n``, ``koers.settings``: nothing of koers (``koers.settings`` may use the list of
  languages in ``koers.i18n``). ``koers`` (the package's ``__init__``): nothing of koers.
* ``koers.domain``: the pure core, no store, web, reports, cli, planfile, importers or
  catalogues, and no library for files, databases or the web (sqlalchemy, fastapi, openpyxl,
  ruamel, jinja2, weasyprint, docx, altair).
* ``koers.catalogues`` (national lists shipped as package data, such as the BBV indicators,
  with their loaders): the domain and ``koers.i18n`` only; the domain keeps the lists' types.
* ``koers.problems`` (problems found in a file, for every reader): just above the domain (it
  writes numbers with ``koers.domain.formatting``), so no planfile, importers, store, web,
  reports or cli; and the domain does not import it.
* ``koers.planfile``, ``koers.importers``: no store, web, reports or cli.
* The top-level helpers sit with them, by what they import today: ``koers.shapes`` (the
  ``--json`` and API shapes, over domain and problems), ``koers.exports`` (writing records to
  CSV or Excel) and ``koers.demo`` (illustrative figures, over domain and the importer's batch):
  no store, web, reports or cli. ``koers.i18n_update`` (the catalogue tool): nothing of koers
  but ``koers.i18n``. ``koers.locale`` holds the catalogues as package data: nothing of koers.
  ``koers.examples`` (the reference plans and survey as package data, for ``koers demo``):
  nothing of koers, so that every layer may find them.
* ``koers.store``: no web, reports or cli.
* ``koers.reports``: no web or cli.
* ``koers.web``: no cli.
* ``koers.cli``: the top; it may import everything.

Function-local imports count as well: a lazy import is still a dependency. A module this test
does not know fails it, so that a new top-level module is placed on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "koers"

#: The bottom: the only modules of koers each may import (besides its own).
ONLY: dict[str, tuple[str, ...]] = {
    "koers": (),
    "koers.i18n": (),
    "koers.settings": ("koers.i18n",),
    "koers.i18n_update": ("koers.i18n",),
    "koers.locale": (),
    "koers.examples": (),
    "koers.catalogues": ("koers.domain", "koers.i18n"),
}
ABOVE_FILES = ("koers.store", "koers.web", "koers.reports", "koers.cli")
FILE_LIBRARIES = ("sqlalchemy", "fastapi", "openpyxl", "ruamel", "jinja2", "weasyprint", "docx", "altair")
#: Every other layer: what it must not import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "koers.domain": (
        "koers.problems",
        "koers.catalogues",
        "koers.planfile",
        "koers.importers",
        *ABOVE_FILES,
        *FILE_LIBRARIES,
    ),
    "koers.problems": ("koers.planfile", "koers.importers", *ABOVE_FILES),
    "koers.planfile": ABOVE_FILES,
    "koers.importers": ABOVE_FILES,
    "koers.shapes": ABOVE_FILES,
    "koers.exports": ABOVE_FILES,
    "koers.demo": ABOVE_FILES,
    "koers.store": ("koers.web", "koers.reports", "koers.cli"),
    "koers.reports": ("koers.web", "koers.cli"),
    "koers.web": ("koers.cli",),
    "koers.cli": (),
}
#: Longest first, so that ``koers.i18n_update`` is not taken for ``koers.i18n``.
LAYERS = sorted([*ONLY, *FORBIDDEN], key=len, reverse=True)


def within(module: str, prefixes: tuple[str, ...]) -> bool:
    """Whether ``module`` is one of ``prefixes`` or inside one of them."""
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def module_name(path: Path) -> str:
    """``src/koers/domain/plan.py`` -> ``koers.domain.plan``; a package is its ``__init__``."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(source: str, module: str, *, is_package: bool = False) -> list[tuple[int, str]]:
    """Every module ``source`` (the text of ``module``) imports, anywhere in the file, with its
    line. Relative imports are resolved against the module's package; ``from koers import x``
    counts as importing ``koers.x`` when x is a module of koers."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            target = ".".join(part for part in (base, node.module or "") if part)
            found.append((node.lineno, target))
            found += [
                (node.lineno, f"{target}.{alias.name}")
                for alias in node.names
                if target.startswith("koers") and _is_module(f"{target}.{alias.name}")
            ]
    return found


def _is_module(dotted: str) -> bool:
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.is_dir() or path.with_suffix(".py").is_file()


def layer_of(module: str) -> str | None:
    """The layer ``module`` belongs to, or None for a module no rule places."""
    if module == "koers":
        return "koers"
    return next((layer for layer in LAYERS if layer != "koers" and within(module, (layer,))), None)


def breaks_the_rule(layer: str, target: str) -> bool:
    """Whether a module of ``layer`` may not import ``target``."""
    if layer == "koers":
        return target.startswith("koers.")
    if within(target, (layer,)):
        return False
    if layer in ONLY:
        return within(target, ("koers",)) and not within(target, ONLY[layer])
    return within(target, FORBIDDEN[layer])


def violations() -> list[str]:
    """Every import against the layering, as ``file:line: module imports target``."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        layer = layer_of(module)
        if layer is None:
            found.append(f"{path.relative_to(ROOT)}: {module} is in no layer; place it in this test")
            continue
        source = path.read_text(encoding="utf-8")
        for line, target in imports(source, module, is_package=path.name == "__init__.py"):
            if breaks_the_rule(layer, target):
                found.append(f"{path.relative_to(ROOT)}:{line}: {module} imports {target}")
    return found


def test_no_module_imports_against_the_direction_of_the_layers() -> None:
    found = violations()
    assert not found, "imports against the layering (see this test's docstring):\n" + "\n".join(found)


def test_the_check_reads_local_relative_and_module_imports() -> None:
    """The reader itself: function-local, relative and ``from koers import module`` imports."""
    source = (
        "def f() -> None:\n    from koers.web import app\n\n"
        "from . import plan\nfrom koers import settings, __version__\n"
    )
    found = imports(source, "koers.domain.lint")
    assert (2, "koers.web") in found
    assert (4, "koers.domain.plan") in found
    assert (5, "koers.settings") in found
    assert (5, "koers.__version__") not in found


def test_the_rules() -> None:
    assert breaks_the_rule("koers.domain", "koers.store.tables")
    assert breaks_the_rule("koers.domain", "sqlalchemy.engine")
    assert breaks_the_rule("koers.domain", "koers.problems")
    assert not breaks_the_rule("koers.problems", "koers.domain.formatting")
    assert breaks_the_rule("koers.settings", "koers.domain.plan")
    assert not breaks_the_rule("koers.settings", "koers.i18n")
    assert breaks_the_rule("koers.i18n", "koers.problems")
    assert not breaks_the_rule("koers.i18n_update", "koers.i18n")
    assert breaks_the_rule("koers.store", "koers.reports.model")
    assert not breaks_the_rule("koers.cli", "koers.web.app")
    assert layer_of("koers.i18n_update") == "koers.i18n_update"
    assert layer_of("koers.web.editor.routes") == "koers.web"
    assert not breaks_the_rule("koers.catalogues", "koers.domain.bbv")
    assert breaks_the_rule("koers.catalogues", "koers.planfile")
    assert breaks_the_rule("koers.catalogues", "koers.store.tables")
    assert breaks_the_rule("koers.domain", "koers.catalogues")
