# SPDX-License-Identifier: EUPL-1.2
"""Every closed vocabulary is declared once, and every table that needs a member has it.

The statuses, calendar statuses, report statuses, period kinds, units, directions, frequencies
and severities are enums; what koers says per member lives in one table keyed by the enum.
These tests keep it that way: a table that forgets a member fails here (and at import, through
``koers.domain.vocabulary.every``), not in a report; every label reads back through the parser
that accepts it; and the documents that list a vocabulary list it as the code declares it.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from collections.abc import Mapping
from enum import Enum, StrEnum
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given

import koers
from koers.domain import assessment, judging
from koers.domain.assessment import JUDGED, WORST_FIRST, Status, Thresholds
from koers.domain.calendar import DEFAULT_GRACE_DAYS, DueStatus
from koers.domain.calendar import STATUSES as DUE_STATUSES
from koers.domain.frequency import FREQUENCIES, Frequency, FrequencyCode, parse_frequency_code
from koers.domain.lint import RULES, SEVERITY_LABELS, Severity
from koers.domain.periods import MONTHS, Period, PeriodKind
from koers.domain.plan import AssessmentSettings
from koers.domain.reasons import REASONS
from koers.domain.reporting import REPORT_STATUS_LABELS, ReportStatus
from koers.domain.status import DEFAULT_THRESHOLDS, STATUSES
from koers.domain.targets import DIRECTIONS, Direction
from koers.domain.units import MINIMAL_CHANGES, SHORT_LABELS, Unit, UnitKind, parse_unit_text
from koers.domain.vocabulary import IncompleteVocabulary, every
from koers.i18n import LANGUAGES, _
from koers.store import report_periods
from tests.conftest import ROOT
from tests.domain.strategies import periods

DOCS = ROOT / "docs"

# ---- the tables ------------------------------------------------------------------------------


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


def test_a_table_that_misses_a_member_fails_when_it_is_made() -> None:
    assert every(Colour, {Colour.RED: 1, Colour.BLUE: 2}) == {Colour.RED: 1, Colour.BLUE: 2}
    with pytest.raises(IncompleteVocabulary, match="missing \\['blue'\\]"):
        every(Colour, {Colour.RED: 1})
    with pytest.raises(IncompleteVocabulary, match="not members"):
        every(Colour, {Colour.RED: 1, Colour.BLUE: 2, "green": 3})  # type: ignore[dict-item]  # the point


@pytest.mark.parametrize(
    "table, members",
    [
        (STATUSES, Status),
        (DUE_STATUSES, DueStatus),
        (REPORT_STATUS_LABELS, ReportStatus),
        (FREQUENCIES, FrequencyCode),
        (DIRECTIONS, Direction),
        (SHORT_LABELS, UnitKind),
        (SEVERITY_LABELS, Severity),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_every_vocabulary_table_has_every_member(table: Mapping[Enum, object], members: type[Enum]) -> None:
    assert list(table) == list(members)  # all of them, in the enum's order


def _modules() -> list[ModuleType]:
    names = [m.name for m in pkgutil.walk_packages(koers.__path__, "koers.") if ".migrations" not in m.name]
    return [importlib.import_module(name) for name in names if not name.endswith("__main__")]


def _vocabularies(modules: list[ModuleType]) -> set[type[Enum]]:
    return {
        value
        for module in modules
        if module.__name__.startswith("koers.domain.")
        for value in vars(module).values()
        if inspect.isclass(value) and issubclass(value, Enum) and value.__module__ == module.__name__
    }


#: Tables that speak of some members only, on purpose.
PARTIAL = {
    "koers.domain.frequency._MONTHS_PER_PERIOD",  # a schedule never steps by reference dates
    "koers.domain.areas.CODE_KIND",  # a region has no CBS code of its own
    "koers.demo.SHARE_OF_STEP",  # only the statuses on the path between baseline and target
    "koers.demo.DECIMALS",  # the other units keep the generator's default
    "koers.cli.status.STYLE",  # the judgements in colour; the statuses that are none are dim
    "koers.domain.target_words.BOUND_WORDS",  # only a bound has a word before its value
    "koers.domain.target_words.KEEP_WORDS",  # 'handhaven' on a rise or a fall is first given its side
    "koers.domain.units.SINGULAR_LABELS",  # only the units whose one differs from many
    "koers.domain.evaluability.STATUS_OBSTACLES",  # a judgement has no obstacle: the goal was evaluated
}


def test_every_module_level_table_keyed_by_a_vocabulary_covers_it() -> None:
    """Anywhere in koers: a dict whose keys are members of one domain enum has all of them."""
    modules = _modules()
    vocabularies = _vocabularies(modules)
    assert {Status, PeriodKind, UnitKind, Direction, FrequencyCode, DueStatus, ReportStatus} <= vocabularies
    incomplete, seen = [], []
    for module in modules:
        for name, table in vars(module).items():
            if not isinstance(table, Mapping) or not table or f"{module.__name__}.{name}" in PARTIAL:
                continue
            kinds = {type(key) for key in table}
            if len(kinds) != 1 or (members := kinds.pop()) not in vocabularies:
                continue
            seen.append(f"{module.__name__}.{name}")
            if set(table) != set(members):
                missing = sorted(str(m.value) for m in members if m not in table)
                incomplete.append(f"{module.__name__}.{name} lacks {missing}")
    assert not incomplete, incomplete
    assert "koers.domain.status.STATUSES" in seen and "koers.reports.status_styles.BADGE_COLOURS" in seen


# ---- statuses --------------------------------------------------------------------------------


def test_each_status_says_everything_in_both_languages() -> None:
    for status, info in STATUSES.items():
        for text in (info.label, info.meaning, info.opening, *([info.closing] if info.closing else [])):
            assert text and _(text, "en") != text, (status, text)


def test_the_order_from_bad_to_good_is_a_ranking() -> None:
    assert sorted(info.rank for info in STATUSES.values()) == list(range(len(Status)))
    assert WORST_FIRST[0] is Status.NOT_ACHIEVED and WORST_FIRST[-1] is Status.ACHIEVED
    assert JUDGED == (Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.NOT_ACHIEVED)
    assert [s for s in Status if s.judged] == list(JUDGED)


def test_meanings_carry_the_plans_thresholds() -> None:
    tuned = Thresholds(on_track=0.9, at_risk=0.5)
    assert "minstens 90% van de stap" in Status.ON_TRACK.meaning("nl", tuned)
    assert "50% to 90%" in Status.AT_RISK.meaning("en", tuned)
    assert [status for status, _meaning in tuned.meanings()] == list(Status)


def _reason_codes_used() -> set[str]:
    """The codes the assessment and the judging build reasons with: Reason("code", ...),
    result(status, "code"), and the values of the tables named ``codes`` they pick a code from."""
    used: set[str] = set()
    for module in (assessment, judging):
        used |= _codes_in(ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8")))
    return used


def _codes_in(tree: ast.Module) -> set[str]:
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign)) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "codes" for t in targets):
                used |= {v.value for v in node.value.values if isinstance(v, ast.Constant)}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            position = {"Reason": 0, "result": 1}.get(node.func.id)
            if position is not None and len(node.args) > position:
                used |= {
                    n.value
                    for n in ast.walk(node.args[position])
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)
                }
    return used


def test_every_reason_the_assessment_gives_has_a_text_and_every_text_is_used() -> None:
    assert _reason_codes_used() == set(REASONS)


# ---- thresholds ------------------------------------------------------------------------------


def test_the_thresholds_are_declared_once() -> None:
    settings = AssessmentSettings()
    assert settings.thresholds == DEFAULT_THRESHOLDS == Thresholds()
    assert DEFAULT_THRESHOLDS.grace_days == DEFAULT_GRACE_DAYS
    tuned = AssessmentSettings(on_track=0.9, at_risk=0.5, grace_days=30)
    assert tuned.thresholds == Thresholds(0.9, 0.5, 30)


def test_the_documents_name_the_default_thresholds() -> None:
    t = DEFAULT_THRESHOLDS
    method = (DOCS / "methodology.md").read_text(encoding="utf-8")
    for line in (f"on_track: {t.on_track}", f"at_risk: {t.at_risk}", f"grace_days: {t.grace_days}"):
        assert line in method
    assert f"`on_track` ({t.on_track})" in method and f"`at_risk` ({t.at_risk})" in method
    assert f"`grace_days` ({t.grace_days})" in method
    plan_format = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    assert f"`on_track` (default {t.on_track}), `at_risk` ({t.at_risk}), `grace_days` ({t.grace_days})" in plan_format


# ---- the method in docs/methodology.md -------------------------------------------------------


def status_table(judged: bool) -> str:
    """The Dutch table of statuses in docs/methodology.md, as the code declares them."""
    rows = ["| status | wat het betekent | code |", "| --- | --- | --- |"]
    for status, meaning in DEFAULT_THRESHOLDS.meanings("nl"):
        if status.judged == judged:
            rows.append(f"| **{status.label()}** | {meaning} | `{status.value}` |")
    return "\n".join(rows)


def test_the_method_document_lists_every_status_as_declared() -> None:
    text = (DOCS / "methodology.md").read_text(encoding="utf-8")
    tables = re.findall(r"<!-- statuses: (judged|not judged) [^>]*-->\n(.*?)\n<!-- /statuses -->", text, re.S)
    assert [kind for kind, _table in tables] == ["judged", "not judged"]
    for kind, table in tables:
        expected = status_table(kind == "judged")
        assert table == expected, f"replace the {kind} table in docs/methodology.md with:\n{expected}"


def minimal_change_table() -> str:
    """The table of minimal relevant changes in docs/methodology.md, as koers.domain.units declares it."""
    rows = ["| unit | minimal relevant change |", "| --- | --- |"]
    groups: dict[str, list[str]] = {}
    for kind, rule in MINIMAL_CHANGES.items():
        if rule.absolute is not None:
            words = "1 percentage point" if kind is UnitKind.PERCENTAGE else f"{rule.absolute:g} in the unit"
        else:
            words = f"{(rule.relative or 0) * 100:g}% of the baseline"
        groups.setdefault(words, []).append(kind.value)
    rows += [f"| {', '.join(kinds)} | {words} |" for words, kinds in groups.items()]
    return "\n".join(rows)


def test_the_method_document_lists_the_minimal_changes_as_declared() -> None:
    text = (DOCS / "methodology.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- minimal changes [^>]*-->\n(.*?)\n<!-- /minimal changes -->", text, re.S)
    assert found is not None
    expected = minimal_change_table()
    assert found.group(1) == expected, f"replace the minimal changes table in docs/methodology.md with:\n{expected}"


def test_the_method_document_names_the_order_from_bad_to_good() -> None:
    text = " ".join((DOCS / "methodology.md").read_text(encoding="utf-8").split())
    order = ", ".join(status.label("en") for status in WORST_FIRST)
    assert f"in this order from bad to good: {order}." in text


# ---- the SMART check in docs/smart-check.md --------------------------------------------------


def test_the_smart_check_document_lists_every_rule_with_its_titles() -> None:
    text = (DOCS / "smart-check.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        row = f"| `{rule.code}` | {rule.severity.value} | {rule.title} | {_(rule.title, 'en')} |"
        assert row in text, row
    for severity in Severity:
        assert f"- **{severity.value}** (*{severity.label()}*)" in text


def test_severities_are_ranked_in_their_order() -> None:
    assert [s.rank for s in Severity] == [0, 1, 2]
    assert [s.label() for s in Severity] == ["fout", "waarschuwing", "ter info"]
    assert [s.label("en") for s in Severity] == ["error", "warning", "info"]


# ---- labels read back through the parsers ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@given(period=periods(1950, 2150))
def test_every_period_label_reads_back_as_the_period(lang: str, period: Period) -> None:
    assert Period.parse(period.label(lang)) == period


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_of_period_has_a_label_and_every_month_a_name(lang: str) -> None:
    labels = {kind: Period.parse(example).label(lang) for kind, example in EXAMPLES.items()}
    assert list(labels) == list(PeriodKind)
    assert len(set(labels.values())) == len(PeriodKind)
    names = {Period.month(2024, month).label(lang) for month in range(1, 13)}
    assert len(names) == len(MONTHS) == 12


EXAMPLES = {
    PeriodKind.SCHOOL_YEAR: "2023/2024",
    PeriodKind.YEAR: "2023",
    PeriodKind.HALF_YEAR: "2023-H2",
    PeriodKind.QUARTER: "2023-Q3",
    PeriodKind.MONTH: "2023-03",
    PeriodKind.DATE: "2024-01-01",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_frequency_label_reads_back_as_its_code(lang: str) -> None:
    for code in FrequencyCode:
        assert parse_frequency_code(Frequency(code, code.value).label(lang)) is code


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_unit_label_reads_back_as_its_kind(lang: str) -> None:
    for kind in UnitKind:
        if kind == UnitKind.RATE:
            unit = Unit(kind=kind, per=1000, population="inwoners")
            assert parse_unit_text(unit.label_text(lang)) == unit
        elif SHORT_LABELS[kind]:
            parsed = parse_unit_text(Unit(kind=kind).label_text(lang))
            assert parsed is not None and parsed.kind is kind


def test_every_direction_has_a_label_and_a_side() -> None:
    assert [d.label() for d in Direction] == ["stijgen", "dalen", "minimaal", "maximaal", "gelijk blijven"]
    assert [d.label("en") for d in Direction] == ["increase", "decrease", "at least", "at most", "maintain"]
    assert [d.higher_is_better for d in Direction] == [True, False, True, False, None]
    assert [d.is_bound for d in Direction] == [False, False, True, True, False]


# ---- report statuses -------------------------------------------------------------------------


def test_report_statuses_are_declared_once() -> None:
    assert [s.value for s in ReportStatus] == ["concept", "vastgesteld"]
    assert [s.label() for s in ReportStatus] == ["Concept", "Vastgesteld"]
    assert [s.label("en") for s in ReportStatus] == ["Draft", "Adopted"]
    assert tuple(ReportStatus) == report_periods.STATUSES
    assert (report_periods.CONCEPT, report_periods.ADOPTED) == (ReportStatus.CONCEPT, ReportStatus.ADOPTED)
