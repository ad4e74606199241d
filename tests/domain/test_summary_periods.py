"""A summary on the day it is made: periods over, ending today or tomorrow, still to come;
clean time around lapses at a period's first and last day."""

from datetime import date, datetime, timedelta

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import Period, parse_week
from recovery_desktop.domain.recovery_time import CleanPeriod, Lapse
from recovery_desktop.domain.summary import SummaryInputs, SummaryNotes, YesNo, summarise
from recovery_desktop.domain.summary_events import clean_time_at, summarise_events
from recovery_desktop.domain.trends import TrendData

WEEK = parse_week("2026-W47")  # Monday 16 – Sunday 22 November 2026
OPIOIDS = "Heroin and other opioids"


def _answered(days, **answers):
    return [CheckIn(WEEK.start + timedelta(days=n), **answers) for n in range(days)]


def test_a_period_ending_today_counts_every_day_and_is_not_so_far():
    """On Sunday the whole week has come: 7 days, no "so far", the label as it is."""
    summary = summarise(WEEK, _answered(5, used=False), today=WEEK.end)
    assert summary.counted == WEEK and not summary.so_far
    assert summary.days == 7
    assert summary.used == YesNo(0, 5, 2)
    assert WEEK.label_on(WEEK.end) == WEEK.label


def test_a_period_ending_tomorrow_counts_the_days_up_to_today():
    """On Saturday six days have come; the seventh is neither answered nor unanswered."""
    saturday = WEEK.end - timedelta(days=1)
    summary = summarise(WEEK, _answered(6, used=False, meeting=True), today=saturday)
    assert summary.so_far and summary.days == 6
    assert summary.used == YesNo(0, 6, 0) and summary.meeting == YesNo(6, 0, 0)
    assert summary.therapy == YesNo(0, 0, 6)
    assert WEEK.label_on(saturday) == (
        "Week 47, 2026 (16–22 November 2026) — so far, to Saturday 21 November"
    )


def test_a_week_so_far_is_compared_with_as_many_days_of_the_week_before():
    """Monday to Wednesday (mood 6) against Monday to Wednesday of the week before (mood 4),
    never against its whole week, whose weekend was much better."""
    before = [
        CheckIn(date(2026, 11, 9) + timedelta(days=n), mood=4 if n < 3 else 10) for n in range(7)
    ]
    current = _answered(3, mood=6)
    wednesday = WEEK.start + timedelta(days=2)
    summary = summarise(WEEK, current, before, today=wednesday)
    assert summary.compared == Period(date(2026, 11, 9), date(2026, 11, 11))
    assert summary.stats["mood"].change == 2
    over = summarise(WEEK, current, before, today=WEEK.end)
    assert over.compared == parse_week("2026-W46")
    assert over.stats["mood"].change == 6 - (3 * 4 + 4 * 10) / 7


def test_a_period_still_to_come_has_nothing_to_count():
    """A range that starts after today: no days, no "not answered", no clean time, no
    events, and a label that says it is still to come."""
    future = Period(date(2026, 12, 1), date(2026, 12, 14))
    today = date(2026, 11, 25)
    summary = summarise(future, [], today=today)
    assert not summary.started and summary.counted is None and summary.days == 0
    assert summary.used == YesNo(0, 0, 0) and summary.meeting == YesNo(0, 0, 0)
    assert future.label_on(today) == "1–14 December 2026 — still to come"
    periods = (CleanPeriod(1, OPIOIDS, date(2026, 9, 1)),)
    inputs = SummaryInputs(future, (), SummaryNotes(), (), TrendData(future), (), periods)
    events = summarise_events(inputs, today)
    assert events.clean == () and events.lapses == ()


def test_clean_time_of_a_period_so_far_is_as_of_today():
    """While the week runs, the streak is today's, not the one it will have on Sunday."""
    periods = (CleanPeriod(1, OPIOIDS, date(2026, 11, 1)),)
    wednesday = WEEK.start + timedelta(days=2)
    inputs = SummaryInputs(WEEK, (), SummaryNotes(), (), TrendData(WEEK), (), periods)
    (opioids,) = summarise_events(inputs, wednesday).clean
    assert opioids.day == wednesday
    assert opioids.time is not None and opioids.time.streak == 17


def _lapse(lapse_id: int, day: date) -> Lapse:
    return Lapse(lapse_id, datetime.combine(day, datetime.min.time()).replace(hour=22), OPIOIDS)


def test_a_lapse_on_the_last_day_of_a_period_names_that_day_and_the_restart():
    """Lapse on Sunday 22 November, counting again from Monday: the week ends between them."""
    periods = (
        CleanPeriod(1, OPIOIDS, date(2026, 9, 1), date(2026, 11, 22), lapse_id=7),
        CleanPeriod(2, OPIOIDS, date(2026, 11, 23), started_by=7),
    )
    (opioids,) = clean_time_at(periods, WEEK.end, (_lapse(7, date(2026, 11, 22)),))
    assert opioids.time is None
    assert (opioids.last_lapse, opioids.restart) == (date(2026, 11, 22), date(2026, 11, 23))
    assert opioids.cumulative == 82


def test_a_lapse_on_the_first_day_of_a_period_leaves_the_new_streak_at_its_end():
    """Lapse on Monday 16 November, counting again from Tuesday: on Sunday 5 days in a row."""
    periods = (
        CleanPeriod(1, OPIOIDS, date(2026, 9, 1), date(2026, 11, 16), lapse_id=7),
        CleanPeriod(2, OPIOIDS, date(2026, 11, 17), started_by=7),
    )
    (opioids,) = clean_time_at(periods, WEEK.end, (_lapse(7, date(2026, 11, 16)),))
    assert opioids.time is not None
    assert (opioids.time.since, opioids.time.streak) == (date(2026, 11, 17), 5)
    assert opioids.cumulative == 76 + 5 and opioids.last_lapse is None


def test_between_a_lapse_and_a_later_restart_the_lapse_day_is_the_lapse_records():
    """Lapse on 4 November, new count from 16 November: on 8 and 15 November the last lapse
    is the 4th (from the lapse record) and the restart the 16th."""
    periods = (
        CleanPeriod(1, OPIOIDS, date(2026, 10, 1), date(2026, 11, 4), lapse_id=3),
        CleanPeriod(2, OPIOIDS, date(2026, 11, 16), started_by=3),
    )
    for day in (date(2026, 11, 8), date(2026, 11, 15)):
        (opioids,) = clean_time_at(periods, day, (_lapse(3, date(2026, 11, 4)),))
        assert opioids.time is None
        assert (opioids.last_lapse, opioids.restart) == (date(2026, 11, 4), date(2026, 11, 16))
        assert opioids.cumulative == 34
