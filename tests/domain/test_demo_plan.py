"""The demo's aftercare plan: the same for a seed, a handful of sittings at any length."""

from __future__ import annotations

from datetime import date

from recovery_desktop.domain.demo import shape
from recovery_desktop.domain.demo_plan import REVIEW_LABEL, demo_plan_edits
from recovery_desktop.domain.plan import SectionKind
from recovery_desktop.domain.plan_template import open_suggestions

END = date(2026, 11, 30)
SAM, ALEX = "a" * 32, "b" * 32


def test_the_same_seed_gives_the_same_plan_and_another_seed_other_times():
    first = demo_plan_edits(shape(10, END), 3, SAM, ALEX)
    assert first == demo_plan_edits(shape(10, END), 3, SAM, ALEX)
    assert [e.at for e in first] != [e.at for e in demo_plan_edits(shape(10, END), 4, SAM, ALEX)]


def test_every_length_has_eight_sittings_in_order_inside_the_period():
    for weeks in (1, 10, 520):
        period = shape(weeks, END)
        edits = demo_plan_edits(period, 1, SAM, ALEX)
        assert len(edits) == 8
        moments = [e.at for e in edits]
        assert moments == sorted(moments) and len(set(moments)) == 8
        assert period.start <= moments[0].date() and moments[-1].date() <= period.end


def test_the_final_plan_fills_every_section_and_links_two_people():
    edits = demo_plan_edits(shape(10, END), 1, SAM, ALEX)
    plan = edits[-1].plan
    assert all(s.body.strip() or s.pairs for s in plan.sections)
    assert plan.of_kind(SectionKind.SUPPORT).contacts == (SAM, ALEX)
    assert len(plan.of_kind(SectionKind.WARNING_SIGNS).pairs) == 5
    assert [e.label for e in edits if e.label] == [REVIEW_LABEL]
    offered = [s.kind for s in plan.sections if open_suggestions(s)]
    assert offered == [SectionKind.COPING]  # the rest were dealt with
    review = next(e for e in edits if e.label)
    assert review.at.date() < shape(10, END).lapse_day  # reviewed before the lapse
