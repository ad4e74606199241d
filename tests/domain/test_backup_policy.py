"""Rotation keeps exactly the stated policy: 7 daily, 4 weekly, the newest special ones."""

import random
from datetime import date, datetime, timedelta, timezone

from recovery_desktop.domain.backup_policy import KEEP_NEWEST_OF, BackupInfo, backups_to_keep

START = datetime(2026, 9, 1, tzinfo=timezone.utc)


def _expected(history):
    """The policy written out plainly, from every backup ever made: days and weeks are
    chosen among regular backups only, the newest special ones are kept in addition."""
    regular = [b for b in history if b.reason not in KEEP_NEWEST_OF]
    days = sorted({b.taken_at.astimezone(timezone.utc).date() for b in regular})[-7:]
    weeks = sorted({b.taken_at.astimezone(timezone.utc).isocalendar()[:2] for b in regular})[-4:]
    keep = {max(history)}
    for day in days:
        keep.add(max(b for b in regular if b.taken_at.astimezone(timezone.utc).date() == day))
    for week in weeks:
        keep.add(
            max(b for b in regular if b.taken_at.astimezone(timezone.utc).isocalendar()[:2] == week)
        )
    for reason in KEEP_NEWEST_OF:
        special = [b for b in history if b.reason == reason]
        if special:
            keep.add(max(special))
    return keep


def test_sixty_days_of_backups_keep_exactly_the_policy():
    """Several backups on most days, none on some, a few before upgrades, imports and
    restores; rotation after every backup leaves exactly what the policy names."""
    rng = random.Random(7)
    history, kept, sequence = [], set(), 0
    for day in range(60):
        count = rng.choice([0, 0, 1, 2, 3, 5])
        for minute in sorted(rng.sample(range(24 * 60), count)):
            sequence += 1
            reason = rng.choice(["on-close"] * 6 + ["daily", "manual", *KEEP_NEWEST_OF])
            backup = BackupInfo(sequence, START + timedelta(days=day, minutes=minute), reason)
            history.append(backup)
            kept = backups_to_keep(kept | {backup})
            assert kept == _expected(history)
            assert backup in kept
    last_days = sorted({b.taken_at.date() for b in history if b.reason not in KEEP_NEWEST_OF})[-7:]
    assert {b.taken_at.date() for b in kept} >= set(last_days)
    assert len(kept) <= 7 + 4 + len(KEEP_NEWEST_OF) + 1
    assert len(history) > 100


def test_the_newest_of_each_recent_day_and_week():
    """Ten days of three backups each: the last seven days keep their evening backup, and
    older weeks their newest."""
    backups = [
        BackupInfo(day * 3 + n, START + timedelta(days=day, hours=8 + 5 * n), "on-close")
        for day in range(10)
        for n in range(3)
    ]
    kept = backups_to_keep(backups)
    evening = {b for b in backups if b.taken_at.hour == 18}
    assert {b.taken_at.date() for b in kept} >= {b.taken_at.date() for b in backups[-21:]}
    assert kept <= evening
    # 1 Sept 2026 is a Tuesday: days 0-5 are one ISO week, 6-9 the next.
    assert backups[5 * 3 + 2] in kept


def test_days_are_utc_days():
    """Two backups on one UTC day, taken in a zone where they fall on different local
    days: only the later is kept for that day."""
    zone = timezone(timedelta(hours=-8))
    early = BackupInfo(1, datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc).astimezone(zone), "a")
    late = BackupInfo(2, datetime(2026, 11, 2, 20, 0, tzinfo=timezone.utc).astimezone(zone), "a")
    assert early.taken_at.date() == date(2026, 11, 1)
    assert backups_to_keep([early, late]) == {late}


def test_special_backups_are_kept_whatever_their_age():
    """The newest backup before an upgrade, a restore, an import and a new key stays, even
    when months of daily backups came after; older ones of the same reason go."""
    old = [BackupInfo(i, START + timedelta(hours=i), r) for i, r in enumerate(KEEP_NEWEST_OF * 2)]
    daily = [BackupInfo(100 + d, START + timedelta(days=30 + d), "daily") for d in range(90)]
    kept = backups_to_keep(old + daily)
    assert set(old[len(KEEP_NEWEST_OF) :]) <= kept
    assert not set(old[: len(KEEP_NEWEST_OF)]) & kept
    # The last day is Tuesday 29 December: the last seven days reach into two ISO weeks, so
    # the four weeks add the newest of only two older weeks (20 and 13 December).
    assert daily[-1].taken_at.date() == date(2026, 12, 29)
    weekly = {b.taken_at.date() for b in kept} - {b.taken_at.date() for b in daily[-7:]}
    assert weekly == {date(2026, 12, 20), date(2026, 12, 13)} | {b.taken_at.date() for b in old}
    assert len(kept) == len(KEEP_NEWEST_OF) + 7 + 2


def test_a_special_backup_never_pushes_out_the_regular_backup_of_its_day():
    """The backup taken just before a restore is the day's newest, but the regular backup
    being restored (and the day's other regular one) stays."""
    restored = BackupInfo(1, START, "on-close")
    before = BackupInfo(2, START + timedelta(minutes=5), "before-restore")
    again = BackupInfo(3, START + timedelta(minutes=9), "before-restore")
    assert backups_to_keep([restored, before]) == {restored, before}
    assert backups_to_keep([restored, before, again]) == {restored, again}


def test_the_newest_is_kept_even_when_the_clock_went_back():
    """A backup numbered after the others is the newest, even if the clock was set back."""
    first = BackupInfo(1, START + timedelta(days=40), "daily")
    second = BackupInfo(2, START, "daily")
    assert second in backups_to_keep([first, second])


def test_nothing_to_keep_from_nothing():
    assert backups_to_keep([]) == set()
