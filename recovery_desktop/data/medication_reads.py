"""Reading medications, their schedule spans, taper notes and dose ticks, and what they
add up to: a day's doses, the check-in's derived "Medication taken", adherence. The
writes are :class:`~recovery_desktop.data.medication.MedicationRepository`'s."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, time
from typing import TYPE_CHECKING

from recovery_desktop.data.changes import ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.errors import MedicationMissing
from recovery_desktop.data.medication_rows import (
    MEDICATION_COLUMNS,
    SPAN_COLUMNS,
    dose_from_row,
    medication_from_row,
    note_from_row,
    span_from_row,
)
from recovery_desktop.domain.dose_day import (
    DueDose,
    doses_of_day,
    expects_doses,
    in_time_order,
    medication_answer,
    ticks_decide,
)
from recovery_desktop.domain.medication import (
    Adherence,
    DoseMark,
    DoseRecord,
    ExpectedDose,
    Medication,
    ScheduleSpan,
    TaperNote,
    adherence,
    due_so_far,
    expected_doses,
)
from recovery_desktop.domain.periods import monday_of

if TYPE_CHECKING:
    from sqlite_utils import Database


class MedicationReads:
    """The reading half of :class:`~recovery_desktop.data.medication.MedicationRepository`
    (the ``medications``, ``medication_schedules``, ``medication_doses`` and ``taper_notes``
    tables)."""

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

    def count(self) -> int:
        """How many medications the journal holds, stopped ones too."""
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM medications").fetchone()[0])

    def taper_notes(self, medication_id: int) -> list[TaperNote]:
        """The medication's taper notes, oldest first."""
        with sql_errors():
            rows = self._db.execute(
                "SELECT id, day, text FROM taper_notes WHERE medication_id = ? ORDER BY day, id",
                [medication_id],
            ).fetchall()
        return [note_from_row(row) for row in rows]

    # -- doses ---------------------------------------------------------------------------
    def _active_on(self, first: date, last: date) -> list[tuple[Medication, list[ScheduleSpan]]]:
        """Medications active on some day from ``first`` to ``last``, or with a dose
        ticked then (a stopped one's tick is still shown), with their spans."""
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {MEDICATION_COLUMNS} FROM medications "
                "WHERE ((started IS NULL OR started <= ?) AND (stopped IS NULL OR stopped >= ?)) "
                "OR id IN (SELECT medication_id FROM medication_doses WHERE day BETWEEN ? AND ?) "
                "ORDER BY position, id",
                [last.isoformat(), first.isoformat(), first.isoformat(), last.isoformat()],
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

    def ticks_decide_on(self, day: date) -> bool:
        """Whether ``day``'s ticks decide its check-in's "Medication taken" (a dose a
        schedule expects is ticked, :func:`~recovery_desktop.domain.dose_day.ticks_decide`)."""
        return ticks_decide(self.doses_on(day))

    def medication_taken_on(self, day: date) -> bool | None:
        """The check-in's "Medication taken" derived from ``day``'s ticks (see
        :func:`~recovery_desktop.domain.dose_day.medication_answer`); None also on a day
        the ticks do not decide (:meth:`ticks_decide_on` tells the two apart)."""
        doses = self.doses_on(day)
        return medication_answer(doses) if ticks_decide(doses) else None

    def answers_between(self, first: date, last: date) -> dict[date, bool | None]:
        """The derived "Medication taken" of every day from ``first`` to ``last`` that its
        ticks decide (other days are not keys), read at once (imports, demo data, a
        medication added, edited, stopped or deleted)."""
        records = self._records_between(first, last)
        days: dict[date, list[DueDose]] = defaultdict(list)
        for medication, spans in self._active_on(first, last):
            assert medication.id is not None
            marks = {(r.day, r.at): r.mark for r in records.get(medication.id, [])}
            for dose in expected_doses(spans, first, last, medication.started, medication.stopped):
                mark = marks.get((dose.day, dose.at))
                days[dose.day].append(DueDose(medication.id, "", "", dose.at, mark))
        return {day: medication_answer(doses) for day, doses in days.items() if ticks_decide(doses)}

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
        """Adherence over the doses expected from ``first`` to ``last`` that are due so far
        on ``today`` (default: the computer's date; :func:`due_so_far`: the days that are
        over, and today's doses once ticked), e.g. the last 7 or 30 days."""
        medication = self.get(medication_id)
        today = today or date.today()
        end = min(last, today)
        own = self.records(medication_id, first, end)
        expected = expected_doses(
            self.spans(medication_id), first, end, medication.started, medication.stopped
        )
        return adherence(due_so_far(expected, own, today), own)

    def adherence_by_week(
        self, first: date, last: date, today: date | None = None
    ) -> dict[int, list[tuple[date, Adherence]]]:
        """Per medication id, the (Monday, adherence) of each ISO week from ``first`` to
        ``last`` in which doses are due so far on ``today`` (as :meth:`adherence` counts),
        oldest first."""
        today = today or date.today()
        end = min(last, today)
        records = self._records_between(first, end)
        found: dict[int, list[tuple[date, Adherence]]] = {}
        for medication, spans in self._active_on(first, end):
            assert medication.id is not None
            own = records.get(medication.id, [])
            weeks: dict[date, list[ExpectedDose]] = defaultdict(list)
            expected = expected_doses(spans, first, end, medication.started, medication.stopped)
            for dose in due_so_far(expected, own, today):
                weeks[monday_of(dose.day)].append(dose)
            if weeks:
                found[medication.id] = [
                    (monday, adherence(doses, own)) for monday, doses in sorted(weeks.items())
                ]
        return found

    def missed_between(self, first: date, last: date) -> list[tuple[date, time, str]]:
        """(day, time, medication name) of each dose a schedule expects that is ticked
        missed from ``first`` to ``last``, in order (a tick at a time no schedule expects
        any more is not listed, as :func:`adherence` does not count it)."""
        records = self._records_between(first, last)
        found = []
        for medication, spans in self._active_on(first, last):
            assert medication.id is not None
            expected = {
                (d.day, d.at)
                for d in expected_doses(spans, first, last, medication.started, medication.stopped)
            }
            found += [
                (r.day, r.at, medication.name)
                for r in records.get(medication.id, [])
                if r.mark is DoseMark.MISSED and (r.day, r.at) in expected
            ]
        return sorted(found, key=lambda m: (m[0], m[1], m[2]))
