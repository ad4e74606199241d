"""The template a new plan starts from: one prompt and a few suggestions per default section.

The suggestions are written in our own words from the facts the relapse-prevention guides in
``shared/seeds/`` give: what raises the risk of going back to use (stress at work, a loss,
untreated mental-health symptoms, friends who still use, places that remind, being alone,
believing one could use "just once", boredom and days without structure, big changes in
life), the early signs (mood swings and irritability, pulling away from people, falling
behind at work or school, skipping therapy or groups, poor sleep) and what protects (a
support group, a sponsor to call when temptation hits, structured days with little idle
time, coping skills practised daily, looking after physical and emotional health, keeping
away from people and places that tempt, medication for opioid use disorder, therapy).
No phone numbers and no names of treatment centres: those belong in People and crisis lines.

Accepting a suggestion adds it to the section (a row of the pairs table for the pair kinds,
a Markdown bullet for the others); accepted and dismissed ones are kept in
``PlanSection.dismissed`` and never offered again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from recovery_desktop.domain.plan import (
    DEFAULT_TITLES,
    Plan,
    PlanPair,
    PlanSection,
    SectionKind,
)


@dataclass(frozen=True)
class SectionTemplate:
    """What a default section starts with: its ``title`` (``DEFAULT_TITLES``), a one-line
    ``prompt`` shown above it, and ``suggestions`` the user can accept or dismiss."""

    kind: SectionKind
    title: str
    prompt: str
    suggestions: tuple[str, ...]


def _template(kind: SectionKind, prompt: str, *suggestions: str) -> SectionTemplate:
    return SectionTemplate(kind, DEFAULT_TITLES[kind], prompt, suggestions)


TEMPLATES: tuple[SectionTemplate, ...] = (
    _template(
        SectionKind.REASONS,
        "What makes recovery worth it for you?",
        "Being someone the people I love can count on",
        "Feeling well in my body and sleeping through the night",
        "Keeping my work, my studies or my home",
        "Having my days and my money back for what I care about",
    ),
    _template(
        SectionKind.TRIGGERS,
        "Which people, places, feelings and moments make using feel close?",
        "Pressure and long hours at work",
        "Missing someone I have lost",
        "Friends who still use getting in touch",
        "Going past places where I used to use",
        "Long empty evenings with nothing planned",
        "The thought that just once would not hurt",
    ),
    _template(
        SectionKind.WARNING_SIGNS,
        "What do you or others notice first when things start to slide?",
        "My mood swings or I snap at people",
        "I stop answering friends and family",
        "I fall behind at work or school",
        "I skip therapy or my group",
        "I sleep badly for several nights",
    ),
    _template(
        SectionKind.COPING,
        "What helps you ride out a craving or a hard hour?",
        "Wait it out for fifteen minutes and breathe slowly",
        "Go for a walk or move my body",
        "Call or message someone from my list",
        "Write down what I am feeling and what set it off",
        "Practise one coping skill every day, not only on bad days",
    ),
    _template(
        SectionKind.ROUTINE,
        "What does a steady day look like for you?",
        "Get up and go to bed at about the same time",
        "Plan the day so there is little idle time",
        "Eat proper meals at regular times",
        "Something active every day, even a short walk",
    ),
    _template(
        SectionKind.SUPPORT,
        "Who can you turn to, and for what?",
        "My sponsor, to call when temptation hits",
        "Someone I can simply spend time with so I am not alone",
        "My counsellor or therapist",
    ),
    _template(
        SectionKind.MEETINGS,
        "Which meetings or groups keep you connected?",
        "Go to my support group every week",
        "Have a second meeting in mind for when I cannot make my usual one",
        "Tell someone at the group when I am struggling",
    ),
    _template(
        SectionKind.MEDICATION,
        "Which medication and appointments are part of your recovery?",
        "Take my medication for opioid use disorder as prescribed",
        "Keep my therapy appointments, even on good weeks",
        "Ask my doctor before stopping or changing any medication",
        "Get help for anxiety, low mood or other mental-health symptoms",
    ),
    _template(
        SectionKind.HARD_TIMES,
        "What will you do when things are getting hard?",
        "Tell someone I trust that I am having a hard time",
        "Stay away from the people and places that tempt me",
        "Go to an extra meeting this week",
        "Plan ahead for big changes such as a move, a new job or a break-up",
    ),
    _template(
        SectionKind.CRISIS,
        "If you are about to use or are in danger, what are your first steps?",
        "Get away from where I am and go somewhere safe",
        "Call the first person on my list, then the next",
        "If I cannot reach anyone, call a crisis line",
        "If I have used, do not use alone",
    ),
    _template(
        SectionKind.AFTER_LAPSE,
        "If you use again, how will you get back on track?",
        "A lapse is a setback, not the end of my recovery",
        "Tell my sponsor or counsellor within a day",
        "Write down what led up to it and what would help next time",
        "Go back to my plan and my routine straight away",
    ),
)

_BY_KIND = {template.kind: template for template in TEMPLATES}


def template_for(kind: SectionKind) -> SectionTemplate | None:
    """The template of a default kind; None for ``CUSTOM`` (the user's own sections)."""
    return _BY_KIND.get(kind)


def default_plan(new_uid: Callable[[], str]) -> Plan:
    """A new plan: the eleven default sections in ``DEFAULT_TITLES`` order, empty bodies,
    each with a fresh uid from ``new_uid``."""
    return Plan(
        tuple(PlanSection(new_uid(), template.kind, template.title) for template in TEMPLATES)
    )


def open_suggestions(section: PlanSection) -> tuple[str, ...]:
    """The template's suggestions for ``section`` not yet accepted or dismissed (``()`` for
    a custom section)."""
    template = template_for(section.kind)
    if template is None:
        return ()
    return tuple(s for s in template.suggestions if s not in section.dismissed)


def _remembered(section: PlanSection, suggestion: str) -> tuple[str, ...]:
    if suggestion in section.dismissed:
        return section.dismissed
    return (*section.dismissed, suggestion)


def accept_suggestion(section: PlanSection, suggestion: str) -> PlanSection:
    """``section`` with ``suggestion`` added: a new pair (the suggestion first, the second
    column empty) for the pair kinds, else a ``- suggestion`` Markdown bullet at the end of
    the body. The suggestion is not offered again."""
    if section.kind.has_pairs:
        return replace(
            section,
            pairs=(*section.pairs, PlanPair(suggestion)),
            dismissed=_remembered(section, suggestion),
        )
    body = section.body.rstrip("\n")
    bullet = f"- {suggestion}\n"
    if not body:
        new_body = bullet
    elif body.splitlines()[-1].lstrip().startswith(("- ", "* ")):
        new_body = f"{body}\n{bullet}"  # one more item of the list the body ends with
    else:
        new_body = f"{body}\n\n{bullet}"
    return replace(section, body=new_body, dismissed=_remembered(section, suggestion))


def dismiss_suggestion(section: PlanSection, suggestion: str) -> PlanSection:
    """``section`` with ``suggestion`` no longer offered (its text unchanged)."""
    return replace(section, dismissed=_remembered(section, suggestion))
