from datetime import date

import pytest

from recovery_desktop.domain.checkin import CheckIn, CheckInError, Halt

DAY = date(2026, 11, 20)


def test_a_new_checkin_is_empty_and_valid():
    """Nothing answered means empty, and empty is valid."""
    checkin = CheckIn(DAY)
    assert checkin.is_empty()
    checkin.validate()


@pytest.mark.parametrize(
    "changes",
    [
        {"mood": 0},
        {"used": False},
        {"meeting": False},
        {"halt": frozenset({Halt.TIRED})},
        {"exercise_minutes": 0},
        {"sleep_hours": 0.0},
        {"note": "x"},
    ],
)
def test_any_answer_even_zero_or_no_makes_it_not_empty(changes):
    """Zero and "no" are answers; they are never confused with "not answered"."""
    assert not CheckIn(DAY, **changes).is_empty()


def test_whitespace_only_note_counts_as_empty():
    """A note of spaces alone is not an answer."""
    assert CheckIn(DAY, note="   \n").is_empty()


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"mood": 11}, "Mood"),
        ({"craving_peak": -1}, "Craving peak"),
        ({"stress": True}, "Stress"),
        ({"sleep_hours": 25.0}, "Sleep hours"),
        ({"sleep_hours": float("nan")}, "Sleep hours"),
        ({"exercise_minutes": 2000}, "Exercise"),
        ({"note": "x" * 20_001}, "note"),
    ],
)
def test_out_of_range_values_are_refused_with_a_plain_message(changes, words):
    """The message names the field so the user knows what to fix."""
    with pytest.raises(CheckInError, match=words):
        CheckIn(DAY, **changes).validate()


def test_halt_labels_read_naturally():
    """HALT states show as capitalised words."""
    assert [h.label for h in Halt] == ["Hungry", "Angry", "Lonely", "Tired"]
