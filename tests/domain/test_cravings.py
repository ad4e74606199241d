"""Craving maths: the week's summary line, coping rankings, triggers, times of day."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.cravings import (
    Craving,
    Outcome,
    Tag,
    coping_effects,
    summarise_cravings,
    summary_line,
    time_of_day,
    trigger_counts,
    weekday_hour_counts,
)
from recovery_desktop.domain.periods import Period

WALK, CALL, MUSIC = Tag(1, "Go for a walk"), Tag(2, "Call my sponsor"), Tag(3, "Music")
PAYDAY, ALONE = Tag(10, "Payday"), Tag(11, "Evenings on my own")


def _craving(hour, before, after, coping=(), triggers=(), outcome=Outcome.PASSED, day=16):
    return Craving(
        None,
        datetime(2026, 11, day, hour, 0),
        before,
        triggers,
        coping=coping,
        intensity_after=after,
        outcome=outcome,
    )


def test_a_craving_without_an_outcome_still_counts():
    """No outcome and no intensity afterwards: counted, but not in any drop."""
    cravings = [
        _craving(20, 7, None, outcome=None, coping=(WALK,)),
        _craving(9, 5, 2, coping=(WALK,)),
    ]
    summary = summarise_cravings(cravings)
    assert summary.count == 2 and summary.passed == 1 and summary.used == 0
    assert summary.best_coping.uses == 1 and summary.best_coping.average_drop == 3


def test_coping_ranking_hides_actions_used_fewer_than_three_times():
    """Three walks qualify; two calls do not, however well they went."""
    cravings = [_craving(18, 8, 4, (WALK,)) for _ in range(3)]
    cravings += [_craving(18, 9, 1, (CALL,)) for _ in range(2)]
    effects = coping_effects(cravings)
    assert [(e.name, e.uses, e.average_drop) for e in effects] == [("Go for a walk", 3, 4.0)]
    assert [e.name for e in coping_effects(cravings, min_uses=1)] == [
        "Call my sponsor",
        "Go for a walk",
    ]


def test_renamed_items_group_by_library_id_and_keep_the_name_first_seen():
    """Two names for the same library item are one action."""
    renamed = Tag(1, "A long walk")
    effects = coping_effects([_craving(18, 8, 4, (WALK,)), _craving(18, 8, 2, (renamed,))], 1)
    assert len(effects) == 1 and effects[0].uses == 2


WEEK = Period(date(2026, 11, 16), date(2026, 11, 22))
AFTER = date(2026, 11, 30)  # the week is over


def test_trigger_counts_and_the_summary_line():
    """The period, the numbers, the most common trigger and what helped, in plain sentences."""
    cravings = [
        _craving(21, 8, 3, (CALL,), (PAYDAY, ALONE)),
        _craving(20, 6, 5, (MUSIC,), (ALONE,)),
        _craving(8, 4, 3, (), (PAYDAY,), outcome=Outcome.USED),
    ]
    assert trigger_counts(cravings) == [("Evenings on my own", 2), ("Payday", 2)]
    assert summary_line(summarise_cravings(cravings), WEEK, today=AFTER) == (
        "16–22 November 2026: 3 cravings, average intensity 6.0, strongest 8. "
        "Most common trigger: Evenings on my own. "
        "\u201cCall my sponsor\u201d helped most: cravings were about 5 points lower "
        "afterwards (used 1 time)."
    )


def test_the_summary_line_says_when_only_one_trigger_is_shown():
    """Filtered by a trigger, the line names it and does not call it the most common."""
    line = summary_line(
        summarise_cravings([_craving(21, 8, 3, (CALL,), (PAYDAY,))]), WEEK, "Payday", today=AFTER
    )
    assert line.startswith("16–22 November 2026, with \u201cPayday\u201d: 1 craving,")
    assert "Most common" not in line


@pytest.mark.parametrize(
    ("drops", "words"),
    [
        ((4, 4, 3), "about 4 points lower afterwards (used 3 times)"),
        ((1,), "about 1 point lower"),
        ((0, 1), "a little lower"),
    ],
)
def test_what_helped_most_is_said_in_words(drops, words):
    """No minus signs or decimals: about how many points lower, and how often it was used."""
    cravings = [_craving(20, 8, 8 - drop, (WALK,)) for drop in drops]
    assert words in summary_line(summarise_cravings(cravings), WEEK, today=AFTER)
    assert "\u2212" not in summary_line(summarise_cravings(cravings), WEEK, today=AFTER)


def test_no_cravings_says_so():
    """An empty period has its own sentence, naming the period."""
    assert (
        summary_line(summarise_cravings([]), WEEK, today=AFTER)
        == "16–22 November 2026: no cravings logged."
    )


def test_times_of_day_and_the_weekday_hour_grid():
    """22:00 is night, 05:00 morning; the grid is Monday-first, 7 by 24."""
    assert [time_of_day(datetime(2026, 11, 16, h)) for h in (2, 5, 12, 17, 22)] == [
        "Night",
        "Morning",
        "Afternoon",
        "Evening",
        "Night",
    ]
    grid = weekday_hour_counts([_craving(21, 5, 5, day=16), _craving(21, 5, 5, day=22)])
    assert len(grid) == 7 and all(len(row) == 24 for row in grid)
    assert grid[0][21] == 1 and grid[6][21] == 1


@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), min_size=3, max_size=20))
def test_average_drop_is_the_mean_of_the_drops(pairs):
    """For any cravings with one shared action, its average drop is the plain mean."""
    cravings = [_craving(12, b, a, (WALK,)) for b, a in pairs]
    [effect] = coping_effects(cravings)
    assert abs(effect.average_drop - sum(b - a for b, a in pairs) / len(pairs)) < 1e-9


def test_the_summary_line_of_a_range_running_past_today_says_so_far():
    """Cravings from Monday to Sunday seen on Wednesday: the line says how far it has come;
    a range after today is still to come."""
    cravings = [_craving(18, 8, 3, (CALL,), (PAYDAY,))]
    line = summary_line(summarise_cravings(cravings), WEEK, today=date(2026, 11, 18))
    assert line.startswith(
        "16–22 November 2026 — so far, to Wednesday 18 November: 1 craving, average"
    )
    later = summary_line(summarise_cravings([]), WEEK, today=date(2026, 11, 1))
    assert later == "16–22 November 2026 — still to come: no cravings logged."
