# SPDX-License-Identifier: EUPL-1.2
"""Read the advice register from a file: YAML, or CSV/Excel with one row per point. Every
advice is checked first, against the plan too; a file with any problem gives no advice at all,
and each problem names its place (line, or row and column), its field and what to do.

The check of one advice's data, :func:`check_advice`, is also the editor's: an advice typed in
a form meets exactly the rules of one in a file, with the same messages, placed at its fields.

YAML::

    advice:
      - id: PR-2024-03
        kind: ongevraagd
        date: 2024-06-12
        subject: Nader onderzoek naar de IJmond Pas
        challenges: [financieel-fit]
        items:
          - text: Doe nader onderzoek naar de kosten en baten van één IJmond Pas.
            response: {verdict: deels-overgenomen, reason: ..., date: 2024-09-02, actions: [FF-A1]}

CSV or Excel: the columns of :data:`COLUMNS`; the rows of one advice share its id and repeat
(or leave empty) its kind, date, subject and document.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from koers.domain.advice import Advice, AdviceKind, InputKind, Verdict, link_problems
from koers.domain.plan import Plan
from koers.domain.wording import Wording
from koers.i18n import N_
from koers.importers.advice_messages import CATALOGUE
from koers.importers.files import EXCEL_SUFFIXES, Refused, UnreadableFile, open_rows
from koers.planfile.yamlfile import line_of, path_of
from koers.problems import Location, Problem

Loc = tuple[str | int, ...]
YAML_SUFFIXES: Final = (".yaml", ".yml")
ROW_SUFFIXES: Final = (".csv", *EXCEL_SUFFIXES)
#: The import log's kind of an advice file (koers.store.imports.Provenance).
FILE_ORIGIN: Final = "advice-file"
#: koers's column and the headers it is also known by (lower case).
COLUMNS: Final = {
    "advice": ("advice", "advies", "id"),
    "kind": ("kind", "soort"),
    "date": ("date", "datum"),
    "subject": ("subject", "onderwerp"),
    "document": ("document",),
    "item_kind": ("item_kind", "soort punt", "soort_punt"),
    "text": ("text", "tekst", "punt"),
    "goals": ("goals", "doelen"),
    "challenges": ("challenges", "opgaven"),
    "verdict": ("verdict", "reactie", "oordeel"),
    "reason": ("reason", "reden"),
    "response_date": ("response_date", "datum reactie", "datum_reactie"),
    "actions": ("actions", "acties"),
    "follow_up": ("follow_up", "vervolg"),
}
REQUIRED_COLUMNS: Final = ("advice", "kind", "date", "subject", "text")
#: The advice's own columns: the same on every row of one advice (or empty).
ADVICE_COLUMNS: Final = ("kind", "date", "subject", "document")
#: A row's columns that make its item, and those that make the item's response (by their field).
ITEM_COLUMNS: Final = {"item_kind": "kind", "text": "text", "goals": "goals", "challenges": "challenges"}
RESPONSE_COLUMNS: Final = {
    "verdict": "verdict",
    "reason": "reason",
    "response_date": "date",
    "actions": "actions",
    "follow_up": "follow_up",
}
#: Pydantic's error types as koers's codes (the rest: see _code).
_TYPE_CODES: Final = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-field",
    "enum": "invalid-choice",
    "string_too_short": "empty-field",
    "date_type": "invalid-date",
    "date_parsing": "invalid-date",
    "date_from_datetime_parsing": "invalid-date",
}
_EXPECTED: Final = {
    "string_type": N_("tekst"),
    "list_type": N_("een lijst van codes"),
    "dict_type": N_("een groep velden"),
    "model_type": N_("een groep velden"),
    "model_attributes_type": N_("een groep velden"),
}
#: The vocabularies a field may name, for the hint of a wrong choice.
_CHOICES: Final = {
    "kind": (AdviceKind, InputKind),
    "verdict": (Verdict,),
}

Locator = Callable[[Loc], Location]
FieldNamer = Callable[[Loc], str]


@dataclass(frozen=True)
class AdviceFile:
    """What a file gives: every advice (with the responses it holds), or every problem found."""

    advice: list[Advice] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Where each advice is in the file, by its id (for a problem found later, when storing).
    places: dict[str, Location] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_advice_file(path: Path, plan: Plan) -> AdviceFile:
    """Every advice of ``path`` checked against ``plan``; advice only when nothing is wrong."""
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        return _read_yaml(path, plan)
    if suffix in ROW_SUFFIXES:
        return _read_rows(path, plan)
    detail = f"'{suffix or path.name}'"
    return AdviceFile(problems=[_problem("unreadable-file", "-", Location(path.name), detail=detail)])


def check_advice(raw: Any, plan: Plan, locate: Locator, name_of: FieldNamer) -> tuple[Advice | None, list[Problem]]:
    """One advice's data (from a file or a form) as an :class:`Advice`, or every problem of it:
    its shape and rules (koers.domain.advice) and the ids it names, checked against ``plan``.
    ``locate`` and ``name_of`` say where a path in the data is and what its field is called."""
    problems: list[Problem] = []
    advice: Advice | None = None
    try:
        advice = Advice.model_validate(raw)
    except ValidationError as err:
        problems += [_error_problem(e, locate, name_of) for e in err.errors(include_url=False)]
    if isinstance(raw, Mapping):
        for found in link_problems(raw, plan):
            context = {"value": found.value, "expected": found.expected}
            problems.append(_problem(found.code, name_of(found.loc), locate(found.loc), **context))
    return (None if problems else advice), problems


# -- YAML ---------------------------------------------------------------------------------


def _read_yaml(path: Path, plan: Plan) -> AdviceFile:
    file = path.name
    try:
        root = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        return AdviceFile(problems=[_problem("unreadable-file", "-", Location(file), detail=str(err))])
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        detail = (err.problem or err.context or "").strip()
        return AdviceFile(problems=[_problem("yaml-syntax", "-", Location(file, line=line), detail=detail)])
    listed = root.get("advice") if isinstance(root, Mapping) else root
    if not isinstance(listed, list):
        return AdviceFile(problems=[_problem("not-a-list", "advice", Location(file, line=1))])
    prefix: Loc = ("advice",) if isinstance(root, Mapping) else ()
    problems = [
        _problem("unknown-field", str(key), Location(file, line=line_of(root, (key,))), name=str(key))
        for key in (root if isinstance(root, Mapping) else {})
        if key not in ("advice", "format")
    ]
    found: list[Advice] = []
    places: dict[str, Location] = {}
    for index, raw in enumerate(listed):
        at: Loc = (*prefix, index)

        def locate(loc: Loc, at: Loc = at) -> Location:
            return Location(file, line=line_of(root, (*at, *loc)))

        def name_of(loc: Loc, at: Loc = at) -> str:
            return path_of(root, (*at, *loc))

        advice, own = check_advice(raw, plan, locate, name_of)
        problems += own
        key = str(raw.get("id")) if isinstance(raw, Mapping) and raw.get("id") is not None else None
        if key is not None and key in places:
            first = places[key].describe()
            problems.append(_problem("duplicate-advice", name_of(("id",)), locate(("id",)), value=key, first=first))
        elif key is not None:
            places[key] = locate(())
        if advice is not None:
            found.append(advice)
    return _result(found, problems, places)


def _result(found: list[Advice], problems: list[Problem], places: dict[str, Location]) -> AdviceFile:
    if problems:
        problems.sort(key=lambda p: (p.location.line or 0, p.location.row or 0, p.field))
        return AdviceFile(problems=problems, places=places)
    return AdviceFile(found, places=places)


# -- CSV and Excel ------------------------------------------------------------------------


@dataclass
class _Group:
    """The rows of one advice: the first row number, each row's number and cells by column."""

    key: str
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def _read_rows(path: Path, plan: Plan) -> AdviceFile:
    file = path.name
    try:
        source = open_rows(path)
        rows = list(source.rows())
    except Refused as err:
        return AdviceFile(problems=[err.problem(file)])
    except UnreadableFile as err:
        return AdviceFile(problems=[_problem("unreadable-file", "-", Location(file), detail=str(err))])
    columns = _columns(source.header)
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        where = Location(file, row=source.header_row)
        expected = ", ".join(COLUMNS)
        return AdviceFile(problems=[_problem("missing-column", n, where, name=n, expected=expected) for n in missing])
    if not rows:
        return AdviceFile(problems=[_problem("empty-file", "-", Location(file))])
    header = {name: source.header[position] for name, position in columns.items()}
    groups: dict[str, _Group] = {}
    problems = source.problems(file)  # values right of the last column name: none is dropped unread
    for number, cells in rows:
        values = {name: _cell(cells, position) for name, position in columns.items()}
        key = str(values.get("advice") or "")
        groups.setdefault(key, _Group(key)).rows.append((number, values))
    found: list[Advice] = []
    places: dict[str, Location] = {}
    for group in groups.values():
        raw, disagreements = _raw_of(group, file, header)
        problems += disagreements
        first_row = group.rows[0][0]
        places[group.key] = Location(file, row=first_row)

        def locate(loc: Loc, group: _Group = group) -> Location:
            row, column = _place(group, loc)
            return Location(file, row=row, column=header.get(column, column))

        advice, own = check_advice(raw, plan, locate, _column_of)
        problems += own
        if advice is not None:
            found.append(advice)
    return _result(found, problems, places)


