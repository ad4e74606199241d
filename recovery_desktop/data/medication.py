"""Medications, their schedule spans and taper notes, and the doses ticked taken or missed.

Every write is one transaction announcing ``Change.MEDICATION``. The ticks are the one
source of truth for the check-in's "Medication taken" once a dose of the day is ticked
(docs/decisions.md "Medication taken: the ticks decide once ticked"): a tick, and adding,
editing, stopping or deleting a medication, write the derived answer into the check-ins of
the days the ticks decide, in the same transaction (announcing ``Change.CHECKINS`` when a
row changed); a day the ticks stop deciding by that change becomes not answered (None, never
a stale derived answer); a day they never decided keeps the user's answer.
Records are checked by ``Medication.validate`` first (``MedicationError``, a ``ValueError``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timezone

from recovery_desktop.data.changes import Change
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.errors import (
    DoseAlreadyLogged,
    DoseNoLongerScheduled,
    MedicationMissing,
)
from recovery_desktop.data.medication_reads import MedicationReads
from recovery_desktop.data.medication_rows import (
    MEDICATION_COLUMNS,
    SPAN_COLUMNS,
    clock,
    medication_values,
    schedule_values,
)
from recovery_desktop.domain.dates import check_day
from recovery_desktop.domain.dose_day import DueDose, medication_answer, ticks_decide
from recovery_desktop.domain.medication import (
    DoseMark,
    DoseRecord,
    Medication,
    MedicationError,
    Schedule,
    ScheduleSpan,
    TaperNote,
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class MedicationRepository(MedicationReads):
    """The ``medications``, ``medication_schedules``, ``medication_doses`` and
    ``taper_notes`` tables: every read of :class:`MedicationReads`, and the writes."""

    # -- medications ---------------------------------------------------------------------
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
            decided = self._decided_from(since)
            medication_id = int(cursor.lastrowid or 0)
            self._insert_span(medication_id, ScheduleSpan(since, medication.schedule))
            self._rederive_from(since, decided)
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
            before = self.get(medication.id)
            first = _earliest(spans[0].since, before, medication, today)
            decided = self._decided_from(first)
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
            self._rederive_from(first, decided)

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
        first = min(check_day(last_day), medication.stopped or last_day)
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            decided = self._decided_from(first)
            self._db.execute(
                "UPDATE medications SET stopped = ? WHERE id = ?",
                [last_day.isoformat(), medication_id],
            )
            self._rederive_from(first, decided)

    def delete(self, medication_id: int) -> None:
        """Remove the medication with all its history: schedules, ticks, taper notes (the
        user confirmed first)."""
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            spans = self.spans(medication_id)
            first = spans[0].since if spans else None
            decided = self._decided_from(first) if first else {}
            self._db.execute("DELETE FROM medications WHERE id = ?", [medication_id])
            if first:
                self._rederive_from(first, decided)

    # -- taper notes ---------------------------------------------------------------------
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
        ``mark_dose(id, today, now, TAKEN, now)``; the time an "as needed" dose was logged
        is the dose, so ``taken_at`` is not stored for it (it stays taken at ``at``). In the
        same transaction, the day's check-in (if there is one) takes the answer the ticks
        give, or None when they stop deciding it. Raises :class:`MedicationMissing` when the
        medication is gone, :class:`DoseNoLongerScheduled` when a tick no schedule expects
        any more would change to another mark (it can only be cleared)."""
        check_day(day)
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            self.get(medication_id)
            doses = self.doses_on(day)
            unscheduled = _unscheduled(doses, medication_id, at)
            if unscheduled is not None and mark is not None:
                if unscheduled.no_longer_scheduled and mark is not unscheduled.mark:
                    raise DoseNoLongerScheduled()
                taken_at = at
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
            self._follow_checkin(day, ticks_decide(doses))

    def log_dose(self, medication_id: int, day: date, at: time) -> None:
        """Log one dose taken on ``day`` at ``at`` (an "as needed" medication's "Log a
        dose"). Raises :class:`DoseAlreadyLogged` when a dose of that medication is already
        ticked at that minute (nothing is stored over it), :class:`MedicationMissing` when
        the medication is gone."""
        check_day(day)
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            self.get(medication_id)
            decided = self.ticks_decide_on(day)
            cursor = self._db.execute(
                "INSERT INTO medication_doses (medication_id, day, at, mark, taken_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (medication_id, day, at) DO NOTHING",
                [medication_id, day.isoformat(), clock(at), DoseMark.TAKEN.value, clock(at)],
            )
            if not cursor.rowcount:
                raise DoseAlreadyLogged(at)
            self._follow_checkin(day, decided)

    def add_doses(self, medication_id: int, records: Iterable[DoseRecord]) -> int:
        """Store many ticks of one medication in one transaction (demo data), replacing
        ticks of the same day and time; the check-ins of their days follow, as with
        :meth:`mark_dose`. Returns how many."""
        rows = [
            [
                medication_id,
                check_day(r.day).isoformat(),
                clock(r.at),
                r.mark.value,
                clock(r.taken_at) if r.taken_at and r.mark is DoseMark.TAKEN else None,
            ]
            for r in records
        ]
        if not rows:
            return 0
        with sql_errors(), self._changes.writing(self._db, Change.MEDICATION):
            self.get(medication_id)
            self._db.conn.executemany(
                "INSERT INTO medication_doses (medication_id, day, at, mark, taken_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (medication_id, day, at) "
                "DO UPDATE SET mark = excluded.mark, taken_at = excluded.taken_at",
                rows,
            )
            days = [date.fromisoformat(str(row[1])) for row in rows]
            self._write_answers(self.answers_between(min(days), max(days)))
        return len(rows)

    def _follow_checkin(self, day: date, decided_before: bool) -> None:
        """The day's check-in after a tick: the ticks' answer while they decide, None when
        this change made them stop deciding, else untouched (the user's answer)."""
        doses = self.doses_on(day)
        if ticks_decide(doses):
            self._write_answers({day: medication_answer(doses)})
        elif decided_before:
            self._write_answers({day: None})

    def _decided_from(self, first: date) -> dict[date, bool | None]:
        """The answers of the days from ``first`` on that the ticks decide now (read over
        the ticked days only: one set of queries, whatever the span)."""
        row = self._db.execute(
            "SELECT min(day), max(day) FROM medication_doses WHERE day >= ?", [first.isoformat()]
        ).fetchone()
        if row[0] is None:
            return {}
        return self.answers_between(date.fromisoformat(row[0]), date.fromisoformat(row[1]))

    def _rederive_from(self, first: date, decided_before: dict[date, bool | None]) -> None:
        """Re-derive the check-ins of the days from ``first`` on that the ticks decide;
        those in ``decided_before`` (read in the same transaction, before the change) that
        they no longer decide become not answered."""
        after = self._decided_from(first)
        stopped = {day: None for day in decided_before if day not in after}
        self._write_answers({**stopped, **after})

    def _write_answers(self, answers: dict[date, bool | None]) -> None:
        """Store each day's derived answer in its check-in, when there is one."""
        changed = self._db.conn.executemany(
            "UPDATE checkins SET medication_taken = ? WHERE day = ? AND medication_taken IS NOT ?",
            [[None if a is None else int(a), day.isoformat(), a] for day, a in answers.items()],
        )
        if changed.rowcount:
            self._changes.announce([Change.CHECKINS])


def _unscheduled(doses: list[DueDose], medication_id: int, at: time) -> DueDose | None:
    """The dose of ``doses`` at ``at`` no schedule expects (an "as needed" one, or a tick
    no longer scheduled), if that is what it is."""
    return next(
        (d for d in doses if d.medication_id == medication_id and d.at == at and d.as_needed),
        None,
    )


def _earliest(since: date, before: Medication, after: Medication, today: date) -> date:
    """The first day an edit can change the expected doses of: the schedule changes from
    ``today``, a start or stop date from the earlier of the old and new ones."""
    days = [since, today, *(d for d in (before.started, after.started) if d)]
    days += [d for d in (before.stopped, after.stopped) if d]
    return min(days)
