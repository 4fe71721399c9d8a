# SPDX-License-Identifier: EUPL-1.2
"""The advice register in the editor: enter an advice of the participation council with its
points (or the themes residents named), change it, and write the municipality's response to
each point. What the pages do, apart from HTTP (koers.web.editor.advice_routes).

A typed advice is checked by the importer's own check (koers.importers.advice.check_advice),
the code that checks an advice in a file: the same rules (a response that does not adopt says
why, it is not dated before the advice, every goal, challenge and action exists in the plan)
and the same messages, placed at the form's fields. Nothing is stored when anything is wrong;
what is right is stored by koers.store.advice, which writes the audit row in the same
transaction, with the role the person acted in.

Who may: the role participation, and admin (koers.store.accounts.GRANTS); an editor of figures
may not. Anything else raises NotAllowed, which the web layer answers with 403.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from sqlalchemy import Engine

from koers.domain.advice import AdviceKind, InputKind, Response, Verdict
from koers.i18n import N_, translator
from koers.importers.advice import Loc, check_advice
from koers.problems import Location, Problem
from koers.store.accounts import NotAllowed, User
from koers.store.advice import Actor, AdviceRefused, StoredAdvice, save_advice, write_response
from koers.store.plans import StoredPlan
from koers.web import LANG
from koers.web.editor.actions import Issue

_ = translator(LANG)

#: Where a change made in the editor comes from (the ``source`` of its rows and audit details).
SOURCE: Final = "beheer"
#: Empty points a form offers below the points an advice has, to add more (no JavaScript needed).
EMPTY_POINTS: Final = 3
#: The advice's own fields, in the order of the form.
ADVICE_FIELDS: Final = ("id", "kind", "date", "subject", "document", "goals", "challenges")
#: A point's fields; in the form each is ``items-<number>-<field>``.
ITEM_FIELDS: Final = ("kind", "text", "goals", "challenges")
RESPONSE_FIELDS: Final = ("verdict", "reason", "date", "actions", "follow_up")
#: The file's problems that a form words otherwise: it has fields where a file has keys.
FORM_WORDS: Final = {
    "missing-field": (N_("Dit veld is leeg."), N_("Vul dit veld in.")),
    "empty-field": (N_("Dit veld is leeg."), N_("Vul dit veld in.")),
    "no-items": (N_("Het advies heeft nog geen punten."), N_("Schrijf bij punt 1 wat er gezegd is.")),
    "response-without-reason": (
        N_("Bij een reactie die het advies niet of maar deels overneemt, hoort een reden."),
        N_("Schrijf bij Reden waarom de gemeente het niet of maar deels overneemt."),
    ),
    "invalid-id": (
        N_("Deze code kan niet."),
        N_("Gebruik letters, cijfers en streepjes, bijvoorbeeld PR-2024-03."),
    ),
}
#: Refusals of the store, as the form words them, at the field that can put them right.
REFUSALS: Final = {
    "advice-exists": ("id", N_("Er is al een advies met deze code."), N_("Kies een code die nog niet gebruikt is.")),
    "advice-changed": (
        "subject",
        N_("Iemand anders heeft dit advies net gewijzigd."),
        N_("Open het advies opnieuw, kijk wat er veranderd is en sla dan uw wijziging op."),
    ),
    "item-has-response": (
        "items",
        N_("Punt {item} heeft al een reactie van de gemeente en kan niet weg."),
        N_("Zet de tekst van het punt terug. Pas zo nodig de tekst aan."),
    ),
    "response-before-advice": (
        "date",
        N_("Een reactie op dit advies is van vóór deze datum ({response})."),
        N_("Kijk de datum van het advies na, of pas eerst de datum van die reactie aan."),
    ),
}


# -- the forms ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PointForm:
    """One point of the form as typed."""

    kind: str = InputKind.ADVICE_POINT.value
    text: str = ""
    goals: str = ""
    challenges: str = ""

    @property
    def empty(self) -> bool:
        return not (self.text or self.goals or self.challenges)


@dataclass(frozen=True)
class AdviceForm:
    """The advice form as typed: text only; the importer's check reads it, not this class."""

    id: str = ""
    kind: str = AdviceKind.SOLICITED.value
    date: str = ""
    subject: str = ""
    document: str = ""
    goals: str = ""
    challenges: str = ""
    points: tuple[PointForm, ...] = ()
    version: int = 0  # the version the edit started from; 0: a new advice

    @classmethod
    def read(cls, fields: Mapping[str, str]) -> AdviceForm:
        """The form from the fields a browser sent (``items-2-text``: the text of point 2)."""
        numbers = sorted({int(k.split("-")[1]) for k in fields if k.startswith("items-") and k.split("-")[1].isdigit()})
        points = tuple(
            PointForm(**{name: fields.get(f"items-{n}-{name}", "").strip() for name in ITEM_FIELDS}) for n in numbers
        )
        version = fields.get("version", "0")
        return cls(
            **{name: fields.get(name, "").strip() for name in ADVICE_FIELDS},
            points=points,
            version=int(version) if version.isdigit() else 0,
        )

    @classmethod
    def of(cls, stored: StoredAdvice) -> AdviceForm:
        """A stored advice as the form shows it: lists as text, the date as written in a file."""
        a = stored.advice
        return cls(
            id=a.id,
            kind=a.kind.value,
            date=a.date.isoformat(),
            subject=a.subject,
            document=a.document or "",
            goals=", ".join(a.goals),
            challenges=", ".join(a.challenges),
            points=tuple(PointForm(i.kind.value, i.text, ", ".join(i.goals), ", ".join(i.challenges)) for i in a.items),
            version=stored.version,
        )

    def with_room(self) -> AdviceForm:
        """The form with EMPTY_POINTS empty points after the last one that has something."""
        kept = list(self.points)
        while kept and kept[-1].empty:
            kept.pop()
        return replace(self, points=(*kept, *(PointForm() for _ in range(EMPTY_POINTS))))

    def raw(self) -> dict[str, Any]:
        """The advice as data (what a file would hold); empty points at the end are left out."""
        data: dict[str, Any] = {name: value for name in ADVICE_FIELDS if (value := getattr(self, name))}
        points = list(self.points)
        while points and points[-1].empty:
            points.pop()
        data["items"] = [{name: value for name in ITEM_FIELDS if (value := getattr(p, name))} for p in points]
        return data


