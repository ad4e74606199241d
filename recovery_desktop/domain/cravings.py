"""Cravings: when, how strong, why, what helped, and how it ended; plus the week's maths.

Times are local wall-clock times (what the clock on the wall said), so "evening cravings"
stay in the evening even after travelling or a daylight-saving change. A craving belongs to
the local calendar day on which it started.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.scales import SCALE_MAX, SCALE_MIN
from recovery_desktop.domain.wording import plural

MAX_TEXT_CHARACTERS = 5_000
MAX_DURATION_MINUTES = 24 * 60
MIN_USES_FOR_RANKING = 3


class Outcome(enum.Enum):
    PASSED = "passed"
    USED = "used"

    @property
    def label(self) -> str:
        return "Passed" if self is Outcome.PASSED else "Used"


class CravingError(ValueError):
    """A craving that cannot be saved, in plain words."""


@dataclass(frozen=True)
class Tag:
    """A trigger or coping action as it was named when the craving was recorded."""

    item_id: int | None
    name: str

    @property
    def key(self) -> object:
        return self.item_id if self.item_id is not None else self.name.casefold()


@dataclass(frozen=True)
class Craving:
    id: int | None
    started_at: datetime
    intensity: int | None = None
    triggers: tuple[Tag, ...] = ()
    place: str = ""
    with_whom: str = ""
    thoughts: str = ""
    coping: tuple[Tag, ...] = ()
    intensity_after: int | None = None
    outcome: Outcome | None = None
    duration_minutes: int | None = None

    @property
    def day(self) -> date:
        return self.started_at.date()

    @property
    def drop(self) -> int | None:
        """How much the intensity fell (negative if it rose); None unless both are known."""
        if self.intensity is None or self.intensity_after is None:
            return None
        return self.intensity - self.intensity_after

    def validate(self) -> None:
        for value, label in (
            (self.intensity, "Intensity"),
            (self.intensity_after, "Intensity now"),
        ):
            if value is not None and not SCALE_MIN <= value <= SCALE_MAX:
                raise CravingError(f"{label} must be from 0 to 10.")
        if self.duration_minutes is not None and not (
            0 <= self.duration_minutes <= MAX_DURATION_MINUTES
        ):
            raise CravingError("The duration must be between 0 minutes and a day.")
        for text in (self.place, self.with_whom, self.thoughts):
            if len(text) > MAX_TEXT_CHARACTERS:
                raise CravingError(f"Keep each answer under {MAX_TEXT_CHARACTERS:,} characters.")


TIMES_OF_DAY = (("Night", 0, 5), ("Morning", 5, 12), ("Afternoon", 12, 17), ("Evening", 17, 22))


def time_of_day(moment: datetime) -> str:
    """Night (22:00–05:00), morning, afternoon or evening."""
    for name, start, end in TIMES_OF_DAY:
        if start <= moment.hour < end:
            return name
    return "Night"


@dataclass(frozen=True)
class CopingEffect:
    name: str
    uses: int  # uses with both intensities known
    average_drop: float


def coping_effects(
    cravings: Iterable[Craving], min_uses: int = MIN_USES_FOR_RANKING
) -> list[CopingEffect]:
    """Coping actions ranked by how much intensity fell on average when they were used.

    Only cravings with both intensities count; actions with fewer than ``min_uses`` such
    cravings are left out, because a ranking on one or two moments would mislead.
    """
    drops: dict[object, list[int]] = {}
    names: dict[object, str] = {}
    for craving in cravings:
        if craving.drop is None:
            continue
        for tag in craving.coping:
            drops.setdefault(tag.key, []).append(craving.drop)
            names.setdefault(tag.key, tag.name)
    effects = [
        CopingEffect(names[key], len(values), sum(values) / len(values))
        for key, values in drops.items()
        if len(values) >= min_uses
    ]
    return sorted(effects, key=lambda e: (-e.average_drop, -e.uses, e.name))


def trigger_counts(cravings: Iterable[Craving]) -> list[tuple[str, int]]:
    """How often each trigger came up, most frequent first (ties by name)."""
    counts: Counter[object] = Counter()
    names: dict[object, str] = {}
    for craving in cravings:
        for tag in craving.triggers:
            counts[tag.key] += 1
            names.setdefault(tag.key, tag.name)
    return sorted(((names[k], n) for k, n in counts.items()), key=lambda kn: (-kn[1], kn[0]))


def weekday_hour_counts(cravings: Iterable[Craving]) -> list[list[int]]:
    """A 7 × 24 grid: cravings by weekday (Monday first) and hour."""
    grid = [[0] * 24 for _ in range(7)]
    for craving in cravings:
        grid[craving.started_at.weekday()][craving.started_at.hour] += 1
    return grid


@dataclass(frozen=True)
class CravingSummary:
    count: int
    average: float | None
    peak: int | None
    passed: int
    used: int
    common_triggers: list[tuple[str, int]] = field(default_factory=list)
    best_coping: CopingEffect | None = None
    times_of_day: dict[str, int] = field(default_factory=dict)

    @property
    def most_common_trigger(self) -> str | None:
        return self.common_triggers[0][0] if self.common_triggers else None


def summarise_cravings(cravings: Sequence[Craving], min_uses_for_best: int = 1) -> CravingSummary:
    """The numbers for a period's cravings. A craving without an intensity still counts."""
    rated = [c.intensity for c in cravings if c.intensity is not None]
    effects = coping_effects(cravings, min_uses_for_best)
    times = Counter(time_of_day(c.started_at) for c in cravings)
    return CravingSummary(
        count=len(cravings),
        average=sum(rated) / len(rated) if rated else None,
        peak=max(rated) if rated else None,
        passed=sum(1 for c in cravings if c.outcome is Outcome.PASSED),
        used=sum(1 for c in cravings if c.outcome is Outcome.USED),
        common_triggers=trigger_counts(cravings),
        best_coping=effects[0] if effects else None,
        times_of_day={name: times[name] for name, _s, _e in TIMES_OF_DAY if times[name]},
    )


def helped_most_text(effect: CopingEffect) -> str:
    """ "“Go for a walk” helped most: cravings were about 4 points lower afterwards." """
    points = round(effect.average_drop)
    lower = "a little lower" if points < 1 else f"about {plural(points, 'point')} lower"
    times = f" (used {plural(effect.uses, 'time')})"
    return f"\u201c{effect.name}\u201d helped most: cravings were {lower} afterwards{times}."


def summary_line(
    summary: CravingSummary, period: Period, trigger: str | None = None, *, today: date
) -> str:
    """Plain sentences about the cravings of ``period`` (only those with ``trigger``, if
    given), so the words above a list say what the list shows; a period running past
    ``today`` is named "so far", one after it "still to come" (``Period.label_on``)."""
    scope = period.label_on(today) + (f", with \u201c{trigger}\u201d" if trigger else "")
    if summary.count == 0:
        return f"{scope}: no cravings logged."
    sentences = [f"{scope}: {plural(summary.count, 'craving')}"]
    if summary.average is not None:
        sentences[0] += f", average intensity {summary.average:.1f}, strongest {summary.peak}"
    sentences[0] += "."
    if summary.most_common_trigger and not trigger:
        sentences.append(f"Most common trigger: {summary.most_common_trigger}.")
    best = summary.best_coping
    if best is not None and best.average_drop > 0:
        sentences.append(helped_most_text(best))
    return " ".join(sentences)
