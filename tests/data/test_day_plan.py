"""My day's storage: blocks, templates, filling and copying days, the waking window; each
read back from the journal reopened, and an older journal upgraded."""

from __future__ import annotations

from datetime import date

import pytest

from recovery_desktop.data import migrations, schema_upgrade
from recovery_desktop.data.backup_files import parse_backup
from recovery_desktop.data.backup_view import backup_key, read_backup
from recovery_desktop.data.changes import Change
from recovery_desktop.data.connection import open_database
from recovery_desktop.data.errors import BlockMissing, DayNotEmpty
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.data.vault import Vault, new_data_key
from recovery_desktop.domain.day_plan import (
    BlockCategory,
    BlockTimes,
    DayPlanError,
    WakingWindow,
)
from tests.conftest import PASSPHRASE

MONDAY = date(2026, 11, 30)
TUESDAY = date(2026, 12, 1)
WORK = BlockTimes(540, 1020, "Work", BlockCategory.WORK)
GROUP = BlockTimes(1080, 1170, "Group meeting", BlockCategory.MEETING, "Bring the workbook")
LUNCH = BlockTimes(720, 750, "Lunch", BlockCategory.MEALS)


GROUP_ROW = (
    MONDAY,
    1080,
    1170,
    "Group meeting",
    BlockCategory.MEETING,
    "Bring the workbook",
    False,
)


def _reopened(journal, files):
    journal.close()
    return open_with_passphrase(files, PASSPHRASE)


def _shape(blocks):
    return [(b.day, b.start, b.end, b.title, b.category, b.note, b.done) for b in blocks]


def test_blocks_are_stored_and_read_back_by_start_after_reopening(journal, files):
    """Added out of order, they come back ordered by start, with notes and categories."""
    group = journal.day_plan.add(MONDAY, GROUP)
    work = journal.day_plan.add(MONDAY, WORK)
    assert group.id and work.id and group.id != work.id
    journal = _reopened(journal, files)
    try:
        assert _shape(journal.day_plan.blocks(MONDAY)) == [
            (MONDAY, 540, 1020, "Work", BlockCategory.WORK, "", False),
            GROUP_ROW,
        ]
        assert journal.day_plan.blocks(TUESDAY) == []
        assert journal.day_plan.count() == 2
    finally:
        journal.close()


def test_update_and_done_ticks_are_kept(journal, files):
    """Moving a block and ticking another done both survive reopening."""
    work = journal.day_plan.add(MONDAY, WORK)
    group = journal.day_plan.add(MONDAY, GROUP)
    moved = BlockTimes(600, 1080, "Work (late start)", BlockCategory.WORK, "Bus")
    journal.day_plan.update(type(work)(work.id, MONDAY, moved, done=True))
    journal.day_plan.set_done(group.id, True)
    journal.day_plan.set_done(group.id, False)
    journal = _reopened(journal, files)
    try:
        assert _shape(journal.day_plan.blocks(MONDAY)) == [
            (MONDAY, 600, 1080, "Work (late start)", BlockCategory.WORK, "Bus", True),
            GROUP_ROW,
        ]
    finally:
        journal.close()


def test_delete_then_restore_brings_back_the_same_record(journal, files):
    """Undo after delete: same content, same done tick, same row id and stable id."""
    block = journal.day_plan.add(MONDAY, GROUP)
    journal.day_plan.set_done(block.id, True)
    uid = journal.db.execute("SELECT uid FROM day_blocks").fetchone()[0]
    removed = journal.day_plan.delete(block.id)
    assert removed.done and removed.times == GROUP
    assert journal.day_plan.blocks(MONDAY) == []
    restored = journal.day_plan.restore(removed)
    assert restored == removed
    assert journal.db.execute("SELECT uid FROM day_blocks").fetchone()[0] == uid
    journal = _reopened(journal, files)
    try:
        assert journal.day_plan.blocks(MONDAY) == [removed]
    finally:
        journal.close()


def test_deleting_a_block_that_is_gone_says_so(journal):
    """A second delete of the same block is a calm error; nothing else is touched."""
    block = journal.day_plan.add(MONDAY, WORK)
    journal.day_plan.add(MONDAY, LUNCH)
    journal.day_plan.delete(block.id)
    with pytest.raises(BlockMissing):
        journal.day_plan.delete(block.id)
    assert [b.title for b in journal.day_plan.blocks(MONDAY)] == ["Lunch"]