@dataclass(frozen=True)
class ResponseForm:
    """The response form as typed."""

    verdict: str = ""
    reason: str = ""
    date: str = ""
    actions: str = ""
    follow_up: str = ""

    @classmethod
    def read(cls, fields: Mapping[str, str]) -> ResponseForm:
        return cls(**{name: fields.get(name, "").strip() for name in RESPONSE_FIELDS})

    @classmethod
    def of(cls, response: Response | None, today: dt.date) -> ResponseForm:
        if response is None:
            return cls(date=today.isoformat())
        return cls(
            response.verdict.value,
            response.reason or "",
            response.date.isoformat(),
            ", ".join(response.actions),
            response.follow_up or "",
        )

    def raw(self) -> dict[str, Any]:
        return {name: value for name in RESPONSE_FIELDS if (value := getattr(self, name))}


@dataclass(frozen=True)
class Check:
    """What became of a form: the errors per field, or what was stored."""

    errors: dict[str, Issue] = field(default_factory=dict)
    saved: bool = False  # something new was stored (False: refused, or nothing changed)

    @property
    def ok(self) -> bool:
        return not self.errors


# -- who may ------------------------------------------------------------------------------


def require_advice(user: User) -> None:
    """Only the role participation (and admin) keeps the register."""
    if not user.keeps_advice:
        raise NotAllowed(
            _(
                "Alleen een account met de rol participatie (of beheerder) mag adviezen en reacties invoeren. "
                "Vraag een beheerder om die rol."
            )
        )


# -- saving -------------------------------------------------------------------------------


