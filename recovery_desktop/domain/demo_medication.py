"""The demo story's medication and visits: a buprenorphine/naloxone prescription from near
the start with a few missed doses (more around the lapse) and a taper talked about late on,
a medication for mental health started a few weeks in, weekly therapy with the therapist on
Tuesdays at 17:00 and the Wednesday group meeting, each marked as the check-ins tell it.

The ticks agree with each day's check-in: a day answered "Medication taken: yes" has every
expected dose taken, "no" has at least one missed, and an unanswered day leaves some dose
unticked, so the check-in's answer derived from the ticks (``domain/dose_day.py``) is the
one the story gave. Deterministic per seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.demo import DemoShape
from recovery_desktop.domain.medication import (
    DoseMark,
    DoseRecord,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
    ScheduleSpan,
    TaperNote,
    expected_doses,
)
from recovery_desktop.domain.sessions import AppointmentKind, Attendance

EVERY_DAY = frozenset(range(7))
THERAPIST = "Alex Rivera"  # the demo's therapist in People (demo_events.CONTACTS)
PRESCRIBER = "Dr. Okafor"
FILM = Medication(
    "Suboxone",
    MedicationKind.BUPRENORPHINE_NALOXONE,
    Schedule(Repeat.WEEKDAYS, (time(8, 0),), EVERY_DAY),
    "14 mg film",  # after the taper note below; it was 16 mg
    prescriber=PRESCRIBER,
)
SERTRALINE = Medication(
    "Sertraline",
    MedicationKind.PSYCHIATRIC,
    Schedule(Repeat.WEEKDAYS, (time(20, 0),), EVERY_DAY),
    "50 mg tablet",
    prescriber=PRESCRIBER,
)
TAPER_TALK = "Talked with Dr. Okafor about a slow taper one day. Staying on 16 mg for now."
TAPER = "Taper: from 16 mg to 14 mg film, agreed with Dr. Okafor. Watch sleep this week."
THERAPY_SERIES, GROUP_SERIES = 1, 2
WEEKS_AHEAD = 3


@dataclass(frozen=True)
class DemoMedication:
    """One medication of the story with its ticks and taper notes."""

    medication: Medication
    doses: tuple[DoseRecord, ...]
    taper_notes: tuple[TaperNote, ...] = ()


@dataclass(frozen=True)
class DemoVisits:
    """The story's appointments (``contact_uid`` left for the data layer to link by name)
    and its check-ins, the rescheduled session's days answered to agree."""

    appointments: tuple[Appointment, ...]
    checkins: tuple[CheckIn, ...]


