"""Backup names: ordered by sequence number, never by the clock or by text."""

from datetime import datetime, timedelta, timezone

from recovery_desktop.data.backup import backups, rotate
from recovery_desktop.data.backup_files import backup_name, list_backups, next_sequence


def _touch(folder, name):
    (folder / name).write_bytes(b"x")
    keys = name.replace("journal-", "keys-", 1).removesuffix(".db") + ".json"
    (folder / keys).write_bytes(b"{}")


def test_order_follows_sequence_within_one_second(tmp_path):
    """Two backups in the same second: the second one is newer, whatever its reason."""
    moment = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)
    _touch(tmp_path, backup_name(moment, 1, "manual"))
    _touch(tmp_path, backup_name(moment, 2, "before-upgrade"))
    _touch(tmp_path, backup_name(moment, 3, "manual"))
    assert [b.sequence for b in list_backups(tmp_path)] == [1, 2, 3]
    assert next_sequence(tmp_path) == 4


def test_a_time_zone_change_does_not_reorder_backups(tmp_path):
    """Names carry UTC: a backup taken later, while the computer's zone moved west, is
    still the newest."""
    first = datetime(2026, 11, 30, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    second = datetime(2026, 11, 30, 11, 30, tzinfo=timezone(timedelta(hours=0)))
    _touch(tmp_path, backup_name(first, 1, "manual"))
    _touch(tmp_path, backup_name(second, 2, "manual"))
    newest = list_backups(tmp_path)[-1]
    assert newest.sequence == 2
    assert newest.taken_at == second


def test_rotation_keeps_the_newest_within_one_second(tmp_path):
    """The example from the attack: ``-2-manual`` used to sort before ``-manual`` and
    rotation deleted the newest backup."""
    moment = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)
    for sequence in range(1, 8):
        _touch(tmp_path, backup_name(moment, sequence, "manual"))
    rotate(tmp_path, tmp_path / backup_name(moment, 7, "manual"))
    assert [b.sequence for b in list_backups(tmp_path)] == [7]
    assert not (tmp_path / backup_name(moment, 1, "manual").replace("journal-", "keys-")).exists()


def test_older_names_come_first_and_other_files_are_ignored(tmp_path):
    _touch(tmp_path, "journal-20991231-235959-manual.db")
    _touch(tmp_path, backup_name(datetime(2026, 1, 1, tzinfo=timezone.utc), 1, "daily"))
    (tmp_path / ".journal-x.db.tmp").write_bytes(b"")
    (tmp_path / "notes.txt").write_bytes(b"")
    names = [p.name for p in backups(tmp_path)]
    assert names[0] == "journal-20991231-235959-manual.db"
    assert len(names) == 2


class _FrozenClock(datetime):
    """Every backup in the same second, as when several are taken in a row."""

    @classmethod
    def now(cls, tz=None):
        return cls(2026, 11, 30, 6, 0, 0, tzinfo=tz)


def test_a_backup_never_returns_a_path_rotation_deleted(journal, monkeypatch):
    from recovery_desktop.data import backup as backup_module

    monkeypatch.setattr(backup_module, "datetime", _FrozenClock)
    made = [journal.backup() for _ in range(12)]
    assert made[-1].exists()
    kept = backups(journal.files.backups)
    assert kept == made[-1:]  # one day, one week: the policy keeps the day's newest
