"""The version rule and the compare view of the plan (domain/plan_versions.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from itertools import count

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.plan import (
    Plan,
    PlanPair,
    PlanSection,
    PlanVersion,
    SectionKind,
    VersionReason,
)
from recovery_desktop.domain.plan_template import default_plan
from recovery_desktop.domain.plan_versions import (
    MEANINGFUL_CHARACTERS,
    LineChange,
    changed_characters,
    changed_sections,
    compare_plans,
    differs_meaningfully,
    plan_as_markdown,
    version_due,
)

NOON = datetime(2026, 11, 30, 12, 0)


def _plan() -> Plan:
    numbers = count()
    plan = default_plan(lambda: f"{next(numbers):032x}")
    return Plan(tuple(s.with_body(f"Line one of {s.title}\nLine two\n") for s in plan.sections))


def _edited(plan: Plan, index: int, body: str) -> Plan:
    sections = list(plan.sections)
    sections[index] = sections[index].with_body(body)
    return Plan(tuple(sections))


def _version(at: datetime) -> PlanVersion:
    return PlanVersion(1, 1, at, VersionReason.AUTOMATIC)


def test_changed_characters_counts_the_longer_side_of_each_change():
    assert changed_characters("same", "same") == 0
    assert changed_characters("a cat", "a dog") == 3
    assert changed_characters("", "hello") == 5
    assert changed_characters("walk daily", "walk") == 6


def test_a_one_character_change_is_not_meaningful_and_ten_are():
    plan = _plan()
    body = plan.sections[0].body
    assert not differs_meaningfully(plan, _edited(plan, 0, body + "x"))
    assert differs_meaningfully(plan, _edited(plan, 0, body + "x" * MEANINGFUL_CHARACTERS))


def test_structural_changes_are_meaningful_however_small():
    plan = _plan()
    first, second, *rest = plan.sections
    assert differs_meaningfully(plan, Plan((second, first, *rest)))
    assert differs_meaningfully(plan, Plan((replace(first, hidden=True), second, *rest)))
    assert differs_meaningfully(plan, Plan((replace(first, title="Why"), second, *rest)))
    assert differs_meaningfully(plan, Plan((first, *rest)))
    pair = replace(plan.sections[2], pairs=(PlanPair("a"),))
    assert differs_meaningfully(plan, Plan((*plan.sections[:2], pair, *plan.sections[3:])))
    dismissed = replace(first, dismissed=("x",))
    assert not differs_meaningfully(plan, Plan((dismissed, second, *rest)))


def test_a_first_version_needs_ten_characters_of_content():
    empty = default_plan(iter(f"{n:032x}" for n in range(99)).__next__)
    assert not version_due(None, None, _edited(empty, 0, "Kids"), NOON)
    assert version_due(None, None, _edited(empty, 0, "My kids and my work"), NOON)


def test_an_automatic_version_always_waits_ten_minutes_after_the_latest():
    plan = _plan()
    newer = _edited(plan, 3, "Something quite different from before")
    latest = _version(NOON)
    assert not version_due(latest, plan, newer, NOON + timedelta(minutes=1))
    assert not version_due(latest, plan, newer, NOON + timedelta(minutes=9, seconds=59))
    assert version_due(latest, plan, newer, NOON + timedelta(minutes=10))
    assert not version_due(latest, plan, plan, NOON + timedelta(hours=5))


def test_the_first_version_lists_only_the_sections_with_something_written():
    empty = default_plan(iter(f"{n:032x}" for n in range(99)).__next__)
    assert changed_sections(None, empty) == ()
    sections = list(empty.sections)
    sections[0] = sections[0].with_body("My kids and my work")
    sections[2] = replace(sections[2], pairs=(PlanPair("", ""), PlanPair("Poor sleep", "")))
    sections[5] = replace(sections[5], contacts=("a" * 32,), hidden=True)
    sections[7] = replace(sections[7], pairs=(PlanPair("  ", ""),), body="  \n")
    titles = changed_sections(None, Plan(tuple(sections)))
    assert titles == (sections[0].title, sections[2].title, sections[5].title)


def test_a_section_added_or_removed_with_nothing_written_is_not_named():
    """29 sections added, two written in: only those two are named (all 29 were)."""
    plan = _plan()
    added = [PlanSection(f"{n:032x}", SectionKind.CUSTOM, f"Extra {n}") for n in range(100, 129)]
    added[3] = added[3].with_body("Written in")
    newer = Plan((*plan.sections, *added))
    assert changed_sections(plan, newer) == ("Extra 103",)
    assert changed_sections(newer, plan) == ("Extra 103",)


def test_a_removed_section_is_listed_by_its_old_title():
    plan = _plan()
    assert changed_sections(plan, Plan(plan.sections[1:])) == (plan.sections[0].title,)
    diffs = compare_plans(plan, Plan(plan.sections[1:]))
    assert diffs[-1].status == "removed" and diffs[-1].title == plan.sections[0].title


def test_compare_shows_lines_removed_on_the_left_and_added_on_the_right():
    plan = _plan()
    newer = _edited(plan, 1, "Line one of it\nLine two\nLine three\n")
    diff = compare_plans(plan, newer)[1]
    assert diff.status == "changed"
    assert [(d.change, d.text) for d in diff.old_lines] == [
        (LineChange.REMOVED, f"Line one of {plan.sections[1].title}"),
        (LineChange.SAME, "Line two"),
    ]
    assert [d.change for d in diff.new_lines] == [
        LineChange.ADDED,
        LineChange.SAME,
        LineChange.ADDED,
    ]


def test_a_rename_alone_reads_renamed_and_pairs_are_compared_as_lines():
    plan = _plan()
    renamed = Plan((replace(plan.sections[0], title="Why I stay"), *plan.sections[1:]))
    assert compare_plans(plan, renamed)[0].status == "renamed"
    signs = replace(plan.sections[2], pairs=(PlanPair("Poor sleep", "Call Sam"),))
    with_pair = Plan((*plan.sections[:2], signs, *plan.sections[3:]))
    diff = compare_plans(plan, with_pair)[2]
    assert diff.new_lines[-1].text == "Poor sleep → Call Sam"
    assert diff.new_lines[-1].change is LineChange.ADDED


def test_plan_as_markdown_has_visible_sections_with_tables():
    plan = _plan()
    signs = replace(plan.sections[2], pairs=(PlanPair("Poor | sleep", "Call Sam"),))
    text = plan_as_markdown(
        Plan((replace(plan.sections[0], hidden=True), plan.sections[1], signs)), {}
    )
    assert text.startswith(f"## {plan.sections[1].title}\n")
    assert "| Warning sign | What I do |" in text and "Poor \\| sleep" in text


@given(st.integers(0, 10), st.text(max_size=60))
def test_compare_of_a_plan_with_itself_has_no_changed_section(index, body):
    plan = _edited(_plan(), index, body)
    assert not any(d.changed for d in compare_plans(plan, plan))
    assert changed_sections(plan, plan) == ()


@given(st.integers(0, 10), st.text(min_size=1, max_size=60))
def test_any_one_section_edit_marks_exactly_that_section(index, extra):
    plan = _plan()
    newer = _edited(plan, index, plan.sections[index].body + extra)
    changed = [d.title for d in compare_plans(plan, newer) if d.changed]
    assert changed == [plan.sections[index].title]
    assert changed_sections(plan, newer) == (plan.sections[index].title,)


@given(st.text(max_size=80), st.text(max_size=80))
def test_changed_characters_is_zero_only_for_equal_texts_and_at_least_the_length_gap(old, new):
    assert (changed_characters(old, new) == 0) == (old == new)
    assert changed_characters(old, new) >= abs(len(old) - len(new))


def test_long_bodies_are_measured_line_by_line_then_word_by_word():
    lines = [f"Line {n}: walk, call Sam, go to the Tuesday group.\n" for n in range(2_000)]
    text = "".join(lines)  # about 100,000 characters, the most a section holds
    assert changed_characters(text, "X" + text[1:-1] + "Y") == 2
    edited = lines[:]
    edited[500] = edited[500].replace("walk", "run")
    edited[1500] = edited[1500].replace("Sam", "Samantha")
    assert changed_characters(text, "".join(edited)) == len("walk") + len("antha")
    assert changed_characters("a" * 99_000, "b" * 99_000) == 99_000


def test_an_empty_section_added_or_removed_is_not_a_meaningful_change():
    """ "Add section…" alone kept a version that changed nothing."""
    plan = _plan()
    empty = PlanSection("f" * 32, SectionKind.CUSTOM, "Quick one")
    assert not differs_meaningfully(plan, Plan((*plan.sections, empty)))
    assert not differs_meaningfully(Plan((*plan.sections, empty)), plan)
    assert differs_meaningfully(plan, Plan((*plan.sections, empty.with_body("Written in it"))))
