"""Every date field starts at a sensible earliest day, and starting a count after a lapse
today suggests the same day the lapse flow would."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
    QWizard,
)

from recovery_desktop.domain.dates import EARLIEST_DAY, LATEST_DAY
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse, RecoveryTimeError
from recovery_desktop.ui.dialogs.clean_date_dialog import CleanDateDialog
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.dialogs.reach_out_dialog import ReachOutDialog
from recovery_desktop.ui.flows import craving_panel
from recovery_desktop.ui.pages.clean_time import CleanTimePage
from recovery_desktop.ui.pages.medication.appointment_editor import AppointmentEditor
from recovery_desktop.ui.pages.medication.editor import MedicationEditor
from recovery_desktop.ui.session import Session
from tests.ui.conftest import wizard_at_first_steps

TODAY = date.today()
EARLIEST = QDate(EARLIEST_DAY.year, EARLIEST_DAY.month, EARLIEST_DAY.day)
LATEST = QDate(LATEST_DAY.year, LATEST_DAY.month, LATEST_DAY.day)


def _too_early(widget: QWidget) -> list[str]:
    """Date fields in ``widget`` that accept a day before the earliest one, or after the
    last one the journal keeps (the Journal's When took 2300, then could never be saved)."""
    return [
        edit.accessibleName()
        for edit in widget.findChildren(QDateTimeEdit)
        if edit.minimumDate() < EARLIEST or edit.maximumDate() > LATEST
    ]


@pytest.fixture
def window(qtbot, window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session)


def test_first_run_refuses_a_clean_date_in_1886(qtbot, files, monkeypatch):
    """The wizard's clean date cannot go back to 30 Nov 1886 ("51134 days clean")."""
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    wizard, created = wizard_at_first_steps(qtbot, files)
    steps = wizard.first_steps
    steps.count.setChecked(True)
    steps.clean_date.setDate(QDate(1886, 11, 30))
    assert steps.clean_date.date() == EARLIEST
    wizard.button(QWizard.WizardButton.FinishButton).click()
    [period] = created[0].recovery_time.periods()
    assert period.start == EARLIEST_DAY
    created[0].close()


def test_every_page_has_sensible_date_fields(qtbot, window):
    """Today's day, the Cravings filters, Trends and Weekly summary ranges: none before 1950."""
    for row in range(window.workspace.nav.count()):
        window.workspace.show_page(row)
        page = window.workspace.stack.currentWidget()
        assert _too_early(page) == [], window.workspace.nav.item(row).text()


def test_every_dialog_has_sensible_date_fields(qtbot, journal):
    """Clean date, lapse, craving "when" and reach-out: none before 1950."""
    dialogs = [
        CleanDateDialog(journal.recovery_time, DEFAULT_SUBSTANCE),
        LapseDialog(journal.recovery_time, journal.contacts),
        craving_panel(journal),
        ReachOutDialog(journal.contacts),
        AppointmentEditor(journal.appointments, journal.contacts),
        MedicationEditor(journal.medication, None, TODAY),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert len(dialog.findChildren(QDateTimeEdit)) >= 1
        assert _too_early(dialog) == [], dialog.windowTitle()


def test_the_journal_refuses_clean_dates_and_lapses_before_1950(journal):
    """Even from outside the screens (an import, a script), 1886 is refused in plain words."""
    with pytest.raises(RecoveryTimeError, match="1950"):
        journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, date(1886, 11, 30), TODAY)
    with pytest.raises(RecoveryTimeError, match="1950"):
        journal.recovery_time.record_lapse(
            Lapse(None, datetime(1886, 11, 30, 12), DEFAULT_SUBSTANCE), None, TODAY
        )
    assert journal.counts()["clean_dates"] == journal.counts()["lapses"] == 0


def test_start_counting_after_a_lapse_today_suggests_tomorrow(qtbot, journal, monkeypatch):
    """Not counting, a lapse recorded today: "Start counting…" suggests tomorrow, as the
    lapse flow does, never "Day one is today" on the day of the use."""
    journal.recovery_time.set_counting(False)
    journal.recovery_time.record_lapse(Lapse(None, datetime.now(), DEFAULT_SUBSTANCE), None, TODAY)
    page = CleanTimePage(journal.recovery_time, lambda: None)
    qtbot.addWidget(page)
    page.show()
    suggested = []

    def accept(dialog):
        suggested.append(dialog.start.date())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CleanDateDialog, "exec", accept)
    [start] = [b for b in page.findChildren(QPushButton) if b.text() == "Start counting…"]
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    tomorrow = TODAY + timedelta(days=1)
    assert suggested == [QDate(tomorrow.year, tomorrow.month, tomorrow.day)]
    [period] = journal.recovery_time.periods()
    assert period.start == tomorrow

    def shown():
        return [label.text() for label in page.body.findChildren(QLabel) if label.isVisible()]

    qtbot.waitUntil(lambda: "Day one starts tomorrow" in shown())
    assert "Day one is today" not in shown()


def test_a_clean_date_is_never_before_the_latest_lapse(journal):
    """Not counting, a lapse on Monday: a clean date before that Monday is refused."""
    journal.recovery_time.set_counting(False)
    lapse_day = TODAY - timedelta(days=3)
    journal.recovery_time.record_lapse(
        Lapse(None, datetime.combine(lapse_day, datetime.min.time()), DEFAULT_SUBSTANCE),
        None,
        TODAY,
    )
    with pytest.raises(RecoveryTimeError, match="before your last lapse"):
        journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, lapse_day - timedelta(1), TODAY)
    with pytest.raises(RecoveryTimeError):
        journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY + timedelta(1), TODAY)
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, lapse_day, TODAY)
