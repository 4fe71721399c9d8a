# SPDX-License-Identifier: EUPL-1.2
"""Commands that are imported when they are used, so that ``koers --version`` and ``koers
--help`` answer at once.

A command module imports what its work needs (the domain, the database, the report writers),
which takes seconds. The root group knows each command by a :class:`LazyCommand`: its name,
where it lives and the one line ``koers --help`` lists; the module is imported only when the
command runs or shows its own help. Walking ``group.commands`` (as tests/cli/test_cli_docs.py
does) imports every command, so the whole tree stays visible to tools.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import typer
import typer.main
from typer import _click  # Typer's copy of Click: the classes its commands are made of
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyCommand:
    """A command of a group, imported when it is used.

    ``target`` is ``module:attribute``: a command function, or a :class:`typer.Typer` with
    commands of its own (``koers plan``). ``help`` is the line the group's ``--help`` lists; it
    is the command's own help (its docstring, or the sub-app's ``help``), which
    tests/cli/test_startup.py checks.
    """

    name: str
    target: str
    help: str

    def load(self) -> _click.Command:
        module, _, attribute = self.target.partition(":")
        found = getattr(importlib.import_module(module), attribute)
        if isinstance(found, typer.Typer):
            group = typer.main.get_group(found)
            group.name = self.name
            return group
        single = typer.Typer()
        single.command(self.name)(found)
        return typer.main.get_group(single).commands[self.name]

    def listing(self) -> _click.Command:
        """A stand-in with the name and the help line only, for the list in ``--help``."""
        return TyperCommand(self.name, help=self.help)


class LazyCommands(MutableMapping[str, _click.Command]):
    """A group's commands by name; a lazy one is imported when it is first looked up."""

    def __init__(self, lazy: Sequence[LazyCommand], loaded: Mapping[str, _click.Command]) -> None:
        self.lazy = {command.name: command for command in lazy}
        self.loaded = dict(loaded)

    def is_loaded(self, name: str) -> bool:
        return name in self.loaded or name not in self.lazy

    def __getitem__(self, name: str) -> _click.Command:
        if name not in self.loaded:
            self.loaded[name] = self.lazy[name].load()  # a KeyError for a name the group lacks
        return self.loaded[name]

    def __setitem__(self, name: str, command: _click.Command) -> None:
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        found = name in self.lazy or name in self.loaded
        self.lazy.pop(name, None)
        self.loaded.pop(name, None)
        if not found:
            raise KeyError(name)

    def __contains__(self, name: object) -> bool:  # without importing anything
        return name in self.lazy or name in self.loaded

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self.lazy, *self.loaded]))

    def __len__(self) -> int:
        return len(self.lazy.keys() | self.loaded.keys())


class LazyGroup(TyperGroup):
    """A Typer group whose ``lazy`` commands are imported when used; its ``--help`` lists them
    by their help line without importing any."""

    lazy: ClassVar[Sequence[LazyCommand]] = ()

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = self.lazy_commands = LazyCommands(self.lazy, self.commands)
        self.listing = False

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return list(self.commands)  # in the order declared; TyperGroup's would import them all

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        if self.listing and not self.lazy_commands.is_loaded(cmd_name):
            return self.lazy_commands.lazy[cmd_name].listing()
        return super().get_command(ctx, cmd_name)

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False
