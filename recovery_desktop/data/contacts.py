"""Support contacts (in call-first order), the reach-out log and crisis lines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.cravings import local_text
from recovery_desktop.data.crisis_copy import CrisisCopy
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.ordering import moved, next_position, set_order
from recovery_desktop.data.stored_dates import IN_RANGE, stored_moment
from recovery_desktop.domain.contacts import (
    Contact,
    CrisisLine,
    Method,
    ReachOut,
    Role,
    default_crisis_lines,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

_CONTACT = "id, name, role, phone, email, notes, position, archived"
_REACH = "id, contact_id, at, how, helped, note, craving_id"


def _contact(row: Any) -> Contact:
    return Contact(row[0], row[1], Role(row[2]), row[3], row[4], row[5], row[6], bool(row[7]))


def _reach(row: Any) -> ReachOut:
    helped = None if row[4] is None else bool(row[4])
    return ReachOut(row[0], row[1], stored_moment(row[2]), Method(row[3]), helped, row[5], row[6])


class ContactRepository:
    """Contacts, reach-outs and crisis lines. With ``crisis_copy``, every change to the
    crisis lines also rewrites their plain copy for the lock screen."""

    def __init__(
        self, db: Database, changes: ChangeFeed, crisis_copy: CrisisCopy | None = None
    ) -> None:
        self._db = db
        self._changes = changes
        self._crisis_copy = crisis_copy

    def contacts(self, include_archived: bool = False) -> list[Contact]:
        """Contacts in call-first order."""
        where = "" if include_archived else "WHERE archived = 0"
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_CONTACT} FROM contacts {where} ORDER BY archived, position, id"
            ).fetchall()
        return [_contact(row) for row in rows]

    def get(self, contact_id: int) -> Contact | None:
        with sql_errors():
            row = self._db.execute(
                f"SELECT {_CONTACT} FROM contacts WHERE id = ?", [contact_id]
            ).fetchone()
        return _contact(row) if row else None

    def save(self, contact: Contact) -> Contact:
        """Add (at the end of the call-first order) or update; returns it with its id."""
        contact = replace(
            contact,
            name=contact.name.strip(),
            phone=contact.phone.strip(),
            email=contact.email.strip(),
        )
        contact.validate()
        values = [contact.name, contact.role.value, contact.phone, contact.email, contact.notes]
        with sql_errors(), self._changes.writing(self._db, Change.CONTACTS):
            if contact.id is None:
                position = next_position(self._db, "contacts")
                cursor = self._db.execute(
                    "INSERT INTO contacts (name, role, phone, email, notes, position) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [*values, position],
                )
                contact = replace(contact, id=int(cursor.lastrowid or 0), position=position)
            else:
                self._db.execute(
                    "UPDATE contacts SET name = ?, role = ?, phone = ?, email = ?, notes = ? "
                    "WHERE id = ?",
                    [*values, contact.id],
                )
        return contact

    def set_archived(self, contact_id: int, archived: bool = True) -> None:
        """Archive (or bring back) a contact; their reach-outs stay in the log."""
        with sql_errors(), self._changes.writing(self._db, Change.CONTACTS):
            self._db.execute(
                "UPDATE contacts SET archived = ? WHERE id = ?", [int(archived), contact_id]
            )

    def move(self, contact_id: int, delta: int) -> None:
        ids = [c.id for c in self.contacts() if c.id is not None]
        self.reorder(moved(ids, contact_id, delta))

    def reorder(self, ids: list[int]) -> None:
        with sql_errors(), self._changes.writing(self._db, Change.CONTACTS):
            set_order(self._db, "contacts", ids)

    def count(self) -> int:
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM contacts").fetchone()[0])

    # -- reach-outs ----------------------------------------------------------------------
    def log_reach_out(self, reach: ReachOut) -> ReachOut:
        """Add a reach-out, or correct one already logged (``reach.id`` set)."""
        reach.validate()
        helped = None if reach.helped is None else int(reach.helped)
        values = [
            reach.contact_id,
            local_text(reach.at),
            reach.at.date().isoformat(),
            reach.how.value,
            helped,
            reach.note,
            reach.craving_id,
        ]
        with sql_errors(), self._changes.writing(self._db, Change.REACH_OUTS):
            if reach.id is None:
                cursor = self._db.execute(
                    "INSERT INTO reach_outs (contact_id, at, day, how, helped, note, craving_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    values,
                )
                reach = replace(reach, id=int(cursor.lastrowid or 0))
            else:
                self._db.execute(
                    "UPDATE reach_outs SET contact_id = ?, at = ?, day = ?, how = ?, helped = ?, "
                    "note = ?, craving_id = ? WHERE id = ?",
                    [*values, reach.id],
                )
        return reach

    def reach_outs(self, start: date, end: date) -> list[ReachOut]:
        """Reach-outs from ``start`` to ``end`` inclusive, newest first."""
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_REACH} FROM reach_outs WHERE day BETWEEN ? AND ? "
                "ORDER BY at DESC, id DESC",
                [start.isoformat(), end.isoformat()],
            ).fetchall()
        return [_reach(row) for row in rows]

    def delete_reach_out(self, reach_id: int) -> None:
        with sql_errors(), self._changes.writing(self._db, Change.REACH_OUTS):
            self._db.execute("DELETE FROM reach_outs WHERE id = ?", [reach_id])

    def last_reach_out(self) -> datetime | None:
        with sql_errors():
            row = self._db.execute(
                f"SELECT max(at) FROM reach_outs WHERE day {IN_RANGE}"
            ).fetchone()
        return stored_moment(row[0]) if row and row[0] else None

    def reach_out_count(self) -> int:
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM reach_outs").fetchone()[0])

    # -- crisis lines --------------------------------------------------------------------
    def crisis_lines(self) -> list[CrisisLine]:
        with sql_errors():
            rows = self._db.execute(
                "SELECT id, name, number, details, position FROM crisis_lines ORDER BY position, id"
            ).fetchall()
        return [CrisisLine(*row) for row in rows]

    def save_crisis_line(self, line: CrisisLine) -> CrisisLine:
        line = replace(line, name=line.name.strip(), number=line.number.strip())
        line.validate()
        with sql_errors(), self._changes.writing(self._db, Change.CRISIS_LINES):
            if line.id is None:
                position = next_position(self._db, "crisis_lines")
                cursor = self._db.execute(
                    "INSERT INTO crisis_lines (name, number, details, position) "
                    "VALUES (?, ?, ?, ?)",
                    [line.name, line.number, line.details, position],
                )
                line = replace(line, id=int(cursor.lastrowid or 0), position=position)
            else:
                self._db.execute(
                    "UPDATE crisis_lines SET name = ?, number = ?, details = ? WHERE id = ?",
                    [line.name, line.number, line.details, line.id],
                )
        self._crisis_lines_changed()
        return line

    def move_crisis_line(self, line_id: int, delta: int) -> None:
        """Move a crisis line ``delta`` places (every help screen shows them in this order)."""
        ids = [line.id for line in self.crisis_lines() if line.id is not None]
        with sql_errors(), self._changes.writing(self._db, Change.CRISIS_LINES):
            set_order(self._db, "crisis_lines", moved(ids, line_id, delta))
        self._crisis_lines_changed()

    def delete_crisis_line(self, line_id: int) -> None:
        with sql_errors(), self._changes.writing(self._db, Change.CRISIS_LINES):
            self._db.execute("DELETE FROM crisis_lines WHERE id = ?", [line_id])
        self._crisis_lines_changed()

    def crisis_lines_or_copy(self) -> list[CrisisLine]:
        """The crisis lines; if the journal cannot be read just now, their plain copy (or
        the defaults), so a help screen never comes up empty. Never raises
        :class:`JournalError`."""
        try:
            return self.crisis_lines()
        except JournalError:
            if self._crisis_copy is None:
                return default_crisis_lines()
            return self._crisis_copy.read()

    def refresh_crisis_copy(self) -> bool:
        """Write the plain copy of the crisis lines; False if the disk refused (the
        journal keeps the real list either way)."""
        if self._crisis_copy is None:
            return True
        return self._crisis_copy.refresh(self.crisis_lines())

    def _crisis_lines_changed(self) -> None:
        self.refresh_crisis_copy()
