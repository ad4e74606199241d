"""The aftercare plan in the journal: the template, saving, reopening, versions, restore."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from recovery_desktop.data.changes import Change
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.plan import (
    DEFAULT_TITLES,
    Plan,
    PlanError,
    PlanPair,
    SectionKind,
    VersionReason,
)
from recovery_desktop.domain.plan_versions import compare_plans
from tests.conftest import PASSPHRASE

NOON = datetime(2026, 11, 30, 12, 0)
WORDS = "Walking the dog every morning keeps me steady."


def _section(journal, kind):
    found = journal.plan.plan().of_kind(kind)
    assert found is not None
    return found


def test_a_new_journal_shows_the_eleven_default_sections_without_storing_them(journal):
    plan = journal.plan.plan()
    assert [s.title for s in plan.sections] == list(DEFAULT_TITLES.values())
    assert plan.is_empty
    assert journal.plan.plan() == plan  # the same uids until the first save
    assert journal.counts()["plan_sections"] == 0 and journal.counts()["plan_versions"] == 0


def test_a_saved_section_reads_back_after_reopening(journal, files):
    reasons = _section(journal, SectionKind.REASONS)
    body = "# Why\n\n**My kids** and *my health*.\n\n1. Work\n2. Music\n"
    journal.plan.save_section(reasons.with_body(body), now=NOON)
    signs = _section(journal, SectionKind.WARNING_SIGNS)
    pairs = (PlanPair("I stop answering calls", "Text my sponsor"), PlanPair("Poor sleep", ""))
    journal.plan.save_section(replace(signs, pairs=pairs, dismissed=("x",)), now=NOON)
    journal.plan.end_editing(NOON)
    before = journal.plan.plan()
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        plan = reopened.plan.plan()
        assert plan == before
        assert plan.of_kind(SectionKind.REASONS).body == body
        assert plan.of_kind(SectionKind.WARNING_SIGNS).pairs == pairs
        assert reopened.plan.last_saved() == NOON
        assert reopened.plan.interrupted_since() is None
        assert reopened.counts()["plan_sections"] == 11
    finally:
        reopened.close()


def test_every_save_announces_the_plan_after_its_commit(journal):
    told: list[frozenset[Change]] = []
    journal.changes.subscribe(told.append)
    journal.plan.save_section(_section(journal, SectionKind.REASONS).with_body(WORDS), now=NOON)
    assert told == [frozenset({Change.PLAN})]


def test_a_section_that_cannot_be_saved_writes_nothing(journal):
    reasons = _section(journal, SectionKind.REASONS)
    with pytest.raises(PlanError):
        journal.plan.save_section(replace(reasons, title="  "), now=NOON)
    assert journal.plan.count_sections() == 0 and journal.plan.last_saved() is None


def test_no_version_for_a_one_character_change_within_ten_minutes(journal):
    reasons = _section(journal, SectionKind.REASONS)
    journal.plan.save_section(reasons.with_body(WORDS), now=NOON)
    assert journal.plan.count_versions() == 1  # the first meaningful content
    journal.plan.save_section(reasons.with_body(WORDS + "!"), now=NOON + timedelta(minutes=3))
    journal.plan.save_section(reasons.with_body(WORDS + "!!"), now=NOON + timedelta(minutes=11))
    assert journal.plan.count_versions() == 1  # one or two characters are not meaningful


def test_continuous_editing_keeps_at_most_one_version_per_ten_minutes(journal):
    reasons = _section(journal, SectionKind.REASONS)
    text = ""
    for second in range(0, 25 * 60, 3):  # 25 minutes of typing, an autosave every 3 s
        text += "word "
        moment = NOON + timedelta(seconds=second)
        journal.plan.save_section(reasons.with_body(text), now=moment)
    kept = sorted(v.saved_at for v in journal.plan.versions())
    assert len(kept) == 3  # at 12:00, 12:10 and 12:20
    assert all(b - a >= timedelta(minutes=10) for a, b in itertools.pairwise(kept))


def test_ending_a_session_alone_keeps_no_version_and_clears_the_marker(journal, files):
    reasons = _section(journal, SectionKind.REASONS)
    journal.plan.save_section(reasons.with_body(WORDS), now=NOON)
    later = NOON + timedelta(minutes=2)
    journal.plan.save_section(reasons.with_body(WORDS + " And cooking dinner."), now=later)
    journal.plan.end_editing(later)  # a page switch two minutes after the first version
    assert journal.plan.count_versions() == 1
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        assert reopened.plan.interrupted_since() is None
    finally:
        reopened.close()


def test_a_sitting_with_page_switches_keeps_at_most_one_version_per_ten_minutes(journal):
    reasons = _section(journal, SectionKind.REASONS)
    text = ""
    for second in range(0, 25 * 60, 3):  # 25 minutes, an autosave every 3 s
        text += "word "
        moment = NOON + timedelta(seconds=second)
        journal.plan.save_section(reasons.with_body(text), now=moment)
        if second % 60 == 57:  # a page switch (or a lock) every minute ends the session
            journal.plan.end_editing(moment)
    kept = sorted(v.saved_at for v in journal.plan.versions())
    assert kept == [NOON, NOON + timedelta(minutes=10), NOON + timedelta(minutes=20)]
    assert journal.plan.last_saved() == NOON + timedelta(minutes=24)


def test_the_end_of_a_sitting_is_kept_at_the_first_check_ten_minutes_on(journal):
    reasons = _section(journal, SectionKind.REASONS)
    journal.plan.save_section(reasons.with_body(WORDS), now=NOON)
    written = NOON + timedelta(minutes=4)
    journal.plan.save_section(reasons.with_body(WORDS + " And cooking dinner."), now=written)
    journal.plan.end_editing(written)
    assert journal.plan.keep_version_if_due(NOON + timedelta(minutes=9)) is None
    journal.plan.end_editing(NOON + timedelta(minutes=9, seconds=59))
    assert journal.plan.count_versions() == 1
    kept = journal.plan.keep_version_if_due(NOON + timedelta(hours=3))
    assert kept is not None and kept.reason is VersionReason.AUTOMATIC
    assert kept.saved_at == written  # when the text was written, not when it was checked
    assert kept.plan == journal.plan.plan()
    assert kept.changed == (DEFAULT_TITLES[SectionKind.REASONS],)
    assert journal.plan.keep_version_if_due(NOON + timedelta(hours=4)) is None


def test_ending_a_session_ten_minutes_on_keeps_the_version_stamped_when_written(journal):
    reasons = _section(journal, SectionKind.REASONS)
    journal.plan.save_section(reasons.with_body(WORDS), now=NOON)
    written = NOON + timedelta(minutes=6)
    journal.plan.save_section(reasons.with_body(WORDS + " And cooking dinner."), now=written)
    journal.plan.end_editing(NOON + timedelta(minutes=12))  # left open, then locked
    assert [v.saved_at for v in journal.plan.versions()] == [written, NOON]


def test_a_labelled_save_always_keeps_a_version(journal):
    first = journal.plan.save_version("Reviewed with my counsellor", now=NOON)
    second = journal.plan.save_version("", now=NOON)
    assert (first.number, second.number) == (1, 2)
    assert first.reason is VersionReason.SAVED and first.label == "Reviewed with my counsellor"
    assert first.plan == journal.plan.plan()  # the template was stored first
    assert journal.plan.count_sections() == 11
    with pytest.raises(PlanError):
        journal.plan.save_version("x" * 121, now=NOON)


def test_restore_keeps_a_new_version_and_every_old_one_remains(journal):
    reasons = _section(journal, SectionKind.REASONS)
    journal.plan.save_section(reasons.with_body(WORDS), now=NOON)
    first = journal.plan.versions()[0]
    changed = WORDS.replace("dog", "neighbour's cat")
    journal.plan.save_section(reasons.with_body(changed), now=NOON + timedelta(minutes=20))
    journal.plan.save_section(
        reasons.with_body(changed + "?"), now=NOON + timedelta(minutes=21)
    )  # not a version: a character
    restored = journal.plan.restore(first.id, now=NOON + timedelta(minutes=30))
    assert journal.plan.plan().of_kind(SectionKind.REASONS).body == WORDS
    assert restored.reason is VersionReason.RESTORED
    assert restored.label == "Restored from version 1 (30 November 2026)"
    reasons_kept = [v.reason for v in journal.plan.versions()]
    assert reasons_kept == [
        VersionReason.RESTORED,
        VersionReason.BEFORE_RESTORE,
        VersionReason.AUTOMATIC,
        VersionReason.AUTOMATIC,
    ]
    before = journal.plan.version(journal.plan.versions()[1].id).plan
    assert before.of_kind(SectionKind.REASONS).body == changed + "?"
    assert journal.plan.version(first.id).plan.of_kind(SectionKind.REASONS).body == WORDS


def test_restoring_the_plan_as_it_is_keeps_no_before_restore_copy(journal):
    version = journal.plan.save_version("mine", now=NOON)
    journal.plan.restore(version.id, now=NOON)
    assert [v.reason for v in journal.plan.versions()] == [
        VersionReason.RESTORED,
        VersionReason.SAVED,
    ]
    with pytest.raises(KeyError):
        journal.plan.restore(999)


def test_compare_of_two_versions_marks_exactly_the_changed_section(journal):
    plan = journal.plan.plan()
    filled = Plan(tuple(s.with_body(f"About {s.title}, in a few words.\n") for s in plan.sections))
    journal.plan.save_plan(filled, now=NOON)
    coping = filled.of_kind(SectionKind.COPING)
    journal.plan.save_section(
        coping.with_body("About my toolbox: walking and calling Sam.\n"),
        now=NOON + timedelta(minutes=15),
    )
    newer, older = journal.plan.versions()[:2]
    diffs = compare_plans(journal.plan.version(older.id).plan, journal.plan.version(newer.id).plan)
    assert [d.title for d in diffs if d.changed] == [DEFAULT_TITLES[SectionKind.COPING]]
    assert newer.changed == (DEFAULT_TITLES[SectionKind.COPING],)


def test_sections_can_be_added_reordered_renamed_hidden_and_removed(journal):
    mine = journal.plan.add_section("Music that helps", after_uid=None)
    plan = journal.plan.plan()
    assert plan.sections[-1] == mine and mine.kind is SectionKind.CUSTOM
    first, *rest = plan.sections
    renamed = replace(rest[0], title="What sets me off", hidden=True)
    journal.plan.save_plan(Plan((renamed, first, *rest[1:-1])), now=NOON)
    plan = journal.plan.plan()
    assert plan.sections[0].title == "What sets me off" and plan.sections[0].hidden
    assert plan.sections[1] == first and mine.uid not in {s.uid for s in plan.sections}
    assert journal.plan.count_sections() == 11  # twelve, less the one left out
    after = journal.plan.add_section("Between", after_uid=first.uid)
    assert journal.plan.plan().sections[2] == after


def test_demo_data_keeps_a_filled_plan_with_versions_and_the_counsellor_review(journal):
    from recovery_desktop.data.demo import fill_demo

    counts = fill_demo(journal, 10, date(2026, 11, 30), 2)
    assert counts["plan_sections"] == 11 and counts["plan_versions"] == 8
    versions = journal.plan.versions()
    saved = [v for v in versions if v.reason is VersionReason.SAVED]
    assert [v.label for v in saved] == ["Reviewed with my counsellor"]
    support = journal.plan.plan().of_kind(SectionKind.SUPPORT)
    assert [c.name for c in journal.plan.contacts_for(support.contacts)] == ["Sam", "Alex Rivera"]
    assert journal.plan.interrupted_since() is None
    assert not journal.plan.plan().is_empty


def test_versions_between_gives_the_versions_of_a_period_oldest_first(journal):
    reasons = _section(journal, SectionKind.REASONS)
    for day in (1, 3, 8):
        moment = datetime(2026, 11, day, 20, 0)
        journal.plan.save_section(reasons.with_body(WORDS + " And more." * day), now=moment)
        journal.plan.end_editing(moment)
    week = journal.plan.versions_between(date(2026, 11, 2), date(2026, 11, 8))
    assert [(v.number, v.saved_at.day) for v in week] == [(2, 3), (3, 8)]
    assert all(v.plan is None for v in week)


def test_a_restored_plan_keeps_its_section_ids(journal):
    version = journal.plan.save_version("start", now=NOON)
    journal.plan.add_section("Music that helps")
    journal.plan.restore(version.id, now=NOON + timedelta(minutes=5))
    assert journal.plan.plan() == version.plan
    assert [s.uid for s in journal.plan.plan().sections] == [s.uid for s in version.plan.sections]


def test_a_backup_counts_its_plan_sections_and_versions(journal):
    from recovery_desktop.data.backup_files import parse_backup
    from recovery_desktop.data.backup_view import backup_key, read_backup

    journal.plan.save_version("kept", now=NOON)
    backup = parse_backup(journal.backup())
    contents = read_backup(backup, backup_key(backup, PASSPHRASE))
    assert (contents.counts["plan_sections"], contents.counts["plan_versions"]) == (11, 1)


def test_a_section_id_that_export_could_not_carry_is_refused(journal):
    reasons = _section(journal, SectionKind.REASONS)
    with pytest.raises(ValueError):
        journal.plan.save_section(replace(reasons, uid="not-a-uid"), now=NOON)
    assert journal.plan.count_sections() == 0


def test_removing_a_section_keeps_what_was_written_in_it_as_a_version(journal):
    """Words written since the last version are in a version before their section goes
    (the question promises that History can bring it back; they were lost)."""
    journal.plan.save_section(_section(journal, SectionKind.REASONS).with_body(WORDS), now=NOON)
    mine = journal.plan.add_section("Music that helps")
    later = NOON + timedelta(minutes=2)  # within ten minutes: no automatic version
    journal.plan.save_section(replace(mine, body="Some words I might lose."), now=later)
    before = journal.plan.count_versions()
    kept = [s for s in journal.plan.plan().sections if s.uid != mine.uid]
    journal.plan.save_plan(Plan(tuple(kept)), now=later)
    assert journal.plan.count_versions() == before + 1
    newest = journal.plan.version(journal.plan.versions()[0].id).plan
    assert newest.section(mine.uid).body == "Some words I might lose."
    journal.plan.save_plan(Plan(tuple(kept[:-1])), now=later)  # "After a lapse": empty
    assert journal.plan.count_versions() == before + 1
