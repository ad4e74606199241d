"""The backup folder can be another folder (a USB stick); the choice is readable while the
journal is locked and refuses places where a backup would be lost with the journal."""

import pytest

from recovery_desktop.data.backup_files import list_backups
from recovery_desktop.data.backup_place import (
    PLACE_FILE,
    BackupPlaceProblem,
    choose_folder,
    chosen_folder,
)
from recovery_desktop.data.journal import JournalFiles


def test_the_next_backup_goes_to_the_chosen_folder_and_older_ones_stay(journal, tmp_path):
    """Backups made before the change stay where they were; new ones go to the stick."""
    first = journal.backup("manual")
    stick = tmp_path / "stick"
    stick.mkdir()
    assert choose_folder(journal.files.folder, stick) == stick.resolve()
    assert JournalFiles(journal.files.folder).backups == stick.resolve()
    made = journal.backup("manual")
    assert made.parent == stick.resolve()
    assert first.exists()
    assert [b.path for b in list_backups(stick)] == [made]


def test_back_to_the_default_folder(journal, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(journal.files.folder, stick)
    assert choose_folder(journal.files.folder, None) == journal.files.folder / "backups"
    assert not (journal.files.folder / PLACE_FILE).exists()
    assert journal.backup("manual").parent == journal.files.folder / "backups"


@pytest.mark.parametrize("where", ["journal", "inside", "missing", "other journal"])
def test_places_that_cannot_hold_backups_are_refused(journal, tmp_path, where):
    """The journal's folder or a folder inside it (lost with the journal), a folder that
    is not there, another journal's folder: refused with a reason, nothing written."""
    folder = {
        "journal": journal.files.folder,
        "inside": journal.files.folder / "mine",
        "missing": tmp_path / "gone",
        "other journal": tmp_path / "other",
    }[where]
    if where in ("inside", "other journal"):
        folder.mkdir()
    if where == "other journal":
        (folder / "keys.json").write_text("{}")
    with pytest.raises(BackupPlaceProblem):
        choose_folder(journal.files.folder, folder)
    assert not (journal.files.folder / PLACE_FILE).exists()
    assert journal.files.backups == journal.files.folder / "backups"


@pytest.mark.parametrize(
    "content",
    [b"", b"[]", b'{"folder": 3}', b'{"folder": "relative/path"}', b"[" * 100_000, b"x" * 40_000],
)
def test_a_damaged_choice_means_the_default_folder(files, content):
    """Anything but what the app writes sends backups to the default folder, calmly."""
    files.folder.mkdir()
    (files.folder / PLACE_FILE).write_bytes(content)
    assert chosen_folder(files.folder) is None
    assert files.backups == files.folder / "backups"
