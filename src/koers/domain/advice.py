# SPDX-License-Identifier: EUPL-1.2
"""Advice and resident input (*advies en inbreng*), and what the municipality did with it.

A participation council (*participatieraad*) gives the municipality advice, asked for or not
(*gevraagd en ongevraagd*), on anything in the social domain: research into a city pass for
residents with a low income, clearer information on schemes, young people turning 18. It also
asks residents themselves, for instance which five themes the new plan must put first. A
municipality that promises to tell residents "regularly what was done with their input" needs
one register of all of it, with its answer per point.

So an :class:`Advice` holds the council's input as separate items (:class:`InputItem`), each
its own text; an item is one of two kinds (:class:`InputKind`): an *advice point* the council
wrote, or a *survey theme* residents named. Both kinds concern goals and challenges of the plan
and both get the same :class:`Response`: adopted, partly adopted or not adopted
(:class:`Verdict`), with a reason, a date, and the follow-up: actions of the plan and/or words.

The closed lists (the kind of advice, the kind of item, the verdict) are declared once, with
their labels and the words people write for them in a file; ids are checked against the plan by
:func:`link_problems`, the one check the importer and the editor share.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Final, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.ids import ID_PATTERN
from koers.domain.plan import Plan
from koers.domain.vocabulary import every
from koers.i18n import N_, _, ngettext

E = TypeVar("E", bound=StrEnum)


class AdviceKind(StrEnum):
    """Whether the municipality asked for the advice. The values are the Dutch words of the file."""

    SOLICITED = "gevraagd"
    UNSOLICITED = "ongevraagd"

    def label(self, lang: str = "nl") -> str:
        """'Gevraagd advies', 'Ongevraagd advies'."""
        return _(ADVICE_KIND_LABELS[self], lang)


ADVICE_KIND_LABELS: Final = every(
    AdviceKind,
    {AdviceKind.SOLICITED: N_("Gevraagd advies"), AdviceKind.UNSOLICITED: N_("Ongevraagd advies")},
)
#: Other words a file may use for each kind (compared in lower case, without accents or hyphens).
ADVICE_KIND_WORDS: Final = every(
    AdviceKind,
    {AdviceKind.SOLICITED: ("solicited", "op verzoek"), AdviceKind.UNSOLICITED: ("unsolicited", "eigen initiatief")},
)


class InputKind(StrEnum):
    """What an input item is: a point of the council's advice, or a theme residents named in a survey."""

    ADVICE_POINT = "adviespunt"
    SURVEY_THEME = "enquetethema"

    def label(self, lang: str = "nl") -> str:
        """'Adviespunt', 'Thema uit een enquête'."""
        return _(INPUT_KIND_LABELS[self], lang)


INPUT_KIND_LABELS: Final = every(
    InputKind,
    {InputKind.ADVICE_POINT: N_("Adviespunt"), InputKind.SURVEY_THEME: N_("Thema uit een enquête")},
)
INPUT_KIND_WORDS: Final = every(
    InputKind,
    {
        InputKind.ADVICE_POINT: ("advies", "punt", "advice point", "advice"),
        InputKind.SURVEY_THEME: ("thema", "enquete", "survey theme", "survey", "enquete thema"),
    },
)


class Verdict(StrEnum):
    """What the municipality did with an item."""

    ADOPTED = "overgenomen"
    PARTLY = "deels-overgenomen"
    NOT_ADOPTED = "niet-overgenomen"

    def label(self, lang: str = "nl") -> str:
        """'Overgenomen', 'Deels overgenomen', 'Niet overgenomen'."""
        return _(VERDICTS[self].label, lang)

    @property
    def needs_reason(self) -> bool:
        """Whether the response must say why: a council that is not followed is owed the reason."""
        return VERDICTS[self].needs_reason


@dataclass(frozen=True)
class VerdictInfo:
    label: str
    needs_reason: bool
    words: tuple[str, ...]  # what else a file may say


VERDICTS: Final = every(
    Verdict,
    {
        Verdict.ADOPTED: VerdictInfo(N_("Overgenomen"), False, ("ja", "adopted", "over genomen")),
        Verdict.PARTLY: VerdictInfo(N_("Deels overgenomen"), True, ("deels", "gedeeltelijk", "partly")),
        Verdict.NOT_ADOPTED: VerdictInfo(N_("Niet overgenomen"), True, ("nee", "niet", "not adopted")),
    },
)
#: How an item without a response reads.
AWAITING: Final = N_("Nog geen reactie")


def _plain(text: str) -> str:
    """A word as compared: lower case, accents and hyphens gone, spaces single ('Enquête-thema': 'enquete thema')."""
    cleaned = text.strip().lower().replace("ê", "e").replace("é", "e").replace("ë", "e").replace("_", " ")
    return " ".join(cleaned.replace("-", " ").split())


def parse_member(members: type[E], words: Mapping[E, tuple[str, ...]], labels: Mapping[E, str], text: str) -> E | None:
    """The member ``text`` names: its value, its Dutch or English label or one of its other words."""
    wanted = _plain(text)
    for member in members:
        said = (member.value, _(labels[member]), _(labels[member], "en"), *words[member])
        if wanted in {_plain(word) for word in said}:
            return member
    return None


