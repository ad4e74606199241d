"""The 0–10 scales of the daily check-in, each value with a plain word."""

from __future__ import annotations

from dataclasses import dataclass

SCALE_MIN = 0
SCALE_MAX = 10


@dataclass(frozen=True)
class Scale:
    """A 0–10 scale: a short question, and one plain word for every value."""

    key: str
    label: str
    question: str
    words: tuple[str, ...]

    def __post_init__(self) -> None:
        if len(self.words) != SCALE_MAX - SCALE_MIN + 1:
            raise ValueError(f"scale {self.key} needs one word per value")

    def word(self, value: int | None) -> str:
        """The word for a value, or "Not answered" for None."""
        if value is None:
            return "Not answered"
        return self.words[value - SCALE_MIN]

    def describe(self, value: int | None) -> str:
        """ "7 · Good" style text for labels and screen readers."""
        if value is None:
            return "Not answered"
        return f"{value} · {self.word(value)}"


MOOD = Scale(
    "mood",
    "Mood",
    "How has your mood been today?",
    (
        "Awful",
        "Very low",
        "Low",
        "Down",
        "A bit low",
        "Okay",
        "Alright",
        "Good",
        "Very good",
        "Great",
        "Wonderful",
    ),
)

CRAVING = Scale(
    "craving_peak",
    "Craving peak",
    "How strong was your strongest craving today?",
    (
        "None",
        "Barely there",
        "Slight",
        "Mild",
        "Noticeable",
        "Moderate",
        "Strong",
        "Very strong",
        "Intense",
        "Overwhelming",
        "The worst it gets",
    ),
)

STRESS = Scale(
    "stress",
    "Stress",
    "How stressed did you feel today?",
    (
        "None",
        "Very calm",
        "Calm",
        "A little tense",
        "Some stress",
        "Moderate",
        "Quite stressed",
        "Stressed",
        "Very stressed",
        "Overwhelmed",
        "At breaking point",
    ),
)

SLEEP_QUALITY = Scale(
    "sleep_quality",
    "Sleep quality",
    "How well did you sleep last night?",
    (
        "Not at all",
        "Terrible",
        "Very poor",
        "Poor",
        "Restless",
        "Okay",
        "Fair",
        "Good",
        "Very good",
        "Deep and restful",
        "The best in ages",
    ),
)

ENERGY = Scale(
    "energy",
    "Energy",
    "How much energy did you have today?",
    (
        "Exhausted",
        "Drained",
        "Very low",
        "Low",
        "A bit flat",
        "Okay",
        "Steady",
        "Good",
        "Lively",
        "Very energetic",
        "Full of energy",
    ),
)

ALL_SCALES: tuple[Scale, ...] = (MOOD, CRAVING, STRESS, SLEEP_QUALITY, ENERGY)
