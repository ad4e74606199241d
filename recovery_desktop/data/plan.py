"""The aftercare plan: one document in the journal, its versions and the editing marker.

Every write is one transaction announcing ``Change.PLAN``; it commits before returning, so
the page may say "Saved" right after. Times are local wall-clock times without a zone
(``now`` parameters let tests choose them). The version rule is
``domain.plan_versions.version_due``; docs/decisions.md ("The aftercare plan: storage and
versions") explains it. Nothing kept as a version is ever deleted.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from recovery_desktop.data import plan_rows
from recovery_desktop.data import plan_versions as stored
from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.stored_dates import stored_moment
from recovery_desktop.domain.calendar_text import long_date
from recovery_desktop.domain.contacts import Role
from recovery_desktop.domain.plan import (
    MAX_LABEL_CHARACTERS,
    MAX_SECTIONS,
    Plan,
    PlanContact,
    PlanError,
    PlanSection,
    PlanVersion,
    SectionKind,
    VersionReason,
)
from recovery_desktop.domain.plan_template import default_plan
from recovery_desktop.domain.plan_versions import (
    changed_sections,
    version_due,
    without_private,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

_UID = re.compile("[0-9a-f]{32}")
_EDITING = "editing_since"
_LAST_SAVED = "last_saved"
_UNREAD = object()


def new_uid() -> str:
    """A new stable id: 128 random bits as 32 lower-case hex digits (as m007 gives rows)."""
    return secrets.token_hex(16)


def _now(now: datetime | None) -> datetime:
    """``now`` (or the local time) to the minute: what is stored and compared."""
    return (now or datetime.now()).replace(second=0, microsecond=0)


def check_plan(plan: Plan) -> None:
    """Raise :class:`PlanError` for a plan that cannot be saved (a section's own limits,
    more than ``MAX_SECTIONS`` sections, or no sections at all). Repeated uids, or uids
    that are not 32 lower-case hex digits (export and import need them so), are a
    programming error (``ValueError``)."""
    if not plan.sections:
        raise PlanError("A plan needs at least one section.")
    if len(plan.sections) > MAX_SECTIONS:
        raise PlanError(f"A plan can have at most {MAX_SECTIONS} sections.")
    if len({s.uid for s in plan.sections}) != len(plan.sections):
        raise ValueError("Two sections of the plan have the same uid.")
    if not all(_UID.fullmatch(s.uid) for s in plan.sections):
        raise ValueError("A section's uid must be 32 lower-case hex digits (see new_uid).")
    for section in plan.sections:
        section.validate()


def _role_words(value: str) -> str:
    try:
        return Role(value).label
    except ValueError:
        return ""


class PlanRepository:
    """The ``plan_*`` tables of one open journal."""

    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes
        # The template shown before anything is stored: the same uids until the first save.
        self._template: Plan | None = None
        # The marker a killed session left, read once; None once it was dealt with.
        self._interrupted: object = _UNREAD
        self._marked = False  # this session's editing marker is stored

    # -- reading -------------------------------------------------------------------------
    def plan(self) -> Plan:
        """The plan; the default template (not stored yet) when nothing was saved."""
        with sql_errors():
            sections = plan_rows.read_sections(self._db)
        return Plan(sections) if sections else self._unsaved_template()

    def _unsaved_template(self) -> Plan:
        if self._template is None:
            self._template = default_plan(new_uid)
        return self._template

    def count_sections(self) -> int:
        """Stored sections (0 before the first save)."""
        with sql_errors():
            return plan_rows.section_count(self._db)

    def count_versions(self) -> int:
        with sql_errors():
            return stored.version_count(self._db)

    def last_saved(self) -> datetime | None:
        """When the plan was last committed (local time), None if never."""
        return self._state(_LAST_SAVED)

    def interrupted_since(self) -> datetime | None:
        """When the editing session that did not end cleanly began (the app was killed or
        crashed while the plan was being edited); None if there is none, or once
        :meth:`end_editing` ran. Read once per open journal: this session's own marker is
        never reported."""
        if self._interrupted is _UNREAD:
            self._interrupted = self._state(_EDITING)
        return self._interrupted if isinstance(self._interrupted, datetime) else None

    def _state(self, key: str) -> datetime | None:
        with sql_errors():
            row = self._db.execute("SELECT value FROM plan_state WHERE key = ?", [key]).fetchone()
        return stored_moment(row[0]) if row else None

    # -- versions ------------------------------------------------------------------------
    def versions(self) -> list[PlanVersion]:
        """Every version, newest first, without snapshots (``plan`` is None)."""
        with sql_errors():
            return stored.all_versions(self._db)

    def version(self, version_id: int) -> PlanVersion:
        """One version with its snapshot. Raises ``KeyError`` if there is none."""
        with sql_errors():
            found = stored.version_by_id(self._db, version_id)
        if found is None:
            raise KeyError(version_id)
        return found

    def versions_between(self, first: date, last: date) -> list[PlanVersion]:
        """Versions kept from ``first`` to ``last`` inclusive, oldest first, no snapshots."""
        with sql_errors():
            return stored.versions_between(self._db, first, last)

    def shared_versions_between(self, first: date, last: date) -> list[PlanVersion]:
        """As :meth:`versions_between`, for the weekly summary: the titles of sections
        hidden in the plan now are left out of ``changed`` (counted in
        ``private_changed``; ``domain.plan_versions.without_private``)."""
        versions = self.versions_between(first, last)
        current = self.plan()
        if not any(s.hidden for s in current.sections):
            return versions
        return [without_private(v, self.version(v.id).plan, current) for v in versions]

    # -- writing -------------------------------------------------------------------------
    def save_section(
        self, section: PlanSection, *, editing: bool = True, now: datetime | None = None
    ) -> None:
        """Save one section (text, title, hidden, pairs, contact links, dismissed
        suggestions); a uid the plan does not have is added at the end. Stores the
        template first when nothing was stored yet. ``editing`` marks an editing session
        (see :meth:`end_editing`). Keeps an AUTOMATIC version when one is due. Raises
        :class:`PlanError` before anything is written."""
        section.validate()
        with sql_errors():
            stored_already = bool(plan_rows.section_count(self._db))
        sections = list(self.plan().sections)
        uids = [s.uid for s in sections]
        if section.uid not in uids:
            self.save_plan(Plan((*sections, section)), editing=editing, now=now)
            return
        place = uids.index(section.uid)
        sections[place] = section
        only = (section, place) if stored_already else None  # else the template goes in too
        self._save(Plan(tuple(sections)), editing, now, only)

    def save_plan(self, plan: Plan, *, editing: bool = True, now: datetime | None = None) -> None:
        """Make ``plan`` the plan: its order, sections added and removed (versions still
        hold removed ones), titles and hidden states. As :meth:`save_section` otherwise."""
        self._save(plan, editing, now)

    def _save(
        self,
        plan: Plan,
        editing: bool,
        now: datetime | None,
        only: tuple[PlanSection, int] | None = None,
    ) -> None:
        """Store ``plan`` (or, with ``only``, just that section at that place) and keep a
        version when one is due, in one transaction."""
        check_plan(plan)
        moment = _now(now)
        if editing:
            self.interrupted_since()  # a killed session's marker is read before it is replaced
        with sql_errors(), self._changes.writing(self._db, Change.PLAN):
            if only is None:
                self._keep_before_removing(plan, moment)
                plan_rows.write_plan(self._db, plan)
            else:
                plan_rows.write_section(self._db, *only)
            self._set_state(_LAST_SAVED, moment)
            if editing and not self._marked:
                self._set_state(_EDITING, moment)
            self._keep_if_due(plan, moment)
        self._marked = self._marked or editing

    def _keep_before_removing(self, plan: Plan, moment: datetime) -> None:
        """A section with something written in it is about to leave the plan: the plan as
        it is keeps a version first (unless the latest already is it), so History can
        bring the section back with everything typed since the last version."""
        stored_plan = Plan(plan_rows.read_sections(self._db))
        staying = {s.uid for s in plan.sections}
        if all(s.is_empty or s.uid in staying for s in stored_plan.sections):
            return
        latest = stored.latest_version(self._db)
        if latest is None or latest.plan != stored_plan:
            self._keep(stored_plan, moment, VersionReason.AUTOMATIC, "", latest)

    def add_section(self, title: str, after_uid: str | None = None) -> PlanSection:
        """Add an empty CUSTOM section called ``title`` after the section ``after_uid`` (at
        the end when None or not found); returns it. Raises :class:`PlanError`."""
        section = PlanSection(new_uid(), SectionKind.CUSTOM, title.strip())
        section.validate()
        sections = list(self.plan().sections)
        uids = [s.uid for s in sections]
        place = uids.index(after_uid) + 1 if after_uid in uids else len(sections)
        sections.insert(place, section)
        self.save_plan(Plan(tuple(sections)), editing=False)
        return section

    def end_editing(self, now: datetime | None = None) -> None:
        """The editing session ended cleanly (leaving the page, lock, close, or the notice
        of an interrupted one dismissed): clear the marker and keep the version that is due
        (as :meth:`keep_version_if_due`). Ending a session is not itself a reason to keep a
        version: one sitting's page switches and locks would keep one every minute."""
        self._interrupted = None
        self._marked = False
        moment = _now(now)
        with sql_errors():
            marked = self._state(_EDITING) is not None
            due = self._due_version(moment)
        if not marked and due is None:
            return
        with sql_errors(), self._changes.writing(self._db, Change.PLAN):
            if due is not None:
                self._keep_due(*due, moment)
            self._db.execute("DELETE FROM plan_state WHERE key = ?", [_EDITING])

    def keep_version_if_due(self, now: datetime | None = None) -> PlanVersion | None:
        """Keep an AUTOMATIC version of the stored plan if one is due at ``now``
        (``version_due``: it differs meaningfully from the latest version, and there is
        none yet or the latest is at least 10 minutes old), stamped with the time the plan
        was last saved (:meth:`last_saved`), not ``now``, so History says when the text was
        written. The Plan page calls it when it opens and :meth:`end_editing` when a
        session ends, so the end of a sitting gets its version at the first of these once
        the 10 minutes have passed. Returns the version kept, or None when none is due."""
        moment = _now(now)
        with sql_errors():
            due = self._due_version(moment)
        if due is None:
            return None
        with sql_errors(), self._changes.writing(self._db, Change.PLAN):
            kept = self._keep_due(*due, moment)
        return self.version(kept)

    def _due_version(self, moment: datetime) -> tuple[Plan, PlanVersion | None] | None:
        """The stored plan and the latest version when an AUTOMATIC version of the stored
        plan is due at ``moment``; None otherwise (or before the first save)."""
        sections = plan_rows.read_sections(self._db)
        if not sections:
            return None
        plan = Plan(sections)
        latest = stored.latest_version(self._db)
        latest_plan = latest.plan if latest is not None else None
        return (plan, latest) if version_due(latest, latest_plan, plan, moment) else None

    def _keep_due(self, plan: Plan, latest: PlanVersion | None, moment: datetime) -> int:
        """Keep the due version, stamped with ``last_saved`` (``moment`` if never saved;
        never before ``latest``, so the order kept stays the order of times)."""
        stamp = self._state(_LAST_SAVED) or moment
        if latest is not None:
            stamp = max(stamp, latest.saved_at)
        return self._keep(plan, stamp, VersionReason.AUTOMATIC, "", latest)

    def save_version(self, label: str = "", now: datetime | None = None) -> PlanVersion:
        """Keep a version of the plan as it is now (reason SAVED), whatever changed; the
        template is stored first if nothing was yet. Raises :class:`PlanError` for a label
        over ``MAX_LABEL_CHARACTERS``."""
        label = label.strip()
        if len(label) > MAX_LABEL_CHARACTERS:
            raise PlanError(f"A label can be at most {MAX_LABEL_CHARACTERS} characters.")
        moment = _now(now)
        plan = self.plan()
        with sql_errors(), self._changes.writing(self._db, Change.PLAN):
            if not plan_rows.section_count(self._db):
                plan_rows.write_plan(self._db, plan)
                self._set_state(_LAST_SAVED, moment)
            version_id = self._keep(plan, moment, VersionReason.SAVED, label)
        return self.version(version_id)

    def restore(self, version_id: int, now: datetime | None = None) -> PlanVersion:
        """Make version ``version_id``'s snapshot the plan (its section uids kept). When the
        plan differs at all from the latest version it is kept first (BEFORE_RESTORE);
        then a RESTORED version labelled "Restored from version N (date)" is kept. Returns
        that one. Raises ``KeyError`` for an unknown version."""
        chosen = self.version(version_id)
        snapshot = chosen.plan or Plan()
        check_plan(snapshot)
        moment = _now(now)
        label = f"Restored from version {chosen.number} ({long_date(chosen.saved_at.date())})"
        current = self.plan()
        with sql_errors(), self._changes.writing(self._db, Change.PLAN):
            latest = stored.latest_version(self._db)
            if latest is None or latest.plan != current:
                self._keep(current, moment, VersionReason.BEFORE_RESTORE, "")
            plan_rows.write_plan(self._db, snapshot)
            self._set_state(_LAST_SAVED, moment)
            restored = self._keep(snapshot, moment, VersionReason.RESTORED, label)
        return self.version(restored)

    def _keep_if_due(self, plan: Plan, moment: datetime) -> None:
        latest = stored.latest_version(self._db)
        latest_plan = latest.plan if latest is not None else None
        if version_due(latest, latest_plan, plan, moment):
            self._keep(plan, moment, VersionReason.AUTOMATIC, "", latest)

    def _keep(
        self,
        plan: Plan,
        moment: datetime,
        reason: VersionReason,
        label: str,
        latest: PlanVersion | object | None = _UNREAD,
    ) -> int:
        before = stored.latest_version(self._db) if latest is _UNREAD else latest
        previous = before.plan if isinstance(before, PlanVersion) else None
        changed = changed_sections(previous, plan)
        return stored.insert_version(self._db, plan, moment, reason, label, changed)

    def _set_state(self, key: str, moment: datetime) -> None:
        self._db.execute(
            "INSERT INTO plan_state (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, stored.moment_text(moment)],
        )

    # -- contacts ------------------------------------------------------------------------
    def available_contacts(self) -> list[PlanContact]:
        """People's contacts that are not archived, in call-first order."""
        with sql_errors():
            rows = self._db.execute(
                "SELECT uid, name, role, phone, archived FROM contacts WHERE archived = 0 "
                "AND uid IS NOT NULL ORDER BY position, id"
            ).fetchall()
        return [_contact(row) for row in rows]

    def contacts_for(self, uids: Sequence[str]) -> list[PlanContact]:
        """The contacts linked by ``uids``, in that order, read now: a renamed one has its
        new name, an archived one ``archived``; one no longer in People is ``missing``
        (name "")."""
        with sql_errors():
            rows = self._db.execute(
                "SELECT uid, name, role, phone, archived FROM contacts WHERE uid IN "
                "(SELECT value FROM json_each(?))",
                [plan_rows.changed_to_json(list(uids))],
            ).fetchall()
        found = {str(row[0]): _contact(row) for row in rows}
        return [found.get(uid) or PlanContact(uid, "", missing=True) for uid in uids]


def _contact(row: Sequence[object]) -> PlanContact:
    uid, name, role, phone, archived = row
    return PlanContact(str(uid), str(name), _role_words(str(role)), str(phone), bool(archived))


__all__ = ["PlanRepository", "check_plan", "new_uid"]
