from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.series import daily, daily_with_average, in_short_runs, rolling_mean

START = date(2026, 11, 1)


def test_missing_days_are_gaps_not_zero():
    """A day without an answer is None, never 0."""
    period = Period(START, START + timedelta(days=3))
    checkins = [CheckIn(START, mood=0), CheckIn(START + timedelta(days=2), mood=5)]
    assert daily(checkins, period, "mood") == [0.0, None, 5.0, None]


def test_rolling_mean_needs_three_answers_in_the_window():
    """With fewer than three answers in the last seven days the average is a gap."""
    assert rolling_mean([4, None, 6]) == [None, None, None]
    assert rolling_mean([4, 5, 6]) == [None, None, 5.0]


def test_averages_use_the_days_before_the_period():
    """A one-week chart has an average from its first day when earlier days exist."""
    checkins = [CheckIn(START + timedelta(days=n), mood=5) for n in range(14)]
    period = Period(START + timedelta(days=7), START + timedelta(days=13))
    values, average = daily_with_average(checkins, period, "mood")
    assert len(values) == len(average) == 7
    assert average[0] == 5.0


@given(st.lists(st.one_of(st.none(), st.integers(0, 10)), max_size=40))
def test_rolling_mean_stays_within_the_range_of_its_window(values):
    """Every average lies between the smallest and largest answer of its window."""
    for index, mean in enumerate(rolling_mean(values)):
        window = [v for v in values[max(0, index - 6) : index + 1] if v is not None]
        if mean is None:
            assert len(window) < 3
        else:
            assert min(window) - 1e-9 <= mean <= max(window) + 1e-9


def test_answers_standing_alone_or_in_pairs_are_picked_out():
    """Runs of one or two answered days are kept; runs of three or more are left to the line."""
    values = [1.0, None, 2.0, 3.0, None, 4.0, 5.0, 6.0, None, None, 7.0]
    assert in_short_runs(values) == [1.0, None, 2.0, 3.0, None, None, None, None, None, None, 7.0]


@given(st.lists(st.one_of(st.none(), st.floats(0, 10)), max_size=40))
def test_every_answer_is_either_picked_out_or_inside_three_answered_days_in_a_row(values):
    """No answered day is lost: it is picked out, or a line runs through it."""
    picked = in_short_runs(values)
    for index, value in enumerate(values):
        windows = [values[s : s + 3] for s in range(max(0, index - 2), index + 1)]
        in_a_row = any(len(w) == 3 and None not in w for w in windows)
        assert picked[index] == (None if value is None or in_a_row else value)
