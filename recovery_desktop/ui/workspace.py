"""The unlocked window's body: navigation on the left, the pages on the right, each page
built the first time it is shown (or needed: a draft it reopens, a test asking for it)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.ui.app_title import APP_TITLE
from recovery_desktop.ui.widgets.reading_order import in_reading_order, move_focus, tab_stops

if TYPE_CHECKING:
    from recovery_desktop.data.journal import Journal
    from recovery_desktop.domain.drafts import Draft

LOCK_SHORTCUT = "Ctrl+L"


@dataclass(frozen=True)
class PageSpec:
    """A navigation entry, how to build its page for an unlocked journal, and where the
    page's class lives, as ``"module:Class"`` (its ``draft_kinds`` say which kept dialogs it
    reopens). The class is named, not imported, so a page's module loads only when needed."""

    title: str
    build: Callable[[Journal], QWidget]
    kind: str

    def page_class(self) -> type[QWidget]:
        """The page's class (imports its module)."""
        module, _, name = self.kind.partition(":")
        found: type[QWidget] = getattr(importlib.import_module(module), name)
        return found

    def is_of(self, kind: type) -> bool:
        """Whether the page is of class ``kind``, without importing the page's module."""
        return self.kind == f"{kind.__module__}:{kind.__qualname__}"


class Workspace(QWidget):
    """Navigation on the left, pages on the right, and the lock button. Every title is
    listed from the start; a page is built when first shown, the one of row ``start`` (the
    first unless told) at once."""

    def __init__(
        self,
        specs: Sequence[PageSpec],
        journal: Journal,
        lock: Callable[[], None],
        parent: QWidget | None = None,
        extras: Sequence[QWidget] = (),
        start: int = 0,
    ) -> None:
        super().__init__(parent)
        self.specs = list(specs)
        self.journal = journal
        self._built: dict[int, QWidget] = {}
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Pages")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        for spec in self.specs:
            self.nav.addItem(spec.title)
        self.nav.currentRowChanged.connect(self._switch)
        lock_button = QPushButton("Lock", self)
        lock_button.setObjectName("lockButton")
        lock_button.setToolTip(f"Lock the journal now ({LOCK_SHORTCUT})")
        lock_button.setAccessibleName("Lock the journal")
        lock_button.clicked.connect(lock)
        side = QVBoxLayout()
        brand = QLabel(APP_TITLE, self)
        brand.setObjectName("brand")
        side.addWidget(brand)
        for extra in extras:
            side.addWidget(extra)
        side.addWidget(self.nav, 1)
        side.addWidget(lock_button)
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)
        self.nav.setCurrentRow(start if 0 <= start < len(self.specs) else 0)

    # -- building ------------------------------------------------------------------------
    @property
    def pages(self) -> list[QWidget]:
        """The pages built so far, in navigation order."""
        return [self._built[row] for row in sorted(self._built)]

    def built(self, row: int) -> QWidget | None:
        """The page of ``row`` if it was built, else None."""
        return self._built.get(row)

    def build(self, row: int) -> QWidget:
        """The page of ``row``, built now (hidden, in the stack) if it was not yet."""
        page = self._built.get(row)
        if page is None:
            page = self.specs[row].build(self.journal)
            self._built[row] = page
            self.stack.addWidget(page)
        return page

    def row_of(self, which: str | type) -> int:
        """The navigation row titled ``which``, or of the page of class ``which``;
        ``ValueError`` if there is none."""
        for row, spec in enumerate(self.specs):
            if spec.title == which or (isinstance(which, type) and spec.is_of(which)):
                return row
        raise ValueError(f"No page {which!r}")

    # -- showing -------------------------------------------------------------------------
    def _switch(self, row: int) -> None:
        if row < 0:
            return
        current = self.stack.currentWidget()
        if current is not None and hasattr(current, "flush"):
            current.flush()
        self.stack.setCurrentWidget(self.build(row))

    def show_page(self, row: int) -> None:
        if 0 <= row < self.nav.count():
            self.nav.setCurrentRow(row)

    @property
    def current_row(self) -> int:
        """The navigation row of the page shown."""
        return self.nav.currentRow()

    def open_page(self, which: str | type) -> QWidget:
        """Show the page titled ``which``, or of class ``which`` (building it if needed),
        and return it."""
        row = self.row_of(which)
        self.show_page(row)
        return self.build(row)

    def page(self, kind: type) -> QWidget | None:
        """The page of class ``kind``, built now (not shown) if it was not yet; None if no
        page is of that class."""
        try:
            return self.build(self.row_of(kind))
        except ValueError:
            return None

    # -- keyboard ------------------------------------------------------------------------
    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab follow the screen, whenever a page built its controls: the
        sidebar's buttons, the page list, the page in reading order, then Lock."""
        return move_focus(self.reading_order(), forward) or super().focusNextPrevChild(forward)

    def reading_order(self) -> list[QWidget]:
        """Every control Tab can reach now, in the order they appear on screen; a page
        with a ``tab_chain()`` (the Journal: down the entry, then the list) has its
        controls in that order, the rest of it after them on screen."""
        regions: list[list[QWidget]] = [[], [], [], []]
        for stop in tab_stops(self):
            regions[self._region(stop)].append(stop)
        regions = [in_reading_order(region, self) for region in regions]
        regions[2] = self._page_order(regions[2])
        return [w for region in regions for w in region]

    def _page_order(self, stops: list[QWidget]) -> list[QWidget]:
        """``stops`` (the page's, on screen) in the order the page gives, if it gives one."""
        chain = getattr(self.stack.currentWidget(), "tab_chain", None)
        if chain is None:
            return stops
        listed = [w for w in chain() if w in stops]
        return listed + [w for w in stops if w not in listed]

    def _region(self, widget: QWidget) -> int:
        if self.stack.isAncestorOf(widget):
            return 2
        if widget is self.nav:
            return 1
        # The sidebar: buttons above the page list, Lock below it.
        return 0 if widget.mapTo(self, QPoint(0, 0)).y() < self.nav.y() else 3

    # -- saving and drafts ---------------------------------------------------------------
    def flush(self) -> bool:
        """Save everything open; False if something could not be saved. Pages not built
        yet hold nothing to save."""
        return all([page.flush() for page in self.pages if hasattr(page, "flush")])

    def resume(self, draft: Draft) -> bool:
        """Show the page that reopens ``draft``'s dialog (building it if needed) and let
        it; False if none can."""
        for row, spec in enumerate(self.specs):
            if draft.kind in getattr(spec.page_class(), "draft_kinds", ()):
                self.show_page(row)
                self.build(row).resume_draft(draft)  # type: ignore[attr-defined]
                return True
        return False
