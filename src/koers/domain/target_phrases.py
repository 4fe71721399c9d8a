# SPDX-License-Identifier: EUPL-1.2
"""Targets (*streefwaarden*) written as Dutch words, read into the structured form of targets.

Begrotingen, jaarstukken and the BBV indicators write a target as a phrase ("minimaal 60% in
2027", "bandbreedte 65-70%, gelijk of hoger", "ten minste 100 minder binnen 3 jaar vanaf 2024",
"gelijk blijven (± 2 procentpunt)"), not as a value with a period. :func:`read_target` reads
such a phrase into a :class:`TargetReading` built from the parts of :mod:`koers.domain.targets`
(Direction, Change, Tolerance) and :mod:`koers.domain.periods`, or raises
:class:`UnreadableTarget` with a Dutch reason. It never guesses: "verbetering" does not say
whether higher or lower is better, and "2026-2027" may be a school year or two years, so both
are refused rather than read one way.

How a phrase is read, in order:

1. placeholders ("n.t.b.") and words without a better side ("verbetering") are refused, and a
   label before the target ("Streefwaarde 2027: ...") is set aside;
2. a window ("binnen 3 jaar vanaf 2024") becomes the period 2027;
3. the target period is taken from where tables put it ("2027: ...", "... in 2027", "(2027)");
   a year after "dan", "vanaf", "niveau van" is a reference year, not the target period;
4. what is left is matched against the phrase families below, first match wins.

Dutch numbers: "60,5" is 60.5, "1.100" is 1100 (a dot followed by exactly three digits groups
thousands), "€ 2.982" is 2982. Every word koers recognises is declared once, in the tables below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Final

from koers.domain.periods import MONTHS, Period, PeriodError, parse_period
from koers.domain.targets import (
    BandOpen,
    Change,
    ChangeKind,
    Direction,
    Tolerance,
    parse_change,
    parse_tolerance,
)
from koers.i18n import N_


@dataclass(frozen=True, slots=True)
class TargetReading:
    """What a target phrase says, in the structured form of koers.domain.targets (every field optional).

    ``unit_text`` holds the unit words written after a number, as written, so that a later check
    can compare them with the goal's unit. It stays empty for a relative change ("5% lager"):
    that % is a share of the baseline, not the goal's unit.
    """

    direction: Direction | None = None
    value: float | None = None
    change: Change | None = None
    low: float | None = None
    high: float | None = None
    band_open: BandOpen | None = None
    strict: bool = False
    period: Period | None = None
    tolerance: Tolerance | None = None
    unit_text: str | None = None


class UnreadableTarget(ValueError):
    """A phrase koers cannot read; ``phrase`` is the text, ``why`` a Dutch message id saying what
    was not understood (translate it with koers.i18n)."""

    def __init__(self, phrase: str, why: str) -> None:
        super().__init__(f"{why} ({phrase!r})")
        self.phrase = phrase
        self.why = why


# -- Why a phrase cannot be read (Dutch message ids; English in the catalogue) --

EMPTY: Final = N_("De streefwaarde is leeg.")
NOT_SET: Final = N_("Hier staat nog geen streefwaarde.")
NO_BETTER_SIDE: Final = N_(
    "koers weet niet of hoger of lager beter is. Schrijf bijvoorbeeld 'stijging', 'daling' of een waarde."
)
AS_MUCH_AS_POSSIBLE: Final = N_(
    "Met 'zo ... mogelijk' is niet te zien wanneer het doel gehaald is. Noem een waarde of een bandbreedte."
)
NOTHING_FOUND: Final = N_("koers vindt geen richting, waarde of bandbreedte in deze tekst.")
TWO_VALUES: Final = N_("koers vindt meer dan één getal en weet niet hoe die bij elkaar horen.")
BAND_ORDER: Final = N_("De ondergrens van de bandbreedte moet lager zijn dan de bovengrens.")
BAND_UNITS: Final = N_("De twee grenzen van de bandbreedte hebben een andere eenheid.")
TWO_BOUNDS: Final = N_("De tekst noemt twee verschillende grenzen voor één waarde, zoals 'minimaal' en 'of lager'.")
TWO_PERIODS: Final = N_("De tekst noemt meer dan één jaar of periode voor de streefwaarde.")
PERIOD_UNCLEAR: Final = N_("koers kan het jaar of de periode in deze tekst niet lezen.")
YEARS_AMBIGUOUS: Final = N_(
    "Twee jaren met een streepje kunnen een schooljaar zijn of twee jaren. "
    "Schrijf 'schooljaar 2026-2027' of noem één jaar."
)
START_WITHOUT_WINDOW: Final = N_(
    "koers weet niet wat het jaar na 'vanaf' of 'na' betekent voor de streefwaarde. "
    "Noem het jaar waarin het doel gehaald moet zijn, of schrijf bijvoorbeeld 'binnen 3 jaar vanaf 2024'."
)
WINDOW_WITHOUT_START: Final = N_(
    "Bij 'binnen ... jaar' hoort een beginjaar. Schrijf bijvoorbeeld 'binnen 3 jaar vanaf 2024'."
)
CHANGE_WITHOUT_SIDE: Final = N_(
    "Deze verandering zegt niet of het om meer of minder gaat. Zet er + of - voor, of schrijf 'hoger' of 'lager'."
)
YEARLY_POINTS: Final = N_("koers kan een verandering per jaar alleen in procenten lezen, bijvoorbeeld '+10% per jaar'.")
MARGIN_UNCLEAR: Final = N_("koers kan de marge niet lezen. Schrijf bijvoorbeeld '± 2', '± 2%' of '± 1 procentpunt'.")


# -- The words koers reads, declared once --


@dataclass(frozen=True, slots=True)
class _Bound:
    """A bound word: which side is fine, and whether the bound itself counts ("hoger dan": no)."""

    direction: Direction
    strict: bool = False


_AT_LEAST: Final = _Bound(Direction.AT_LEAST)
_AT_MOST: Final = _Bound(Direction.AT_MOST)
_ABOVE: Final = _Bound(Direction.AT_LEAST, strict=True)
_BELOW: Final = _Bound(Direction.AT_MOST, strict=True)

#: Bound words written before the value ("minimaal 60%", "≥ 60%", "hoger dan 60").
BOUNDS_BEFORE: Final[Mapping[str, _Bound]] = {
    **dict.fromkeys(
        ("minimaal", "minstens", "ten minste", "tenminste", "op zijn minst", "minimum", "min.", "niet minder dan"),
        _AT_LEAST,
    ),
    **dict.fromkeys(("niet lager dan", "≥", ">="), _AT_LEAST),
    **dict.fromkeys(
        ("maximaal", "hoogstens", "ten hoogste", "maximum", "max.", "niet meer dan", "niet hoger dan", "≤", "<="),
        _AT_MOST,
    ),
    **dict.fromkeys(("hoger dan", "meer dan", "groter dan", "boven", ">"), _ABOVE),
    **dict.fromkeys(("lager dan", "minder dan", "kleiner dan", "onder", "<"), _BELOW),
}
#: Bound words written after the value ("60% of hoger"), also after "gelijk" ("gelijk of hoger").
BOUNDS_AFTER: Final[Mapping[str, _Bound]] = {
    **dict.fromkeys(("of meer", "of hoger", "en meer", "en hoger"), _AT_LEAST),
    **dict.fromkeys(("of minder", "of lager", "en minder", "en lager"), _AT_MOST),
}
#: Words that say which way the number should go (alone, or with "naar 250", "van 5%", "5% ...").
DIRECTION_WORDS: Final[Mapping[str, Direction]] = {
    **dict.fromkeys(
        (
            *("toename", "stijging", "groei", "verhoging", "meer", "hoger", "groter"),
            *("neemt toe", "stijgt", "groeit", "toenemen", "stijgen", "groeien", "verhogen"),
            *("toegenomen", "gestegen", "gegroeid", "verhoogd"),
        ),
        Direction.INCREASE,
    ),
    **dict.fromkeys(
        (
            *("afname", "daling", "vermindering", "verlaging", "reductie", "minder", "lager", "kleiner"),
            *("neemt af", "daalt", "vermindert", "afnemen", "dalen", "verminderen", "verlagen"),
            *("afgenomen", "gedaald", "verminderd", "verlaagd"),
        ),
        Direction.DECREASE,
    ),
}
#: Words for keeping the level of the baseline.
KEEP_WORDS: Final = (
    *("handhaven", "handhaving", "gelijk", "gelijk blijven", "blijft gelijk", "gelijk houden", "gelijkblijvend"),
    *("stabiel", "stabiel blijven", "blijft stabiel", "stabiel houden", "op peil houden", "op peil blijven"),
    *("blijft op peil", "behouden", "behoud", "vasthouden"),
)
#: Changes written as one word, as a percentage of the baseline.
FIXED_CHANGES: Final[Mapping[str, float]] = {
    **dict.fromkeys(("halvering", "halveren", "gehalveerd"), -50.0),
    **dict.fromkeys(("verdubbeling", "verdubbelen", "verdubbeld"), 100.0),
}
#: Counts of years written as words ("binnen twee jaar").
COUNT_WORDS: Final[Mapping[str, int]] = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
}
#: Words before a period that name the target period ("eind 2026", "uiterlijk 2026").
PERIOD_WORDS: Final = ("in", "eind", "einde", "ultimo", "uiterlijk", "per", "voor", "vóór", "tegen")
#: A year after these words is a reference year ("dan in 2023", "nulmeting in 2023"), not the target period.
REFERENCE_WORDS: Final = ("dan", "van", "t.o.v.", "met", "aan", "sinds", "vanaf", "na", "nulmeting")
#: Column names a table may write before the target ("Streefwaarde 2027: 60%").
LABEL_WORDS: Final = ("streefwaarde", "streefwaarden", "doel", "doelstelling", "norm", "ambitie")
#: Phrases that are not (yet) a target, and why.
REFUSALS: Final[tuple[tuple[str, str], ...]] = (
    (r"verbeter\w*|beter|betere|verslechter\w*|slechter", NO_BETTER_SIDE),
    (r"zo\s+\w+\s+mogelijk|zoveel\s+mogelijk", AS_MUCH_AS_POSSIBLE),
)
#: Placeholders written instead of a target (compared without dots, spaces and case).
PLACEHOLDERS: Final = frozenset(
    ("ntb", "nogtebepalen", "nadertebepalen", "nvt", "nietvantoepassing", "pm", "onbekend", "volgt", "-", "–", "?")
)
#: Words that join the parts of a phrase; never part of a unit ("250 kinderen of meer").
_GLUE: Final = (
    *("en", "of", "tot", "à", "a", "naar", "van", "met", "dan", "t.o.v."),
    *("in", "binnen", "vanaf", "na", "voor"),
)
_POINT_WORDS: Final = ("procentpunt", "procentpunten", "pp")


# -- Regular expressions built from the tables --


def _alternatives(words: Iterable[str]) -> str:
    """The words as one regex alternation, longest first ('niet meer dan' before 'meer'), each a
    whole word, with any whitespace between the parts of a phrase."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(part) for part in word.split()) + _END for word in ordered) + ")"


