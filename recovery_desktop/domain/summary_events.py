"""The summary's events: cravings, what helped, people reached, lapses, clean time.

Pure functions over what :class:`~recovery_desktop.domain.summary.SummaryInputs` holds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from recovery_desktop.domain.contacts import Contact, ReachOut, Role
from recovery_desktop.domain.cravings import (
    CopingEffect,
    CravingSummary,
    coping_effects,
    summarise_cravings,
)
from recovery_desktop.domain.recovery_time import (
    CleanPeriod,
    CleanTime,
    Lapse,
    clean_time,
    substances,
)
from recovery_desktop.domain.summary import SummaryInputs

# "What helped most" lists this many actions, each used at least once with both
# intensities known, and only those after which the craving eased on average.
HELPED_LIMIT = 3
HELPED_MIN_USES = 1
UNKNOWN = "someone no longer in my list"


@dataclass(frozen=True)
class RoleReach:
    """Reach-outs to people with one role; ``names`` is (name, times), most often first."""

    role: Role
    count: int
    names: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class CleanTimeAt:
    """Clean time for one substance as it stood on ``day`` (the last day of a period, or
    today while the period runs).

    ``time`` is None when no attempt was running on ``day``: the last one had ended with a
    lapse on ``last_lapse`` (the lapse's own day, from the lapse record) and the next one,
    if any, starts on ``restart``, after ``day``. ``cumulative`` is then counted here.
    """

    substance: str
    day: date
    time: CleanTime | None
    cumulative: int
    last_lapse: date | None = None
    restart: date | None = None


def _no_cravings() -> CravingSummary:
    return summarise_cravings([])


@dataclass(frozen=True)
class EventsSummary:
    """The defaults describe a period with nothing recorded."""

    cravings: CravingSummary = field(default_factory=_no_cravings)
    helped: tuple[CopingEffect, ...] = ()
    people: tuple[RoleReach, ...] = ()
    reach_outs: int = 0
    reach_outs_helped: int = 0
    lapses: tuple[Lapse, ...] = ()
    clean: tuple[CleanTimeAt, ...] = ()


def what_helped(effects: Iterable[CopingEffect], limit: int = HELPED_LIMIT) -> list[CopingEffect]:
    """The actions with the biggest average drop, keeping only those that lowered it."""
    return [e for e in effects if e.average_drop > 0][:limit]


def reach_by_role(reach_outs: Sequence[ReachOut], contacts: Sequence[Contact]) -> list[RoleReach]:
    """Reach-outs counted per role (in the order roles are listed), with who and how often."""
    people = {c.id: c for c in contacts if c.id is not None}
    per_role: dict[Role, Counter[str]] = {}
    for reach in reach_outs:
        contact = people.get(reach.contact_id)
        role = contact.role if contact else Role.FRIEND
        per_role.setdefault(role, Counter())[contact.name if contact else UNKNOWN] += 1
    return [
        RoleReach(role, sum(names.values()), tuple(sorted(names.items(), key=_most_first)))
        for role in Role
        if (names := per_role.get(role))
    ]


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0].casefold())


def as_of(periods: Iterable[CleanPeriod], day: date) -> list[CleanPeriod]:
    """The attempts as they stood on ``day``: later ones left out, later endings undone."""
    return [
        replace(p, end=None, lapse_id=None) if p.end is not None and p.end > day else p
        for p in periods
        if p.start <= day
    ]


def clean_time_at(
    periods: Sequence[CleanPeriod], day: date, lapses: Sequence[Lapse] = ()
) -> list[CleanTimeAt]:
    """Streak and cumulative clean days per substance on ``day``; substances whose first
    clean date came later are left out. Between a lapse and a later restart the lapse's day
    comes from ``lapses`` (every lapse recorded), the restart from ``periods``."""
    known = as_of(periods, day)
    out = []
    for substance in substances(known):
        own = [p for p in known if p.substance == substance]
        cumulative = sum(p.days(day) for p in own)
        time = clean_time(known, substance, day)
        entry = CleanTimeAt(substance, day, time, cumulative)
        out.append(entry if time is not None else _between(entry, own, periods, lapses))
    return out


def _between(
    entry: CleanTimeAt,
    own: Sequence[CleanPeriod],
    periods: Sequence[CleanPeriod],
    lapses: Sequence[Lapse],
) -> CleanTimeAt:
    """No count running on the day: the last lapse (its record's day) and the restart."""
    ended = max((p for p in own if p.end is not None), key=lambda p: p.end or p.start, default=None)
    if ended is None:
        return entry
    lapse = next((x for x in lapses if x.id is not None and x.id == ended.lapse_id), None)
    last_lapse = lapse.day if lapse is not None else ended.end
    later = [p for p in periods if p.substance == entry.substance and p.start > entry.day]
    started = [p for p in later if lapse is not None and p.started_by == lapse.id]
    restart = min((p.start for p in started or later), default=None)
    return replace(entry, last_lapse=last_lapse, restart=restart)


def summarise_events(inputs: SummaryInputs, today: date) -> EventsSummary:
    """Everything the events sections of the printed summary show on ``today``: events of
    the days that have come, clean time on the period's last day or today while it runs,
    and nothing at all for a period that has not started."""
    counted = inputs.period.so_far(today)
    if counted is None:
        return EventsSummary()
    trend = inputs.trend
    cravings = list(trend.cravings)
    return EventsSummary(
        cravings=summarise_cravings(cravings),
        helped=tuple(what_helped(coping_effects(cravings, HELPED_MIN_USES))),
        people=tuple(reach_by_role(trend.reach_outs, inputs.contacts)),
        reach_outs=len(trend.reach_outs),
        reach_outs_helped=sum(1 for r in trend.reach_outs if r.helped),
        lapses=tuple(sorted(trend.lapses, key=lambda lapse: lapse.at)),
        clean=tuple(clean_time_at(inputs.clean_periods, counted.end, inputs.lapse_history)),
    )
