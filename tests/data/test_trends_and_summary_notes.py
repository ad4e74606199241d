"""Weekly counts aggregated in SQL, summary lists and summary choices, on a real journal."""

from datetime import date, timedelta

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.checkin import CheckIn, Halt
from recovery_desktop.domain.periods import Period, parse_week
from recovery_desktop.domain.summary import SummaryNotes, SummaryOptions
from tests.conftest import PASSPHRASE


def test_weekly_counts_fill_every_week_and_mark_weeks_without_check_ins(journal):
    """Three weeks asked for; the middle one has no check-ins and says so."""
    monday = date(2026, 11, 2)
    journal.checkins.save_many(
        [
            CheckIn(monday, meeting=True, medication_taken=True, halt=frozenset({Halt.TIRED})),
            CheckIn(monday + timedelta(days=1), meeting=False, medication_taken=False),
            CheckIn(
                monday + timedelta(days=2), therapy=True, halt=frozenset({Halt.TIRED, Halt.ANGRY})
            ),
            CheckIn(monday + timedelta(days=15), meeting=True),
        ]
    )
    weeks = journal.trend_data(Period(monday, monday + timedelta(days=20))).weeks
    assert [w.week_start for w in weeks] == [monday + timedelta(days=7 * n) for n in range(3)]
    first, empty, third = weeks
    assert (first.checked_in, first.meetings, first.therapy) == (3, 1, 1)
    assert (first.medication_taken, first.medication_answered) == (1, 2)
    assert (first.tired, first.angry, first.hungry) == (2, 1, 0)
    assert not empty.has_data
    assert (third.checked_in, third.meetings) == (1, 1)


def test_trend_data_includes_the_days_before_for_averages(journal):
    """Six lead-in days come along so 7-day averages start complete."""
    journal.checkins.save_many(CheckIn(date(2026, 11, d), mood=5) for d in range(1, 15))
    data = journal.trend_data(Period(date(2026, 11, 10), date(2026, 11, 14)))
    assert min(c.day for c in data.checkins) == date(2026, 11, 4)


def test_summary_lists_are_kept_with_their_period(journal, files):
    """Lists survive a reopen; blank lines are dropped."""
    week = parse_week("2026-W46")
    journal.summary_notes.save(week, SummaryNotes(("sleep", " ", "my sister"), ("walk daily",)))
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    assert reopened.summary_notes.get(week) == SummaryNotes(("sleep", "my sister"), ("walk daily",))
    assert reopened.summary_notes.get(parse_week("2026-W47")) == SummaryNotes()
    reopened.close()


def test_last_periods_goals_are_found_for_the_next_period(journal):
    """The goals of the latest earlier period with goals are offered to the next one."""
    journal.summary_notes.save(parse_week("2026-W44"), SummaryNotes((), ("old goal",)))
    journal.summary_notes.save(
        parse_week("2026-W46"), SummaryNotes(("talk",), ("call Sam", "sleep by 11"))
    )
    assert journal.summary_notes.previous_goals(parse_week("2026-W47")) == (
        "call Sam",
        "sleep by 11",
    )
    assert journal.summary_notes.previous_goals(parse_week("2026-W46")) == ("old goal",)
    assert journal.summary_notes.previous_goals(parse_week("2026-W44")) == ()


def test_summary_choices_are_remembered_in_the_journal(journal, files):
    """Section switches, the name and discretion come back after a reopen."""
    assert journal.preferences.summary_options() == SummaryOptions()
    chosen = SummaryOptions(
        sections={"notes": True, "halt": False}, name="Alex Rivera", discreet=True
    )
    journal.preferences.set_summary_options(chosen)
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    assert reopened.preferences.summary_options() == chosen
    assert reopened.counts()["summary_notes"] == 0
    reopened.close()
