"""One change signal: each page hears the kinds of records it shows, a hidden page waits for
its next show, pages are built when first shown, and nothing polls the journal."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact, CrisisLine, Method, ReachOut, Role
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes
from recovery_desktop.domain.library import Kind, LibraryItem
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE
from recovery_desktop.ui.change_signal import Follower
from recovery_desktop.ui.day_watcher import DayWatcher
from recovery_desktop.ui.dialogs.craving_panel import CravingPanel
from recovery_desktop.ui.pages.cravings import CravingsPage
from recovery_desktop.ui.pages.people.page import PeoplePage
from recovery_desktop.ui.pages.trends import TrendsPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.worker import Worker
from recovery_desktop.ui.workspace import PageSpec
from tests.conftest import PASSPHRASE
from tests.ui.conftest import PAGE_TITLES, click_choice

TODAY = date.today()
TITLES = PAGE_TITLES


def _window(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session)


def _sam(journal) -> int:
    return journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0100")).id


# What a user does somewhere, and the pages that show its records (by title).
WRITES = [
    ("check-in", lambda j: j.checkins.save(CheckIn(TODAY, mood=6)), {"Trends", "Weekly summary"}),
    (
        "craving",
        lambda j: j.cravings.save(Craving(None, datetime.now(), 6)),
        {"Today", "Cravings", "Trends", "Weekly summary"},
    ),
    (
        "contact",
        _sam,
        {"Today", "Trends", "People", "Plan", "Medication & visits", "Weekly summary"},
    ),
    (
        "reach-out",
        lambda j: j.contacts.log_reach_out(ReachOut(None, _sam_id(j), datetime.now(), Method.CALL)),
        {"Today", "Trends", "People", "Weekly summary"},
    ),
    (
        "crisis line",
        lambda j: j.contacts.save_crisis_line(CrisisLine(None, "Warmline", "555-0199")),
        {"People"},
    ),
    (
        "trigger",
        lambda j: j.library.add(LibraryItem(None, Kind.TRIGGER, "Paydays", "Situations")),
        {"Cravings", "Triggers & coping"},
    ),
    (
        "clean date",
        lambda j: j.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY, TODAY),
        {"Today", "Trends", "Clean time", "Weekly summary"},
    ),
    (
        "reminder days",
        lambda j: j.preferences.set_reach_out_reminder_days(9),
        {"Today", "My day", "People", "Trends"},  # Trends: the waking window is a preference
    ),
    (
        "day block",
        lambda j: j.day_plan.add(TODAY, BlockTimes(720, 780, "Lunch", BlockCategory.MEALS)),
        {"Today", "My day", "Trends"},  # Today's card, the page, the idle charts
    ),
    (
        "plan",
        lambda j: j.plan.save_section(j.plan.plan().sections[0].with_body("Why"), editing=False),
        {"Plan", "Weekly summary"},  # the summary's "My plan" lists versions
    ),
]


def _sam_id(journal) -> int:
    return journal.contacts.contacts()[0].id


def _stale(window) -> dict[str, frozenset]:
    """What each built page is waiting to show, by title."""
    workspace = window.workspace
    return {
        spec.title: page.findChild(Follower).stale
        for spec, page in ((s, workspace.built(r)) for r, s in enumerate(workspace.specs))
        if page is not None and page.findChild(Follower) is not None
    }


def test_each_kind_of_change_reaches_exactly_the_pages_that_show_it(
    qtbot, window_for, journal, files
):
    """Every page built, Settings on screen: a write marks exactly the pages showing its
    records as waiting (a check-in is nothing to People), and none of them does work."""
    window = _window(window_for, journal, files)
    for title in TITLES:
        window.workspace.open_page(title)
    waiting = _stale(window)
    assert set(waiting) == set(TITLES) - {"Settings"}
    assert not any(waiting.values())
    for name, write, pages in WRITES:
        before = _stale(window)
        write(journal)
        after = _stale(window)
        reached = {title for title in after if after[title] != before[title]}
        assert reached == pages, name


def test_the_page_on_screen_redraws_at_once_and_only_for_its_kinds(
    qtbot, window_for, journal, files
):
    """People on screen: a check-in leaves its lists alone; a contact added anywhere shows
    at once."""
    window = _window(window_for, journal, files)
    page = window.workspace.open_page(PeoplePage)
    model = page.contacts_box.model
    with qtbot.assertNotEmitted(model.modelReset):
        journal.checkins.save(CheckIn(TODAY, mood=6))
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        _sam(journal)
    assert model.rowCount() == 1


def test_a_hidden_page_waits_and_catches_up_when_shown(qtbot, window_for, journal, files):
    """A craving logged in the panel while Cravings is hidden: the hidden list is left as it
    was (no work), and shows the craving as soon as the page is shown."""
    window = _window(window_for, journal, files)
    cravings = window.workspace.open_page(CravingsPage)
    assert cravings.model.rowCount() == 0
    window.workspace.open_page("Today")
    qtbot.mouseClick(
        window.workspace.findChild(QPushButton, "cravingButton"), Qt.MouseButton.LeftButton
    )
    panel = next(w for w in window.findChildren(CravingPanel) if w.isVisible())
    click_choice(qtbot, panel.intensity, "7")
    assert panel.save_now()
    assert journal.cravings.count() == 1
    assert cravings.model.rowCount() == 0
    panel.close()
    window.workspace.open_page(CravingsPage)
    assert cravings.model.rowCount() == 1


def test_a_page_never_shown_is_never_built(qtbot, window_for, journal, files):
    """Unlocking builds Today only; every title is listed; a page is built on its first
    show, once, and shows what changed before it."""
    window = _window(window_for, journal, files)
    builds: dict[str, int] = {}

    def counted(spec: PageSpec) -> PageSpec:
        def build(opened):
            builds[spec.title] = builds.get(spec.title, 0) + 1
            return spec.build(opened)

        return PageSpec(spec.title, build, spec.kind)

    window.page_specs = [counted(spec) for spec in window.page_specs]
    window.lock_now()
    window.session.unlock(PASSPHRASE)
    nav = window.workspace.nav
    assert [nav.item(row).text() for row in range(nav.count())] == TITLES
    assert builds == {"Today": 1}
    assert window.findChildren(TrendsPage) == [] and window.findChildren(CravingsPage) == []
    window.session.journal.cravings.save(Craving(None, datetime.now(), 4))
    page = window.workspace.open_page("Cravings")
    window.workspace.open_page("Today")
    window.workspace.open_page("Cravings")
    assert builds == {"Today": 1, "Cravings": 1}
    assert page.model.rowCount() == 1
    assert window.workspace.flush()  # pages not built have nothing to save


# Repeating timers the idle app may run, none of which reads the journal:
ALLOWED = {
    # The date check (ui/day_watcher.py): reads the clock once a minute, as a timer armed
    # for midnight does not fire after a sleep; pages hear of a new date through it.
    ("DayWatcher", "_coarse"),
    # The daily automatic backup (ui/auto_backup.py): once an hour it looks at the backup
    # folder's file names and takes a backup if none is from the last 24 hours.
    ("AutoBackup", "timer"),
}


def _owner(timer: QTimer) -> tuple[str, str]:
    parent = timer.parent()
    name = next((k for k, v in vars(parent).items() if v is timer), "?") if parent else "?"
    return type(parent).__name__, name


@pytest.mark.parametrize("visit_every_page", [False, True])
def test_nothing_polls_the_journal_while_idle(qtbot, window_for, journal, files, visit_every_page):
    """With the app idle (after start, or after visiting every page) no repeating timer
    runs but the date check and the hourly look for a due backup; the clean-time badge
    no longer polls."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY, TODAY)
    window = _window(window_for, journal, files)
    if visit_every_page:
        for title in TITLES:
            window.workspace.open_page(title)
        window.workspace.open_page("Today")
    worker = window.findChild(Worker)
    qtbot.waitUntil(lambda: not worker.busy, timeout=20000)  # Trends and the summary drawn
    polling = {
        _owner(timer)
        for timer in window.findChildren(QTimer)
        if timer.isActive() and not timer.isSingleShot()
    }
    assert polling <= ALLOWED
    assert window.findChild(DayWatcher) is not None


def test_the_open_craving_panel_follows_people_and_triggers_added_elsewhere(
    qtbot, window_for, journal, files
):
    """With the panel open, a person added on People shows under "Call someone first" and a
    new trigger joins the list, with what was ticked still ticked."""
    window = _window(window_for, journal, files)
    qtbot.mouseClick(
        window.workspace.findChild(QPushButton, "cravingButton"), Qt.MouseButton.LeftButton
    )
    panel = next(w for w in window.findChildren(CravingPanel) if w.isVisible())
    first = panel.triggers.list.item(0).text()
    panel.triggers.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert panel.help.contact_rows == []
    _sam(journal)
    journal.library.add(LibraryItem(None, Kind.TRIGGER, "Paydays", "Situations"))
    assert [c.name for c in panel.help.contact_rows] == ["Sam"]
    names = [panel.triggers.list.item(i).text() for i in range(panel.triggers.list.count())]
    assert "Paydays" in names
    assert [tag.name for tag in panel.triggers.chosen()] == [first]
    panel.close()
