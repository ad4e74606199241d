"""The main window: every working page listed, the craving button and its shortcut."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE
from recovery_desktop.ui.dialogs.craving_panel import CravingPanel
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.clean_badge import CleanBadge
from tests.ui.conftest import PAGE_TITLES, click_choice


def _window(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session), session


def _panels():
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CravingPanel) and w.isVisible()
    ]


def test_navigation_lists_the_pages_in_order(qtbot, window_for, journal, files):
    """Only working pages, in the order of DESIGN.md."""
    window, _session = _window(window_for, journal, files)
    nav = window.workspace.nav
    assert [nav.item(i).text() for i in range(nav.count())] == PAGE_TITLES


def test_craving_button_and_shortcut_open_one_panel(qtbot, window_for, journal, files):
    """The sidebar button opens the panel; Ctrl+K brings the same one forward."""
    window, _session = _window(window_for, journal, files)
    button = window.workspace.findChild(QPushButton, "cravingButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(_panels()) == 1
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.workspace.nav, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert len(_panels()) == 1
    _panels()[0].close()


def test_locking_saves_and_closes_an_open_craving_panel(qtbot, window_for, journal, files):
    """What was typed in the panel is kept when the journal locks."""
    window, session = _window(window_for, journal, files)
    button = window.workspace.findChild(QPushButton, "cravingButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    panel = _panels()[0]
    click_choice(qtbot, panel.intensity, "7")
    window.lock_now()
    assert not session.is_unlocked and not _panels()
    window.unlock_panel.passphrase.setText("correct horse battery staple")
    window.unlock_panel.unlock()
    assert session.journal.cravings.between(date.today(), date.today())[0].intensity == 7


def test_the_sidebar_shows_clean_time(qtbot, window_for, journal, files):
    """With a clean date the sidebar badge shows the streak on one line."""
    today = date.today()
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, today - timedelta(days=42), today)
    window, _session = _window(window_for, journal, files)
    badge = window.workspace.findChild(CleanBadge)
    assert badge.isVisible() and badge.text() == "42 days clean"
    assert badge.toolTip().startswith("Clean since ")


def test_tab_follows_the_screen_even_for_controls_a_page_built_later(
    qtbot, window_for, journal, files
):
    """On Trends (whose charts are made when first shown) Tab goes from the page list to the
    range, down the charts' Save buttons in order, then to Lock, and round to the sidebar."""
    from recovery_desktop.ui.pages.trends import TrendsPage

    window, _session = _window(window_for, journal, files)
    window.workspace.show_page(PAGE_TITLES.index("Trends"))
    page = window.workspace.page(TrendsPage)
    qtbot.waitUntil(lambda: bool(page.views) and not page.is_drawing(), timeout=20000)
    window.workspace.nav.setFocus()
    seen = []
    for _ in range(len(page.shown_views()) + 6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    saves = [view.save_button for view in page.shown_views().values()]
    assert seen[0] is page.range
    positions = [seen.index(button) for button in saves]
    assert positions == sorted(positions)
    lock = window.workspace.findChild(QPushButton, "lockButton")
    assert seen.index(lock) == positions[-1] + 1
    assert seen[seen.index(lock) + 1].objectName() == "helpButton"


def test_tab_never_gets_stuck_in_a_table(qtbot, window_for, journal, files):
    """On every page, Tab leaves a table for the next control (arrows move within it)."""
    from PySide6.QtWidgets import QAbstractItemView

    from recovery_desktop.data.demo import fill_demo

    fill_demo(journal, 4, date.today())
    window, _session = _window(window_for, journal, files)
    for row in range(window.workspace.nav.count()):
        window.workspace.show_page(row)
        page = window.workspace.stack.currentWidget()
        for view in page.findChildren(QAbstractItemView):
            if view.isVisible():
                assert not view.tabKeyNavigation(), (row, view.accessibleName())
                view.setFocus()
                qtbot.keyClick(view, Qt.Key.Key_Tab)
                assert not view.isAncestorOf(QApplication.focusWidget())
                assert QApplication.focusWidget() is not view


def test_every_page_is_of_the_class_its_entry_names(qtbot, window_for, journal, files):
    """Each navigation entry names its page's class as "module:Class" (so the module loads
    only when the page is needed); every name resolves, and each built page is of it, so
    a kept draft and ``page(Class)`` find the right page."""
    window, _session = _window(window_for, journal, files)
    workspace = window.workspace
    for spec in workspace.specs:
        kind = spec.page_class()
        assert spec.is_of(kind)
        assert isinstance(workspace.open_page(spec.title), kind)
        assert workspace.page(kind) is workspace.open_page(spec.title)