def _columns(header: Sequence[str]) -> dict[str, int]:
    """koers's column name to its position in the header."""
    found: dict[str, int] = {}
    for position, text in enumerate(header):
        for name, aliases in COLUMNS.items():
            if text.strip().lower() in aliases:
                found.setdefault(name, position)
    return found


def _cell(cells: Sequence[Any], position: int) -> Any:
    """A cell as the model reads it: text stripped, a date as a date, nothing as None."""
    if position >= len(cells) or cells[position] is None:
        return None
    value = cells[position]
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel gives 2024.0 for a code typed as 2024
    text = str(value).strip()
    return text or None


def _raw_of(group: _Group, file: str, header: Mapping[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    """One advice's data from its rows; rows that say something else about the advice itself are problems."""
    raw: dict[str, Any] = {"id": group.key} if group.key else {}
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for number, values in group.rows:
        for column in ADVICE_COLUMNS:
            value = values.get(column)
            if value is None:
                continue
            if column not in raw:
                raw[column], seen[column] = value, number
            elif value != raw[column]:
                where = Location(file, row=number, column=header.get(column, column))
                context = {"advice": group.key, "first": seen[column], "value": str(value)}
                problems.append(_problem("advice-disagrees", column, where, **context))
    raw["items"] = [_item_of(values) for _number, values in group.rows]
    return raw, problems


def _item_of(values: Mapping[str, Any]) -> dict[str, Any]:
    item = {name: values[column] for column, name in ITEM_COLUMNS.items() if values.get(column) is not None}
    response = {name: values[column] for column, name in RESPONSE_COLUMNS.items() if values.get(column) is not None}
    if response:
        item["response"] = response
    return item


def _place(group: _Group, loc: Loc) -> tuple[int, str]:
    """The row and column of a path in a group's data: an item is its own row, the advice its first."""
    row = group.rows[0][0]
    if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int) and 0 <= loc[1] < len(group.rows):
        row = group.rows[loc[1]][0]
    return row, _column_of(loc)


def _column_of(loc: Loc) -> str:
    """The column a path in an advice's data comes from: ('items', 2, 'response', 'date') is response_date."""
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return "advice"
    if names[0] != "items":
        return "advice" if names[0] == "id" else names[0]
    rest = names[1:]
    if not rest:
        return "text"
    if rest[0] == "response":
        wanted = rest[1] if len(rest) > 1 else "verdict"
        return next((c for c, n in RESPONSE_COLUMNS.items() if n == wanted), wanted)
    return next((c for c, n in ITEM_COLUMNS.items() if n == rest[0]), rest[0])


# -- pydantic's errors as koers's problems ------------------------------------------------


def _problem(code: str, field_name: str, where: Location, **context: Any) -> Problem:
    return Problem(code, field_name, where, {"name": field_name, **context}, catalogue=CATALOGUE)


def _error_problem(error: Mapping[str, Any], locate: Locator, name_of: FieldNamer) -> Problem:
    loc: Loc = tuple(part for part in error["loc"] if not _is_internal(part))
    kind: str = error["type"]
    context: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    context.setdefault("value", _short(value))
    code, loc = _code(kind, loc, value, context)
    name = name_of(loc)
    return Problem(code, name, locate(loc), {"name": name, **context}, catalogue=CATALOGUE)


def _code(kind: str, loc: Loc, value: Any, context: dict[str, Any]) -> tuple[str, Loc]:
    """koers's code for a pydantic error, and the path of the field that can put it right."""
    if kind == "response-without-reason":
        return kind, (*loc, "reason")
    if kind == "response-before-advice":
        return kind, ("items", int(context.get("item", 1)) - 1, "response", "date")
    if kind == "too_short" and loc[-1:] == ("items",):
        return "no-items", loc
    if kind in _TYPE_CODES:
        code = _TYPE_CODES[kind]
        if code == "invalid-choice":
            context["expected"] = _choices(loc)
        return code, loc
    if "-" in kind:  # the domain's own codes (invalid-date)
        return kind, loc
    if kind == "string_pattern_mismatch" and loc[-1:] == ("id",):
        return "invalid-id", loc
    if kind in _EXPECTED:
        context["expected"] = Wording(_EXPECTED[kind])
        return ("empty-field" if value is None else "wrong-type"), loc
    return "invalid-value", loc


def _choices(loc: Loc) -> str:
    """What a field of closed words accepts: 'gevraagd, ongevraagd'."""
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    vocabularies = _CHOICES.get(name, ())
    inside_item = "items" in loc and name == "kind"
    chosen = vocabularies[1] if inside_item and len(vocabularies) > 1 else vocabularies[0] if vocabularies else None
    return ", ".join(member.value for member in chosen) if chosen is not None else ""


def _is_internal(part: str | int) -> bool:
    """Pydantic puts validator names in some paths ('function-after[...]'); they are not fields."""
    return isinstance(part, str) and "[" in part and "]" in part


def _short(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    text = "" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
