# SPDX-License-Identifier: EUPL-1.2
"""What the editor does, apart from HTTP: check and store a measurement, an uploaded file and
an explanation, each change with its audit row.

A typed measurement is checked by the importer itself: the form is one row for
koers.importers.measurements.check_rows, the code that checks every row of a file, so a figure
typed in the editor meets exactly the rules of a figure imported from a file, with the same
messages, and no temporary file is written. Measurements are stored by
koers.store.imports.store_batch and explanations by koers.store.explanations; both own their
transaction, so their audit row is written right after the change, in a transaction of its
own. (Accounts and period statuses write theirs in the same transaction as the change.)

An editor limited to some challenges may only store figures of goals (and BBV indicators)
of those challenges; anything else raises NotAllowed, which the web layer answers with 403.

The editor speaks Dutch; its texts are Dutch message ids (English: koers.i18n, web.po).
"""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, Final

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine

from koers.domain.formatting import format_number
from koers.domain.goals import Goal
from koers.domain.measurements import Measurement
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.i18n import N_, translator
from koers.importers.batch import Batch
from koers.importers.measurements import CheckResult, check_rows
from koers.importers.sources import FileSource
from koers.problems import Problem
from koers.store import audit
from koers.store.accounts import NotAllowed, User
from koers.store.explanations import MAX_LENGTH, latest_explanations, write_explanation
from koers.store.imports import ImportOutcome, Provenance, store_batch
from koers.store.measurements import history
from koers.store.plans import StoredPlan
from koers.store.report_periods import period_status
from koers.web import LANG
from koers.web.snapshot import reporting_period

_ = translator(LANG)  # the editor's words, in the dashboard's language

#: The name a typed row is checked under: it becomes its source_ref when none is given (a
#: stored fact, so it is the same in every language).
MANUAL_FILE = "invoer via beheer"
NEW, REVISED, UNCHANGED = "new", "revised", "unchanged"
UPLOAD_SUFFIXES = (".csv", ".xlsx", ".xlsm")
MAX_UPLOAD_MB = 200
UPLOAD_LIFETIME_S = 24 * 3600


