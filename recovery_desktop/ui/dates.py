"""Converting between Python dates and times and QDate / QDateTime."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QDateTimeEdit

from recovery_desktop.domain.dates import EARLIEST_DAY, LATEST_DAY


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def sensible_dates(edit: QDateTimeEdit, latest: date | None = None) -> QDateTimeEdit:
    """Every date field in the app goes back to ``dates.EARLIEST_DAY`` at most (Qt's own
    limit is 1752), and up to ``latest`` when given, never past ``dates.LATEST_DAY`` (Qt's
    is 9999-12-31, where one more day cannot be counted). Works for QDateEdit too."""
    edit.setMinimumDate(to_qdate(EARLIEST_DAY))
    edit.setMaximumDate(to_qdate(LATEST_DAY if latest is None else min(latest, LATEST_DAY)))
    return edit


def to_qdatetime(moment: datetime) -> QDateTime:
    """A local wall-clock time (no zone), to the minute and second."""
    return QDateTime(to_qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))


def use_app_language() -> None:
    """Qt's own fields write dates and numbers in the app's language, as
    ``domain.calendar_text`` does for everything else: day and month names in English, a
    decimal point in "7.5 hours" (a French system's "7,5" read a typed "6.5" as 6), and weeks
    starting on Monday like the ISO weeks the summary uses. British English gives all three
    whatever the system's territory; paper size still follows ``QLocale.system()``."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
