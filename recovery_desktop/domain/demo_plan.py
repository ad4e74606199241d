"""The demo story's aftercare plan: written over the first weeks, reviewed with the
counsellor, changed after the lapse, and so kept in about eight versions over the period
whatever its length (a ten-year demo has no more versions than a ten-week one).

Every section is written in our own words for a made-up person; the facts follow the
relapse-prevention guides in ``shared/seeds/`` (triggers such as payday, old places, stress
at work and lonely weekends; warning signs such as poor sleep, irritability and skipped
groups; protection from a sponsor, a group, routine, medication and therapy).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Any

from recovery_desktop.domain.demo import DemoShape
from recovery_desktop.domain.plan import DEFAULT_TITLES, Plan, PlanPair, PlanSection, SectionKind
from recovery_desktop.domain.plan_template import template_for

REVIEW_LABEL = "Reviewed with my counsellor"

_K = SectionKind
_BODIES: dict[SectionKind, str] = {
    _K.REASONS: (
        "- Being there for my daughter's school mornings\n"
        "- Feeling rested and clear-headed\n"
        "- Keeping my job at the warehouse\n"
        "- Paying back what I owe my brother\n"
    ),
    _K.CRISIS: (
        "1. Leave where I am and go somewhere safe and busy\n"
        "2. Call Sam, then Mum\n"
        "3. If nobody answers, call a crisis line\n"
        "4. **Never use alone**\n"
    ),
    _K.COPING: (
        "When a craving hits:\n\n"
        "1. Wait it out for fifteen minutes\n"
        "2. Cold water on my face\n"
        "3. Walk round the block\n"
        "4. Message Sam\n\n"
        "**Every day:** ten minutes of slow breathing before work.\n"
    ),
    _K.ROUTINE: (
        "- Up at 6:30, breakfast before work\n"
        "- A walk after dinner\n"
        "- Phone away and lights out by 11\n"
        "- Sunday evening: plan the week in My day\n"
    ),
    _K.SUPPORT: "Sam first when a craving is strong; Alex for the harder conversations.\n",
    _K.MEETINGS: (
        "- **Tuesday evening group** at the community centre\n"
        "- An online meeting on Thursdays when I cannot get there\n"
    ),
    _K.MEDICATION: (
        "- My daily dose every morning, never skipped\n"
        "- Dr. Okafor every four weeks\n"
        "- Alex on Tuesdays at 5\n"
    ),
    _K.HARD_TIMES: (
        "If I notice two warning signs in one week:\n\n"
        "- Tell Sam the same day\n"
        "- Add an extra meeting\n"
        "- Keep my evenings planned, no empty hours\n"
    ),
    _K.AFTER_LAPSE: (
        "- It is a setback, not the end of my recovery\n"
        "- Tell Sam within a day\n"
        "- Write down what happened before it\n"
        "- Back to my routine the next morning\n"
    ),
}
_TRIGGERS = (
    PlanPair("Payday with cash in my pocket", "Pay the bills first and leave my card at home"),
    PlanPair("Driving past the old flat", "Take the bus route through the park"),
    PlanPair("Long shifts and being shouted at", "Take my break outside and text Sam"),
    PlanPair("Lonely Sunday afternoons", "Walk with Jordan or go to the café meeting"),
)
_SIGNS = (
    PlanPair("Sleeping under five hours for a few nights", "Tell Alex and put screens away"),
    PlanPair("Snapping at Mum over small things", "Stop, breathe, call Sam that evening"),
    PlanPair("Skipping the Tuesday group", "Ask Jordan to come along next week"),
    PlanPair("Telling myself once would not matter", "Read my reasons out loud, call someone"),
)
_AFTER_LAPSE_SIGN = PlanPair("Keeping cash on me just in case", "Hand my card to Mum at weekends")
_AFTER_LAPSE_STEP = "- Book an extra session with Alex\n"
_NEW_ROUTINE = (
    "- A walk after dinner\n",
    "- Gym class on Mondays, a walk after dinner on other days\n",
)


@dataclass(frozen=True)
class PlanEdit:
    """One sitting with the plan: at ``at`` (local time) it became ``plan``. ``label`` None:
    an editing session, which keeps an automatic version (the sittings are at least 15
    minutes apart); else "Save version" with that label."""

    at: datetime
    plan: Plan
    label: str | None = None


def _filled(plan: Plan, kind: SectionKind, **changes: Any) -> Plan:
    """``plan`` with the section of ``kind`` changed; its suggestions were dealt with (all
    but the coping toolbox's, so a filled plan still shows some)."""
    if kind is not _K.COPING:
        template = template_for(kind)
        changes.setdefault("dismissed", template.suggestions if template else ())
    return Plan(tuple(replace(s, **changes) if s.kind is kind else s for s in plan.sections))


def _body(plan: Plan, kind: SectionKind) -> Plan:
    return _filled(plan, kind, body=_BODIES[kind])


def demo_plan_edits(
    shape: DemoShape, seed: int, sponsor_uid: str, therapist_uid: str
) -> tuple[PlanEdit, ...]:
    """The plan's sittings over the demo period, oldest first (eight of them). The contact
    uids are those of the demo's sponsor and therapist, linked under "My support people"."""
    rng = random.Random(f"plan-{seed}")
    span = (shape.end - shape.start).days

    latest = datetime.combine(shape.start, time(0))

    def at(fraction: float) -> datetime:
        """An evening about ``fraction`` of the way through, after the sitting before."""
        nonlocal latest
        day = shape.start + timedelta(days=round(fraction * span))
        moment = datetime.combine(day, time(19)) + timedelta(minutes=rng.randrange(0, 150))
        latest = max(moment, latest + timedelta(minutes=15))
        return latest

    plan = Plan(
        tuple(
            PlanSection(f"{rng.getrandbits(128):032x}", kind, title)
            for kind, title in DEFAULT_TITLES.items()
        )
    )
    edits: list[PlanEdit] = []
    plan = _body(_body(plan, _K.REASONS), _K.CRISIS)
    edits.append(PlanEdit(at(0.0), plan))
    plan = _filled(plan, _K.TRIGGERS, pairs=_TRIGGERS[:3])
    plan = _filled(plan, _K.WARNING_SIGNS, pairs=_SIGNS[:3])
    edits.append(PlanEdit(at(0.05), plan))
    for kind in (_K.COPING, _K.ROUTINE, _K.SUPPORT, _K.MEETINGS):
        plan = _body(plan, kind)
    plan = _filled(plan, _K.SUPPORT, contacts=(sponsor_uid, therapist_uid))
    edits.append(PlanEdit(at(0.12), plan))
    for kind in (_K.MEDICATION, _K.HARD_TIMES, _K.AFTER_LAPSE):
        plan = _body(plan, kind)
    edits.append(PlanEdit(at(0.2), plan))
    plan = _filled(plan, _K.TRIGGERS, pairs=_TRIGGERS)
    plan = _filled(plan, _K.WARNING_SIGNS, pairs=_SIGNS)
    edits.append(PlanEdit(at(0.3), plan))
    edits.append(PlanEdit(at(0.35), plan, REVIEW_LABEL))
    # After the lapse (the middle of the period): what came before it goes into the plan.
    plan = _filled(plan, _K.WARNING_SIGNS, pairs=(*_SIGNS, _AFTER_LAPSE_SIGN))
    plan = _filled(plan, _K.AFTER_LAPSE, body=_BODIES[_K.AFTER_LAPSE] + _AFTER_LAPSE_STEP)
    edits.append(PlanEdit(at(0.55), plan))
    plan = _filled(plan, _K.ROUTINE, body=_BODIES[_K.ROUTINE].replace(*_NEW_ROUTINE))
    edits.append(PlanEdit(at(0.8), plan))
    return tuple(edits)