class MeasurementForm(BaseModel):
    """The measurement form as typed; the importer checks it, not this model."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    goal: str = ""
    period: str = ""
    area: str = ""
    value: str = ""
    unavailable: str = ""  # n.b., n.n.b. or n.a.: there is no figure (the reason goes in note)
    status: str = "final"
    source: str = ""
    source_ref: str = ""
    note: str = ""


#: What to do about an empty field of the form, per field (each field is an import column:
#: tests/importers/test_columns.py checks both).
FILL_IN: Final = {
    "goal": N_("Vul het doel in."),
    "period": N_("Vul de periode in."),
    "area": N_("Vul het gebied in."),
    "value": N_("Vul de waarde in."),
    "unavailable": N_("Kies waarom er geen cijfer is."),
    "status": N_("Vul de status in."),
    "source": N_("Vul de bron in."),
    "source_ref": N_("Vul de bronverwijzing in."),
    "note": N_("Vul de opmerking in."),
}


@dataclass(frozen=True)
class Issue:
    """A problem as the editor shows it: which field (and row), what is wrong, what to do."""

    field: str
    message: str
    hint: str = ""
    row: int | None = None


@dataclass(frozen=True)
class Change:
    kind: str  # NEW, REVISED or UNCHANGED
    previous: Measurement | None  # the latest stored version of the point
    version: int  # the version the row becomes (unchanged: the version it repeats)


@dataclass(frozen=True)
class MeasurementCheck:
    form: MeasurementForm
    errors: dict[str, Issue]
    batch: Batch | None = None
    change: Change | None = None
    warnings: list[Issue] = field(default_factory=list)  # stored all the same, worth a look

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class UploadCheck:
    file_name: str
    issues: list[Issue]
    issue_count: int = 0
    token: str | None = None  # set when the file is right and waits to be confirmed
    outcome: ImportOutcome | None = None
    warnings: list[Issue] = field(default_factory=list)  # rows stored all the same, worth a look


# -- who may change what ------------------------------------------------------------------


def challenge_of(plan: Plan, subject: str) -> str | None:
    """The challenge a goal or BBV indicator belongs to (None for a series)."""
    goal = plan.goal(subject)
    if goal is not None:
        return goal.challenge
    return next((b.challenge for b in plan.bbv_indicators if b.id == subject), None)


def may_edit_goal(user: User, goal: Goal) -> bool:
    return user.may_edit(goal.challenge)


def require_goal(user: User, goal: Goal) -> None:
    if not may_edit_goal(user, goal):
        raise NotAllowed(_limited(user, goal.id))


def _may_store(user: User, plan: Plan, batch: Batch) -> None:
    refused = sorted(s for s in batch.subjects if not user.may_edit(challenge_of(plan, s)))
    if refused:
        raise NotAllowed(_limited(user, ", ".join(refused)))


def _limited(user: User, subjects: str) -> str:
    allowed = ", ".join(user.challenges) or _("geen")
    return _(
        "U mag geen gegevens wijzigen van {subjects}. Uw account mag alleen gegevens wijzigen van deze opgaven: "
        "{allowed}.",
        subjects=subjects,
        allowed=allowed,
    )


# -- one measurement ----------------------------------------------------------------------


def check_measurement(engine: Engine, stored: StoredPlan, user: User, form: MeasurementForm) -> MeasurementCheck:
    """Check the form as the importer checks a file, and say what storing it would change."""
    checked = _check_row(stored.plan, form)
    if checked.batch is None:
        return MeasurementCheck(form, {p.field: _form_issue(p) for p in reversed(checked.problems)})
    _may_store(user, stored.plan, checked.batch)
    warnings = [_issue(w) for w in checked.warnings]
    return MeasurementCheck(form, {}, checked.batch, _change(engine, stored.id, checked.batch), warnings)


def store_measurement(engine: Engine, stored: StoredPlan, user: User, form: MeasurementForm) -> MeasurementCheck:
    """Check again (a confirmed form is never trusted), store, then write the audit row."""
    check = check_measurement(engine, stored, user, form)
    if check.batch is None or check.change is None or check.change.kind == UNCHANGED:
        return check
    outcome = store_batch(engine, stored.id, check.batch, Provenance("editor", None, None, user.username))
    if outcome.added:
        audit.write(
            engine,
            user_id=user.id,
            action=audit.MEASUREMENT_ENTER,
            target=_point(check.batch),
            old=_stored_values(check.change.previous),
            new={**_row_values(check.batch), "version": check.change.version},
            details={"import_id": outcome.import_id},
        )
    return check


def _check_row(plan: Plan, form: MeasurementForm) -> CheckResult:
    return check_rows(plan, [form.model_dump()], source_name=MANUAL_FILE)


def _change(engine: Engine, plan_id: int, batch: Batch) -> Change:
    outcome = store_batch(engine, plan_id, batch, Provenance("editor", None, None, None), dry_run=True)
    points = history(engine, plan_id, subject=batch.subject[0], area=batch.area[0])
    previous = next((m for m in reversed(points) if m.period == batch.period[0]), None)
    if previous is None:
        return Change(NEW, None, 1)
    if outcome.unchanged:
        return Change(UNCHANGED, previous, previous.version)
    return Change(REVISED, previous, previous.version + 1)


def _point(batch: Batch) -> str:
    return f"{batch.subject[0]} {batch.period[0].code} {batch.area[0]}"


def _row_values(batch: Batch) -> dict[str, Any]:
    return {
        "value": batch.value_of(0),
        "unavailable": batch.get("unavailable", 0),
        "status": batch.status[0],
        "source": batch.source[0],
        "source_ref": batch.source_ref[0],
        "note": batch.get("note", 0),
    }


def _stored_values(m: Measurement | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {
        "value": m.value,
        "unavailable": m.unavailable.value if m.unavailable is not None else None,
        "status": m.status.value,
        "source": m.source,
        "source_ref": m.source_ref,
        "note": m.note,
        "version": m.version,
    }


#: The importer's problems that a form words otherwise: it has fields where a file has columns.
FORM_WORDS: Final = {
    "unavailable-without-reason": (
        N_("Bij een cijfer dat er niet is, hoort een reden."),
        N_("Schrijf bij Opmerking waarom er geen cijfer is, bijvoorbeeld: CBS publiceert dit cijfer niet meer."),
    ),
    "value-and-unavailable": (
        N_("U hebt een waarde ingevuld en ook gekozen dat er geen cijfer is."),
        N_("Is er geen cijfer? Maak de waarde dan leeg. Is er wel een cijfer? Kies dan bij 'Geen cijfer' niets."),
    ),
}


def _form_issue(problem: Problem) -> Issue:
    """The importer's words, but a form has fields where a file has cells."""
    if problem.code == "missing-value":
        hint = FILL_IN.get(problem.field)
        return Issue(
            problem.field, _("Dit veld is leeg."), _(hint) if hint else _("Vul {name} in.", name=problem.field)
        )
    if problem.code in FORM_WORDS:
        message, hint = FORM_WORDS[problem.code]
        return Issue(problem.field, _(message), _(hint))
    return _issue(problem)


