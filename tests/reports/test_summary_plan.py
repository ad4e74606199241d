"""The weekly summary's "My plan": the plan's versions kept in the period, read from the
journal, with their labels and the sections that changed; off unless switched on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from recovery_desktop.domain.periods import parse_week
from recovery_desktop.domain.plan import Plan, SectionKind
from recovery_desktop.domain.summary import SummaryOptions
from recovery_desktop.reports.sections import section
from recovery_desktop.reports.summary_service import build_summary, read_request

WEEK = parse_week("2026-W47")  # Monday 16 to Sunday 22 November 2026
PRINTED = date(2026, 11, 30)
PLAN_ON = SummaryOptions(sections={"plan": True})


def _keep_versions(journal) -> None:
    plan = journal.plan
    plan.save_version("Before the week", now=datetime(2026, 11, 15, 23, 59))
    crisis = plan.plan().of_kind(SectionKind.CRISIS)
    words = "Call my sister first, then my sponsor."
    plan.save_section(crisis.with_body(words), editing=False, now=datetime(2026, 11, 17, 14, 0))
    plan.save_version("Reviewed with my counsellor", now=datetime(2026, 11, 17, 14, 5))
    plan.save_version("", now=datetime(2026, 11, 22, 23, 59))
    plan.save_version("After the week", now=datetime(2026, 11, 23, 0, 0))


def _html(journal, options: SummaryOptions) -> str:
    return build_summary(read_request(journal, WEEK, PRINTED, options)).document.html


def test_the_section_is_off_by_default_and_counts_what_happened():
    spec = section("plan")
    assert (spec.title, spec.default_on, spec.recorded) == ("My plan", False, True)


def test_the_versions_of_the_period_are_read_oldest_first(journal):
    _keep_versions(journal)
    versions = journal.summary_inputs(WEEK).plan_versions
    assert [v.label for v in versions] == ["", "Reviewed with my counsellor", ""]
    assert [v.saved_at.day for v in versions] == [17, 17, 22]
    with journal.reader() as reader:  # the worker's connection reads the same
        assert reader.summary_inputs(WEEK).plan_versions == versions


def test_switched_on_it_lists_the_periods_versions_with_labels_and_changes(journal):
    _keep_versions(journal)
    html = _html(journal, PLAN_ON)
    assert "<h2>My plan</h2>" in html
    assert "Mon 16 Nov" not in html  # no version that day
    rows = [
        "<td>Tue 17 Nov, 14:00</td><td>Version 2, kept while editing</td><td>My crisis plan</td>",
        "<td>Tue 17 Nov, 14:05</td><td>Version 3, saved: \u201cReviewed with my counsellor"
        "\u201d</td><td>no section (kept as it was)</td>",
        "<td>Sun 22 Nov, 23:59</td><td>Version 4, saved</td>",
    ]
    assert all(row in html for row in rows)
    assert [html.index(row) for row in rows] == sorted(html.index(row) for row in rows)
    assert "Before the week" not in html and "After the week" not in html
    assert "3 versions of my recovery plan kept in this period." in html


def test_off_by_default_nothing_of_the_plan_prints(journal):
    _keep_versions(journal)
    html = _html(journal, SummaryOptions())
    assert "My plan" not in html and "counsellor" not in html


def test_a_period_without_versions_says_so(journal):
    html = _html(journal, PLAN_ON)
    assert (
        "<h2>My plan</h2><p class='empty'>No versions of my plan kept in this period.</p>" in html
    )


def test_the_first_version_says_so_and_names_only_what_is_written(journal):
    _keep_versions(journal)
    week_before = parse_week("2026-W46")  # 9 to 15 November: the first version only
    html = build_summary(read_request(journal, week_before, PRINTED, PLAN_ON)).document.html
    assert "Version 1, saved: \u201cBefore the week\u201d" in html
    assert "the first version: nothing written yet" in html and "My crisis plan" not in html


def test_a_first_version_lists_the_sections_written_in(journal):
    reasons = journal.plan.plan().of_kind(SectionKind.REASONS)
    words = "My kids, my health, my work."
    journal.plan.save_section(reasons.with_body(words), now=datetime(2026, 11, 17, 14, 0))
    html = _html(journal, PLAN_ON)
    assert "<td>the first version: My reasons for recovery</td>" in html
    assert "My crisis plan" not in html and "after a lapse" not in html.lower()


def test_a_section_hidden_now_is_never_named(journal):
    """The crisis plan (written, renamed, then hidden to keep it private) and a visible
    section changed in the week: the summary names only the visible one."""
    plan = journal.plan
    reasons = plan.plan().of_kind(SectionKind.REASONS)
    plan.save_section(reasons.with_body("My kids, my health, my work."), now=datetime(2026, 11, 9))
    crisis = plan.plan().of_kind(SectionKind.CRISIS)
    private = replace(crisis, title="When Jake calls", body="Do not pick up; call Sam.")
    plan.save_section(private, editing=False, now=datetime(2026, 11, 17, 14, 0))
    both = {private.uid: replace(private, body="Leave the phone at home."), reasons.uid: None}
    both[reasons.uid] = reasons.with_body("My kids first, then my health.")
    sections = tuple(both.get(s.uid) or s for s in plan.plan().sections)
    plan.save_plan(Plan(sections), editing=False, now=datetime(2026, 11, 18, 14, 0))
    hidden = replace(plan.plan().of_kind(SectionKind.CRISIS), title="Private", hidden=True)
    plan.save_section(hidden, editing=False, now=datetime(2026, 11, 30, 9, 0))
    html = _html(journal, PLAN_ON)
    assert "Jake" not in html and "Private" not in html and "crisis" not in html.lower()
    assert "<td>a section I keep private</td>" in html
    assert "<td>My reasons for recovery, a section I keep private</td>" in html
    assert "2 versions of my recovery plan kept in this period." in html
    plan.save_section(replace(hidden, hidden=False), editing=False, now=datetime(2026, 12, 1))
    assert "When Jake calls" in _html(journal, PLAN_ON)  # shown again: named again
