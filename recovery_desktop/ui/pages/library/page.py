"""Triggers and coping: the user's own lists, pre-filled with common ones and free to change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from recovery_desktop.data.changes import Change
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.domain.library import Kind
from recovery_desktop.ui.pages.library.item_list import PANEL_MARK, LibraryList
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area

if TYPE_CHECKING:
    from recovery_desktop.data.library import LibraryRepository

INTRO = (
    "Triggers are the people, places, feelings and situations that make using more likely. "
    "Coping steps are what help you ride a craving out until it passes. Both lists start with "
    "ones many people in recovery name, and they are yours to change: add your own, rename "
    "them, put the ones that matter most at the top, and archive what doesn't fit your life."
)
TRIGGERS_NOTE = (
    "Knowing your triggers helps you see a craving coming, and plan around the ones you "
    "can't avoid."
)
COPING_NOTE = (
    f"Steps marked {PANEL_MARK} are shown in the craving panel, one click away when a "
    "craving hits. Edit a step to show or hide it there."
)
TABS = {Kind.TRIGGER: "My &triggers", Kind.COPING: "What &helps me (coping)"}


class LibraryPage(QWidget):
    """Two tabs, each an editable list; every change is saved at once."""

    title = "Triggers & coping"
    draft_kinds = (DraftKind.LIBRARY_ITEM,)
    shows = frozenset({Change.LIBRARY})

    def __init__(self, library: LibraryRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        heading = page_heading("Triggers and coping", self)
        self.triggers = LibraryList(library, Kind.TRIGGER, self)
        self.coping = LibraryList(library, Kind.COPING, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._tab(self.triggers, TRIGGERS_NOTE), TABS[Kind.TRIGGER])
        self.tabs.addTab(self._tab(self.coping, COPING_NOTE), TABS[Kind.COPING])
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(_paragraph(INTRO, "", body))
        column.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll_area(body, self), 1)

    def _tab(self, panel: LibraryList, note: str) -> QWidget:
        tab = QWidget(self.tabs)
        layout = QVBoxLayout(tab)
        layout.addWidget(_paragraph(note, "hintLabel", tab))
        layout.addWidget(panel, 1)
        return tab

    def resume_draft(self, draft: Draft) -> None:
        """Reopen the dialog that was open when the journal locked, on its own tab."""
        kind = Kind.COPING if draft.text("list") == Kind.COPING.value else Kind.TRIGGER
        self.tabs.setCurrentIndex(list(Kind).index(kind))
        self.panel(kind).resume(draft)

    def panel(self, kind: Kind) -> LibraryList:
        return self.triggers if kind is Kind.TRIGGER else self.coping

    def reload(self) -> None:
        """Read both lists again (after another screen changed the library)."""
        self.triggers.reload()
        self.coping.reload()

    def data_changed(self, _kinds: frozenset[Change]) -> None:
        """The library changed (``ui/change_signal.py``): both lists are read again."""
        self.reload()

    def flush(self) -> bool:
        """Every change is saved as it is made, so there is never anything left to save."""
        return True


def _paragraph(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName(name)
    return label
