"""Converting between Python dates and times and QDate / QDateTime."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdatetime(moment: datetime) -> QDateTime:
    """A local wall-clock time (no zone), to the minute and second."""
    return QDateTime(to_qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))
