"""The summary's period picker: the default week and the greyed date fields."""

from datetime import date

from PySide6.QtCore import Qt

from recovery_desktop.domain.periods import default_summary_week
from recovery_desktop.ui.dates import from_qdate
from recovery_desktop.ui.widgets.period_picker import PeriodPicker


def _dates(picker: PeriodPicker) -> tuple[date, date]:
    return from_qdate(picker.start.date()), from_qdate(picker.end.date())


def test_the_picker_opens_on_the_default_summary_week(qtbot):
    """The week shown first is the one the domain rule picks for today."""
    picker = PeriodPicker()
    qtbot.addWidget(picker)
    week = default_summary_week(date.today())
    assert picker.period() == week
    assert picker.week_label.text() == week.label


def test_the_greyed_dates_follow_the_chosen_week(qtbot):
    """After stepping back two weeks and forward one, the disabled dates show that week."""
    picker = PeriodPicker()
    qtbot.addWidget(picker)
    picker.show()
    for button in (picker.previous, picker.previous, picker.next):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    week = default_summary_week(date.today()).previous()
    assert picker.period() == week
    assert not picker.start.isEnabled()
    assert _dates(picker) == (week.start, week.end)
    with qtbot.waitSignal(picker.changed) as changed:
        qtbot.mouseClick(picker.range_mode, Qt.MouseButton.LeftButton)
    assert (changed.args[0].start, changed.args[0].end) == (week.start, week.end)


def test_the_current_week_shows_whole_and_says_so_far(qtbot, monkeypatch):
    """On Wednesday 25 November the current week's label says how far it has come, and its
    greyed last day is Sunday 29 November, not today (the field used to stop at today)."""
    from recovery_desktop.ui.widgets import period_picker

    class Wednesday(date):
        @classmethod
        def today(cls) -> date:
            return date(2026, 11, 25)

    monkeypatch.setattr(period_picker, "date", Wednesday)
    picker = PeriodPicker()
    qtbot.addWidget(picker)
    picker.show()
    qtbot.mouseClick(picker.next, Qt.MouseButton.LeftButton)
    assert picker.period().key == "2026-W48"
    assert picker.week_label.text().endswith("— so far, to Wednesday 25 November")
    assert _dates(picker) == (date(2026, 11, 23), date(2026, 11, 29))
    assert not picker.next.isEnabled()