_L: Final = r"[^\W\d_]"  # a letter, in any alphabet
_END: Final = rf"(?!{_L})"  # not followed by a letter: the end of a word
_YEAR: Final = r"(?<![\d.,])(?:19|20|21)\d\d(?![.,]?\d)"
_NUM: Final = r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![.,]?\d)"
_THOUSANDS: Final = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_STOP: Final = _alternatives(
    word
    for phrase in (*BOUNDS_BEFORE, *BOUNDS_AFTER, *DIRECTION_WORDS, *KEEP_WORDS, *FIXED_CHANGES, *_GLUE, *_POINT_WORDS)
    for word in phrase.split()
)
_WORD: Final = rf"(?!{_STOP}){_L}(?:{_L}|[-'.](?={_L}))*\.?"
_WORDS: Final = rf"{_WORD}(?:\s+{_WORD})*"
_PER: Final = rf"per\s+(?:{_NUM}\s+)?{_WORDS}"  # "per 1.000 inwoners": the 1.000 is part of the unit
_UNIT: Final = rf"(?:%|procent{_END})(?:\s+van\s+{_WORDS})?|€|{_PER}|{_WORDS}(?:\s+{_PER})?"
_PP: Final = rf"(?:procentpunt(?:en)?|%\s*-?\s*punt(?:en)?|pp){_END}"
_AMOUNT: Final = (
    rf"(?:(?P<cur>€)\s*)?(?P<num>{_NUM})\s*"
    rf"(?:(?P<pp>{_PP})|(?P<pct>%|procent{_END})(?P<yearly>\s*(?:per\s+jaar|/\s*jaar))?|(?P<unit>{_UNIT}))?"
)
_BEFORE: Final = rf"(?P<bound>{_alternatives(BOUNDS_BEFORE)})\s*"
_BEFORE2: Final = rf"(?P<bound2>{_alternatives(BOUNDS_BEFORE)})\s*"
_AFTER: Final = rf"(?P<after>{_alternatives(BOUNDS_AFTER)})"
_DIRECTION: Final = rf"(?P<dir>{_alternatives(DIRECTION_WORDS)})"
_LEVEL: Final = (
    rf"(?:nu|vandaag|(?:de\s+)?nulmeting(?:\s+(?:van|in|uit)\s+{_YEAR})?|(?:het\s+)?huidige?\s+niveau"
    rf"|(?:het\s+)?niveau\s+van\s+(?:de\s+nulmeting|{_YEAR})|in\s+{_YEAR}|(?:de\s+)?uitgangs(?:waarde|situatie)){_END}"
)
_COMPARED: Final = rf"(?:\s+(?:dan|t\.o\.v\.?|ten\s+opzichte\s+van|vergeleken\s+met)\s+(?:{_LEVEL}|{_YEAR}))?"
_TOLERANCE: Final = rf"(?P<tol>(?:±|\+/-|\+-)?\s*(?P<tolnum>{_NUM})\s*(?P<tolunit>{_PP}|%|procent{_END})?)"
_MARGIN: Final = (
    r"(?:\s*,?\s*(?:\(\s*|(?:met\s+)?(?:een\s+)?(?:marge|afwijking)\s+(?:van\s+)?"
    rf"|binnen\s+(?:een\s+marge\s+van\s+)?|(?=±|\+/?-)){_TOLERANCE}\s*\)?)?"
)
_COUNT: Final = rf"(?:\d{{1,2}}|{_alternatives(COUNT_WORDS)})"
_MONTH: Final = _alternatives(MONTHS)
_PERIOD_TEXT: Final = (
    rf"(?P<period>(?:schooljaar|school\s*jaar|sj)\s*{_YEAR}\s*[-/]\s*\d{{2,4}}"
    rf"|{_YEAR}\s*[-/]\s*{_YEAR}"
    rf"|(?:[1-4]e|eerste|tweede|derde|vierde)\s+(?:helft|halfjaar|kwartaal)(?:\s+van)?\s+{_YEAR}"
    rf"|{_YEAR}\s*-?\s*(?:q|kw|hj|h)\s*0?[1-4](?!\d)"
    rf"|(?:q|kw|hj|h)\s*0?[1-4]\s*-?\s*{_YEAR}"
    rf"|(?:\d{{1,2}}\s+)?{_MONTH}\s+{_YEAR}"
    rf"|{_YEAR})"
)
_PERIOD_PREFIX: Final = rf"(?:{_alternatives(PERIOD_WORDS)}\s+)+(?:het\s+)?(?:jaar\s+)?"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _value(tag: str) -> str:
    """A value with its unit words: '250 kinderen', '€ 2.982', '9,5 per 1.000 inwoners'."""
    return rf"(?:(?P<{tag}cur>€)\s*)?(?P<{tag}num>{_NUM})(?:\s*(?P<{tag}unit>{_UNIT}))?"


