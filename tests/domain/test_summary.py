"""Summary maths on crafted periods."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.checkin import CheckIn, Halt
from recovery_desktop.domain.periods import parse_week
from recovery_desktop.domain.summary import summarise

WEEK = parse_week("2026-W47")  # 16–22 November 2026
OVER = date(2030, 1, 1)  # every period here has ended by then


def test_an_empty_week_has_no_numbers_and_every_day_not_answered():
    """Nothing checked in: no averages, and 7 days "not answered", never "not used"."""
    summary = summarise(WEEK, [], today=OVER)
    assert summary.empty
    assert summary.stats["mood"].average is None
    assert (summary.used.yes, summary.used.no, summary.used.not_answered) == (0, 0, 7)
    assert summary.notes == []


def test_one_check_in():
    """A single answer is its own lowest, average and highest."""
    summary = summarise(
        WEEK, [CheckIn(date(2026, 11, 18), mood=6, used=False, note=" hi ")], today=OVER
    )
    mood = summary.stats["mood"]
    assert (mood.minimum, mood.average, mood.maximum, mood.answered) == (6, 6, 6, 1)
    assert mood.change is None  # nothing to compare with
    assert summary.days_checked_in == 1
    assert (summary.used.no, summary.used.not_answered) == (1, 6)
    assert summary.notes == [(date(2026, 11, 18), "hi")]


def test_not_answered_is_never_counted_as_no():
    """used=None on a check-in counts as not answered, like a day without a check-in."""
    checkins = [
        CheckIn(date(2026, 11, 16), used=False),
        CheckIn(date(2026, 11, 17), used=None, mood=4),
        CheckIn(date(2026, 11, 18), used=True),
    ]
    used = summarise(WEEK, checkins, today=OVER).used
    assert (used.yes, used.no, used.not_answered) == (1, 1, 5)


def test_a_week_across_a_month_and_a_year_boundary():
    """2025-W01 runs from 30 Dec 2024 to 5 Jan 2025; all seven days count."""
    week = parse_week("2025-W01")
    checkins = [CheckIn(week.start + timedelta(days=n), stress=n) for n in range(7)]
    outside = [CheckIn(date(2024, 12, 29), stress=10), CheckIn(date(2025, 1, 6), stress=10)]
    summary = summarise(week, checkins + outside, today=OVER)
    assert summary.days_checked_in == 7
    assert summary.stats["stress"].maximum == 6


def test_iso_week_53():
    """2020-W53 (28 Dec 2020 – 3 Jan 2021) is summarised like any other week."""
    week = parse_week("2020-W53")
    summary = summarise(
        week,
        [CheckIn(date(2021, 1, 3), mood=9), CheckIn(date(2020, 12, 28), mood=3)],
        today=OVER,
    )
    assert summary.stats["mood"].average == 6
    assert summary.period.label.startswith("Week 53, 2020")


def test_change_from_the_previous_period():
    """The change compares averages with the week before."""
    previous = [CheckIn(date(2026, 11, 9) + timedelta(days=n), mood=4) for n in range(7)]
    current = [CheckIn(WEEK.start + timedelta(days=n), mood=6) for n in range(3)]
    summary = summarise(WEEK, current + previous, current + previous, today=OVER)
    assert summary.stats["mood"].change == 2
    assert summary.stats["stress"].change is None


def test_halt_and_support_counts():
    """HALT counts days ticked; meetings, therapy and medication count yes/no/not answered."""
    checkins = [
        CheckIn(date(2026, 11, 16), halt=frozenset({Halt.TIRED, Halt.LONELY}), meeting=True),
        CheckIn(date(2026, 11, 17), halt=frozenset({Halt.TIRED}), meeting=False, therapy=True),
    ]
    summary = summarise(WEEK, checkins, today=OVER)
    assert summary.halt[Halt.TIRED] == 2 and summary.halt[Halt.HUNGRY] == 0
    assert (summary.meeting.yes, summary.meeting.no, summary.meeting.not_answered) == (1, 1, 5)
    assert summary.therapy.yes == 1


@given(st.lists(st.integers(0, 10), min_size=1, max_size=7))
def test_average_lies_between_lowest_and_highest(moods):
    """For any answers, lowest <= average <= highest."""
    checkins = [CheckIn(WEEK.start + timedelta(days=n), mood=m) for n, m in enumerate(moods)]
    mood = summarise(WEEK, checkins, today=OVER).stats["mood"]
    assert mood.minimum <= mood.average <= mood.maximum
    assert mood.answered == len(moods)
