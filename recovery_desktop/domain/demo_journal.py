"""The demo journal's entries: about six a week, in the demo user's own words, drawn from
the demo's days so they never contradict the check-ins and cravings.

An entry mentions a meeting only on a day with one, therapy only on a therapy day, a walk
only with exercise recorded, a craving only when the day has one (with its time and what
helped), poor or good sleep only when the check-in says so, work only on a weekday. The
lapse and the days after it have their own entries; a few entries are shared with the
therapist (mostly on therapy days, and the lapse story from a week on). None is shared in
the lapse's own week: that week's summary, the fullest the demo prints, has no room left on
its two pages (docs/decisions.md, i15-share). Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from recovery_desktop.domain.checkin import CheckIn, Halt
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.demo import DemoShape
from recovery_desktop.domain.demo_events import WITHDRAWN_DAYS
from recovery_desktop.domain.journal_entries import JournalEntry

_LATEST = 22  # cravings from this hour on are not written about that day
WRITING_CHANCE = 0.92  # of days with a check-in: about six entries a week
SHARED_ON_THERAPY_DAYS = 0.35

_OPENINGS_GOOD = (
    "A good day, mostly.",
    "Today felt lighter than it has in a while.",
    "Steady today. Nothing dramatic, which is the point.",
    "I noticed I was humming while I made coffee.",
)
_OPENINGS_MIXED = (
    "An ordinary day with a few sharp edges.",
    "Not bad, not great.",
    "Some of today went well and some of it I'd rather forget.",
    "Middle of the road today.",
)
_OPENINGS_LOW = (
    "Heavy day. Everything took twice the effort.",
    "I felt flat from the moment I woke up.",
    "Low all day and I couldn't say why.",
    "One of those grey days where I just got through it.",
)
_WORK = (
    "Work piled up and my manager kept adding to it. I took my lunch outside, not at my desk.",
    "The meeting at work ran over and I could feel my jaw clenching.",
    "Deadline at work. I kept my head down and left on time for once.",
)
_MEETING = (
    "Went to the meeting tonight. Someone shared about their first year; I knew a lot of it.",
    "Meeting this evening. I didn't speak but I stayed for coffee after, which is new.",
    "At the meeting I said out loud how long it has been. People clapped and I went red.",
)
_THERAPY = (
    "Session with Alex. We worked on what I do on empty evenings.",
    "Therapy today. Alex asked what I would tell a friend in my place, and it helped.",
    "Saw Alex. We looked at last week's cravings together and found the pattern: evenings alone.",
)
_WALK = (
    "Walked for a while after dinner. The air helped.",
    "Got out for a walk at lunch. Small thing, big difference.",
    "Went the long way home on foot.",
)
_POOR_SLEEP = (
    "Barely slept: {hours} hours, and broken ones. Tired is when I slip, so I'm being careful.",
    "Awake half the night again. {hours} hours. I want an early night.",
)
_GOOD_SLEEP = (
    "Slept {hours} hours and actually feel rested.",
    "A proper night's sleep ({hours} hours). It changes everything.",
)
_FAMILY = (
    "Called Mum. She sounded glad to hear from me.",
    "Dinner with my partner, phones away. We laughed about nothing.",
    "Jordan texted to ask about Sunday. It's nice to be asked.",
)
_LONELY = (
    "The flat felt very quiet tonight.",
    "I noticed I hadn't spoken to anyone since the morning.",
)
_GRATEFUL = (
    "Grateful for: a warm kitchen, a text from Jordan, the last of the good bread.",
    "Three things that went right: I got up on time, I ate properly, I didn't isolate.",
    "Glad I kept my plan today even when it felt pointless.",
)
_LAPSE_DAY = (
    "## What happened\n\nI used tonight. I'm writing it down now because I promised myself I "
    "would tell the truth here, even this.\n\nA week of bad sleep, work on top of me, and I "
    "stopped answering Sam. Then an evening on my own with money in my pocket."
)
_DAY_AFTER = (
    "## The day after\n\nI called Sam this morning. She didn't lecture me; she asked what I "
    "needed today. I went to the meeting.\n\n- Tell Sam when I first skip a meeting\n"
    "- Don't carry cash on payday\n- Bring this to therapy"
)
_WEEK_AFTER = (
    "A week since the lapse. Rough days, but I'm back to the Tuesday group and my counsellor. "
    "The lapse doesn't cancel the months before it."
)


def _craving_text(rng: random.Random, craving: Craving) -> str:
    at = craving.started_at.strftime("%H:%M")
    strength = f"{craving.intensity}/10"
    helped = [tag.name.lower() for tag in craving.coping]
    if not helped:
        return f"## The craving today\n\nIt came at {at}, {strength}. I couldn't hold it."
    what = helped[0]
    after = "" if craving.intensity_after is None else f", down to {craving.intensity_after}"
    opening = rng.choice(("It hit at", "A strong pull around", "Craving at"))
    return (
        f"## The craving today\n\n{opening} {at}, {strength}. What I did: **{what}**{after}. "
        f"It passed, like they do."
    )


def _rested(checkin: CheckIn) -> bool:
    return (checkin.sleep_hours or 0) >= 8 and (checkin.sleep_quality or 0) >= 7


def _opening(rng: random.Random, checkin: CheckIn) -> str:
    mood = checkin.mood if checkin.mood is not None else 5
    pool = _OPENINGS_GOOD if mood >= 7 else _OPENINGS_LOW if mood <= 3 else _OPENINGS_MIXED
    return rng.choice(pool)


def _day_parts(
    rng: random.Random, checkin: CheckIn, cravings: Sequence[Craving]
) -> tuple[list[str], list[str], str, datetime | None]:
    """The paragraphs, tags and title of an ordinary day's entry, and when the craving it
    tells of began (None: none)."""
    parts, tags = [_opening(rng, checkin)], []
    title = ""
    sleep = checkin.sleep_hours
    if sleep is not None and sleep < 6 and rng.random() < 0.7:
        parts.append(rng.choice(_POOR_SLEEP).format(hours=f"{sleep:g}"))
        tags.append("sleep")
        title = "Not enough sleep"
    elif _rested(checkin) and rng.random() < 0.3:
        parts.append(rng.choice(_GOOD_SLEEP).format(hours=f"{sleep:g}"))
        tags.append("sleep")
    if checkin.day.weekday() < 5 and (checkin.stress or 0) >= 6 and rng.random() < 0.7:
        parts.append(rng.choice(_WORK))
        tags.append("work")
        title = title or "Work again"
    # Written once it has passed: a craving late at night is written about the next day.
    strong = [c for c in cravings if (c.intensity or 0) >= 6 and c.started_at.hour < _LATEST]
    told = strong[0].started_at if strong else None
    if strong:
        parts.append(_craving_text(rng, strong[0]))
        tags.append("cravings")
        title = "A hard evening" if strong[0].started_at.hour >= 17 else "Craving"
    if checkin.meeting is True and rng.random() < 0.6:
        parts.append(rng.choice(_MEETING))
        tags.append("meeting")
        title = title or "Meeting night"
    if checkin.therapy is True:
        parts.append(rng.choice(_THERAPY))
        tags.append("therapy")
        title = title or "Therapy"
    if (checkin.exercise_minutes or 0) >= 20 and rng.random() < 0.4:
        parts.append(rng.choice(_WALK))
    if Halt.LONELY in checkin.halt and rng.random() < 0.6:
        parts.append(rng.choice(_LONELY))
    elif rng.random() < 0.25:
        parts.append(rng.choice(_FAMILY))
        tags.append("family")
    if (checkin.mood or 0) >= 6 and rng.random() < 0.3:
        parts.append(rng.choice(_GRATEFUL))
        tags.append("gratitude")
    return parts, tags, title, told


def same_week(day: date, other: date) -> bool:
    """Whether ``day`` and ``other`` fall in one ISO week."""
    return day.isocalendar()[:2] == other.isocalendar()[:2]


def _story_entry(checkin: CheckIn, to_lapse: int) -> JournalEntry | None:
    at = datetime.combine(checkin.day, time(22, 10))
    if to_lapse == 0:
        return JournalEntry(at, "I used", _LAPSE_DAY, ("lapse", "cravings"))
    if to_lapse == -1:
        return JournalEntry(at, "Starting again", _DAY_AFTER, ("lapse", "meeting"))
    if to_lapse == -6:
        lapse_day = checkin.day - timedelta(days=6)
        shared = not same_week(checkin.day, lapse_day)
        return JournalEntry(at, "One week on", _WEEK_AFTER, ("lapse", "therapy"), shared=shared)
    return None


def demo_entries(
    checkins: Sequence[CheckIn], cravings: Sequence[Craving], shape: DemoShape, seed: int
) -> list[JournalEntry]:
    """Entries for the demo's days (never its last day, which has only begun), oldest
    first; the same inputs and seed give the same entries."""
    rng = random.Random(seed * 104_729 + 3)
    by_day: dict[date, list[Craving]] = {}
    for craving in cravings:
        by_day.setdefault(craving.day, []).append(craving)
    entries: list[JournalEntry] = []
    for checkin in checkins:
        if checkin.day >= shape.end:
            continue
        to_lapse = (shape.lapse_day - checkin.day).days
        story = _story_entry(checkin, to_lapse)
        if story is not None:
            entries.append(story)
            continue
        if rng.random() > WRITING_CHANCE or 0 < to_lapse <= WITHDRAWN_DAYS // 2:
            continue  # not every day; and not in the last days before the lapse
        parts, tags, title, told = _day_parts(rng, checkin, by_day.get(checkin.day, []))
        morning = tags == ["sleep"] and rng.random() < 0.5  # only sleep to write about yet
        hour = rng.choice((7, 8)) if morning else rng.randint(20, 22)
        at = datetime.combine(checkin.day, time(hour, rng.choice((0, 5, 15, 25, 40, 50))))
        if told is not None:  # written after the craving it tells of
            at = max(at, told + timedelta(minutes=45))
        shared = checkin.therapy is True and rng.random() < SHARED_ON_THERAPY_DAYS
        shared = shared and not same_week(checkin.day, shape.lapse_day)
        entries.append(JournalEntry(at, title, "\n\n".join(parts), tuple(tags), shared=shared))
    return entries