#: Where tables put the target period, most specific first.
_PERIOD_PLACES: Final = tuple(
    _compile(pattern)
    for pattern in (
        rf"\(\s*(?:{_PERIOD_PREFIX})?{_PERIOD_TEXT}\s*\)",  # "60% (eind 2026)"
        rf"^(?:{_PERIOD_PREFIX})?{_PERIOD_TEXT}\s*:\s*",  # "2027: 60%"
        rf"^{_PERIOD_PREFIX}{_PERIOD_TEXT}\s*,?\s+",  # "in 2027 minimaal 60%"
        rf"\s*,?\s+{_PERIOD_PREFIX}{_PERIOD_TEXT}$",  # "60% in 2027"
        rf"(?:\s*,\s+|(?<=%)\s+){_PERIOD_TEXT}$",  # "60%, 2027", "60% 2027"
    )
)
_WINDOW: Final = _compile(
    rf"binnen\s+(?P<n>{_COUNT})\s+jaar\s*,?\s*\(?\s*(?:gerekend\s+)?(?:vanaf|na|sinds)\s+(?P<y>{_YEAR})\s*\)?"
    rf"|(?:vanaf|na)\s+(?P<y2>{_YEAR})\s*,?\s*binnen\s+(?P<n2>{_COUNT})\s+jaar"
)
_LABEL: Final = _compile(rf"^{_alternatives(LABEL_WORDS)}(?:\s*:\s*|\s+(?={_PERIOD_TEXT}\s*:))")
_LOOSE_START: Final = _compile(rf"(?<!{_L})(?:vanaf|sinds|na)\s+{_YEAR}")
_LOOSE_WINDOW: Final = _compile(rf"(?<!{_L})binnen\s+{_COUNT}\s+jaar")
_REFERENCE_BEFORE: Final = _compile(rf"(?<!{_L}){_alternatives(REFERENCE_WORDS)}\s*\(?\s*$")
_REFUSALS: Final = tuple((_compile(rf"(?<!{_L})(?:{words}){_END}"), why) for words, why in REFUSALS)
_NUMBER: Final = re.compile(_NUM)
_PER_YEAR: Final = _compile(r"(?:^|\s)per\s+jaar$")


