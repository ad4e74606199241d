"""The plain copy of the crisis lines beside the journal, read while it is locked."""

import json
import os
import stat

import pytest

from recovery_desktop.data.contacts import ContactRepository
from recovery_desktop.data.crisis_copy import MAX_BYTES, CrisisCopy
from recovery_desktop.data.journal import create_journal, open_with_passphrase
from recovery_desktop.domain.contacts import DEFAULT_CRISIS_LINES, CrisisLine
from tests.conftest import PASSPHRASE

DEFAULTS = [(name, number, details) for name, number, details in DEFAULT_CRISIS_LINES]


def _read(files):
    return [(line.name, line.number, line.details) for line in files.crisis_copy.read()]


def _on_disk(files):
    return json.loads(files.crisis_copy.path.read_text(encoding="utf-8"))


def test_a_new_journal_writes_the_default_lines_owner_only(journal, files):
    """Creating a journal leaves crisis_lines.json with the defaults, mode 0600."""
    path = files.crisis_copy.path
    assert path.name == "crisis_lines.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _read(files) == DEFAULTS
    assert [sorted(entry) for entry in _on_disk(files)["lines"]] == [
        ["details", "name", "number"]
    ] * len(DEFAULTS)


def test_every_change_to_the_lines_rewrites_the_copy_in_the_users_order(journal, files):
    """Adding, editing, moving and removing a line each show up in the copy at once."""
    lines = journal.contacts.crisis_lines()
    journal.contacts.save_crisis_line(CrisisLine(lines[0].id, "Emergency", "112", "EU"))
    assert _read(files)[0] == ("Emergency", "112", "EU")
    journal.contacts.save_crisis_line(CrisisLine(None, "Local line", "555-0100"))
    assert _read(files)[-1] == ("Local line", "555-0100", "")
    journal.contacts.move_crisis_line(lines[3].id, -3)
    assert [name for name, _n, _d in _read(files)][:2] == ["Poison Control", "Emergency"]
    journal.contacts.delete_crisis_line(lines[1].id)
    assert [name for name, _n, _d in _read(files)] == [
        line.name for line in journal.contacts.crisis_lines()
    ]
    assert len(_read(files)) == 4


def test_opening_an_older_journal_without_a_copy_writes_one(files):
    """A journal made before the copy existed gets one the next time it is opened."""
    journal = create_journal(files, PASSPHRASE)
    journal.contacts.save_crisis_line(CrisisLine(None, "Local line", "555-0100"))
    journal.close()
    files.crisis_copy.path.unlink()
    assert _read(files) == DEFAULTS  # missing: the defaults
    open_with_passphrase(files, PASSPHRASE).close()
    assert _read(files)[-1] == ("Local line", "555-0100", "")


def test_removing_every_line_is_kept_as_an_empty_list(journal, files):
    """A user who removed all lines sees none, not the defaults coming back."""
    for line in journal.contacts.crisis_lines():
        journal.contacts.delete_crisis_line(line.id)
    assert files.crisis_copy.read() == []


def test_a_copy_that_cannot_be_written_never_stops_a_save(journal, files):
    """If the copy's place is blocked, the line is still saved in the journal."""
    files.crisis_copy.path.unlink()
    files.crisis_copy.path.mkdir()
    saved = journal.contacts.save_crisis_line(CrisisLine(None, "Local line", "555-0100"))
    assert journal.contacts.crisis_lines()[-1] == saved
    assert _read(files) == DEFAULTS


def _good(**changes):
    entry = {"name": "Line", "number": "123", "details": ""}
    entry.update(changes)
    return {"version": 1, "lines": [entry]}


HOSTILE = {
    "not json": b"{this is not json",
    "not utf-8": b"\xff\xfe\x00garbage",
    "empty file": b"",
    "a list": json.dumps([{"name": "A", "number": "1"}]).encode(),
    "no lines": json.dumps({"version": 1}).encode(),
    "lines not a list": json.dumps({"version": 1, "lines": "911"}).encode(),
    "wrong version": json.dumps({"version": 99, "lines": []}).encode(),
    "number not a string": json.dumps(_good(number=911)).encode(),
    "name missing": json.dumps({"version": 1, "lines": [{"number": "1", "details": ""}]}).encode(),
    "details a dict": json.dumps(_good(details={"x": 1})).encode(),
    "entry not a dict": json.dumps({"version": 1, "lines": ["911"]}).encode(),
    "blank name": json.dumps(_good(name="   ")).encode(),
    "name too long": json.dumps(_good(name="x" * 5000)).encode(),
    "too many lines": json.dumps({"version": 1, "lines": [_good()["lines"][0]] * 500}).encode(),
    "huge file": b'{"version": 1, "lines": []}' + b" " * (MAX_BYTES + 10),
    "deep nesting": b"[" * 30_000 + b"]" * 30_000,
    "huge integer": b'{"version": 1' + b"9" * 20_000 + b', "lines": []}',
    "number shown reversed": json.dumps(_good(number="\u202e1119")).encode(),
    "name with a control character": json.dumps(_good(name="Help\x1b[2J")).encode(),
    "number with zero-width spaces": json.dumps(_good(number="1\u200b2\u200b3")).encode(),
    "name split by a line separator": json.dumps(_good(name="QA\u2028Line")).encode(),
}


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_damaged_or_hostile_copy_gives_the_default_lines(tmp_path, content):
    """Whatever is in the file, reading it never fails and falls back to the defaults."""
    path = tmp_path / "crisis_lines.json"
    path.write_bytes(content)
    assert _read_copy(path) == DEFAULTS


def _read_copy(path):
    return [(line.name, line.number, line.details) for line in CrisisCopy(path).read()]


def test_a_folder_fifo_or_missing_file_gives_the_default_lines(tmp_path):
    """Something that is not a regular file is never read (a pipe would block)."""
    assert _read_copy(tmp_path / "missing.json") == DEFAULTS
    (tmp_path / "folder.json").mkdir()
    assert _read_copy(tmp_path / "folder.json") == DEFAULTS
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")
        assert _read_copy(tmp_path / "pipe.json") == DEFAULTS


def test_a_copy_written_and_read_back_keeps_text_exactly(tmp_path):
    """Names with quotes, accents and markup come back exactly as written."""
    copy = CrisisCopy(tmp_path / "crisis_lines.json")
    lines = [CrisisLine(None, 'Ligne "écoute" <b>', "0 800 00 00 00", "Nuit & jour")]
    copy.write(lines)
    [back] = copy.read()
    assert (back.name, back.number, back.details) == (lines[0].name, lines[0].number, "Nuit & jour")


def test_help_screens_get_the_plain_copy_when_the_journal_cannot_be_read(journal, files):
    """The lines as the user left them come from the copy when the journal fails a read,
    and the repository without a copy (never the case in the app) gives the defaults."""
    journal.contacts.save_crisis_line(CrisisLine(None, "Local line", "555-0100"))
    assert journal.contacts.crisis_lines_or_copy() == journal.contacts.crisis_lines()
    journal.db.conn.close()  # every read now fails with a JournalError
    shown = journal.contacts.crisis_lines_or_copy()
    assert [(line.name, line.number) for line in shown][-1] == ("Local line", "555-0100")
    bare = ContactRepository(journal.db, journal.changes)
    assert [(line.name, line.number, line.details) for line in bare.crisis_lines_or_copy()] == (
        DEFAULTS
    )