@pytest.mark.parametrize(
    "times",
    [
        BlockTimes(600, 600, "Empty", BlockCategory.REST),
        BlockTimes(600, 660, " ", BlockCategory.REST),
        BlockTimes(600, 660, "x" * 81, BlockCategory.REST),
        BlockTimes(600, 660, "Walk", BlockCategory.EXERCISE, "n" * 1001),
        BlockTimes(600, 660, "Wa\x00lk", BlockCategory.EXERCISE),
    ],
)
def test_a_block_that_cannot_be_saved_is_refused_and_nothing_is_stored(journal, times):
    """No length, no title, too long, hidden characters: ValueError, nothing written."""
    with pytest.raises(DayPlanError):
        journal.day_plan.add(MONDAY, times)
    assert journal.day_plan.count() == 0


def test_a_template_is_saved_replaced_and_fills_an_empty_day(journal, files):
    """Save Monday's plan as the usual Monday; a later Monday is filled with it, undone."""
    work = journal.day_plan.add(MONDAY, WORK)
    journal.day_plan.set_done(work.id, True)
    journal.day_plan.add(MONDAY, GROUP)
    journal.day_plan.save_template(0, [b.times for b in journal.day_plan.blocks(MONDAY)])
    assert journal.day_plan.template(1) is None
    journal = _reopened(journal, files)
    try:
        assert journal.day_plan.template(0).blocks == (WORK, GROUP)
        assert journal.day_plan.template_count() == 1
        next_monday = date(2026, 12, 7)
        filled = journal.day_plan.fill_from_template(next_monday)
        assert [(b.times, b.done) for b in filled] == [(WORK, False), (GROUP, False)]
        assert journal.day_plan.blocks(next_monday) == filled
        journal.day_plan.save_template(0, [LUNCH])
        assert journal.day_plan.template(0).blocks == (LUNCH,)
        journal.day_plan.save_template(0, [])
        assert journal.day_plan.template(0) is None and journal.day_plan.template_count() == 0
    finally:
        journal.close()


def test_a_weekday_without_a_template_fills_nothing(journal):
    """No usual Tuesday: nothing is added and no error."""
    assert journal.day_plan.fill_from_template(TUESDAY) == []
    assert journal.day_plan.count() == 0


def test_copy_yesterday_copies_blocks_but_not_done_ticks(journal):
    """Monday's blocks appear on Tuesday, none of them ticked."""
    work = journal.day_plan.add(MONDAY, WORK)
    journal.day_plan.set_done(work.id, True)
    journal.day_plan.add(MONDAY, LUNCH)
    copied = journal.day_plan.copy_day(MONDAY, TUESDAY)
    assert [(b.day, b.times, b.done) for b in copied] == [
        (TUESDAY, WORK, False),
        (TUESDAY, LUNCH, False),
    ]
    assert [b.done for b in journal.day_plan.blocks(MONDAY)] == [True, False]


def test_a_day_with_a_plan_is_never_filled_or_copied_over(journal):
    """Fill and copy onto a day with blocks raise DayNotEmpty and leave the day as it was."""
    journal.day_plan.save_template(1, [WORK])
    journal.day_plan.add(MONDAY, GROUP)
    journal.day_plan.add(TUESDAY, LUNCH)
    with pytest.raises(DayNotEmpty, match="already has a plan"):
        journal.day_plan.fill_from_template(TUESDAY)
    with pytest.raises(DayNotEmpty):
        journal.day_plan.copy_day(MONDAY, TUESDAY)
    assert [b.times for b in journal.day_plan.blocks(TUESDAY)] == [LUNCH]


def test_blocks_between_gives_only_days_with_blocks(journal):
    """A week with two planned days: two keys, each day's blocks in order."""
    journal.day_plan.add(TUESDAY, LUNCH)
    journal.day_plan.add(MONDAY, GROUP)
    journal.day_plan.add(MONDAY, WORK)
    found = journal.day_plan.blocks_between(date(2026, 11, 29), date(2026, 12, 5))
    assert list(found) == [MONDAY, TUESDAY]
    assert [b.title for b in found[MONDAY]] == ["Work", "Group meeting"]


def test_every_write_is_one_announcement_of_the_day_plan(journal):
    """Add, update, done, delete, restore, template, fill and copy each announce once."""
    heard = []
    journal.changes.subscribe(heard.append)
    block = journal.day_plan.add(MONDAY, WORK)
    journal.day_plan.update(block)
    journal.day_plan.set_done(block.id, True)
    journal.day_plan.restore(journal.day_plan.delete(block.id))
    journal.day_plan.save_template(2, [LUNCH])
    journal.day_plan.fill_from_template(date(2026, 12, 2))
    journal.day_plan.copy_day(MONDAY, TUESDAY)
    assert heard == [frozenset({Change.DAY_PLAN})] * 8