# -- Reading --


def read_target(text: str) -> TargetReading:
    """What the target phrase ``text`` says; :class:`UnreadableTarget` when koers cannot tell.

    Case, extra whitespace and trailing punctuation do not matter.
    """
    phrase = " ".join(str(text).split())
    _refuse(phrase)
    window, core = _take_window(_LABEL.sub("", _clean(phrase)), phrase)
    period, core = _take_period(_clean(core), phrase)
    if window is not None and period is not None:
        raise UnreadableTarget(phrase, TWO_PERIODS)
    period = window or period
    core = _clean(core)
    if _LOOSE_START.search(core):
        raise UnreadableTarget(phrase, START_WITHOUT_WINDOW)
    if _LOOSE_WINDOW.search(core):
        raise UnreadableTarget(phrase, WINDOW_WITHOUT_START)
    if not core:
        raise UnreadableTarget(phrase, NOTHING_FOUND)
    for pattern, build in _READERS:
        match = pattern.match(core)
        if match:
            return replace(build(match, phrase), period=period)
    raise UnreadableTarget(phrase, TWO_VALUES if len(_NUMBER.findall(core)) > 1 else NOTHING_FOUND)


def _clean(text: str) -> str:
    """Without the punctuation tables leave around a phrase ("60%.", "; 2027")."""
    return re.sub(r"^[\s,;:]+|[\s.,;:!?]+$", "", " ".join(text.split()))


