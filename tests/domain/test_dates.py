"""Every day from outside is range-checked before arithmetic: anything Python can hold as a
date is either a usable day or a plain refusal, never an OverflowError."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.dates import (
    EARLIEST_DAY,
    LATEST_DAY,
    DayOutOfRange,
    check_day,
    parse_day,
    parse_moment,
)
from recovery_desktop.domain.periods import (
    PeriodError,
    date_range,
    default_summary_week,
    iso_week,
    mondays,
    parse_week,
    preset,
    within_limits,
)


@given(st.dates())
def test_any_day_is_checked_or_refused_in_plain_words(day):
    """0001-01-01 and 9999-12-31 are refused with the accepted range named."""
    if EARLIEST_DAY <= day <= LATEST_DAY:
        assert check_day(day) == day
        assert parse_day(day.isoformat()) == day
    else:
        with pytest.raises(DayOutOfRange, match="1 January 1950 to 31 December 2199"):
            parse_day(day.isoformat())


@given(st.datetimes())
def test_any_moment_is_checked_by_its_day(moment):
    """A stored time like 9999-12-31T23:59 is refused the same way."""
    if EARLIEST_DAY <= moment.date() <= LATEST_DAY:
        assert parse_moment(moment.isoformat()) == moment
    else:
        with pytest.raises(DayOutOfRange):
            parse_moment(moment.isoformat())


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=53))
def test_any_iso_week_is_a_period_with_its_neighbours_or_a_period_error(year, week):
    """--week 0001-W01 .. 9999-W53: a week whose previous and next weeks can be computed,
    or a PeriodError."""
    try:
        period = parse_week(f"{year:04d}-W{week:02d}")
    except PeriodError:
        return
    assert within_limits(period)
    assert period.previous().end < period.start < period.next().start
    assert len(period.dates()) == 7 and mondays(period) == [period.start]


@given(st.dates(), st.dates())
def test_any_range_is_a_period_with_its_neighbours_or_a_period_error(start, end):
    """--from/--to with any two dates: computable with the period before and after, or a
    PeriodError (out of range, backwards, or longer than twenty years)."""
    try:
        period = date_range(start, end)
    except PeriodError:
        return
    assert within_limits(period)
    assert period.previous().end < period.start
    assert period.next().start > period.end
    assert mondays(period)[0] <= period.start


@given(st.dates(min_value=EARLIEST_DAY, max_value=LATEST_DAY))
def test_defaults_and_presets_work_for_any_accepted_day(today):
    """A clock anywhere in the accepted range gives a summary week and every Trends range."""
    default_summary_week(today)
    for name in ("week", "4weeks", "3months", "year", "all"):
        preset(name, today, EARLIEST_DAY)


def test_the_first_and_last_weeks():
    """1950-W01 is the first whole week, 2199-W52 the last; their outer neighbours are not."""
    assert iso_week(1950, 1).start == date(1950, 1, 2)
    assert within_limits(iso_week(2199, 52))
    assert not within_limits(iso_week(1950, 1).previous())
    assert not within_limits(iso_week(2199, 52).next())
    for text in ("1949-W52", "2200-W01", "0001-W01", "9999-W52"):
        with pytest.raises(PeriodError, match="outside the dates the journal accepts"):
            parse_week(text)


def test_text_that_is_not_a_date_is_a_value_error():
    """Not a day at all: a plain ValueError, not DayOutOfRange."""
    for text in ("2026-02-30", "16/11/2026", ""):
        with pytest.raises(ValueError, match="not a date") as caught:
            parse_day(text)
        assert not isinstance(caught.value, DayOutOfRange)
    with pytest.raises(ValueError, match="not a time"):
        parse_moment("yesterday")
    assert parse_moment(" 2026-11-16T21:40 ") == datetime(2026, 11, 16, 21, 40)