def test_the_reader_reads_blocks_on_its_own_connection(journal):
    """The worker's read-only reader sees what the journal saved."""
    journal.day_plan.add(MONDAY, WORK)
    with journal.reader() as reader:
        assert [b.times for b in reader.day_plan.blocks(MONDAY)] == [WORK]


def test_the_waking_window_is_remembered_and_checked(journal, files):
    """07:00–23:00 until changed; 10:00–02:00 is kept; a window of no length is refused."""
    assert journal.preferences.waking_window() == WakingWindow(420, 1380)
    heard = []
    journal.changes.subscribe(heard.append)
    journal.preferences.set_waking_window(WakingWindow(600, 120))
    assert heard == [frozenset({Change.PREFERENCES})]
    with pytest.raises(ValueError):
        journal.preferences.set_waking_window(WakingWindow(600, 600))
    journal = _reopened(journal, files)
    try:
        window = journal.preferences.waking_window()
        assert window == WakingWindow(600, 120) and window.crosses_midnight
    finally:
        journal.close()


def test_a_damaged_waking_window_reads_as_the_default(journal):
    """A stored value that is not a window falls back to 07:00–23:00."""
    journal.preferences.set("day_plan.waking_window", {"start": 600, "end": 600})
    assert journal.preferences.waking_window() == WakingWindow()
    journal.preferences.set("day_plan.waking_window", "late")
    assert journal.preferences.waking_window() == WakingWindow()


def test_an_older_journal_gains_my_day_on_upgrade(files):
    """A journal made before m008: it opens, its cravings are kept, and blocks get
    distinct stable ids."""
    files.folder.mkdir()
    key = new_data_key()
    db = open_database(files.database, key, create=True)
    migrations.MIGRATIONS.apply(db, stop_before="m008_day_plan")
    db.execute(
        "INSERT INTO cravings (started_at, day, created_at, updated_at) "
        "VALUES ('2026-10-01T20:00', '2026-10-01', 'x', 'x')"
    )
    db.conn.commit()
    db.conn.close()
    Vault.create(files.keys, key, PASSPHRASE, None)
    journal = open_with_passphrase(files, PASSPHRASE)
    try:
        assert "m008_day_plan" in schema_upgrade.applied(journal.db)
        assert journal.cravings.count() == 1
        journal.day_plan.add(MONDAY, WORK)
        journal.day_plan.add(MONDAY, LUNCH)
        journal.day_plan.save_template(0, [WORK])
        for table in ("day_blocks", "day_template_blocks"):
            uids = [r[0] for r in journal.db.execute(f"SELECT uid FROM {table}").fetchall()]
            assert all(uid and len(uid) == 32 for uid in uids)
            assert len(set(uids)) == len(uids)
    finally:
        journal.close()


def test_counts_include_blocks_and_weekdays_with_a_template_in_a_backup_too(journal):
    """check --json's counts, and a backup's "look inside", count blocks and templates."""
    journal.day_plan.add(MONDAY, WORK)
    journal.day_plan.add(TUESDAY, LUNCH)
    journal.day_plan.save_template(0, [WORK, LUNCH])
    journal.day_plan.save_template(6, [LUNCH])
    assert (journal.counts()["day_blocks"], journal.counts()["day_templates"]) == (2, 2)
    backup = parse_backup(journal.backup())
    contents = read_backup(backup, backup_key(backup, PASSPHRASE))
    assert (contents.counts["day_blocks"], contents.counts["day_templates"]) == (2, 2)


def test_demo_data_plans_days_and_keeps_a_usual_plan_for_every_weekday(journal):
    """demo-data: seven templates, the generated days stored with their ticks, Monday's
    plan read back as the domain made it."""
    from recovery_desktop.data.demo import fill_demo
    from recovery_desktop.domain.demo import demo_checkins, shape
    from recovery_desktop.domain.demo_day_plan import TEMPLATES, demo_day_plan
    from recovery_desktop.domain.demo_events import demo_events

    counts = fill_demo(journal, 4, MONDAY, 3)
    checkins = list(demo_checkins(4, MONDAY, 3))
    story = demo_events(checkins, shape(4, MONDAY), 3)
    expected = demo_day_plan(checkins, story.cravings, shape(4, MONDAY), 3)
    assert counts["day_templates"] == 7
    assert counts["day_blocks"] == sum(len(blocks) for blocks in expected.days.values())
    assert journal.day_plan.template(0).blocks == tuple(sorted(TEMPLATES[0], key=lambda t: t.start))
    stored = journal.day_plan.blocks_between(shape(4, MONDAY).start, MONDAY)
    assert {
        day: [(b.times, b.done) for b in blocks] for day, blocks in stored.items()
    } == expected.days
