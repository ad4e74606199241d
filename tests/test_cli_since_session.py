"""``report --since-last-session``: the period from the day after the last attended
therapy or counselling session to today; exit 1 without one, 2 for a wrong passphrase."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from recovery_desktop.cli import NO_SESSION, ONLY_TODAY
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.sessions import AppointmentKind, Attendance
from tests.pdf_text import pdf_text
from tests.test_cli import SECRET, cli

TODAY = date.today()


def _journal(folder, *appointments: Appointment):
    journal = create_journal(JournalFiles(folder), SECRET)
    try:
        journal.checkins.save(CheckIn(TODAY - timedelta(days=1), mood=6))
        for appointment in appointments:
            journal.appointments.add(appointment)
    finally:
        journal.close()
    return folder


def _session(days_ago: int, attendance: Attendance | None) -> Appointment:
    return Appointment(
        TODAY - timedelta(days=days_ago), AppointmentKind.THERAPY, time(10), attendance=attendance
    )


def _report(folder, out, *more, passphrase=SECRET):
    args = ("report", "--data-dir", str(folder), "--since-last-session", "--out", str(out))
    return cli(*args, *more, passphrase=passphrase)


@pytest.fixture
def with_session(tmp_path):
    """A session attended five days ago, and one missed two days ago (it does not count)."""
    return _journal(
        tmp_path / "journal", _session(5, Attendance.ATTENDED), _session(2, Attendance.MISSED)
    )


def test_the_summary_runs_from_the_day_after_the_last_session_to_today(with_session, tmp_path):
    """Exit 0; the PDF covers the four days since the session, so far."""
    out = tmp_path / "since.pdf"
    result = _report(with_session, out)
    assert result.returncode == 0, result.stderr
    period = Period(TODAY - timedelta(days=4), TODAY)
    text = pdf_text(out)
    assert period.label_on(TODAY) in text
    assert "Days checked in: 1 of 5 " in text
    assert f"Saved the summary for {period.label_on(TODAY)}" in result.stderr


def test_without_an_attended_session_it_exits_1_and_saves_nothing(tmp_path):
    """Only a missed session: no period, a clear message (no journal text), no file."""
    folder = _journal(tmp_path / "journal", _session(3, Attendance.MISSED))
    out = tmp_path / "since.pdf"
    result = _report(folder, out)
    assert result.returncode == 1
    assert result.stderr.strip() == NO_SESSION
    assert not out.exists()


def test_a_wrong_passphrase_exits_2_as_for_the_other_forms(with_session, tmp_path):
    out = tmp_path / "since.pdf"
    result = _report(with_session, out, passphrase="nope")
    assert result.returncode == 2
    assert "didn't open" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "more", [("--to", TODAY.isoformat()), ("--week", "2026-W47")], ids=["to", "week"]
)
def test_it_goes_with_no_other_period(tmp_path, more):
    """--since-last-session with --to or --week is bad usage (2), before anything opens."""
    result = _report(tmp_path / "nothing", tmp_path / "x.pdf", *more)
    assert result.returncode == 2


def test_a_session_attended_only_today_exits_1_and_says_so(tmp_path):
    """Today's session attended, none before: exit 1, no file, and a message that says the
    only attended session is today's (no journal content in it)."""
    folder = _journal(tmp_path / "journal", _session(0, Attendance.ATTENDED))
    out = tmp_path / "since.pdf"
    result = _report(folder, out)
    assert result.returncode == 1
    assert result.stderr.strip() == ONLY_TODAY
    assert "today's" in ONLY_TODAY and "Therapy" not in ONLY_TODAY
    assert not out.exists()
