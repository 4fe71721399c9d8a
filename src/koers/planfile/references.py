# SPDX-License-Identifier: EUPL-1.2
"""Checks across the parts of a plan: unique ids, and references that point somewhere.

They run on the raw data, next to the structural validation, so that a file with a typo in
one goal and a dangling reference in another reports both at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from koers.domain.peers import peer_conflicts

Loc = tuple[str | int, ...]
Finding = tuple[Loc, str, dict[str, Any]]

_ID_COLLECTIONS = ("challenges", "policy_areas", "goals", "bbv_indicators", "areas", "key_figures", "actions")


def reference_problems(raw: Mapping[str, Any]) -> list[Finding]:
    """Every duplicate id and dangling reference in ``raw``, as (loc, code, context)."""
    ids = {name: _ids(raw, name) for name in _ID_COLLECTIONS}
    findings = [f for name in _ID_COLLECTIONS for f in _duplicates(raw, name)]
    challenges = set(ids["challenges"])
    for name in ("goals", "policy_areas", "bbv_indicators", "actions"):
        findings += _dangling(raw, name, "challenge", challenges, "unknown-challenge")
    findings += _dangling(raw, "goals", "policy_areas", set(ids["policy_areas"]), "unknown-policy-area")
    findings += _dangling(raw, "areas", "parent", set(ids["areas"]), "unknown-area")
    findings += _dangling(raw, "goals", "region", set(ids["areas"]), "unknown-area")
    findings += _dangling(raw, "actions", "goals", set(ids["goals"]), "unknown-goal")
    findings += list(_peers(raw))
    findings += list(_taakvelden(raw, challenges))
    return findings


def _peers(raw: Mapping[str, Any]) -> Iterator[Finding]:
    """Peers the plan cannot compare with: its own municipality, or one named twice."""
    municipality, comparison = raw.get("municipality"), raw.get("comparison")
    own = municipality.get("cbs_code") if isinstance(municipality, Mapping) else None
    if not isinstance(own, str) or not isinstance(comparison, Mapping) or not isinstance(comparison.get("peers"), list):
        return
    codes = [item.get("cbs_code") if isinstance(item, Mapping) else None for item in comparison["peers"]]
    for index, code, context in peer_conflicts(own, codes):
        yield ("comparison", "peers", index, "cbs_code"), code, {**context, "own": own}


def _taakvelden(raw: Mapping[str, Any], challenges: set[str]) -> Iterator[Finding]:
    """Taakvelden the plan maps to a challenge it does not have (``money.taakvelden``)."""
    money = raw.get("money")
    taakvelden = money.get("taakvelden") if isinstance(money, Mapping) else None
    if not isinstance(taakvelden, Mapping):
        return
    expected = ", ".join(sorted(challenges)) or "-"
    for code, challenge in taakvelden.items():
        if str(challenge) not in challenges:
            context = {"value": str(challenge), "expected": expected}
            yield ("money", "taakvelden", str(code)), "unknown-challenge", context


def _items(raw: Mapping[str, Any], name: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    items = raw.get(name)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, Mapping):
                yield index, item


def _ids(raw: Mapping[str, Any], name: str) -> list[str]:
    return [str(item["id"]) for _, item in _items(raw, name) if item.get("id") is not None]


def _duplicates(raw: Mapping[str, Any], name: str) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for index, item in _items(raw, name):
        key = item.get("id")
        if key is None:
            continue
        key = str(key)
        if key in first:
            yield (name, index, "id"), "duplicate-id", {"value": key, "other": f"{name}[{first[key] + 1}]"}
        else:
            first[key] = index


def _dangling(raw: Mapping[str, Any], name: str, field: str, known: set[str], code: str) -> Iterator[Finding]:
    expected = ", ".join(sorted(known)) or "-"
    for index, item in _items(raw, name):
        value = item.get(field)
        if value is None:
            continue
        if isinstance(value, list):
            for position, ref in enumerate(value):
                if str(ref) not in known:
                    yield (name, index, field, position), code, {"value": str(ref), "expected": expected}
        elif str(value) not in known:
            yield (name, index, field), code, {"value": str(value), "expected": expected}
