"""Appointments: single ones and weekly repeats (a series), their attendance, and what the
summary reads from them (the period since the last session, kept per week).

Every write is one transaction announcing ``Change.APPOINTMENTS``. Appointments are checked
by ``Appointment.validate`` first (``AppointmentError``, a ``ValueError``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.errors import AppointmentMissing
from recovery_desktop.data.medication_rows import clock, optional_clock
from recovery_desktop.data.stored_dates import IN_RANGE, stored_day
from recovery_desktop.domain.appointments import Appointment, WeeklyRepeat, next_appointments
from recovery_desktop.domain.dates import check_day
from recovery_desktop.domain.periods import Period, monday_of
from recovery_desktop.domain.sessions import (
    AppointmentDay,
    AppointmentKind,
    Attendance,
    last_session,
    since_last_session,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

_FIELDS = "at, minutes, kind, title, place, with_whom, contact_uid, notes"
_COLUMNS = f"id, series_id, day, {_FIELDS}, attendance"


def _kind(value: str) -> AppointmentKind:
    try:
        return AppointmentKind(value)
    except ValueError:
        return AppointmentKind.OTHER


def _attendance(value: str | None) -> Attendance | None:
    try:
        return Attendance(value) if value else None
    except ValueError:
        return None


def _appointment(row: Sequence[Any]) -> Appointment:
    return Appointment(
        day=stored_day(row[2]),
        kind=_kind(row[5]),
        at=optional_clock(row[3]),
        minutes=int(row[4]),
        title=str(row[6]),
        place=str(row[7]),
        with_whom=str(row[8]),
        contact_uid=row[9],
        notes=str(row[10]),
        attendance=_attendance(row[11]),
        series_id=row[1],
        id=int(row[0]),
    )


def _field_values(appointment: Appointment) -> list[object]:
    """The values of ``_FIELDS``."""
    a = appointment
    at = clock(a.at) if a.at is not None else None
    return [at, a.minutes, a.kind.value, a.title, a.place, a.with_whom, a.contact_uid, a.notes]


class AppointmentRepository:
    """The ``appointments`` table (and, read only, the contacts' names for links)."""

    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes
        # Stable ids of appointments deleted through this repository, so that undo
        # (restore) brings them back as the same records (exports know them by uid).
        self._deleted_uids: dict[int, str] = {}

    # -- reading -------------------------------------------------------------------------
    def _select(self, where: str, values: Sequence[object], limit: int = -1) -> list[Appointment]:
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM appointments WHERE {where} "
                "ORDER BY day, at IS NOT NULL, at, id LIMIT ?",
                [*values, limit],
            ).fetchall()
        return [_appointment(row) for row in rows]

    def get(self, appointment_id: int) -> Appointment:
        """Raises :class:`AppointmentMissing` when it is no longer in the journal."""
        found = self._select("id = ?", [appointment_id])
        if not found:
            raise AppointmentMissing()
        return found[0]

    def between(self, first: date, last: date) -> list[Appointment]:
        """Appointments from ``first`` to ``last`` inclusive, by day and time (those
        without a time first in their day)."""
        return self._select("day BETWEEN ? AND ?", [first.isoformat(), last.isoformat()])

    def upcoming(self, now: datetime, days: int = 3) -> list[Appointment]:
        """Those still to come from ``now`` (local clock) up to ``days`` days ahead, today
        being the first (:func:`~recovery_desktop.domain.appointments.next_appointments`)."""
        today = now.date()
        found = self.between(today, today + timedelta(days=days - 1))
        return next_appointments(found, today, now.time().replace(second=0), days)

    def next_after(self, day: date) -> Appointment | None:
        """The first appointment after ``day`` not marked missed or rescheduled."""
        found = self._select(
            f"day > ? AND day {IN_RANGE} AND (attendance IS NULL OR attendance = 'attended')",
            [day.isoformat()],
            1,
        )
        return found[0] if found else None

    def session_days(self) -> list[AppointmentDay]:
        """Every appointment's day, kind and attendance, by day (rows on a day outside the
        journal's dates, from a damaged file, are left out: ``stored_dates.IN_RANGE``)."""
        with sql_errors():
            rows = self._db.execute(
                f"SELECT day, kind, attendance FROM appointments WHERE day {IN_RANGE} ORDER BY day"
            ).fetchall()
        return [AppointmentDay(stored_day(d), _kind(k), _attendance(a)) for d, k, a in rows]

    def last_session(self, today: date) -> date | None:
        """The day of the most recent attended therapy or counselling session before
        ``today`` (:func:`~recovery_desktop.domain.sessions.last_session`)."""
        return last_session(self.session_days(), today)

    def since_last_session(self, today: date) -> Period | None:
        """From the day after :meth:`last_session` to ``today``; None without one."""
        return since_last_session(self.session_days(), today)

    def kept_by_week(self, first: date, last: date) -> list[tuple[date, int, int, int]]:
        """(Monday, attended, missed, rescheduled) of each ISO week from ``first`` to
        ``last`` that has an appointment marked, oldest first."""
        weeks: dict[date, list[int]] = {}
        for appointment in self.between(first, last):
            if appointment.attendance is None:
                continue
            counts = weeks.setdefault(monday_of(appointment.day), [0, 0, 0])
            counts[list(Attendance).index(appointment.attendance)] += 1
        return [(monday, c[0], c[1], c[2]) for monday, c in sorted(weeks.items())]

    def count(self) -> int:
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM appointments").fetchone()[0])

    def contact_matching(self, name: str) -> str | None:
        """The uid of the one contact in People (not archived) whose name is ``name``,
        ignoring case and surrounding spaces; None if none or several."""
        wanted = name.strip().casefold()
        if not wanted:
            return None
        with sql_errors():
            rows = self._db.execute("SELECT uid, name FROM contacts WHERE archived = 0").fetchall()
        found = [uid for uid, own in rows if str(own).strip().casefold() == wanted]
        return found[0] if len(found) == 1 else None

    # -- writing -------------------------------------------------------------------------
    def add(
        self, appointment: Appointment, repeat: WeeklyRepeat | None = None
    ) -> list[Appointment]:
        """Store an appointment, or with ``repeat`` one per day of the repeat sharing a new
        series; one transaction. Returns them with their ids, in order. Raises
        ``AppointmentError`` (a ``ValueError``) before anything is written."""
        appointment.validate()
        days = repeat.days(appointment.day) if repeat is not None else [appointment.day]
        for day in days:
            check_day(day)
        with sql_errors(), self._changes.writing(self._db, Change.APPOINTMENTS):
            series = None
            if repeat is not None:
                series = int(
                    self._db.execute(
                        "SELECT coalesce(max(series_id), 0) + 1 FROM appointments"
                    ).fetchone()[0]
                )
            ids = [self._insert(replace(appointment, day=day, series_id=series)) for day in days]
        return [self.get(i) for i in ids]

    def add_many(self, appointments: Iterable[Appointment]) -> int:
        """Store many appointments as they are (series and attendance included) in one
        transaction (demo data); returns how many. Raises ``AppointmentError`` before
        anything is written."""
        rows = []
        for a in appointments:
            a.validate()
            check_day(a.day)
            attendance = a.attendance.value if a.attendance else None
            rows.append([a.series_id, a.day.isoformat(), *_field_values(a), attendance])
        with sql_errors(), self._changes.writing(self._db, Change.APPOINTMENTS):
            self._db.conn.executemany(
                f"INSERT INTO appointments (series_id, day, {_FIELDS}, attendance) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    def _insert(self, appointment: Appointment, uid: str | None = None) -> int:
        a = appointment
        cursor = self._db.execute(
            f"INSERT INTO appointments (id, uid, series_id, day, {_FIELDS}, attendance) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                a.id,
                uid,
                a.series_id,
                a.day.isoformat(),
                *_field_values(a),
                a.attendance.value if a.attendance else None,
            ],
        )
        return int(cursor.lastrowid or 0)

    def update(self, appointment: Appointment, following: bool = False) -> None:
        """Save an edited appointment. ``following``: the same edit to the later ones of
        its series too, each keeping its own day moved by as many days as this one moved
        (their attendance untouched). Raises ``AppointmentError`` or
        :class:`AppointmentMissing`."""
        appointment.validate()
        check_day(appointment.day)
        assert appointment.id is not None
        with sql_errors(), self._changes.writing(self._db, Change.APPOINTMENTS):
            before = self.get(appointment.id)
            self._set(appointment)
            if not following or before.series_id is None:
                return
            shift = appointment.day - before.day
            for later in self._select(
                "series_id = ? AND day > ? AND id != ?",
                [before.series_id, before.day.isoformat(), appointment.id],
            ):
                moved = replace(appointment, day=later.day + shift, attendance=later.attendance)
                self._set(replace(moved, id=later.id, series_id=later.series_id))

    def _set(self, a: Appointment) -> None:
        check_day(a.day)
        self._db.execute(
            "UPDATE appointments SET day = ?, at = ?, minutes = ?, kind = ?, title = ?, "
            "place = ?, with_whom = ?, contact_uid = ?, notes = ?, attendance = ? WHERE id = ?",
            [
                a.day.isoformat(),
                *_field_values(a),
                a.attendance.value if a.attendance else None,
                a.id,
            ],
        )

    def mark(self, appointment_id: int, attendance: Attendance | None) -> None:
        """Mark how it went (None: not marked). Raises :class:`AppointmentMissing`."""
        with sql_errors(), self._changes.writing(self._db, Change.APPOINTMENTS):
            self.get(appointment_id)
            self._db.execute(
                "UPDATE appointments SET attendance = ? WHERE id = ?",
                [attendance.value if attendance else None, appointment_id],
            )

    def delete(self, appointment_id: int, following: bool = False) -> list[Appointment]:
        """Remove one appointment, or with ``following`` it and the later ones of its
        series; returns what was removed (for :meth:`restore`). Raises
        :class:`AppointmentMissing`."""
        with sql_errors(), self._changes.writing(self._db, Change.APPOINTMENTS):
            first = self.get(appointment_id)
            gone = [first]
            if following and first.series_id is not None:
                gone += self._select(
                    "series_id = ? AND day > ?", [first.series_id, first.day.isoformat()]
                )
            for appointment in gone:
                row = self._db.execute(
                    "SELECT uid FROM appointments WHERE id = ?", [appointment.id]
                ).fetchone()
                self._db.execute("DELETE FROM appointments WHERE id = ?", [appointment.id])
                if row[0] and appointment.id is not None:
                    self._deleted_uids[appointment.id] = str(row[0])
        return gone

    def restore(self, appointments: list[Appointment]) -> None:
        """Undo of :meth:`delete`: the same appointments, with their stable ids (and row
        ids while free), in one transaction."""
        with sql_errors(), self._changes.writing(self._db, Change.APPOINTMENTS):
            for appointment in appointments:
                uid = self._deleted_uids.pop(appointment.id or 0, None)
                if uid is not None and self._taken("uid", uid):
                    uid = None
                free = appointment.id is not None and not self._taken("id", appointment.id)
                self._insert(replace(appointment, id=appointment.id if free else None), uid)

    def _taken(self, column: str, value: object) -> bool:
        row = self._db.execute(f"SELECT 1 FROM appointments WHERE {column} = ?", [value]).fetchone()
        return row is not None