def _key(written: str) -> str:
    """A matched word as the key of its table: lower case, single spaces."""
    return " ".join(written.lower().split())


def _refuse(phrase: str) -> None:
    """Refuse an empty phrase, a placeholder and words that say no better side."""
    squeezed = re.sub(r"[\s.]", "", phrase.lower())
    if squeezed in PLACEHOLDERS:
        raise UnreadableTarget(phrase, NOT_SET)
    if not _clean(phrase):
        raise UnreadableTarget(phrase, EMPTY)
    for pattern, why in _REFUSALS:
        if pattern.search(phrase):
            raise UnreadableTarget(phrase, why)


def _take_window(core: str, phrase: str) -> tuple[Period | None, str]:
    """'binnen 3 jaar vanaf 2024' is the period 2027: the start year plus the years."""
    match = _WINDOW.search(core)
    if not match:
        return None, core
    count = match["n"] or match["n2"]
    years = int(count) if count.isdigit() else COUNT_WORDS[count.lower()]
    start = int(match["y"] or match["y2"])
    return _period(str(start + years), phrase), core[: match.start()] + " " + core[match.end() :]


def _take_period(core: str, phrase: str) -> tuple[Period | None, str]:
    """The target period, from one of the places tables write it, and the phrase without it."""
    found: list[str] = []
    searching = True
    while searching:
        searching = False
        for place in _PERIOD_PLACES:
            match = place.search(core)
            if match and not _REFERENCE_BEFORE.search(core[: match.start()]):
                found.append(match["period"])
                core = _clean(core[: match.start()] + " " + core[match.end() :])
                searching = True
                break
    if len(found) > 1:
        raise UnreadableTarget(phrase, TWO_PERIODS)
    return (_period(found[0], phrase), core) if found else (None, core)


