"""Adherence so far: the days that are over, and today's doses once ticked."""

from datetime import time

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.dose_counts import so_far
from recovery_desktop.domain.dose_day import DueDose
from recovery_desktop.domain.medication import Adherence, DoseMark

MARKS = st.sampled_from([None, DoseMark.TAKEN, DoseMark.MISSED])


def _dose(medication_id, mark, as_needed=False):
    return DueDose(medication_id, "M", "", time(8, 0), mark, as_needed=as_needed)


def test_a_dose_of_today_counts_once_ticked():
    before = Adherence(6, 5, 1)
    assert so_far(before, [_dose(1, None)], 1) == before
    assert so_far(before, [_dose(1, DoseMark.TAKEN)], 1) == Adherence(7, 6, 1)
    assert so_far(before, [_dose(1, DoseMark.MISSED), _dose(2, DoseMark.TAKEN)], 1) == (
        Adherence(7, 5, 2)
    )
    assert so_far(before, [_dose(1, DoseMark.TAKEN, as_needed=True)], 1) == before


@given(st.lists(st.tuples(st.integers(1, 3), MARKS, st.booleans()), max_size=12))
def test_only_the_medications_own_ticked_doses_are_added(doses):
    """Taken plus missed of today's ticks is what is added; nothing is left unticked."""
    today = [_dose(m, mark, needed) for m, mark, needed in doses]
    found = so_far(Adherence(0, 0, 0), today, 1)
    own = [d for d in today if d.medication_id == 1 and not d.as_needed and d.mark]
    assert found.expected == len(own) == found.taken + found.missed
    assert found.unticked == 0
