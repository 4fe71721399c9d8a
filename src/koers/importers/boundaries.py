# SPDX-License-Identifier: EUPL-1.2
"""Read a boundary file (GeoJSON or TopoJSON, as CBS and PDOK publish them) for a plan.

Every problem is collected before anything is stored: a file that is not JSON (with its line
and column), not GeoJSON or TopoJSON, a feature without a code or a name, an area that two
features claim, a shape that cannot be drawn. Only the features of the plan's own areas are
checked for their shape: a national file may hold odd shapes elsewhere that this plan never
draws.

The code and the name are read from the fields CBS and PDOK use (:data:`FIELD_PAIRS`), unless
``code_field`` or ``name_field`` names another.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from koers.domain.areas import Area
from koers.domain.boundaries import Boundary, FeatureInfo, Matching, match_features
from koers.domain.geo import GeometryError, Shape, is_planar
from koers.domain.plan import Plan
from koers.domain.topojson import Topology
from koers.domain.wording import Wording
from koers.i18n import N_
from koers.importers.boundary_messages import CATALOGUE
from koers.problems import Location, Problem

#: Where a feature's code and name are, in the order tried (case does not matter): CBS's own
#: files, PDOK's buurten and wijken (a buurt names its wijk and municipality too, so the smallest
#: comes first), the CBS wijk- en buurtkaart, then plain names. The first pair of which the
#: feature has a field gives both, so that a wijk without its ``wijkcode`` is never taken for its
#: municipality by its ``gemeentecode``.
FIELD_PAIRS: Final = (
    ("statcode", "statnaam"),
    ("buurtcode", "buurtnaam"),
    ("wijkcode", "wijknaam"),
    ("gemeentecode", "gemeentenaam"),
    ("bu_code", "bu_naam"),
    ("wk_code", "wk_naam"),
    ("gm_code", "gm_naam"),
    ("code", "naam"),
    ("code", "name"),
    ("cbs_code", "name"),
)
#: Where a feature says which municipality it lies in.
MUNICIPALITY_FIELDS: Final = ("gemeentecode", "gm_code")

#: At most this many problems are kept (their number is counted in full).
MAX_PROBLEMS: Final = 100
#: How many codes or names of a file the "no match" message quotes.
EXAMPLES: Final = 5


@dataclass(frozen=True)
class BoundaryFile:
    """What a boundary file gives a plan: its boundaries when all is well, else the problems
    (and then no boundaries at all)."""

    problems: list[Problem]
    problem_count: int
    #: How many features the file holds.
    features: int = 0
    matching: Matching | None = None
    boundaries: list[Boundary] = field(default_factory=list)
    #: Whether the coordinates are metres on a flat map (RD New), not degrees.
    planar: bool = False

    @property
    def ok(self) -> bool:
        return bool(self.boundaries)


@dataclass(frozen=True)
class _Feature:
    info: FeatureInfo
    properties: Mapping[str, Any]
    geometry: Callable[[], Any]  # its GeoJSON geometry (a TopoJSON one is made when asked for)


class _Unusable(Exception):
    """The file as a whole cannot be read: the one problem that says why."""

    def __init__(self, code: str, location: Location, **context: Any) -> None:
        super().__init__(code)
        self.problem = Problem(code, "-", location, context, catalogue=CATALOGUE)


def read_boundaries(
    path: Path, plan: Plan, *, code_field: str | None = None, name_field: str | None = None
) -> BoundaryFile:
    """The boundaries of ``plan``'s areas in ``path``, or every problem found."""
    file = str(path)
    try:
        features = _features(_json(path, file), file, code_field, name_field)
    except _Unusable as err:
        return BoundaryFile([err.problem], 1)
    if not features:
        return BoundaryFile([_problem("empty-file", "-", file)], 1)
    problems = [
        _problem("no-code-or-name", "properties", file, feature=f.info.number, fields=_fields(f.properties))
        for f in features
        if not f.info.code and not f.info.name
    ]
    matching = match_features([f.info for f in features], plan.areas, plan.municipality.cbs_code)
    problems += [
        _problem(
            "duplicate-area",
            by.value,
            file,
            area=f"{area.name} ({area.stored_id})",
            features=", ".join(map(str, numbers)),
        )
        for area, by, numbers in matching.ambiguous
    ]
    named = any(f.info.code or f.info.name for f in features)
    if named and not matching.matches and not matching.ambiguous:
        examples = ", ".join(f.info.code or f.info.name or "" for f in features[:EXAMPLES])
        problems.append(
            _problem("no-match", "-", file, count=len(features), examples=examples, municipality=plan.municipality.name)
        )
    shapes = _shapes(features, matching, file, problems)
    planar = is_planar(shapes.values())
    boundaries = _tidied(shapes, matching, planar, file, problems)
    if problems:  # all or nothing: no caller can store the part that was fine
        return BoundaryFile(problems[:MAX_PROBLEMS], len(problems), len(features), matching, [], planar)
    return BoundaryFile([], 0, len(features), matching, boundaries, planar)


