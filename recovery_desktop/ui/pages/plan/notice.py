"""The notice on the Plan page after the app stopped while the plan was being edited: what
is kept, a way to compare it with the version before, and OK (which ends that session)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.calendar_text import short_day_seen_from
from recovery_desktop.domain.plan import Plan, PlanVersion
from recovery_desktop.ui.pages.plan.version_words import NOW_TITLE, version_title

if TYPE_CHECKING:
    from recovery_desktop.ui.pages.plan.page import PlanPage


def notice_text(kept_up_to: str) -> str:
    return (
        "Recovery Desktop stopped while you were editing your plan. "
        f"Everything you wrote up to {kept_up_to} is kept in your plan."
    )


class CrashNotice(QFrame):
    """Shown while the journal says an editing session of the plan did not end cleanly."""

    def __init__(self, page: PlanPage) -> None:
        super().__init__(page)
        self.page = page
        self._since: datetime | None = None
        self.setObjectName("planNotice")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.compare_button = QPushButton("Compare with the version &before", self)
        self.ok_button = QPushButton("OK", self)
        self.ok_button.setAccessibleName("OK, I have seen it")
        self.compare_button.clicked.connect(self.compare)
        self.ok_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.compare_button)
        row.addWidget(self.ok_button)
        self.hide()

    def check(self) -> None:
        """Show the notice if the journal holds a session that did not end cleanly."""
        repository = self.page.repository
        try:
            since = repository.interrupted_since()
            last = repository.last_saved() if since is not None else None
            before = self._version_before(since) if since is not None else None
        except JournalError:
            return
        if since is None:
            self.hide()
            return
        kept = last or since
        when = f"{kept:%H:%M}"
        if kept.date() != date.today():
            when = f"{short_day_seen_from(kept.date(), date.today())}, {when}"
        self.label.setText(notice_text(when))
        self._since = since
        self.compare_button.setVisible(before is not None)
        self.show()
        if before is not None and before.plan is not None:
            self._open_first_changed(before.plan)

    def _open_first_changed(self, before: Plan) -> None:
        """Show the first section written since ``before`` (where the user was working)."""
        old = {s.uid: s for s in before.sections}
        changed = next((s for s in self.page.plan.sections if old.get(s.uid) != s), None)
        if changed is not None:
            self.page.choose(changed.uid)
            self.page.sections.show_plan(self.page.plan, changed.uid)

    def _version_before(self, since: datetime) -> PlanVersion | None:
        """The newest version kept before the session that stopped began (a version the
        session kept itself would show no difference), with its snapshot."""
        repository = self.page.repository
        found = next((v for v in repository.versions() if v.saved_at < since), None)
        return repository.version(found.id) if found is not None else None

    def compare(self) -> None:
        """The version before the session that stopped, beside the plan as it is now."""
        from recovery_desktop.ui.pages.plan import outputs

        if self._since is None:
            return
        try:
            before = self._version_before(self._since)
            now = self.page.repository.plan()
        except JournalError:
            return
        if before is None or before.plan is None:
            return
        outputs.compare(self.page, before.plan, now, (version_title(before), NOW_TITLE))

    def dismiss(self) -> None:
        """OK: the session that stopped is over (a version is kept if one is due)."""
        self.hide()
        try:
            self.page.repository.end_editing()
        except JournalError:
            return
