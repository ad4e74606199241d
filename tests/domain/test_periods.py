from datetime import date

import pytest

from recovery_desktop.domain.periods import (
    MAX_RANGE_DAYS,
    Period,
    PeriodError,
    default_summary_week,
    iso_week,
    last_full_week,
    parse_week,
    preset,
    since,
)


def test_iso_week_runs_monday_to_sunday_and_has_a_key():
    """2026-W47 is 16–22 November 2026."""
    week = parse_week("2026-W47")
    assert (week.start, week.end) == (date(2026, 11, 16), date(2026, 11, 22))
    assert week.key == "2026-W47"
    assert week.label == "Week 47, 2026 (16–22 November 2026)"


def test_week_53_exists_only_in_long_years():
    """2020 and 2026 have a week 53; 2021 does not."""
    assert iso_week(2020, 53).end == date(2021, 1, 3)
    assert iso_week(2026, 53).start == date(2026, 12, 28)
    with pytest.raises(PeriodError, match="no week 53"):
        iso_week(2021, 53)


@pytest.mark.parametrize("text", ["2026-47", "2026W47", "W47", "2026-W00", "2026-W54"])
def test_malformed_weeks_are_refused(text):
    """Only YYYY-Www with a real week number is accepted."""
    with pytest.raises(PeriodError):
        parse_week(text)


def test_previous_week_crosses_the_year_boundary():
    """Week 1 of 2025 comes after week 52 of 2024, and W53 of 2020 before W1 of 2021."""
    assert parse_week("2025-W01").previous().key == "2024-W52"
    assert parse_week("2021-W01").previous().key == "2020-W53"
    assert parse_week("2020-W53").next().key == "2021-W01"


def test_labels_across_month_and_year():
    """Spans name both months, or both years, when they differ."""
    assert "30 December 2024 – 5 January 2025" in parse_week("2025-W01").label
    assert "27 October – 2 November 2025" in parse_week("2025-W44").label


def test_last_full_week_is_the_week_before_the_current_one():
    """On any day of a week, the last full week is the previous one."""
    for day in (date(2026, 11, 16), date(2026, 11, 22)):
        assert last_full_week(day).key == "2026-W46"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 23), "2026-W47"),  # Monday
        (date(2026, 11, 24), "2026-W47"),  # Tuesday
        (date(2026, 11, 25), "2026-W47"),  # Wednesday
        (date(2026, 11, 26), "2026-W47"),  # Thursday
        (date(2026, 11, 27), "2026-W47"),  # Friday
        (date(2026, 11, 28), "2026-W47"),  # Saturday
        (date(2026, 11, 29), "2026-W48"),  # Sunday: the week ending today
        (date(2027, 1, 3), "2026-W53"),  # a Sunday that ends a week begun the year before
        (date(2027, 1, 4), "2026-W53"),  # the Monday after it
    ],
    ids=lambda value: f"{value:%a %d %b %Y}" if isinstance(value, date) else value,
)
def test_the_default_summary_week_is_the_week_ending_today_on_sundays(today, expected):
    """Monday to Saturday the summary shows the last full week; on Sunday, the week ending today."""
    week = default_summary_week(today)
    assert week.key == expected
    assert week.end <= today


def test_a_date_range_and_its_previous_period():
    """A 10-day range is preceded by the 10 days before it."""
    period = Period(date(2026, 11, 1), date(2026, 11, 10))
    assert period.days == 10
    assert period.key == "2026-11-01..2026-11-10"
    assert period.previous() == Period(date(2026, 10, 22), date(2026, 10, 31))


def test_a_range_cannot_end_before_it_starts():
    """The message says what is wrong."""
    with pytest.raises(PeriodError, match="cannot come before"):
        Period(date(2026, 11, 10), date(2026, 11, 1))


def test_presets_start_on_a_monday_and_end_today():
    """Whole weeks, so weekly charts never start with a half week."""
    today = date(2026, 11, 21)  # a Saturday
    assert preset("week", today) == Period(date(2026, 11, 16), today)
    assert preset("4weeks", today).start == date(2026, 10, 26)
    assert preset("all", today, date(2026, 3, 4)).start == date(2026, 3, 2)
    assert preset("all", today, None) == Period(date(2026, 11, 16), today)


def test_since_the_beginning_is_at_most_twenty_years():
    """A first record from 1960 gives the longest period there can be, starting on a Monday."""
    today = date(2026, 11, 21)
    everything = since(date(1960, 1, 1), today)
    assert everything.start.weekday() == 0 and everything.end == today
    assert everything.days - 1 <= MAX_RANGE_DAYS < everything.days - 1 + 7
    assert since(date(2030, 1, 1), today) == preset("week", today)
    assert since(date(2026, 3, 4), today, whole_weeks=False).start == date(2026, 3, 4)
    assert since(date(1960, 1, 1), today, whole_weeks=False).days - 1 == MAX_RANGE_DAYS


def test_year_zero_is_outside_the_journals_dates_in_words():
    """ "0000-W01" was "0 has no week 1"; it is a year outside the dates, like 0001."""
    import pytest

    from recovery_desktop.domain.periods import PeriodError, parse_week

    with pytest.raises(PeriodError, match="Week 1 of the year 0 is outside the dates"):
        parse_week("0000-W01")
