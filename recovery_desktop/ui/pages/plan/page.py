"""Plan: the user's aftercare plan, one section at a time, saved as they write.

The sections are listed on the left; the chosen one is edited on the right. What is typed is
committed to the journal 3 seconds after typing stops, when another section is chosen, and
on leaving the page, locking and closing (``flush``), and only then does the page say
"Saved". A refused save keeps the text on screen, says so calmly and tries again; ``flush``
then answers False, so closing asks first. If the app stopped while the plan was being
edited, a notice says what is kept (docs/decisions.md, "Plan page")."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.calendar_text import short_day_seen_from
from recovery_desktop.domain.plan import (
    MAX_BODY_CHARACTERS,
    Plan,
    PlanError,
    PlanSection,
    SectionKind,
)
from recovery_desktop.ui.pages.plan.notice import CrashNotice
from recovery_desktop.ui.pages.plan.picking import Picking
from recovery_desktop.ui.pages.plan.section_editor import SectionEditor
from recovery_desktop.ui.pages.plan.sections import SectionList
from recovery_desktop.ui.pages.plan.structure import Structure
from recovery_desktop.ui.timers import single_shot
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area
from recovery_desktop.ui.widgets.save_status import SaveStatus
from recovery_desktop.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from recovery_desktop.data.library import LibraryRepository
    from recovery_desktop.data.plan import PlanRepository
    from recovery_desktop.ui.pages.plan.plan_output import PlanOutput

AUTOSAVE_DELAY_MS = 3000  # after typing stops
AUTOSAVE_MAX_WAIT_MS = 5000  # while typing goes on: a kill loses at most this much
RETRY_DELAY_MS = 10_000  # after the journal refused a save


class PlanPage(QWidget):
    """The plan, section by section; see the module's note."""

    title = "Plan"
    # The plan, its linked people (read live) and an import. Not the library: the pickers
    # read it when opened.
    shows = frozenset({Change.PLAN, Change.CONTACTS, Change.REPLACED})

    def __init__(
        self,
        plan: PlanRepository,
        library: LibraryRepository,
        output: PlanOutput | None = None,
        drafts: dict[str, PlanSection] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.repository = plan
        # Sections the journal refused to save, kept in memory across a lock (as Today's
        # check-ins are) and saved when the page is built again.
        self.drafts = drafts if drafts is not None else {}
        self.library = library
        self.output = output
        self.plan = Plan()
        self._stored: PlanSection | None = None  # the shown section as last read or saved
        self._dirty = False
        self._editing = False  # saved with editing=True since the last end_editing
        self._reload_waiting = False  # an import came while something typed was unsaved
        self._timer = single_shot(self, self.save_now)
        # Typing with short pauses never lets the timer above run out: this one is not
        # restarted by typing, so something typed is saved within AUTOSAVE_MAX_WAIT_MS.
        self._deadline = single_shot(self, self.save_now, AUTOSAVE_MAX_WAIT_MS)
        self.heading = page_heading("My plan", self)
        self.status = SaveStatus(self)
        self.notice = CrashNotice(self)
        self.sections = SectionList(self)
        self.editor = SectionEditor(self)
        self.buttons: dict[str, QPushButton] = {}
        self.output_line = StatusLine("Printing and versions", self)
        self._build()
        self.structure = Structure(self)
        self.picking = Picking(self)
        self._connect()
        self._keep_version_if_due()
        self.reload()
        self._resume_drafts()
        self.notice.check()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status)
        tools = QHBoxLayout()
        for key, text in (
            ("history", "H&istory…"),
            ("save_version", "Save &version…"),
            ("print", "Print…"),
            ("pdf", "Save as PDF…"),
            ("crisis_card", "&Crisis card…"),
        ):
            button = QPushButton(text, self)
            button.hide()  # shown once it is wired (outputs.connect)
            tools.addWidget(button)
            self.buttons[key] = button
        tools.addWidget(self.output_line, 1)
        self.sections.setFixedWidth(230)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(self.editor)
        body.addWidget(scroll_area(holder, self), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(tools)
        layout.addLayout(body, 1)

    def _connect(self) -> None:
        self.sections.chosen.connect(self.choose)
        self.editor.edited.connect(self._on_edited)
        self.editor.body.refused.connect(
            lambda: self.status.set_state(
                "error",
                f"That was not added: a section keeps up to {MAX_BODY_CHARACTERS:,} "
                "characters. Everything written before is kept.",
            )
        )
        self._connect_output()

    def _connect_output(self) -> None:
        """History, versions and printing (``outputs.py``)."""
        from recovery_desktop.ui.pages.plan import outputs

        outputs.connect(self)

    # -- reading -------------------------------------------------------------------------
    def _keep_version_if_due(self) -> None:
        """On opening: the end of an earlier sitting gets its automatic version once 10
        minutes have passed since the latest (kept at the time it was written). A journal
        that refuses only delays it to the next opening or session end."""
        with contextlib.suppress(JournalError):
            self.repository.keep_version_if_due()

    def reload(self) -> None:
        """Read the plan again and show it, keeping the chosen section when it is still
        there. The editor is refilled only if the section changed outside it."""
        try:
            self.plan = self.repository.plan()
        except JournalError as error:
            self.status.set_state("error", str(error))
            return
        uid = self.editor.uid
        uids = [s.uid for s in self.plan.sections]
        if uid not in uids:
            uid = uids[0] if uids else ""
        self.sections.show_plan(self.plan, uid)
        if uid:
            stored = self.plan.section(uid)
            if self._same_text(stored) and uid == self.editor.uid:
                self._stored = stored  # a new title or hidden state: the text stays as it is
                self.editor.show_title(stored)
            else:
                self._show(stored)
        self._say_saved()

    def _same_text(self, stored: PlanSection) -> bool:
        """Whether ``stored`` differs from the section last shown only in title or hidden."""
        shown = self._stored
        return (
            shown is not None and replace(stored, title=shown.title, hidden=shown.hidden) == shown
        )

    def _show(self, section: PlanSection) -> None:
        self._stored = section
        self.editor.show_section(section, self._contacts(section))
        self._dirty = False

    def _contacts(self, section: PlanSection) -> list:
        if not section.kind.has_contacts:
            return []
        try:
            return self.repository.contacts_for(section.contacts)
        except JournalError:
            return []

    def choose(self, uid: str) -> None:
        """Show the section ``uid``; what was typed in the one left is saved first."""
        if uid == self.editor.uid:
            return
        if not self.save_now():  # the text stays on screen until it is saved
            self.sections.show_plan(self.plan, self.editor.uid)
            return
        try:
            section = self.plan.section(uid)
        except KeyError:
            return
        self._show(section)
        self.sections.update_buttons(self.plan)

    # -- saving --------------------------------------------------------------------------
    def _on_edited(self) -> None:
        self._dirty = True
        self.status.set_state("pending", "Saving…")
        self._timer.start(AUTOSAVE_DELAY_MS)
        if not self._deadline.isActive():
            self._deadline.start()

    def save_now(self) -> bool:
        """Commit the section on screen; True when nothing is left unsaved."""
        self._timer.stop()
        self._deadline.stop()
        if not self._dirty:
            return True
        section = self.editor.current()
        if section == self._stored:
            self._dirty = False
            self._say_saved()
            return True
        try:
            self.repository.save_section(section, editing=True)
        except PlanError as error:  # the section must change: trying again won't do
            self.drafts[section.uid] = section
            self.status.set_state(
                "error", f"Not saved: {error} Change that and it is saved; your text is kept."
            )
            return False
        except JournalError as error:  # storage: it may work in a moment
            self.drafts[section.uid] = section
            self.status.set_state(
                "error", f"Not saved yet: {error} Your text is kept on screen; trying again."
            )
            self._timer.start(RETRY_DELAY_MS)
            return False
        self.drafts.pop(section.uid, None)
        self._editing = True
        self._stored = section
        self._dirty = False
        self.plan = replace(
            self.plan,
            sections=tuple(section if s.uid == section.uid else s for s in self.plan.sections),
        )
        self.status.set_state("saved", f"Saved {datetime.now():%H:%M}")
        if self._reload_waiting:
            self._reload_waiting = False
            self.reload()
        return True

    def save_plan(self, plan: Plan, select: str | None = None) -> bool:
        """Commit a change of the plan's sections (order, titles, hidden, added, removed)
        after the text on screen; True when saved."""
        if not self.save_now():
            return False
        try:
            self.repository.save_plan(plan, editing=True)
        except (JournalError, PlanError) as error:
            self.status.set_state("error", f"Not saved: {error}")
            return False
        self._editing = True
        if select is not None:
            self._stored = None
            self.editor.show_section(plan.section(select))
        self.reload()
        return True

    def _resume_drafts(self) -> None:
        """Show, and save now, what could not be saved before a lock."""
        for kept, draft in list(self.drafts.items()):
            section = self._in_plan(draft)
            if section is None:
                self.drafts.pop(kept)
                continue
            uid = section.uid
            if uid != kept:
                self.drafts.pop(kept)
                self.drafts[uid] = section
            self.sections.show_plan(self.plan, uid)
            self._stored = self.plan.section(uid)
            self.editor.show_section(section, self._contacts(section))
            self._dirty = True
            if not self.save_now():
                return

    def _in_plan(self, draft: PlanSection) -> PlanSection | None:
        """``draft`` as a section of the plan shown: a template never stored gets new uids
        when the journal is opened again, so its section of the same kind takes the text."""
        uids = {s.uid for s in self.plan.sections}
        if draft.uid in uids:
            return draft
        twin = self.plan.of_kind(draft.kind) if draft.kind is not SectionKind.CUSTOM else None
        return replace(draft, uid=twin.uid) if twin is not None else None

    def _say_saved(self) -> None:
        if self._dirty:
            return
        try:
            last = self.repository.last_saved()
        except JournalError:
            return
        if last is None:
            self.status.set_state("empty", "Nothing written yet")
        elif last.date() == date.today():
            self.status.set_state("saved", f"Saved {last:%H:%M}")
        else:
            when = short_day_seen_from(last.date(), date.today())
            self.status.set_state("saved", f"Saved {when}, {last:%H:%M}")

    def flush(self) -> bool:
        """Save now and end the editing session (leaving the page, locking, closing);
        False if something typed could not be saved."""
        self.editor.pairs.commit_open_cell()
        if not self.save_now():
            return False
        # The notice of a session that stopped has been seen once the page is left, or the
        # app locked or closed: it does not come back after a clean end.
        if self._editing or not self.notice.isHidden():
            try:
                self.repository.end_editing()
            except JournalError:
                return True  # the text is saved; the session marker stays for next time
            self._editing = False
            self.notice.hide()
        return True

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    # -- the journal changing ------------------------------------------------------------
    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Records the page shows changed: a renamed person shows the new name at once; the
        plan from elsewhere (a restore, an import) is read again unless something typed is
        not saved yet (then it is read once that is saved)."""
        if kinds & {Change.PLAN, Change.REPLACED}:
            self.output_line.setText("")  # "Version 6 kept." is old news after a restore
            if self._dirty:
                self._reload_waiting = True
            else:
                self.reload()
        if Change.CONTACTS in kinds and self._stored is not None:
            self.editor.show_contacts(self._contacts(self.editor.current()))

    def focus_first(self) -> None:
        self.sections.view.setFocus()
