"""Pages that rebuild their contents never show the old widgets under the new ones, even
while a message box keeps the event loop from deleting them."""

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from recovery_desktop.domain.contacts import CrisisLine
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.flows import Flows
from recovery_desktop.ui.pages.clean_time import CleanTimePage
from recovery_desktop.ui.pages.people.crisis import CrisisLineRow, CrisisLinesBox
from recovery_desktop.ui.session import Session
from tests.ui.conftest import follow_journal

TODAY = date.today()


def _stray(container: QWidget, layout) -> list[QWidget]:
    """Children of ``container`` still shown although no longer in ``layout``."""
    kept = {layout.itemAt(i).widget() for i in range(layout.count())}
    children = container.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [w for w in children if w.isVisible() and not w.isWindow() and w not in kept]


def test_clean_time_hides_the_old_lapse_list_while_saved_shows(qtbot, journal, files, monkeypatch):
    """Behind the "Saved…" box after a lapse, only the new Clean time contents are shown."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=30), TODAY)
    session = Session(files)
    session.adopt(journal)
    flows = Flows(session)
    page = CleanTimePage(journal.recovery_time, flows.open_lapse)
    qtbot.addWidget(page)
    follow_journal(page, journal, session)  # the recorded lapse redraws the page
    page.show()
    seen: list[list[QWidget]] = []
    monkeypatch.setattr(LapseDialog, "exec", lambda dialog: dialog.accept() or 1)
    monkeypatch.setattr(
        QMessageBox, "information", lambda *_a: seen.append(_stray(page.body, page.body_layout))
    )
    assert flows.open_lapse(datetime.now() - timedelta(hours=1))
    assert seen == [[]]


def test_crisis_lines_hide_the_old_rows_at_once(qtbot, journal):
    """Adding a crisis line rebuilds the rows; the old ones disappear at the same moment."""
    box = CrisisLinesBox(journal.contacts)
    qtbot.addWidget(box)
    box.show()
    old = list(box.rows)
    journal.contacts.save_crisis_line(CrisisLine(None, "Warmline", "555-0199"))
    box.refresh()
    assert old and not any(row.isVisible() for row in old)
    qtbot.waitUntil(lambda: all(row.isVisible() for row in box.rows))
    assert len(box.findChildren(CrisisLineRow)) >= len(box.rows) == len(old) + 1


def test_a_redrawn_chart_hides_the_old_canvas_at_once(qtbot, files):
    """A chart replaced by a new range never shows the old drawing under the new one."""
    from recovery_desktop.domain.periods import Period
    from recovery_desktop.domain.trends import TrendData
    from recovery_desktop.reports.charts import chart_spec
    from recovery_desktop.reports.style import LIGHT
    from recovery_desktop.ui.widgets.chart_canvas import ChartCanvas
    from recovery_desktop.ui.widgets.chart_view import ChartView

    view = ChartView("Triggers", files.app_folders())
    qtbot.addWidget(view)
    view.show()
    period = Period(TODAY - timedelta(days=6), TODAY, "This week")
    view.set_chart(chart_spec("triggers").build(TrendData(period), LIGHT))
    qtbot.waitUntil(lambda: view.canvas is not None and view.canvas.isVisible())
    old = view.canvas.rendered
    new = chart_spec("triggers").build(TrendData(period), LIGHT)
    view.set_chart(new)
    # One picture on screen, the new one: the old drawing is gone at once.
    shown = [c for c in view.findChildren(ChartCanvas) if c.isVisible()]
    assert shown == [view.canvas] and view.canvas.rendered is not old
    assert view.canvas.figure is new.figure