def _issue(problem: Problem) -> Issue:
    return Issue(problem.field, problem.message(LANG), problem.hint(LANG), problem.location.row)


# -- an uploaded file ---------------------------------------------------------------------


def check_upload(
    engine: Engine, stored: StoredPlan, user: User, session_id: int, file_name: str, data: BinaryIO
) -> UploadCheck:
    """Check an uploaded file completely and count what it would change (a dry run); a file
    without problems waits, bound to this session, until it is confirmed."""
    name = safe_file_name(file_name)
    with tempfile.TemporaryDirectory(prefix="koers-upload-") as folder:
        path = Path(folder) / name
        refused = _receive(data, path)
        if refused is not None:
            return UploadCheck(name, [refused], 1)
        source = FileSource(path)
        checked = source.check(stored.plan)
        if checked.batch is None:
            return UploadCheck(name, [_issue(p) for p in checked.problems], checked.problem_count)
        _may_store(user, stored.plan, checked.batch)
        outcome = store_batch(engine, stored.id, checked.batch, Provenance.of(source.origin, None), dry_run=True)
        token = uploads().keep(session_id, path)
    return UploadCheck(name, [], 0, token, outcome, [_issue(w) for w in checked.warnings])


def store_upload(engine: Engine, stored: StoredPlan, user: User, session_id: int, token: str) -> UploadCheck:
    """Store a checked file (checked once more: the plan may have changed), then its audit row."""
    path = uploads().find(session_id, token)
    if path is None:
        gone = Issue(
            "bestand",
            _("Dit bestand is al opgeslagen, of het is te lang geleden gecontroleerd."),
            _("Kies het bestand opnieuw."),
        )
        return UploadCheck("", [gone], 1)
    try:
        source = FileSource(path)
        checked = source.check(stored.plan)
        if checked.batch is None:
            return UploadCheck(path.name, [_issue(p) for p in checked.problems], checked.problem_count)
        _may_store(user, stored.plan, checked.batch)
        outcome = store_batch(engine, stored.id, checked.batch, Provenance.of(source.origin, user.username))
    finally:
        uploads().discard(session_id, token)
    if outcome.added:
        audit.write(
            engine,
            user_id=user.id,
            action=audit.MEASUREMENTS_IMPORT,
            target=path.name,
            new={"rows": outcome.rows, "new": outcome.new, "revised": outcome.revised, "unchanged": outcome.unchanged},
            details={"file_sha256": source.origin.sha256, "import_id": outcome.import_id},
        )
    return UploadCheck(path.name, [], 0, None, outcome)


def safe_file_name(name: str | None) -> str:
    """The uploaded file's own name, without folders or characters a file system may mind."""
    plain = re.sub(r"[^\w.\- ]", "_", Path(name or "").name).lstrip(". ")
    return plain[-100:] or "bestand"


