"""UI helpers: drive the real widgets with qtbot against a real temporary journal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from recovery_desktop.ui.app import build_main_window
from recovery_desktop.ui.change_signal import ChangeSignal, Follower, follow
from recovery_desktop.ui.pages.summary.page import SummaryPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.theme import apply_theme
from recovery_desktop.ui.warmup import Warmup
from recovery_desktop.ui.widgets.choice import SegmentedChoice
from recovery_desktop.ui.worker import Worker
from tests.pdf_text import pdf_text

# The navigation, in the order of DESIGN.md.
PAGE_TITLES = [
    "Today",
    "My day",
    "Journal",
    "Cravings",
    "Trends",
    "People",
    "Plan",
    "Medication & visits",
    "Clean time",
    "Triggers & coping",
    "Weekly summary",
    "Settings",
]


def click_choice(qtbot, choice: SegmentedChoice, text: str) -> None:
    """Click the segment labelled ``text``, as a user would."""
    for button in choice.findChildren(type(choice._group.button(0))):
        if button.text() == text:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
    raise AssertionError(f"no segment {text!r}")


def follow_journal(page, journal, session: Session | None = None) -> Follower:
    """Keep a page built on its own current with ``journal``'s changes (``session``'s, when
    given), as the main window does: at once while shown, else when next shown."""
    if session is None:
        session = Session(journal.files)
        session.adopt(journal)
    changes = ChangeSignal(session, page)
    return follow(page, changes, page.shows, page.data_changed)


def open_page(window, title: str):
    """Show the main window's page titled ``title`` (built now if it was not) and return it."""
    return window.workspace.open_page(title)


@pytest.fixture(autouse=True, scope="session")
def _theme(qapp):
    """The app's own style and style sheet, as users see it (sizes depend on it), and its
    tooltips and message boxes, which show user text as typed."""
    apply_theme(qapp)


@pytest.fixture(autouse=True)
def _widgets_end_in_the_event_loop(qtbot, monkeypatch):
    """A widget handed to qtbot stays referenced until pytest-qt has closed it and deleted
    it with ``deleteLater`` in its teardown. Left to Python, a parentless dialog is
    destroyed the moment its test returns, while the worker thread may still run Python:
    that crashed the process (docs/decisions.md, "Widgets end in the event loop")."""
    kept = []
    add = qtbot.addWidget

    def add_and_keep(widget, *, before_close_func=None):
        kept.append(widget)
        add(widget, before_close_func=before_close_func)

    monkeypatch.setattr(qtbot, "addWidget", add_and_keep)
    yield
    kept.clear()


@pytest.fixture
def worker():
    """The background worker for a page built on its own, stopped after the test as the
    main window stops it on close."""
    running = Worker()
    yield running
    running.stop()


@pytest.fixture
def window_for(qtbot):
    """Build the real main window for a session, shown and registered with qtbot."""

    def build(session: Session):
        window = build_main_window(session)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return build


def shown_summary_page(qtbot, journal, worker: Worker) -> SummaryPage:
    """The Weekly summary page on ``journal``, shown, with its first preview built."""
    shown = SummaryPage(journal, Warmup(), worker)
    qtbot.addWidget(shown)
    shown.resize(1100, 800)
    shown.show()
    qtbot.waitUntil(lambda: shown.built is not None, timeout=10000)
    return shown


def save_summary_pdf(page: SummaryPage, tmp_path, name: str = "week.pdf"):
    """Save the page's PDF through the page; returns the path and the PDF's text."""
    path = tmp_path / name
    assert page.save_pdf_to(path) >= 1
    return path, pdf_text(path)


def answer_keep_lapse(qtbot, monkeypatch, answer: str):
    """Answer the "Keep the lapse?" question: "keep" (Enter), "escape" or "remove".

    Returns the list of boxes asked, each checked to keep the lapse by default."""
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def exec_(box):
        asked.append(box)
        keep = box.defaultButton()
        assert keep is box.escapeButton() and keep.text() == "&Keep the lapse"
        if answer == "escape":
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        elif answer == "keep":
            keep.click()
        else:
            [remove] = [b for b in box.buttons() if b is not keep]
            remove.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def wizard_at_privacy_choice(qtbot, files):
    """The first-run wizard past its welcome page; ``created`` receives the new journal."""
    from recovery_desktop.ui.app import create_from_wizard
    from recovery_desktop.ui.dialogs.key_wizards import setup_wizard

    created = []
    wizard = setup_wizard(
        lambda w: created.append(create_from_wizard(files, w)), files.app_folders()
    )
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    return wizard, created


def wizard_at_first_steps(qtbot, files):
    """The first-run wizard, with no passphrase chosen, at its last page (first steps)."""
    wizard, created = wizard_at_privacy_choice(qtbot, files)
    wizard.currentPage().unprotected.setChecked(True)
    wizard.next()
    return wizard, created


def shown_page(qtbot, page, journal, width: int, height: int):
    """``page`` built on ``journal``'s repositories, following its changes, shown at
    ``width`` × ``height`` and active (keys reach it)."""
    from PySide6.QtWidgets import QApplication

    follow_journal(page, journal)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def shown_day_page(qtbot, journal, day):
    """The My day page on ``journal``'s repositories, shown and active, on ``day``."""
    from recovery_desktop.ui.pages.day.page import DayPage

    page = shown_page(qtbot, DayPage(journal.day_plan, journal.preferences), journal, 1000, 700)
    page.go_to(day)
    return page