def _period(text: str, phrase: str) -> Period:
    try:
        return parse_period(text)
    except PeriodError as error:
        raise UnreadableTarget(
            phrase, YEARS_AMBIGUOUS if error.code == "ambiguous-period" else PERIOD_UNCLEAR
        ) from None


def _plain(written: str) -> str:
    """A Dutch number as Python writes it: '1.100' -> '1100', '60,5' -> '60.5'."""
    digits = written.replace(".", "") if _THOUSANDS.fullmatch(written) else written
    return digits.replace(",", ".")


def _number(written: str) -> float:
    return float(_plain(written))


def _unit_text(match: re.Match[str], tag: str = "") -> str | None:
    """The unit as written: '€', 'kinderen', 'per 1.000 inwoners' (both for '€ 5 per inwoner')."""
    parts = [part for part in (match[f"{tag}cur"], match[f"{tag}unit"]) if part]
    return " ".join(" ".join(parts).split()) or None


def _bound(match: re.Match[str], phrase: str) -> _Bound | None:
    """The one bound word of a phrase; two ('minimaal ... of lager') cannot both be meant."""
    groups = match.groupdict()
    bounds = [BOUNDS_BEFORE[_key(groups[name])] for name in ("bound", "bound2") if groups.get(name)]
    if groups.get("after"):
        bounds.append(BOUNDS_AFTER[_key(groups["after"])])
    if len(set(bounds)) > 1:
        raise UnreadableTarget(phrase, TWO_BOUNDS)
    return bounds[0] if bounds else None


def _with_phrase(canonical: str, phrase: str) -> Change:
    """A change read by targets.parse_change from its canonical form, kept as the plan wrote it."""
    return replace(parse_change(canonical), as_written=phrase)


def _amount_change(sign: str, match: re.Match[str], phrase: str) -> tuple[Change, str | None]:
    """The change an amount makes ('5%', '2 procentpunt', '150 plaatsen'), with its unit words."""
    plain = _plain(match["num"])
    if match["pp"]:
        return _with_phrase(f"{sign}{plain} pp", phrase), match["pp"]
    if match["pct"]:
        return _with_phrase(f"{sign}{plain}%{' per jaar' if match['yearly'] else ''}", phrase), None
    unit = _unit_text(match)
    if unit and _PER_YEAR.search(unit):
        raise UnreadableTarget(phrase, YEARLY_POINTS)
    amount = float(plain)
    return Change(ChangeKind.POINTS, -amount if sign == "-" else amount, phrase), unit


