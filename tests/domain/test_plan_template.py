"""The template a new plan starts from, and accepting or dismissing its suggestions."""

from __future__ import annotations

import re
from itertools import count

from recovery_desktop.domain.plan import DEFAULT_TITLES, PlanPair, PlanSection, SectionKind
from recovery_desktop.domain.plan_template import (
    TEMPLATES,
    accept_suggestion,
    default_plan,
    dismiss_suggestion,
    open_suggestions,
    template_for,
)


def _uids():
    numbers = count()
    return lambda: f"{next(numbers):032x}"


def test_the_default_plan_has_the_eleven_sections_in_order_with_empty_bodies():
    plan = default_plan(_uids())
    assert [(s.kind, s.title) for s in plan.sections] == list(DEFAULT_TITLES.items())
    assert plan.is_empty and len({s.uid for s in plan.sections}) == 11


def test_every_default_kind_has_a_one_line_prompt_and_three_to_six_suggestions():
    assert [t.kind for t in TEMPLATES] == list(DEFAULT_TITLES)
    for template in TEMPLATES:
        assert "\n" not in template.prompt and template.prompt.endswith("?")
        assert 3 <= len(template.suggestions) <= 6
        assert len(set(template.suggestions)) == len(template.suggestions)
    assert template_for(SectionKind.CUSTOM) is None


def test_no_suggestion_holds_a_phone_number_or_a_link():
    for template in TEMPLATES:
        for text in (template.prompt, *template.suggestions):
            assert not re.search(r"\d{3}|https?:|www\.", text), text


def test_accepting_adds_a_pair_in_the_pair_sections():
    signs = default_plan(_uids()).of_kind(SectionKind.WARNING_SIGNS)
    offered = open_suggestions(signs)
    accepted = accept_suggestion(signs, offered[1])
    assert accepted.pairs == (PlanPair(offered[1], ""),) and accepted.body == ""
    assert open_suggestions(accepted) == offered[:1] + offered[2:]


def test_accepting_appends_a_markdown_bullet_to_the_body():
    section = PlanSection("a" * 32, SectionKind.COPING, "My coping toolbox")
    first, second = open_suggestions(section)[:2]
    once = accept_suggestion(section, first)
    assert once.body == f"- {first}\n"
    twice = accept_suggestion(once, second)
    assert twice.body == f"- {first}\n- {second}\n"  # the same list
    after_text = accept_suggestion(section.with_body("My own words."), first)
    assert after_text.body == f"My own words.\n\n- {first}\n"


def test_a_dismissed_suggestion_is_not_offered_again_and_changes_no_text():
    section = default_plan(_uids()).of_kind(SectionKind.TRIGGERS)
    offered = open_suggestions(section)
    dismissed = dismiss_suggestion(section, offered[0])
    assert open_suggestions(dismissed) == offered[1:]
    assert (dismissed.body, dismissed.pairs) == ("", ())
    assert dismiss_suggestion(dismissed, offered[0]) == dismissed


def test_custom_sections_have_no_suggestions():
    assert open_suggestions(PlanSection("b" * 32, SectionKind.CUSTOM, "Music")) == ()


def test_toolbox_steps_are_the_coping_sections_list_items_in_plain_words():
    from dataclasses import replace

    from recovery_desktop.domain.plan import Plan, SectionKind, toolbox_steps

    plan = default_plan(iter(f"{n:032x}" for n in range(99)).__next__)
    coping = plan.of_kind(SectionKind.COPING)
    body = (
        "Intro line\n\n- **Walk** round the block\n1. Call [Sam](https://x.org)\n- \\*not\\* bold"
    )
    filled = Plan(tuple(replace(s, body=body) if s is coping else s for s in plan.sections))
    assert toolbox_steps(filled) == ("Walk round the block", "Call Sam", "*not* bold")
    assert toolbox_steps(filled, limit=1) == ("Walk round the block",)
    hidden = Plan(
        tuple(
            replace(s, hidden=True) if s.kind is SectionKind.COPING else s for s in filled.sections
        )
    )
    assert toolbox_steps(hidden) == ()