def _json(path: Path, file: str) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise _Unusable("unreadable-file", Location(file), detail=err.strerror or err.__class__.__name__) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _Unusable("not-utf8", Location(file, line=raw[: err.start].count(b"\n") + 1)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        where = Location(file, line=err.lineno, column=str(err.colno))
        detail = Wording(JSON_ERRORS[err.msg]) if err.msg in JSON_ERRORS else err.msg
        raise _Unusable("not-json", where, detail=detail) from None


def _features(data: Any, file: str, code_field: str | None, name_field: str | None) -> list[_Feature]:
    """Every feature of a FeatureCollection, a single Feature, or every geometry of a Topology."""
    kind = data.get("type") if isinstance(data, dict) else None
    found: list[tuple[Mapping[str, Any], Callable[[], Any]]]
    if kind == "FeatureCollection" and isinstance(data.get("features"), list):
        found = [_geojson(item) for item in data["features"]]
    elif kind == "Feature":
        found = [_geojson(data)]
    elif kind == "Topology":
        try:
            topology = Topology(data)
            found = [(g.properties, _topo(topology, g.geometry)) for g in topology.geometries()]
        except GeometryError as err:
            raise _Unusable("bad-topology", Location(file), detail=err.wording()) from None
    else:
        raise _Unusable("not-geo", Location(file), detail=_what(data))
    return [
        _Feature(_info(number, properties, code_field, name_field), properties, geometry)
        for number, (properties, geometry) in enumerate(found, start=1)
    ]


def _geojson(item: Any) -> tuple[Mapping[str, Any], Callable[[], Any]]:
    item = item if isinstance(item, dict) else {}
    properties = item.get("properties")
    return (properties if isinstance(properties, dict) else {}), lambda: item.get("geometry")


def _topo(topology: Topology, geometry: Mapping[str, Any]) -> Callable[[], Any]:
    return lambda: topology.as_geojson(geometry)


#: What Python's JSON reader says is wrong, in words (English: koers.i18n); another message is
#: shown as it is.
JSON_ERRORS: Final = {
    "Expecting ',' delimiter": N_("hier hoort een komma"),
    "Expecting ':' delimiter": N_("hier hoort een dubbele punt"),
    "Expecting value": N_("hier hoort een waarde"),
    "Expecting property name enclosed in double quotes": N_("hier hoort een naam tussen dubbele aanhalingstekens"),
    "Unterminated string starting at": N_("een tekst zonder aanhalingsteken aan het eind"),
    "Invalid control character at": N_("een teken dat niet in een tekst mag"),
    "Extra data": N_("na het einde van de JSON staat nog meer"),
}

#: What a JSON file holds instead of an object, in words (English: koers.i18n).
JSON_KINDS: Final = {list: N_("een lijst"), str: N_("een tekst"), int: N_("een getal"), float: N_("een getal")}


def _what(data: Any) -> Wording:
    """What the file holds instead ('het type is 'Point'', 'een lijst')."""
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return Wording(N_("een FeatureCollection zonder lijst 'features'"))
    if isinstance(data, dict) and "type" in data:
        return Wording(N_("het type is '{type}'"), {"type": str(data["type"])})
    if isinstance(data, dict):
        return Wording(N_("een object zonder 'type' (met {keys})"), {"keys": ", ".join(list(data)[:EXAMPLES]) or "-"})
    return Wording(JSON_KINDS.get(type(data), N_("iets anders")))


def _info(number: int, properties: Mapping[str, Any], code_field: str | None, name_field: str | None) -> FeatureInfo:
    lower = {str(key).casefold(): value for key, value in properties.items()}
    pair = next(
        ((code, name) for code, name in FIELD_PAIRS if _value(lower, code) or _value(lower, name)), (None, None)
    )
    code, name = code_field or pair[0], name_field or pair[1]
    return FeatureInfo(
        number,
        _value(lower, code) if code else None,
        _value(lower, name) if name else None,
        next((v for f in MUNICIPALITY_FIELDS if (v := _value(lower, f))), None),
    )


def _value(properties: Mapping[str, Any], name: str) -> str | None:
    """The text of field ``name`` (``properties`` keyed in lower case), without padding; None
    when it is missing or empty."""
    value = properties.get(name.casefold())
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None


def _fields(properties: Mapping[str, Any]) -> str:
    return ", ".join(map(str, properties)) or "-"


def _shapes(features: list[_Feature], matching: Matching, file: str, problems: list[Problem]) -> dict[int, Shape]:
    """The shape of every matched feature; a problem for each that cannot be drawn."""
    shapes: dict[int, Shape] = {}
    for match in sorted(matching.matches, key=lambda m: m.feature):
        feature = features[match.feature - 1]
        try:
            shapes[match.feature] = Shape.from_geojson(feature.geometry())
        except GeometryError as err:
            problems.append(_geometry_problem(feature, match.area, err, file))
    return shapes


def _tidied(
    shapes: dict[int, Shape], matching: Matching, planar: bool, file: str, problems: list[Problem]
) -> list[Boundary]:
    boundaries = []
    for match in matching.matches:
        shape = shapes.get(match.feature)
        if shape is None:
            continue
        try:
            tidy = shape.tidied(planar)
        except GeometryError as err:
            problems.append(_geometry_problem(None, match.area, err, file, number=match.feature))
            continue
        area = match.area
        boundaries.append(Boundary(area.stored_id, area.name, area.level, tidy, planar))
    return boundaries


def _geometry_problem(
    feature: _Feature | None, area: Area, err: GeometryError, file: str, *, number: int | None = None
) -> Problem:
    numbered = feature.info.number if feature is not None else number
    return _problem("bad-geometry", "geometry", file, feature=numbered, name=area.name, detail=err.wording())


def _problem(code: str, field: str, file: str, **context: Any) -> Problem:
    return Problem(code, field, Location(file), context, catalogue=CATALOGUE)
