# SPDX-License-Identifier: EUPL-1.2
"""The ``KOERS_*`` settings: one table, read in one place, documented, and loud when wrong."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from koers import settings
from koers.settings import (
    DATABASE_URL,
    DEBUG,
    LANG,
    SECURE_COOKIES,
    SETTINGS,
    USER,
    Setting,
    SettingError,
    markdown_table,
)
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "koers"
SETTING_NAME = re.compile(r"\bKOERS_[A-Z][A-Z_]*[A-Z]\b")


def test_every_setting_has_a_koers_name_a_help_and_a_usable_default() -> None:
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    for setting in SETTINGS:
        assert SETTING_NAME.fullmatch(setting.name), setting.name
        assert setting.help.strip() and setting.allowed.strip(), setting.name
        setting.read({})  # the default itself must parse


def test_the_defaults() -> None:
    assert LANG.read({}) == "nl"
    assert DATABASE_URL.read({}) is None
    assert USER.read({}) is None
    assert DEBUG.read({}) is False
    assert SECURE_COOKIES.read({}) is None


def test_values_are_parsed() -> None:
    assert LANG.read({"KOERS_LANG": "en"}) == "en"
    assert DATABASE_URL.read({"KOERS_DATABASE_URL": "postgresql+psycopg://u:p@h/db"}) == "postgresql+psycopg://u:p@h/db"
    assert USER.read({"KOERS_USER": "jansen"}) == "jansen"
    assert DEBUG.read({"KOERS_DEBUG": "1"}) is True
    assert DEBUG.read({"KOERS_DEBUG": "false"}) is False
    assert SECURE_COOKIES.read({"KOERS_SECURE_COOKIES": " TRUE "}) is True
    assert SECURE_COOKIES.read({"KOERS_SECURE_COOKIES": "0"}) is False


def test_an_empty_value_counts_as_unset() -> None:
    assert LANG.read({"KOERS_LANG": ""}) == "nl"
    assert USER.read({"KOERS_USER": "  "}) is None


@pytest.mark.parametrize(
    ("setting", "value"),
    [(LANG, "fr"), (DATABASE_URL, "koers.db"), (DEBUG, "maybe"), (SECURE_COOKIES, "sometimes")],
)
def test_an_unusable_value_fails_loudly_naming_the_variable_and_the_choices(setting: Setting[Any], value: str) -> None:
    with pytest.raises(SettingError) as error:
        setting.read({setting.name: value})
    message = str(error.value)
    assert setting.name in message and repr(value) in message and setting.allowed in message
    assert isinstance(error.value, ValueError)  # callers that catch ValueError keep working


def test_the_process_environment_is_read_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOERS_USER", "de Vries")
    assert USER.read() == "de Vries"


def test_the_settings_table_in_the_docs_is_the_declared_one() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert markdown_table() in text, "run: python -m koers.settings, and paste it into docs/cli.md under Settings"


def test_the_docs_name_no_setting_that_does_not_exist() -> None:
    known = {s.name for s in SETTINGS}
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for name in SETTING_NAME.findall(path.read_text(encoding="utf-8")):
            if name not in known:
                found.append(f"{path.relative_to(ROOT)}: {name}")
    assert not found, found


# -- no module but koers/settings.py reads a KOERS_ variable -----------------------------------

ENVIRON_READERS = {"get", "getenv", "pop", "setdefault", "__getitem__"}


def _koers_constants(tree: ast.Module) -> set[str]:
    """Module-level names bound to a ``"KOERS_..."`` string: reading through them counts too."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Constant):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if isinstance(node.value.value, str) and node.value.value.startswith("KOERS_"):
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _is_environ(node: ast.expr) -> bool:
    """``os.environ``, ``environ`` (imported from os) or ``os`` itself (for ``os.getenv``)."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ"
    return isinstance(node, ast.Name) and node.id in {"environ", "os"}


def _names_a_setting(node: ast.expr, constants: set[str]) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value.startswith("KOERS_")
    if isinstance(node, ast.JoinedStr):
        return any(_names_a_setting(part, constants) for part in node.values)
    return isinstance(node, ast.Name) and node.id in constants


def environment_reads(source: str) -> list[int]:
    """The lines where ``source`` reads a ``KOERS_`` variable from the environment itself, or
    names one in a Typer ``envvar=`` with a literal instead of taking it from the table."""
    tree = ast.parse(source)
    constants = _koers_constants(tree)
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_environ(node.value) and _names_a_setting(node.slice, constants):
            lines.append(node.lineno)
        elif isinstance(node, ast.Call):
            function = node.func
            reads = (
                isinstance(function, ast.Attribute)
                and function.attr in ENVIRON_READERS
                and _is_environ(function.value)
                and any(_names_a_setting(arg, constants) for arg in node.args[:1])
            )
            literal_envvar = any(
                k.arg == "envvar" and k.value is not None and _names_a_setting(k.value, constants)
                for k in node.keywords
            )
            if reads or literal_envvar:
                lines.append(node.lineno)
    return lines


def test_the_check_finds_the_ways_of_reading_a_variable() -> None:
    """The AST check itself, on the shapes the code base has used."""
    assert environment_reads('import os\nos.environ.get("KOERS_LANG", "nl")\n') == [2]
    assert environment_reads('import os\nNAME = "KOERS_X"\nos.environ.get(NAME)\n') == [3]
    assert environment_reads('import os\nos.getenv("KOERS_X")\nos.environ["KOERS_Y"]\n') == [2, 3]
    assert environment_reads('typer.Option("--lang", envvar="KOERS_LANG")\n') == [1]
    assert environment_reads('import os\nos.environ.get("CI")\nLANG.read()\n') == []


def test_no_module_but_settings_reads_a_koers_variable() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "settings.py":
            continue
        found += [f"{path.relative_to(ROOT)}:{line}" for line in environment_reads(path.read_text(encoding="utf-8"))]
    assert not found, "read it through koers.settings instead:\n" + "\n".join(found)


def test_settings_imports_nothing_of_koers_but_the_languages() -> None:
    imported = {
        node.module
        for node in ast.walk(ast.parse(Path(settings.__file__).read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("koers")
    }
    assert imported <= {"koers.i18n"}, imported