def demo_medications(checkins: list[CheckIn], plan: DemoShape, seed: int) -> list[DemoMedication]:
    """The two medications with their ticks from their start to ``plan.end``."""
    rng = random.Random(seed * 7919 + 14)
    days = (plan.end - plan.start).days
    film = replace(FILM, started=min(plan.start + timedelta(days=2), plan.end))
    mood = replace(SERTRALINE, started=min(plan.start + timedelta(days=days // 6), plan.end))
    marks = _ticks([film, mood], {c.day: c for c in checkins}, plan, rng)
    # Late on: the talk up to ten weeks before the end, the taper up to four.
    talk = plan.end - timedelta(days=min(days * 2 // 10, 70))
    taper = plan.end - timedelta(days=min(days * 8 // 100, 28))
    notes = (TaperNote(talk, TAPER_TALK), TaperNote(taper, TAPER)) if taper > talk else ()
    return [
        DemoMedication(film, tuple(r for i, r in marks if i == 0), notes),
        DemoMedication(mood, tuple(r for i, r in marks if i == 1)),
    ]


def _ticks(
    medications: list[Medication],
    checkins: dict[date, CheckIn],
    plan: DemoShape,
    rng: random.Random,
) -> list[tuple[int, DoseRecord]]:
    expected = [
        (index, dose)
        for index, m in enumerate(medications)
        for dose in expected_doses([_span(m)], plan.start, plan.end, m.started)
    ]
    by_day: dict[date, list[tuple[int, time]]] = {}
    for index, dose in expected:
        by_day.setdefault(dose.day, []).append((index, dose.at))
    found: list[tuple[int, DoseRecord]] = []
    for day, due in sorted(by_day.items()):
        checkin = checkins.get(day)
        answer = checkin.medication_taken if checkin is not None else None
        if 0 <= (plan.lapse_day - day).days <= 1:
            answer = False  # the lapse: the film missed that day and the day before
        if day == plan.end:  # today: the morning dose taken, the evening one still to come
            found += [(i, _taken(day, at, rng)) for i, at in due[:1]]
            continue
        found += _day_ticks(day, due, answer, rng)
    return found


def _span(medication: Medication) -> ScheduleSpan:
    assert medication.started is not None
    return ScheduleSpan(medication.started, medication.schedule)


def _taken(day: date, at: time, rng: random.Random) -> DoseRecord:
    """Taken up to 45 minutes after its time (never past midnight)."""
    late = datetime.combine(day, at) + timedelta(minutes=rng.randrange(0, 45))
    return DoseRecord(day, at, DoseMark.TAKEN, late.time() if late.date() == day else at)


def _day_ticks(
    day: date, due: list[tuple[int, time]], answer: bool | None, rng: random.Random
) -> list[tuple[int, DoseRecord]]:
    """One day's ticks giving ``answer``: yes, all taken; no, one missed (the film on the
    lapse days), sometimes both; not answered, the film taken and the rest not ticked, or
    nothing ticked."""

    def taken(at: time) -> DoseRecord:
        return _taken(day, at, rng)

    if answer is True:
        return [(i, taken(at)) for i, at in due]
    if answer is False:
        missed = {due[0][0]} if rng.random() < 0.7 else {i for i, _at in due}
        return [
            (i, DoseRecord(day, at, DoseMark.MISSED) if i in missed else taken(at)) for i, at in due
        ]
    if len(due) > 1 and rng.random() < 0.6:
        return [(i, taken(at)) for i, at in due[:1]]
    return []


def demo_visits(checkins: list[CheckIn], plan: DemoShape, seed: int) -> DemoVisits:
    """Therapy with the therapist every Tuesday at 17:00 and the group meeting every
    Wednesday at 19:00, from the first ones in the story to three weeks after its end.
    Past ones are marked as the check-ins tell it (a group missed on a day answered "no
    meeting", a session missed on a Tuesday without a check-in); one session, about a third
    of the way in, is rescheduled to that Thursday. Today's and later ones are not marked."""
    rng = random.Random(seed * 104729 + 14)
    by_day = {c.day: c for c in checkins}
    last = plan.end + timedelta(weeks=WEEKS_AHEAD)
    therapy = Appointment(
        plan.start,
        AppointmentKind.THERAPY,
        time(17, 0),
        60,
        with_whom=THERAPIST,
        place="Riverside practice",
        series_id=THERAPY_SERIES,
    )
    group = Appointment(
        plan.start,
        AppointmentKind.GROUP,
        time(19, 0),
        90,
        title="Group meeting",
        place="Community centre, room 2",
        series_id=GROUP_SERIES,
    )
    found: list[Appointment] = []
    moved = _rescheduled_day(by_day, plan)
    for day in _weekly(plan.start, last, 1):
        session = replace(therapy, day=day)
        if day == moved:
            found.append(replace(session, attendance=Attendance.RESCHEDULED))
            thursday = day + timedelta(days=2)
            kept = Attendance.ATTENDED if thursday < plan.end else None
            found.append(
                replace(session, day=thursday, at=time(16, 0), series_id=None, attendance=kept)
            )
        elif day < plan.end:
            held = day in by_day  # every Tuesday's check-in says "therapy: yes"
            found.append(
                replace(session, attendance=Attendance.ATTENDED if held else Attendance.MISSED)
            )
        else:
            found.append(session)
    for day in _weekly(plan.start, last, 2):
        meeting = replace(group, day=day)
        if day < plan.end:
            meeting = replace(meeting, attendance=_group_attendance(by_day.get(day), rng))
        found.append(meeting)
    return DemoVisits(
        tuple(sorted(found, key=lambda a: (a.day, a.at or time(0)))),
        tuple(_agreeing(c, moved) for c in checkins),
    )


def _weekly(first: date, last: date, weekday: int) -> list[date]:
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    return [day + timedelta(weeks=n) for n in range((last - day).days // 7 + 1)]


def _group_attendance(checkin: CheckIn | None, rng: random.Random) -> Attendance:
    if checkin is None or checkin.meeting is None:
        return Attendance.ATTENDED if rng.random() < 0.6 else Attendance.MISSED
    return Attendance.ATTENDED if checkin.meeting else Attendance.MISSED


def _rescheduled_day(by_day: dict[date, CheckIn], plan: DemoShape) -> date | None:
    """The first Tuesday from a third of the way in whose note does not speak of therapy
    (its check-in is then answered "therapy: not said"), before the lapse's week."""
    start = plan.start + timedelta(days=(plan.end - plan.start).days // 3)
    for day in _weekly(start, plan.end - timedelta(days=3), 1):
        checkin = by_day.get(day)
        if abs((plan.lapse_day - day).days) > 7 and "therap" not in (
            checkin.note.lower() if checkin else ""
        ):
            return day
    return None


def _agreeing(checkin: CheckIn, moved: date | None) -> CheckIn:
    if moved is None:
        return checkin
    if checkin.day == moved:
        return replace(checkin, therapy=None)
    if checkin.day == moved + timedelta(days=2):
        return replace(checkin, therapy=True)
    return checkin
