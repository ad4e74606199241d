"""A day's doses and the check-in answer they give: any expected dose missed is No, every
expected dose taken is Yes, anything else is not answered; "as needed" doses never count;
ticks no schedule expects are listed as logged doses."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.dose_day import (
    DueDose,
    doses_of_day,
    expects_doses,
    medication_answer,
    taken_words,
)
from recovery_desktop.domain.medication import (
    DoseMark,
    DoseRecord,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
    ScheduleSpan,
)

DAY = date(2026, 11, 24)  # a Tuesday
marks = st.sampled_from([None, DoseMark.TAKEN, DoseMark.MISSED])
doses = st.builds(
    DueDose,
    medication_id=st.integers(1, 3),
    name=st.just("x"),
    dose=st.just(""),
    at=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    mark=marks,
    as_needed=st.booleans(),
)


@given(st.lists(doses, max_size=6))
def test_the_answer_follows_the_expected_doses_only(day_doses):
    expected = [d.mark for d in day_doses if not d.as_needed]
    answer = medication_answer(day_doses)
    if DoseMark.MISSED in expected:
        assert answer is False
    elif expected and all(m is DoseMark.TAKEN for m in expected):
        assert answer is True
    else:
        assert answer is None
    only_expected = [d for d in day_doses if not d.as_needed]
    assert medication_answer(only_expected) is answer  # "as needed" never changes it
    assert expects_doses(day_doses) is bool(only_expected)


def test_taken_words_count_the_expected_doses():
    taken = DueDose(1, "A", "", time(8), DoseMark.TAKEN)
    open_ = DueDose(1, "A", "", time(20))
    logged = DueDose(2, "B", "", time(14), DoseMark.TAKEN, as_needed=True)
    assert taken_words([taken, open_, logged]) == "1 of 2 doses taken"
    assert taken_words([taken]) == "1 of 1 dose taken"
    assert taken_words([logged]) == ""


def _medication(schedule: Schedule, **more) -> Medication:
    return Medication("Film", MedicationKind.BUPRENORPHINE, schedule, "8 mg", id=7, **more)


def test_a_days_doses_come_with_their_ticks_and_logged_ones_after_in_time_order():
    schedule = Schedule(Repeat.WEEKDAYS, (time(8), time(20)), frozenset({1}))
    film = _medication(schedule, clinic_days=frozenset({1}))
    ticks = [
        DoseRecord(DAY, time(20), DoseMark.MISSED),
        DoseRecord(DAY, time(13), DoseMark.TAKEN, time(13, 5)),  # no schedule expects 13:00
        DoseRecord(date(2026, 11, 23), time(8), DoseMark.TAKEN),  # another day
    ]
    found = doses_of_day(film, [ScheduleSpan(DAY, schedule)], ticks, DAY)
    assert [(d.at, d.mark, d.as_needed, d.where) for d in found] == [
        (time(8), None, False, "at the clinic"),
        (time(13), DoseMark.TAKEN, True, "at the clinic"),
        (time(20), DoseMark.MISSED, False, "at the clinic"),
    ]
    assert medication_answer(found) is False


def test_a_stopped_or_not_started_medication_expects_nothing_that_day():
    schedule = Schedule(Repeat.WEEKDAYS, (time(8),), frozenset(range(7)))
    spans = [ScheduleSpan(date(2026, 1, 1), schedule)]
    stopped = _medication(schedule, stopped=date(2026, 11, 23))
    later = _medication(schedule, started=date(2026, 11, 25))
    assert doses_of_day(stopped, spans, [], DAY) == []
    assert doses_of_day(later, spans, [], DAY) == []
    as_needed = _medication(Schedule(Repeat.AS_NEEDED))
    logged = DoseRecord(DAY, time(22, 10), DoseMark.TAKEN, time(22, 10))
    (dose,) = doses_of_day(as_needed, [ScheduleSpan(DAY, as_needed.schedule)], [logged], DAY)
    assert dose.as_needed and not expects_doses([dose])
