"""Demo cravings, people, reach-outs, clean time and one lapse, shaped by the demo check-ins.

Cravings come more in the evenings, on idle weekend days and after stressful days; coping
actions differ in how much they help; reach-outs thin out in the days before the lapse, the
way withdrawing from people often comes first.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from recovery_desktop.domain.checkin import CheckIn, Halt
from recovery_desktop.domain.contacts import Contact, Method, ReachOut, Role
from recovery_desktop.domain.cravings import Craving, Outcome, Tag
from recovery_desktop.domain.demo import DemoShape
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse

CONTACTS = (
    Contact(None, "Sam", Role.SPONSOR, "555-0142", "", "Any time, even late."),
    Contact(None, "Mum", Role.FAMILY, "555-0178", "", ""),
    Contact(None, "Jordan", Role.FRIEND, "555-0116", "jordan@example.org", "Walks on Sundays."),
    Contact(None, "Alex Rivera", Role.THERAPIST, "555-0190", "", "Tuesdays at 5."),
    Contact(None, "Tuesday evening group", Role.GROUP, "", "", "Community centre, room 2."),
    Contact(None, "Dr. Okafor", Role.DOCTOR, "555-0133", "", "Prescribes my medication."),
)

# Coping action -> typical drop in intensity (varied on purpose, to rank in the charts).
COPING_EFFECT = {
    "Call my sponsor": 4.0,
    "Ride out the urge until it passes": 3.0,
    "Go for a walk": 3.2,
    "Slow breathing for five minutes": 2.4,
    "Text someone who backs my recovery": 2.8,
    "Music, a book or a show": 1.2,
    "Cook or eat something": 1.6,
    "Leave the place I'm in": 2.6,
}
# Coping actions that reach someone (the craving panel logs a call or text with them).
REACHING_OUT = ("Call my sponsor", "Text someone who backs my recovery")
# Before the lapse the demo user stops answering people, as the lapse record says.
WITHDRAWN_DAYS = 5
STRESS_TRIGGERS = ("Pressure at work or school", "Money worries", "Bad news out of nowhere")
IDLE_TRIGGERS = ("A day with nothing planned", "Evenings on my own", "Weekends without a routine")
OTHER_TRIGGERS = (
    "Driving past the old neighbourhood",
    "Payday, or having cash on me",
    "An argument at home",
    "Anxiety or low mood",
)


@dataclass
class DemoEvents:
    contacts: tuple[Contact, ...] = CONTACTS
    cravings: list[Craving] = field(default_factory=list)
    reach_outs: list[tuple[int, ReachOut, int | None]] = field(default_factory=list)
    clean_start: date = date.min
    lapse: Lapse | None = None
    new_start: date = date.min


def _hour(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.55:
        return rng.randint(17, 22)
    if roll < 0.8:
        return rng.randint(12, 16)
    if roll < 0.92:
        return rng.randint(7, 11)
    return rng.choice((23, 0, 1, 2))


def _triggers(rng: random.Random, checkin: CheckIn) -> tuple[Tag, ...]:
    names: list[str] = []
    if (checkin.stress or 0) >= 6:
        names.append(rng.choice(STRESS_TRIGGERS))
    if checkin.day.weekday() >= 5 or Halt.LONELY in checkin.halt:
        names.append(rng.choice(IDLE_TRIGGERS))
    if (checkin.sleep_hours or 8) < 6:
        names.append("Poor sleep")
    if not names or rng.random() < 0.3:
        names.append(rng.choice(OTHER_TRIGGERS))
    return tuple(Tag(None, n) for n in dict.fromkeys(names))


def _where(rng: random.Random, started: datetime) -> tuple[str, str]:
    """Where and with whom: work and coworkers only on a weekday during working hours."""
    working = started.weekday() < 5 and 8 <= started.hour < 18
    places = ("At home", "At work", "In the car", "Out shopping", "")
    company = ("On my own", "With my partner", "With coworkers", "")
    place = rng.choice(places if working else tuple(p for p in places if p != "At work"))
    with_whom = rng.choice(company if working else tuple(c for c in company if "work" not in c))
    return place, with_whom


def _craving(
    rng: random.Random, checkin: CheckIn, peak: int, used: bool, withdrawn: bool
) -> Craving:
    """One craving; while ``withdrawn`` (the days before the lapse) nobody is called."""
    intensity = peak if used else max(1, peak - rng.randint(0, 2))
    choices = sorted(a for a in COPING_EFFECT if not (withdrawn and a in REACHING_OUT))
    actions = rng.sample(choices, rng.choice((1, 1, 2)))
    drop = max(COPING_EFFECT[a] for a in actions) + rng.gauss(0, 1.0)
    after = None if rng.random() < 0.1 else max(0, min(10, round(intensity - drop)))
    outcome = Outcome.USED if used else (None if after is None else Outcome.PASSED)
    started = datetime.combine(checkin.day, time(_hour(rng), rng.choice((0, 10, 20, 30, 45))))
    place, with_whom = _where(rng, started)
    return Craving(
        id=None,
        started_at=started,
        intensity=intensity,
        triggers=_triggers(rng, checkin),
        place=place,
        with_whom=with_whom,
        thoughts=rng.choice(("Just once wouldn't hurt.", "I can't take today.", "", "")),
        coping=() if used else tuple(Tag(None, a) for a in actions),
        intensity_after=None if used else after,
        outcome=outcome,
        duration_minutes=rng.choice((5, 10, 15, 20, 30, 40)),
    )


def demo_events(checkins: Sequence[CheckIn], shape: DemoShape, seed: int) -> DemoEvents:
    rng = random.Random(seed * 7919 + 17)
    demo = DemoEvents(clean_start=shape.start)
    for checkin in checkins:
        if checkin.day >= shape.end:
            continue  # the last day has only begun: nothing has happened yet at any hour
        peak = checkin.craving_peak or 0
        lapse_day = checkin.day == shape.lapse_day
        count = 1 if lapse_day else (peak >= 4) + (peak >= 6) + (peak >= 8)
        withdrawn = 0 < (shape.lapse_day - checkin.day).days <= WITHDRAWN_DAYS
        for n in range(count):
            craving = _craving(rng, checkin, peak, lapse_day and n == 0, withdrawn)
            demo.cravings.append(craving)
            _reach_out_from_craving(demo, craving)
        _reach_outs(rng, demo, checkin, shape)
    demo.lapse = Lapse(
        None,
        datetime.combine(shape.lapse_day, time(21, 30)),
        DEFAULT_SUBSTANCE,
        what_used="Heroin, a small amount",
        before="A few nights of bad sleep and a lot of stress at work. I skipped a meeting and "
        "stopped answering Sam. Then an evening on my own.",
        would_help="Telling Sam when I first skip a meeting. Not carrying cash on payday.",
        tell="Sam and my counsellor",
    )
    demo.new_start = shape.lapse_day + timedelta(days=1)
    return demo


def _reach_out_from_craving(demo: DemoEvents, craving: Craving) -> None:
    """ "I called Sam": reach-outs logged from the craving panel, linked to the craving."""
    names = {tag.name for tag in craving.coping}
    for action, index, how in (
        ("Call my sponsor", 0, Method.CALL),
        ("Text someone who backs my recovery", 2, Method.TEXT),
    ):
        if action in names:
            at = craving.started_at + timedelta(minutes=5)
            reach = ReachOut(None, 0, at, how, True, "")
            demo.reach_outs.append((index, reach, len(demo.cravings) - 1))


def _reach_outs(rng: random.Random, demo: DemoEvents, checkin: CheckIn, shape: DemoShape) -> None:
    days_to_lapse = (shape.lapse_day - checkin.day).days
    if 0 < days_to_lapse <= WITHDRAWN_DAYS:  # pulling away from people before the lapse
        return
    if days_to_lapse == -1:  # "Told my sponsor about yesterday"
        at = datetime.combine(checkin.day, time(10, 0))
        demo.reach_outs.append((0, ReachOut(None, 0, at, Method.CALL, True, ""), None))
        return
    if rng.random() < (0.9 if days_to_lapse == -2 else 0.5):
        index = rng.choices(range(len(CONTACTS)), weights=(5, 3, 3, 1, 2, 0.3))[0]
        how = {Role.GROUP: Method.MEETING, Role.THERAPIST: Method.IN_PERSON}.get(
            CONTACTS[index].role, rng.choice((Method.CALL, Method.TEXT, Method.CALL))
        )
        at = datetime.combine(checkin.day, time(rng.randint(9, 21), rng.choice((0, 15, 30))))
        helped = rng.random() < 0.85
        demo.reach_outs.append((index, ReachOut(None, 0, at, how, helped, ""), None))