def _change_reading(change: Change, bound: _Bound | None, unit: str | None = None) -> TargetReading:
    """A change with its direction: the sign's, or a bound's side of it.

    "ten minste 100 minder" means at most the baseline - 100: a bound on the side of the change.
    """
    if change.amount == 0:
        direction = bound.direction if bound else None
    elif bound is None:
        direction = Direction.INCREASE if change.amount > 0 else Direction.DECREASE
    else:
        same_side = (change.amount > 0) == (bound.direction is Direction.AT_LEAST)
        direction = Direction.AT_LEAST if same_side else Direction.AT_MOST
    return TargetReading(direction=direction, change=change, strict=bool(bound and bound.strict), unit_text=unit)


# -- The phrase families: a pattern on the phrase without its period, and what it says --


def _keep(match: re.Match[str], phrase: str) -> TargetReading:
    """'handhaven', 'gelijk aan nulmeting'; with a margin ('± 2 procentpunt') the goal is symmetric."""
    change = Change(ChangeKind.EQUAL, 0.0, phrase)
    if not match["tol"]:
        return TargetReading(change=change)
    return TargetReading(direction=Direction.MAINTAIN, change=change, tolerance=_tolerance(match, phrase))


def _tolerance(match: re.Match[str], phrase: str) -> Tolerance:
    """The margin, read by targets.parse_tolerance from its canonical form, kept as written."""
    written = match["tolunit"] or ""
    unit = "" if not written else " pp" if re.fullmatch(_PP, written, re.IGNORECASE) else "%"
    try:
        tolerance = parse_tolerance(f"{_plain(match['tolnum'])}{unit}")
    except ValueError:
        raise UnreadableTarget(phrase, MARGIN_UNCLEAR) from None
    return replace(tolerance, as_written=" ".join(match["tol"].split()))


def _keep_bound(match: re.Match[str], phrase: str) -> TargetReading:
    """'niet lager dan nu', 'minimaal gelijk', 'gelijk of lager': the baseline as a bound."""
    return _change_reading(Change(ChangeKind.EQUAL, 0.0, phrase), _bound(match, phrase))


def _fixed(match: re.Match[str], phrase: str) -> TargetReading:
    """'halvering', 'verdubbeling'."""
    change = _with_phrase(f"{FIXED_CHANGES[_key(match['fixed'])]:+g}%", phrase)
    return _change_reading(change, _bound(match, phrase))


def _signed(match: re.Match[str], phrase: str) -> TargetReading:
    """'+5%', '-5 pp', '+10% per jaar', '+40 plaatsen'."""
    change, unit = _amount_change(match["sign"], match, phrase)
    return _change_reading(change, _bound(match, phrase), unit)


def _directed(match: re.Match[str], phrase: str) -> TargetReading:
    """'daling van 5%', '5% lager', 'een toename van 40 plaatsen', 'ten minste 100 minder'."""
    sign = "+" if DIRECTION_WORDS[_key(match["dir"])] is Direction.INCREASE else "-"
    change, unit = _amount_change(sign, match, phrase)
    return _change_reading(change, _bound(match, phrase), unit)


def _towards(match: re.Match[str], phrase: str) -> TargetReading:
    """'toename naar 250', 'daling tot 10'; 'stijging tot minimaal 60%' is a bound."""
    bound = _bound(match, phrase)
    direction = bound.direction if bound else DIRECTION_WORDS[_key(match["dir"])]
    return TargetReading(
        direction=direction,
        value=_number(match["vnum"]),
        strict=bool(bound and bound.strict),
        unit_text=_unit_text(match, "v"),
    )


def _band(match: re.Match[str], phrase: str) -> TargetReading:
    """'tussen 60 en 65%', 'bandbreedte 65-70%, gelijk of hoger'; '2026-2027' is no band."""
    keyword = _key(match["kw"] or "")
    if _key(match["sep"]) == "en" and keyword != "tussen":
        raise UnreadableTarget(phrase, TWO_VALUES)
    low, high = _number(match["lnum"]), _number(match["hnum"])
    low_unit, high_unit = _unit_text(match, "l"), _unit_text(match, "h")
    if not keyword and not low_unit and not high_unit and all(_is_year(match[n]) for n in ("lnum", "hnum")):
        raise UnreadableTarget(phrase, YEARS_AMBIGUOUS)
    if low_unit and high_unit and _key(low_unit) != _key(high_unit):
        raise UnreadableTarget(phrase, BAND_UNITS)
    if low >= high:
        raise UnreadableTarget(phrase, BAND_ORDER)
    bound = _bound(match, phrase)
    band_open = None if bound is None else BandOpen.ABOVE if bound.direction is Direction.AT_LEAST else BandOpen.BELOW
    return TargetReading(low=low, high=high, band_open=band_open, unit_text=high_unit or low_unit)


