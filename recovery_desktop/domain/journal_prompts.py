"""Writing prompts for "Write about today", chosen from what today's records say.

A prompt is a heading to write under and a short hint. The choice follows the warning
signs and protections the relapse-prevention texts in ``shared/seeds/`` name: strong
cravings, low mood, poor sleep (a physical sign they list), a lapse (common, and something
to learn from rather than the end of recovery), attending therapy and peer groups; and the
good days, as a record of what helps. Journaling itself is named there among the
activities that support recovery. The wording is our own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from recovery_desktop.domain.sessions import AppointmentKind

HIGH_CRAVING = 7  # "Very strong" or more on the 0–10 craving scale
LOW_MOOD = 3  # "Down" or lower on the 0–10 mood scale
GOOD_MOOD = 7  # "Good" or better
POOR_SLEEP_QUALITY = 3  # "Poor" or worse
SHORT_SLEEP_HOURS = 6.0  # fewer hours than this reads as a short night
MILESTONE_DAYS = (7, 14, 30, 60, 90, 180, 365)
MAX_PROMPTS = 3
MIN_PROMPTS = 2


@dataclass(frozen=True)
class Prompt:
    """One prompt: ``key`` is stable (for tests and the page), ``heading`` is inserted into
    the entry as a Markdown heading, ``hint`` is shown beside it."""

    key: str
    heading: str
    hint: str


@dataclass(frozen=True)
class DayFacts:
    """What today's records say (None: not recorded). ``clean_days`` counts whole days since
    the last use (None: no date to count from); ``appointment_today`` are today's
    appointments' kinds; ``has_checkin`` is False when today has no check-in yet."""

    craving_peak: int | None = None
    mood: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    lapse_today: bool = False
    clean_days: int | None = None
    appointment_today: frozenset[AppointmentKind] = field(default_factory=frozenset)
    has_checkin: bool = False


LAPSE = Prompt(
    "lapse",
    "After today's lapse",
    "What led up to it: the hours before, the place, the people, the feeling? "
    "What is one thing you will do in the next day to look after yourself?",
)
CRAVING = Prompt(
    "craving",
    "The craving today",
    "When did it start and what set it off? What did you do while it was strong, "
    "and what would you try next time?",
)
LOW_MOOD_PROMPT = Prompt(
    "low_mood",
    "What weighed on me",
    "What has been heavy today? Who could you tell about it, and what small thing "
    "usually lifts you a little?",
)
SLEEP = Prompt(
    "sleep",
    "Rest and sleep",
    "How did last night's sleep show up in your day? What could help you wind down tonight?",
)
SESSION = Prompt(
    "session",
    "My session today",
    "What did you bring to it, or what stayed with you afterwards?",
)
GROUP = Prompt(
    "group",
    "The meeting today",
    "What did you hear or share that you want to remember?",
)
VISIT = Prompt(
    "visit",
    "My appointment today",
    "What was said, and is there anything you want to ask or do before the next one?",
)
GOOD_DAY = Prompt(
    "good_day",
    "What went well",
    "What made today a good day? What did you do that you would like to do again?",
)
GENERAL = (
    Prompt(
        "today",
        "How I am today",
        "How are you, in your own words? What has been on your mind?",
    ),
    Prompt(
        "grateful",
        "Something I'm glad of",
        "A person, a moment, something you managed: what are you glad of today?",
    ),
    Prompt(
        "tomorrow",
        "Looking after tomorrow",
        "What might make tomorrow hard, and what will you do if it does?",
    ),
)


def milestone_prompt(days: int) -> Prompt:
    """The prompt for a day that completes ``days`` days without use."""
    return Prompt(
        "milestone",
        f"{days:,} days",
        f"Today makes {days:,} days. What has changed since you started, and who helped?",
    )


def is_milestone(days: int | None) -> bool:
    """Whether ``days`` is a streak worth marking: 7, 14, 30, 60, 90, 180, 365 days, then
    every whole year."""
    return days is not None and days > 0 and (days in MILESTONE_DAYS or days % 365 == 0)


def _appointment_prompts(kinds: frozenset[AppointmentKind]) -> list[Prompt]:
    prompts: list[Prompt] = []
    if any(kind.is_session for kind in kinds):
        prompts.append(SESSION)
    if AppointmentKind.GROUP in kinds:
        prompts.append(GROUP)
    if kinds & {AppointmentKind.DOCTOR, AppointmentKind.CLINIC, AppointmentKind.OTHER}:
        prompts.append(VISIT)
    return prompts


def _poor_sleep(facts: DayFacts) -> bool:
    short = facts.sleep_hours is not None and facts.sleep_hours < SHORT_SLEEP_HOURS
    poor = facts.sleep_quality is not None and facts.sleep_quality <= POOR_SLEEP_QUALITY
    return short or poor


def _specific(facts: DayFacts) -> list[Prompt]:
    """Prompts for today's facts, the most pressing first."""
    prompts: list[Prompt] = []
    if facts.lapse_today:
        prompts.append(LAPSE)
    if facts.craving_peak is not None and facts.craving_peak >= HIGH_CRAVING:
        prompts.append(CRAVING)
    if facts.mood is not None and facts.mood <= LOW_MOOD:
        prompts.append(LOW_MOOD_PROMPT)
    if _poor_sleep(facts):
        prompts.append(SLEEP)
    prompts.extend(_appointment_prompts(facts.appointment_today))
    if not facts.lapse_today and is_milestone(facts.clean_days):
        assert facts.clean_days is not None
        prompts.append(milestone_prompt(facts.clean_days))
    if facts.mood is not None and facts.mood >= GOOD_MOOD and not facts.lapse_today:
        prompts.append(GOOD_DAY)
    return prompts


def prompts_for(facts: DayFacts) -> list[Prompt]:
    """Two or three prompts for today: those today's facts call for (a lapse first, then a
    strong craving, low mood, poor sleep, today's appointments, a streak milestone, a good
    mood), filled up with general ones to at least two."""
    prompts = _specific(facts)[:MAX_PROMPTS]
    for general in GENERAL:
        if len(prompts) >= MIN_PROMPTS:
            break
        prompts.append(general)
    return prompts