def parse_verdict(text: str) -> Verdict | None:
    """'Deels overgenomen', 'deels', 'niet-overgenomen', 'adopted' ...: the verdict, or None."""
    words = {v: info.words for v, info in VERDICTS.items()}
    return parse_member(Verdict, words, {v: info.label for v, info in VERDICTS.items()}, text)


def parse_advice_kind(text: str) -> AdviceKind | None:
    return parse_member(AdviceKind, ADVICE_KIND_WORDS, ADVICE_KIND_LABELS, text)


def parse_input_kind(text: str) -> InputKind | None:
    return parse_member(InputKind, INPUT_KIND_WORDS, INPUT_KIND_LABELS, text)


def _reader(parse: Any) -> Any:
    """A before-validator: a word a person wrote becomes its member; anything else is left for
    the enum to refuse, with the list of what it accepts."""

    def read(value: Any) -> Any:
        return (parse(value) or value) if isinstance(value, str) else value

    return read


_DUTCH_DAY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def parse_day(value: Any) -> date:
    """A date as people write it: 2024-06-12 or 12-6-2024 (also with / or .), or a date from a file."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        found = _DUTCH_DAY.match(text)
        return date(int(found[3]), int(found[2]), int(found[1])) if found else date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError("invalid-date", "'{value}' is not a date", {"value": text}) from None


Day = Annotated[date, BeforeValidator(parse_day), PlainSerializer(lambda d: d.isoformat(), return_type=str)]
Ids = Annotated[list[str], BeforeValidator(lambda v: split_ids(v) if isinstance(v, str) else v)]


def split_ids(text: str) -> list[str]:
    """Codes as typed in a cell or a form field: 'FF-01, FF-02' or 'FF-01 FF-02'."""
    return [part for part in re.split(r"[,;\s]+", text) if part]


class Response(BaseModel):
    """What the municipality did with an item: its verdict, why, when, and the follow-up."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    verdict: Annotated[Verdict, BeforeValidator(_reader(parse_verdict))] = Field(
        description="overgenomen, deels-overgenomen or niet-overgenomen."
    )
    reason: str | None = Field(default=None, description="Why; required unless the item was adopted.")
    date: Day = Field(description="When the municipality responded.")
    actions: Ids = Field(default_factory=list, description="Ids of the plan's actions that follow it up.")
    follow_up: str | None = Field(default=None, description="What was or will be done, in words.")

    @model_validator(mode="after")
    def _reasoned(self) -> Response:
        if self.verdict.needs_reason and not (self.reason or "").strip():
            raise PydanticCustomError(
                "response-without-reason", "a response that does not adopt must say why", {"value": self.verdict.value}
            )
        return self


class InputItem(BaseModel):
    """One thing the council or residents said: an advice point or a survey theme.

    It concerns its own goals and challenges, or, when it names none, those of its advice.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    kind: Annotated[InputKind, BeforeValidator(_reader(parse_input_kind))] = InputKind.ADVICE_POINT
    text: str = Field(min_length=1, description="The point or theme, in the council's or residents' words.")
    goals: Ids = Field(default_factory=list, description="Ids of the goals it concerns.")
    challenges: Ids = Field(default_factory=list, description="Ids of the challenges it concerns.")
    response: Response | None = None

    @property
    def links(self) -> bool:
        return bool(self.goals or self.challenges)


class Advice(BaseModel):
    """An advice of the participation council, or its report of what residents said, with its items."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=ID_PATTERN, description="A stable id, never reused: 'PR-2024-03'.")
    kind: Annotated[AdviceKind, BeforeValidator(_reader(parse_advice_kind))] = Field(
        description="gevraagd or ongevraagd."
    )
    date: Day = Field(description="The date of the advice.")
    subject: str = Field(min_length=1, description="What it is about, in a few words.")
    document: str | None = Field(default=None, description="Where the whole advice can be read: a link or a reference.")
    goals: Ids = Field(default_factory=list, description="Ids of the goals it concerns.")
    challenges: Ids = Field(default_factory=list, description="Ids of the challenges it concerns.")
    items: list[InputItem] = Field(min_length=1, description="Its points and themes, each its own text.")

    @model_validator(mode="after")
    def _responses_follow(self) -> Advice:
        for number, item in enumerate(self.items, start=1):
            if item.response is not None and item.response.date < self.date:
                raise PydanticCustomError(
                    "response-before-advice",
                    "the response to item {item} ({response}) is dated before the advice ({advice})",
                    {"item": number, "response": item.response.date.isoformat(), "advice": self.date.isoformat()},
                )
        return self

    def item(self, number: int) -> InputItem | None:
        """Item ``number`` (1 is the first), or None."""
        return self.items[number - 1] if 1 <= number <= len(self.items) else None

    def entries(self) -> list[InputEntry]:
        return [InputEntry(self, number, item) for number, item in enumerate(self.items, start=1)]

    def without_responses(self) -> Advice:
        """The advice as the council gave it: what the municipality answered is kept apart."""
        return self.model_copy(update={"items": [i.model_copy(update={"response": None}) for i in self.items]})


