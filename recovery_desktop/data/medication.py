"""Medications, their schedule spans and taper notes, and the doses ticked taken or missed.

Every write is one transaction announcing ``Change.MEDICATION``. The ticks are the one
source of truth for the check-in's "Medication taken" (docs/decisions.md "Medication and
visits"): a tick on a day that expects doses writes the derived answer into that day's
check-in, when there is one, in the same transaction (and announces ``Change.CHECKINS``).
Records are checked by ``Medication.validate`` first (``MedicationError``, a ``ValueError``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timezone
from typing import TYPE_CHECKING

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.errors import MedicationMissing
from recovery_desktop.data.medication_rows import (
    MEDICATION_COLUMNS,
    SPAN_COLUMNS,
    clock,
    dose_from_row,
    medication_from_row,
    medication_values,
    note_from_row,
    schedule_values,
    span_from_row,
)
from recovery_desktop.domain.dates import check_day
from recovery_desktop.domain.dose_day import (
    DueDose,
    doses_of_day,
    expects_doses,
    in_time_order,
    medication_answer,
)
from recovery_desktop.domain.medication import (
    Adherence,
    DoseMark,
    DoseRecord,
    ExpectedDose,
    Medication,
    MedicationError,
    Schedule,
    ScheduleSpan,
    TaperNote,
    adherence,
    expected_doses,
)
from recovery_desktop.domain.periods import monday_of

if TYPE_CHECKING:
    from sqlite_utils import Database


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class MedicationRepository:
    """The ``medications``, ``medication_schedules``, ``medication_doses`` and
    ``taper_notes`` tables."""

    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    # -- medications ---------------------------------------------------------------------
    def medications(self, today: date | None = None) -> list[Medication]:
        """Every medication, stopped ones too: those active ``today`` (default: the
        computer's date) or later first, then by the user's order."""
        today = today or date.today()
        found = self._read(f"SELECT {MEDICATION_COLUMNS} FROM medications ORDER BY position, id")
        return sorted(found, key=lambda m: m.stopped is not None and m.stopped < today)

    def get(self, medication_id: int) -> Medication:
        """Raises :class:`MedicationMissing` when it is no longer in the journal."""
        found = self._read(
            f"SELECT {MEDICATION_COLUMNS} FROM medications WHERE id = ?", [medication_id]
        )
        if not found:
            raise MedicationMissing()
        return found[0]

    def _read(self, sql: str, values: list[object] | None = None) -> list[Medication]:
        with sql_errors():
            rows = self._db.execute(sql, values or []).fetchall()
            spans = self._spans_of([int(row[0]) for row in rows])
        return [
            medication_from_row(row, max(spans[row[0]], key=lambda s: s.since).schedule)
            for row in rows
            if spans[row[0]]
        ]

    def _spans_of(self, ids: list[int]) -> dict[int, list[ScheduleSpan]]:
        found: dict[int, list[ScheduleSpan]] = {i: [] for i in ids}
        rows = self._db.execute(
            f"SELECT medication_id, {SPAN_COLUMNS} FROM medication_schedules ORDER BY since"
        ).fetchall()
        for row in rows:
            if row[0] in found:
                found[row[0]].append(span_from_row(row[1:]))
        return found

    def spans(self, medication_id: int) -> list[ScheduleSpan]:
        """The schedules the medication had, oldest first; each in force from its
        ``since`` until the next one starts."""
        with sql_errors():
            return self._spans_of([medication_id])[medication_id]

    def add(self, medication: Medication, today: date) -> Medication:
        """Store a new medication (last in the list) with its schedule in force from its
        start date, else from ``today``; returns it with its id. Raises
        ``MedicationError`` (a ``ValueError``) for a record that cannot be saved."""
        medication.validate()
        since = check_day(medication.started or today)
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            position = self._db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM medications"
            ).fetchone()[0]
            cursor = self._db.execute(
                f"INSERT INTO medications ({MEDICATION_COLUMNS}, position, created_at) "
                "VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [*medication_values(medication), position, _now()],
            )
            medication_id = int(cursor.lastrowid or 0)
            self._insert_span(medication_id, ScheduleSpan(since, medication.schedule))
        return self.get(medication_id)

    def _insert_span(self, medication_id: int, span: ScheduleSpan) -> None:
        self._db.execute(
            f"INSERT INTO medication_schedules (medication_id, {SPAN_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [medication_id, span.since.isoformat(), *schedule_values(span.schedule)],
        )

    def update(self, medication: Medication, today: date) -> None:
        """Save an edited medication. A changed schedule is in force from ``today``: past
        days keep the one they had (a span starting today, or later, is replaced). A start
        date moved earlier than the first schedule takes the first schedule with it.
        Raises ``MedicationError`` or :class:`MedicationMissing`."""
        medication.validate()
        assert medication.id is not None
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            spans = self.spans(medication.id)
            if not spans:
                raise MedicationMissing()
            self._db.execute(
                "UPDATE medications SET name = ?, kind = ?, dose = ?, started = ?, stopped = ?, "
                "prescriber = ?, notes = ?, clinic_days = ?, take_home_days = ? WHERE id = ?",
                [*medication_values(medication), medication.id],
            )
            latest = spans[-1]
            if latest.schedule != medication.schedule:
                if latest.since >= today:
                    self._set_span(medication.id, latest.since, medication.schedule)
                else:
                    self._insert_span(medication.id, ScheduleSpan(today, medication.schedule))
            if medication.started and medication.started < spans[0].since:
                self._db.execute(
                    "UPDATE medication_schedules SET since = ? WHERE medication_id = ? "
                    "AND since = ?",
                    [medication.started.isoformat(), medication.id, spans[0].since.isoformat()],
                )

    def _set_span(self, medication_id: int, since: date, schedule: Schedule) -> None:
        self._db.execute(
            "UPDATE medication_schedules SET repeat = ?, times = ?, weekdays = ?, every = ?, "
            "anchor = ? WHERE medication_id = ? AND since = ?",
            [*schedule_values(schedule), medication_id, since.isoformat()],
        )

    def stop(self, medication_id: int, last_day: date) -> None:
        """Stop the medication after ``last_day`` (the last day taken); its history stays.
        Raises ``MedicationError`` when ``last_day`` is before its start date."""
        medication = self.get(medication_id)
        if medication.started and last_day < medication.started:
            raise MedicationError("The stop date cannot come before the start date.")
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            self._db.execute(
                "UPDATE medications SET stopped = ? WHERE id = ?",
                [check_day(last_day).isoformat(), medication_id],
            )

    def delete(self, medication_id: int) -> None:
        """Remove the medication with all its history: schedules, ticks, taper notes (the
        user confirmed first)."""
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            self._db.execute("DELETE FROM medications WHERE id = ?", [medication_id])

    def count(self) -> int:
        """How many medications the journal holds, stopped ones too."""
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM medications").fetchone()[0])

    # -- taper notes ---------------------------------------------------------------------
    def taper_notes(self, medication_id: int) -> list[TaperNote]:
        """The medication's taper notes, oldest first."""
        with sql_errors():
            rows = self._db.execute(
                "SELECT id, day, text FROM taper_notes WHERE medication_id = ? ORDER BY day, id",
                [medication_id],
            ).fetchall()
        return [note_from_row(row) for row in rows]

    def add_taper_note(self, medication_id: int, note: TaperNote) -> TaperNote:
        """Store a note; returns it with its id. Raises ``MedicationError`` for an empty or
        too long text, :class:`MedicationMissing` when the medication is gone."""
        check_day(note.day)
        if not note.text.strip():
            raise MedicationError("Please write the note first.")
        if len(note.text) > 2000:
            raise MedicationError("A note can be at most 2000 characters.")
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            self.get(medication_id)
            cursor = self._db.execute(
                "INSERT INTO taper_notes (medication_id, day, text) VALUES (?, ?, ?)",
                [medication_id, note.day.isoformat(), note.text],
            )
        return TaperNote(note.day, note.text, int(cursor.lastrowid or 0))

    def remove_taper_note(self, note_id: int) -> None:
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            self._db.execute("DELETE FROM taper_notes WHERE id = ?", [note_id])

    # -- doses ---------------------------------------------------------------------------
    def _active_on(self, first: date, last: date) -> list[tuple[Medication, list[ScheduleSpan]]]:
        """Medications active on some day from ``first`` to ``last``, with their spans."""
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {MEDICATION_COLUMNS} FROM medications "
                "WHERE (started IS NULL OR started <= ?) AND (stopped IS NULL OR stopped >= ?) "
                "ORDER BY position, id",
                [last.isoformat(), first.isoformat()],
            ).fetchall()
            spans = self._spans_of([int(row[0]) for row in rows])
        return [
            (medication_from_row(row, spans[row[0]][-1].schedule), spans[row[0]])
            for row in rows
            if spans[row[0]]
        ]

    def _records_between(self, first: date, last: date) -> dict[int, list[DoseRecord]]:
        with sql_errors():
            rows = self._db.execute(
                "SELECT medication_id, day, at, mark, taken_at FROM medication_doses "
                "WHERE day BETWEEN ? AND ? ORDER BY day, at",
                [first.isoformat(), last.isoformat()],
            ).fetchall()
        found: dict[int, list[DoseRecord]] = defaultdict(list)
        for row in rows:
            found[int(row[0])].append(dose_from_row(row[1:]))
        return found

    def doses_on(self, day: date) -> list[DueDose]:
        """The doses of ``day`` in time order: those expected by the medications active
        that day, with their ticks, and each dose logged that no schedule expected ("as
        needed")."""
        records = self._records_between(day, day)
        found: list[DueDose] = []
        for medication, spans in self._active_on(day, day):
            assert medication.id is not None
            found += doses_of_day(medication, spans, records.get(medication.id, []), day)
        return in_time_order(found)

    def has_doses_on(self, day: date) -> bool:
        """Whether some active medication expects a dose on ``day`` ("as needed" does not)."""
        return expects_doses(self.doses_on(day))

    def medication_taken_on(self, day: date) -> bool | None:
        """The check-in's "Medication taken" derived from ``day``'s ticks (see
        :func:`~recovery_desktop.domain.dose_day.medication_answer`); None also on a day
        that expects no dose (:meth:`has_doses_on` tells the two apart)."""
        return medication_answer(self.doses_on(day))

    def answers_between(self, first: date, last: date) -> dict[date, bool | None]:
        """The derived "Medication taken" of every day from ``first`` to ``last`` that
        expects doses (days without are not keys), read at once (imports, demo data)."""
        records = self._records_between(first, last)
        days: dict[date, list[DueDose]] = defaultdict(list)
        for medication, spans in self._active_on(first, last):
            assert medication.id is not None
            marks = {(r.day, r.at): r.mark for r in records.get(medication.id, [])}
            for dose in expected_doses(spans, first, last, medication.started, medication.stopped):
                mark = marks.get((dose.day, dose.at))
                days[dose.day].append(DueDose(medication.id, "", "", dose.at, mark))
        return {day: medication_answer(doses) for day, doses in days.items()}

    def mark_dose(
        self,
        medication_id: int,
        day: date,
        at: time,
        mark: DoseMark | None,
        taken_at: time | None = None,
    ) -> None:
        """Tick the dose of ``day`` at ``at`` taken (at ``taken_at``, if said) or missed;
        ``mark`` None clears the tick. For an "as needed" medication, a dose taken now is
        ``mark_dose(id, today, now, TAKEN, now)``. In the same transaction, the day's
        check-in (if there is one) takes the answer the ticks give. Raises
        :class:`MedicationMissing` when the medication is gone."""
        check_day(day)
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            self.get(medication_id)
            if mark is None:
                self._db.execute(
                    "DELETE FROM medication_doses WHERE medication_id = ? AND day = ? AND at = ?",
                    [medication_id, day.isoformat(), clock(at)],
                )
            else:
                self._db.execute(
                    "INSERT INTO medication_doses (medication_id, day, at, mark, taken_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (medication_id, day, at) "
                    "DO UPDATE SET mark = excluded.mark, taken_at = excluded.taken_at",
                    [
                        medication_id,
                        day.isoformat(),
                        clock(at),
                        mark.value,
                        clock(taken_at) if taken_at and mark is DoseMark.TAKEN else None,
                    ],
                )
            self._follow_checkin(day)

    def _follow_checkin(self, day: date) -> None:
        doses = self.doses_on(day)
        if not expects_doses(doses):
            return
        answer = medication_answer(doses)
        cursor = self._db.execute(
            "UPDATE checkins SET medication_taken = ? WHERE day = ? AND medication_taken IS NOT ?",
            [None if answer is None else int(answer), day.isoformat(), answer],
        )
        if cursor.rowcount:
            self._changes.announce([Change.CHECKINS])

    def records(self, medication_id: int, first: date, last: date) -> list[DoseRecord]:
        """The medication's ticks from ``first`` to ``last``, in order."""
        return self._records_between(first, last).get(medication_id, [])

    def dose_count(self) -> int:
        """How many doses are ticked (taken or missed), every medication."""
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM medication_doses").fetchone()[0])

    # -- adherence -----------------------------------------------------------------------
    def adherence(
        self, medication_id: int, first: date, last: date, today: date | None = None
    ) -> Adherence:
        """Adherence over the doses expected from ``first`` to ``last``, capped at
        ``today`` (default: the computer's date), e.g. the last 7 or 30 days."""
        medication = self.get(medication_id)
        end = min(last, today or date.today())
        expected = expected_doses(
            self.spans(medication_id), first, end, medication.started, medication.stopped
        )
        return adherence(expected, self.records(medication_id, first, end))

    def adherence_by_week(
        self, first: date, last: date, today: date | None = None
    ) -> dict[int, list[tuple[date, Adherence]]]:
        """Per medication id, the (Monday, adherence) of each ISO week from ``first`` to
        ``last`` (capped at ``today``) in which it expected doses, oldest first."""
        end = min(last, today or date.today())
        records = self._records_between(first, end)
        found: dict[int, list[tuple[date, Adherence]]] = {}
        for medication, spans in self._active_on(first, end):
            assert medication.id is not None
            weeks: dict[date, list[ExpectedDose]] = defaultdict(list)
            for dose in expected_doses(spans, first, end, medication.started, medication.stopped):
                weeks[monday_of(dose.day)].append(dose)
            own = records.get(medication.id, [])
            if weeks:
                found[medication.id] = [
                    (monday, adherence(doses, own)) for monday, doses in sorted(weeks.items())
                ]
        return found

    def missed_between(self, first: date, last: date) -> list[tuple[date, time, str]]:
        """(day, time, medication name) of each dose ticked missed from ``first`` to
        ``last``, in order."""
        with sql_errors():
            rows = self._db.execute(
                "SELECT d.day, d.at, m.name FROM medication_doses d "
                "JOIN medications m ON m.id = d.medication_id "
                "WHERE d.mark = 'missed' AND d.day BETWEEN ? AND ? ORDER BY d.day, d.at, m.name",
                [first.isoformat(), last.isoformat()],
            ).fetchall()
        return [
            (record.day, record.at, str(row[2]))
            for row in rows
            for record in [dose_from_row([row[0], row[1], "missed", None])]
        ]
