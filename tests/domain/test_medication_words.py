"""Medication in words: schedules, adherence, the name as listed and the list's order."""

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.medication import (
    Adherence,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
)
from recovery_desktop.domain.medication_words import (
    adherence_detail,
    adherence_words,
    dates_words,
    joined,
    schedule_words,
)

TODAY = date(2026, 11, 30)
EIGHT, TWENTY = time(8, 0), time(20, 0)


@pytest.mark.parametrize(
    ("schedule", "words"),
    [
        (Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7))), "08:00 daily"),
        (
            Schedule(Repeat.WEEKDAYS, (TWENTY, EIGHT), frozenset({4, 0, 2})),
            "08:00 and 20:00 on Mon, Wed, Fri",
        ),
        (Schedule(Repeat.EVERY_N_DAYS, (EIGHT,), every=1, anchor=TODAY), "08:00 daily"),
        (
            Schedule(Repeat.EVERY_N_DAYS, (time(9, 30),), every=28, anchor=TODAY),
            "09:30 every 28 days",
        ),
        (
            Schedule(Repeat.EVERY_N_WEEKS, (time(10, 0),), every=2, anchor=date(2026, 12, 1)),
            "10:00 every 2 weeks (Tue)",
        ),
        (Schedule(Repeat.EVERY_N_WEEKS, (EIGHT,), every=1, anchor=TODAY), "08:00 weekly (Mon)"),
        (Schedule(Repeat.AS_NEEDED), "as needed"),
        (
            Schedule(Repeat.WEEKDAYS, (time(7, 0), time(13, 0), time(19, 0)), frozenset({6})),
            "07:00, 13:00 and 19:00 on Sun",
        ),
    ],
)
def test_a_schedule_reads_as_the_page_lists_it(schedule, words):
    """Times in clock order, then the days in week order, in plain words."""
    assert schedule_words(schedule) == words


@given(st.lists(st.text(alphabet="abc:0", min_size=1, max_size=5), min_size=1, max_size=6))
def test_joined_keeps_every_part_in_order(parts):
    """Every part, in order, commas between and "and" before the last."""
    text = joined(parts)
    assert text.replace(" and ", ", ").split(", ") == parts
    assert text.count(" and ") == (len(parts) > 1)


@pytest.mark.parametrize(
    ("adherence", "words"),
    [
        (Adherence(7, 6, 1), "6 of 7 taken"),
        (Adherence(30, 30, 0), "30 of 30 taken"),
        (Adherence(0, 0, 0), "none due"),
        (None, "none due"),
    ],
)
def test_adherence_counts_what_was_taken_of_what_was_due(adherence, words):
    """A count, never a verdict: no "failed", no percentage to be judged by."""
    assert adherence_words(adherence) == words
    assert "fail" not in adherence_detail(adherence).lower()


def test_the_detail_names_missed_and_not_ticked_apart():
    assert adherence_detail(Adherence(7, 4, 1)) == (
        "4 taken, 1 marked missed, 2 not ticked, of 7 expected"
    )


def _medication(name, started=None, stopped=None):
    return Medication(
        name, MedicationKind.OTHER, Schedule(Repeat.AS_NEEDED), started=started, stopped=stopped
    )


def test_the_dates_say_since_when_and_until_when():
    assert dates_words(_medication("A", started=date(2026, 10, 1)), TODAY) == "since 1 Oct"
    assert dates_words(_medication("A", started=date(2026, 12, 2)), TODAY) == "from 2 Dec"
    both = _medication("A", started=date(2025, 10, 21), stopped=date(2026, 11, 25))
    assert dates_words(both, TODAY) == "21 Oct 2025 – 25 Nov, stopped"
    ahead = _medication("A", started=date(2025, 10, 21), stopped=date(2026, 12, 12))
    assert dates_words(ahead, TODAY) == "21 Oct 2025 – 12 Dec"
    assert dates_words(_medication("A", stopped=date(2026, 12, 12)), TODAY) == "until 12 Dec"
    assert dates_words(_medication("A", stopped=date(2025, 11, 3)), TODAY) == ("stopped 3 Nov 2025")
    assert dates_words(_medication("A"), TODAY) == "—"