def _receive(data: BinaryIO, path: Path) -> Issue | None:
    if path.suffix.lower() not in UPLOAD_SUFFIXES:
        return Issue(
            "bestand", _("Dit is geen CSV- of Excel-bestand."), _("Kies een bestand dat eindigt op .csv of .xlsx.")
        )
    size = 0
    with path.open("wb") as out:
        while block := data.read(1 << 20):
            size += len(block)
            if size > MAX_UPLOAD_MB * 1024 * 1024:
                return Issue(
                    "bestand",
                    _("Het bestand is groter dan {size} MB.", size=MAX_UPLOAD_MB),
                    _("Verdeel de metingen over een paar kleinere bestanden."),
                )
            out.write(block)
    return None


class PendingUploads:
    """Checked files that wait for confirmation, each in a private folder named after the
    session and a random token, so nobody can confirm another session's file; a file left
    unconfirmed is removed after a day. One folder per process (koers serve runs one)."""

    TOKEN = re.compile(r"^[0-9a-f]{32}$")

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="koers-uploads-"))

    def keep(self, session_id: int, source: Path) -> str:
        self._clear_old()
        token = secrets.token_hex(16)
        folder = self._folder(session_id, token)
        folder.mkdir(mode=0o700)
        shutil.move(source, folder / source.name)
        return token

    def find(self, session_id: int, token: str) -> Path | None:
        if not self.TOKEN.match(token):
            return None
        folder = self._folder(session_id, token)
        files = sorted(folder.iterdir()) if folder.is_dir() else []
        return files[0] if files else None

    def discard(self, session_id: int, token: str) -> None:
        if self.TOKEN.match(token):
            shutil.rmtree(self._folder(session_id, token), ignore_errors=True)

    def _folder(self, session_id: int, token: str) -> Path:
        return self.root / f"{session_id}-{token}"

    def _clear_old(self) -> None:
        limit = time.time() - UPLOAD_LIFETIME_S
        for folder in self.root.iterdir():
            if folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)


@cache
def uploads() -> PendingUploads:
    return PendingUploads()


# -- explanations and periods -------------------------------------------------------------


def reporting_periods(plan: Plan, today: date) -> list[Period]:
    """The half years the plan reports on so far, oldest first, up to the latest ended one."""
    last = reporting_period(today)
    periods = [Period.half_year(min(plan.start_year, last.start.year), 1)]
    while periods[-1] < last:
        periods.append(periods[-1].shift(1))
    return periods


def save_explanation(
    engine: Engine, stored: StoredPlan, user: User, goal: Goal, period: Period, text: str
) -> Issue | None:
    """Store a new version (and its audit row), or say what is wrong; the same text adds nothing."""
    require_goal(user, goal)
    problem = explanation_problem(engine, stored.id, period, text)
    if problem is not None:
        return problem
    old = latest_explanations(engine, stored.id, period).get(goal.id)
    if old is not None and old.text == text.strip():
        return None
    new = write_explanation(engine, stored.id, goal.id, period, text, author=user.display_name)
    audit.write(
        engine,
        user_id=user.id,
        action=audit.EXPLANATION_WRITE,
        target=f"{goal.id} {period.code}",
        old=old.text if old else None,
        new=new.text,
        details={"version": new.version},
    )
    return None


def explanation_problem(engine: Engine, plan_id: int, period: Period, text: str) -> Issue | None:
    if period_status(engine, plan_id, period).adopted:
        return Issue(
            "periode",
            _("De periode {period} is vastgesteld.", period=period.label(LANG)),
            _(
                "Een toelichting bij een vastgestelde periode verandert niet meer. Vraag een beheerder om "
                "de periode terug te zetten naar concept."
            ),
        )
    if not text.strip():
        return Issue("tekst", _("De toelichting is leeg."), _("Schrijf eerst een toelichting."))
    if len(text.strip()) > MAX_LENGTH:
        return Issue(
            "tekst",
            _("De toelichting is langer dan {limit} tekens.", limit=format_number(MAX_LENGTH, LANG)),
            _("Maak de tekst korter."),
        )
    return None
