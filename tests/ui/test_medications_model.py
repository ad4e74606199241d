"""The medications table model, read without a view: rows, words, order and the grey of
stopped medications."""

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from recovery_desktop.domain.medication import (
    Adherence,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
)
from recovery_desktop.ui.models.medications_model import (
    COL_DATES,
    COL_DOSE,
    COL_KIND,
    COL_MONTH,
    COL_NAME,
    COL_SCHEDULE,
    COL_WEEK,
    HEADERS,
    MedicationRow,
    MedicationsModel,
)

TODAY = date(2026, 11, 30)
DAILY = Schedule(Repeat.WEEKDAYS, (time(8, 0),), frozenset(range(7)))


def _row(medication, week=None, month=None):
    return MedicationRow(medication, week, month, TODAY)


def _text(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def _rows(qapp):
    sertraline = Medication(
        "Sertraline",
        MedicationKind.PSYCHIATRIC,
        Schedule(Repeat.WEEKDAYS, (time(20, 0), time(8, 0)), frozenset({0, 2, 4})),
        dose="50 mg",
        started=date(2026, 3, 1),
        stopped=date(2026, 11, 3),
        id=1,
    )
    buprenorphine = Medication(
        "Suboxone",
        MedicationKind.BUPRENORPHINE_NALOXONE,
        DAILY,
        dose="16 mg film",
        started=date(2025, 6, 2),
        id=2,
    )
    naltrexone = Medication(
        "Vivitrol",
        MedicationKind.NALTREXONE_MONTHLY,
        Schedule(Repeat.EVERY_N_DAYS, (time(10, 0),), every=28, anchor=date(2026, 11, 2)),
        started=date(2026, 11, 2),
        id=3,
    )
    return [
        _row(sertraline, Adherence(0, 0, 0), Adherence(3, 3, 0)),
        _row(buprenorphine, Adherence(7, 6, 1), Adherence(30, 27, 1)),
        _row(naltrexone, Adherence(0, 0, 0), Adherence(1, 1, 0)),
    ]


def test_each_medication_is_one_row_in_words(qapp):
    """Name, kind label, dose as written, schedule and dates in words, and what was taken
    of what was due in the last 7 and 30 days."""
    model = MedicationsModel()
    model.set_medications(_rows(qapp))
    assert model.rowCount() == 3 and model.columnCount() == len(HEADERS) == 7
    assert [_text(model, 0, c) for c in range(7)] == [
        "Suboxone",
        "Buprenorphine with naloxone",
        "16 mg film",
        "08:00 daily",
        "since 2 Jun 2025",
        "6 of 7 taken",
        "27 of 30 taken",
    ]
    assert _text(model, 1, COL_SCHEDULE) == "10:00 every 28 days"
    assert _text(model, 1, COL_DOSE) == "—"
    assert _text(model, 1, COL_WEEK) == "none due"
    assert model.headerData(COL_MONTH, Qt.Orientation.Horizontal) == "Last 30 days"


def test_a_stopped_medication_comes_last_greyed_with_its_stop_day(qapp):
    """Stopped on 3 Nov: at the end, its name whole and its dates saying so, its text
    grey (never red)."""
    model = MedicationsModel()
    model.set_medications(_rows(qapp))
    last = model.rowCount() - 1
    assert _text(model, last, COL_NAME) == "Sertraline"
    assert _text(model, last, COL_KIND) == "For my mental health"
    assert _text(model, last, COL_SCHEDULE) == "08:00 and 20:00 on Mon, Wed, Fri"
    assert _text(model, last, COL_DATES) == "1 Mar – 3 Nov, stopped"
    grey = QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert _text(model, last, COL_NAME, Qt.ItemDataRole.ForegroundRole) == grey
    assert _text(model, 0, COL_NAME, Qt.ItemDataRole.ForegroundRole) is None
    assert model.medication_at(last).id == 1 and model.row_of(1) == last


def test_the_adherence_tooltip_counts_missed_and_unticked_apart(qapp):
    model = MedicationsModel()
    model.set_medications(_rows(qapp))
    tip = _text(model, 0, COL_MONTH, Qt.ItemDataRole.ToolTipRole)
    assert tip == "27 taken, 1 marked missed, 2 not ticked, of 30 expected"