@dataclass(frozen=True)
class InputEntry:
    """An item in its advice, as the pages and the report list it: 'PR-2024-03/2'."""

    advice: Advice
    number: int
    item: InputItem

    @property
    def key(self) -> str:
        return f"{self.advice.id}/{self.number}"

    @property
    def anchor(self) -> str:
        """The id of its place on a page (an HTML id)."""
        return f"inbreng-{self.advice.id}-{self.number}"

    @property
    def goals(self) -> list[str]:
        """The goals it concerns: its own, or, when it names neither goals nor challenges, its advice's."""
        return self.item.goals if self.item.links else self.advice.goals

    @property
    def challenges(self) -> list[str]:
        return self.item.challenges if self.item.links else self.advice.challenges

    @property
    def response(self) -> Response | None:
        return self.item.response

    def concerns_goal(self, goal_id: str) -> bool:
        return goal_id in self.goals

    def concerns_challenge(self, plan: Plan, challenge_id: str) -> bool:
        """Whether it names the challenge, or a goal of it."""
        if challenge_id in self.challenges:
            return True
        return any((goal := plan.goal(g)) is not None and goal.challenge == challenge_id for g in self.goals)


# -- the register -------------------------------------------------------------------------


def entries(register: Iterable[Advice]) -> list[InputEntry]:
    """Every item of every advice, newest advice first (as the register lists them)."""
    ordered = sorted(register, key=lambda a: (a.date, a.id), reverse=True)
    return [entry for advice in ordered for entry in advice.entries()]


def for_goal(register: Iterable[Advice], goal_id: str) -> list[InputEntry]:
    return [e for e in entries(register) if e.concerns_goal(goal_id)]


def for_challenge(register: Iterable[Advice], plan: Plan, challenge_id: str) -> list[InputEntry]:
    return [e for e in entries(register) if e.concerns_challenge(plan, challenge_id)]


@dataclass(frozen=True)
class Tally:
    """How many items got which response, and how many none yet."""

    verdicts: dict[Verdict, int]
    awaiting: int

    @property
    def total(self) -> int:
        return sum(self.verdicts.values()) + self.awaiting

    def summary(self, lang: str = "nl") -> str:
        """'5 punten (3 overgenomen, 1 deels overgenomen, 1 nog geen reactie)'."""
        parts = [f"{n} {v.label(lang).lower()}" for v, n in self.verdicts.items() if n]
        if self.awaiting:
            parts.append(f"{self.awaiting} {_(AWAITING, lang).lower()}")
        head = ngettext("{n} punt", "{n} punten", self.total, lang)
        return f"{head} ({', '.join(parts)})" if parts else head


def tally(found: Iterable[InputEntry]) -> Tally:
    listed = list(found)
    counts = Counter(e.response.verdict for e in listed if e.response is not None)
    return Tally({v: counts.get(v, 0) for v in Verdict}, sum(1 for e in listed if e.response is None))


# -- links to the plan --------------------------------------------------------------------

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class LinkProblem:
    """An id the plan does not have, where it is in the advice's data, with what the plan has."""

    loc: Loc
    code: str  # unknown-goal, unknown-challenge, unknown-action
    value: str
    expected: str


def link_problems(advice: Advice | Mapping[str, Any], plan: Plan) -> list[LinkProblem]:
    """Every goal, challenge and action ``advice`` names that ``plan`` does not have.

    Also on an advice's raw data (a file's, a form's) that is not yet a valid :class:`Advice`,
    so that a dangling id is reported together with every other problem of it.
    """
    raw = advice.model_dump(mode="json") if isinstance(advice, Advice) else advice
    known = {
        "goals": ({g.id for g in plan.goals}, "unknown-goal"),
        "challenges": ({c.id for c in plan.challenges}, "unknown-challenge"),
        "actions": ({a.id for a in plan.actions}, "unknown-action"),
    }
    found = [*_dangling((), raw, "goals", known), *_dangling((), raw, "challenges", known)]
    items = raw.get("items")
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, Mapping):
            continue
        found += _dangling(("items", index), item, "goals", known)
        found += _dangling(("items", index), item, "challenges", known)
        response = item.get("response")
        if isinstance(response, Mapping):
            found += _dangling(("items", index, "response"), response, "actions", known)
    return found


def _dangling(
    at: Loc, raw: Mapping[str, Any], name: str, known: Mapping[str, tuple[set[str], str]]
) -> Iterator[LinkProblem]:
    have, code = known[name]
    value = raw.get(name)
    ids = split_ids(value) if isinstance(value, str) else value if isinstance(value, list) else []
    expected = ", ".join(sorted(have)) or "-"
    for position, one in enumerate(ids):
        if str(one) not in have:
            yield LinkProblem((*at, name, position), code, str(one), expected)
