"""Filling a new journal with the demo story (check-ins, cravings, people, clean time,
My day's plans, the aftercare plan, medication and visits, journal entries)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.cravings import Tag
from recovery_desktop.domain.demo import DemoShape, demo_checkins, shape
from recovery_desktop.domain.demo_day_plan import demo_day_plan
from recovery_desktop.domain.demo_events import demo_events
from recovery_desktop.domain.demo_journal import demo_entries
from recovery_desktop.domain.demo_medication import (
    DemoMedication,
    demo_medications,
    demo_visits,
)
from recovery_desktop.domain.demo_plan import demo_plan_edits
from recovery_desktop.domain.library import Kind
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE


def fill_demo(journal: Journal, weeks: int, end: date, seed: int = 1) -> dict[str, int]:
    """Write ``weeks`` weeks of sample data ending on ``end``; returns the record counts."""
    plan = shape(weeks, end)
    visits = demo_visits(list(demo_checkins(weeks, end, seed)), plan, seed)
    checkins = list(visits.checkins)
    story = demo_events(checkins, plan, seed)
    with journal.changes.writing(journal.db):
        _fill_medication(journal, demo_medications(checkins, plan, seed), end)
        journal.checkins.save_many(checkins)  # "Medication taken" as the ticks give it
        ids = {i.name: i.id for k in Kind for i in journal.library.items(k)}

        def linked(tags: tuple[Tag, ...]) -> tuple[Tag, ...]:
            return tuple(Tag(ids.get(t.name), t.name) for t in tags)

        saved = [
            journal.cravings.save(replace(c, triggers=linked(c.triggers), coping=linked(c.coping)))
            for c in story.cravings
        ]
        contacts = [journal.contacts.save(c) for c in story.contacts]
        for index, reach, craving_index in story.reach_outs:
            craving_id = saved[craving_index].id if craving_index is not None else None
            contact_id = contacts[index].id
            assert contact_id is not None
            journal.contacts.log_reach_out(
                replace(reach, contact_id=contact_id, craving_id=craving_id)
            )
        journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, story.clean_start, end)
        if story.lapse is not None:
            lapse_craving = next((c for c in saved if c.day == story.lapse.day), None)
            lapse = replace(story.lapse, craving_id=lapse_craving.id if lapse_craving else None)
            journal.recovery_time.record_lapse(lapse, story.new_start, end)
        day_plan = demo_day_plan(checkins, story.cravings, plan, seed)
        for weekday, blocks in day_plan.templates.items():
            journal.day_plan.save_template(weekday, blocks)
        journal.day_plan.add_many(
            (day, times, done) for day, blocks in day_plan.days.items() for times, done in blocks
        )
        _fill_plan(journal, plan, seed, [c.id for c in contacts])
        journal.appointments.add_many(
            replace(a, contact_uid=journal.appointments.contact_matching(a.with_whom))
            for a in visits.appointments
        )
        journal.entries.add_many(demo_entries(checkins, story.cravings, plan, seed))
    return journal.counts()


def _fill_medication(journal: Journal, medications: list[DemoMedication], end: date) -> None:
    for story in medications:
        added = journal.medication.add(story.medication, today=end)
        assert added.id is not None
        journal.medication.add_doses(added.id, story.doses)
        for note in story.taper_notes:
            journal.medication.add_taper_note(added.id, note)


def _fill_plan(journal: Journal, plan: DemoShape, seed: int, contact_ids: list[int | None]) -> None:
    """The demo's aftercare plan, sitting by sitting, as the Plan page would save it: each
    editing session (an automatic version, the last being 15 minutes or more before) ends,
    the review is a labelled "Save version"."""
    uids = dict(journal.db.execute("SELECT id, uid FROM contacts").fetchall())
    sponsor, therapist = (uids[contact_ids[i]] for i in (0, 3))  # Sam and Alex (demo_events)
    for edit in demo_plan_edits(plan, seed, sponsor, therapist):
        if edit.label is None:
            journal.plan.save_plan(edit.plan, editing=True, now=edit.at)
            journal.plan.end_editing(edit.at)
        else:
            journal.plan.save_version(edit.label, now=edit.at)