def save(engine: Engine, stored: StoredPlan, user: User, form: AdviceForm, current: StoredAdvice | None) -> Check:
    """Check the advice as a file's advice is checked and store it as its next version, with the
    audit row; nothing is stored when anything is wrong. ``current`` is the advice being changed
    (None: a new one); its responses stay with its points."""
    require_advice(user)
    raw = form.raw()
    if current is not None:
        raw["id"] = current.advice.id  # an id is stable: it is never changed
        for item, kept in zip(raw["items"], current.advice.items, strict=False):
            if kept.response is not None:
                item["response"] = kept.response.model_dump()
    advice, problems = check_advice(raw, stored.plan, _nowhere, _advice_field)
    if advice is None:
        return Check(_issues(problems, "id"))
    try:
        version = save_advice(engine, stored.id, advice, Actor.of(user), source=SOURCE, expect=form.version)
    except AdviceRefused as err:
        return Check(_refusal(err))
    return Check(saved=version is not None)


def respond(
    engine: Engine, stored: StoredPlan, user: User, current: StoredAdvice, number: int, form: ResponseForm
) -> Check:
    """Check the response within its advice (so its date and its actions are checked too) and store it."""
    require_advice(user)
    raw = current.advice.model_dump()
    raw["items"][number - 1]["response"] = form.raw()
    _advice, problems = check_advice(raw, stored.plan, _nowhere, lambda loc: _response_field(loc, number))
    own = [p for p in problems if p.field in RESPONSE_FIELDS]  # not another point's: the plan may have changed
    if own:
        return Check(_issues(own, "verdict"))
    response = Response.model_validate(form.raw())  # it has no problem of its own
    try:
        saved = write_response(engine, stored.id, current.advice.id, number, response, Actor.of(user), source=SOURCE)
    except AdviceRefused as err:
        return Check(_refusal(err))
    return Check(saved=saved)


def _nowhere(loc: Loc) -> Location:
    return Location(SOURCE)


def _advice_field(loc: Loc) -> str:
    """The form field a path in an advice's data is about: ('items', 1, 'goals', 0) is items-2-goals."""
    if len(loc) >= 3 and loc[0] == "items" and isinstance(loc[1], int):
        if loc[2] == "response":  # a kept response that no longer fits: its advice's date does not
            return "date"
        return f"items-{loc[1] + 1}-{loc[2]}"
    if loc[:1] == ("items",):
        return "items-1-text"
    return str(loc[0]) if loc else "id"


def _response_field(loc: Loc, number: int) -> str:
    """The response form's field a path is about: ('items', 1, 'response', 'actions', 0) is
    actions for point 2; '' for anything outside this point's response."""
    if len(loc) < 3 or loc[:2] != ("items", number - 1) or loc[2] != "response":
        return ""
    return str(loc[3]) if len(loc) >= 4 else "verdict"


def _issues(problems: list[Problem], fallback: str) -> dict[str, Issue]:
    """The first problem of each field, worded for a form."""
    found: dict[str, Issue] = {}
    for problem in problems:
        name = problem.field or fallback
        if name in found:
            continue
        if problem.code in FORM_WORDS:
            message, hint = FORM_WORDS[problem.code]
            found[name] = Issue(name, _(message), _(hint))
        else:
            found[name] = Issue(name, problem.message(LANG), problem.hint(LANG))
    return found


def _refusal(err: AdviceRefused) -> dict[str, Issue]:
    name, message, hint = REFUSALS.get(
        err.code, ("id", N_("Dit kan niet worden opgeslagen."), N_("Laad de pagina opnieuw en probeer het nog eens."))
    )
    if err.code == "item-has-response":
        name = f"items-{err.context.get('item', 1)}-text"
    return {name: Issue(name, _(message, **err.context), _(hint))}


# -- choices for the forms ----------------------------------------------------------------


def advice_kinds() -> list[tuple[str, str]]:
    return [(k.value, k.label(LANG)) for k in AdviceKind]


def point_kinds() -> list[tuple[str, str]]:
    return [(k.value, k.label(LANG)) for k in InputKind]


def verdicts() -> list[tuple[str, str]]:
    """'Kies ...', then adopted, partly, not adopted."""
    return [("", _("Kies wat de gemeente met dit punt doet"))] + [(v.value, v.label(LANG)) for v in Verdict]