def _is_year(written: str) -> bool:
    return bool(re.fullmatch(_YEAR, written))


def _value_reading(match: re.Match[str], phrase: str) -> TargetReading:
    """'60%', '250 kinderen', 'minimaal 60%', '≥ 60%', 'lager dan 10', '60% of hoger'."""
    bound = _bound(match, phrase)
    return TargetReading(
        direction=bound.direction if bound else None,
        value=_number(match["vnum"]),
        strict=bool(bound and bound.strict),
        unit_text=_unit_text(match, "v"),
    )


def _direction_only(match: re.Match[str], phrase: str) -> TargetReading:
    """'toename', 'daalt', 'neemt af': which way, and no value."""
    return TargetReading(direction=DIRECTION_WORDS[_key(match["dir"])])


def _unsigned_points(match: re.Match[str], phrase: str) -> TargetReading:
    """'2 procentpunt' says how much, not which way: refused."""
    raise UnreadableTarget(phrase, CHANGE_WITHOUT_SIDE)


_Build = Callable[[re.Match[str], str], TargetReading]
_AND_AFTER: Final = rf"(?:\s*,?\s*(?:gelijk\s+)?{_AFTER})?"
#: The phrase families in the order they are tried; the first whole match wins.
_READERS: Final[tuple[tuple[re.Pattern[str], _Build], ...]] = tuple(
    (_compile(pattern), build)
    for pattern, build in (
        (rf"^(?:{_alternatives(KEEP_WORDS)})(?:\s+(?:op|aan)\s+{_LEVEL})?{_MARGIN}$", _keep),
        (rf"^(?:{_BEFORE}(?:gelijk(?:\s+aan\s+{_LEVEL})?|{_LEVEL})|gelijk\s+{_AFTER}{_COMPARED})$", _keep_bound),
        (rf"^(?:{_BEFORE})?(?:een\s+)?(?P<fixed>{_alternatives(FIXED_CHANGES)}){_COMPARED}$", _fixed),
        (rf"^(?:{_BEFORE})?(?P<sign>[+-])\s*{_AMOUNT}{_COMPARED}$", _signed),
        (rf"^(?:{_BEFORE})?(?:een\s+)?{_DIRECTION}\s+(?:van|met)\s+(?:{_BEFORE2})?{_AMOUNT}{_COMPARED}$", _directed),
        (rf"^(?:{_BEFORE})?(?:met\s+)?(?:{_BEFORE2})?{_AMOUNT}\s+{_DIRECTION}{_COMPARED}$", _directed),
        (
            rf"^(?:{_BEFORE})?(?:een\s+)?{_DIRECTION}\s+(?:naar|tot(?:\s+en\s+met)?)\s+(?:{_BEFORE2})?{_value('v')}$",
            _towards,
        ),
        (
            rf"^(?:(?P<kw>bandbreedte|tussen){_END}\s*:?\s*(?:van\s+)?(?:de\s+)?|van\s+)?{_value('l')}"
            rf"\s*(?P<sep>-|–|—|tot(?:\s+en\s+met)?{_END}|à|a{_END}|en{_END})\s*(?:de\s+)?{_value('h')}{_AND_AFTER}$",
            _band,
        ),
        (rf"^(?:{_BEFORE}(?:de\s+)?)?{_value('v')}{_AND_AFTER}$", _value_reading),
        (rf"^(?:een\s+)?{_DIRECTION}{_COMPARED}$", _direction_only),
        (rf"^(?:{_BEFORE})?{_NUM}\s*{_PP}$", _unsigned_points),
    )
)
