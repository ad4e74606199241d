"""Drafts of unfinished dialogs: kept inside the encrypted journal, one per kind of dialog."""

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.drafts import Draft, DraftKind
from tests.conftest import PASSPHRASE

SECRET = "Argument with my brother about money"


def test_a_kept_draft_reads_back_after_reopening_and_never_sits_in_a_plain_file(journal, files):
    """Kept, closed, reopened with the passphrase: the same values; the file holds no text."""
    journal.drafts.keep([Draft(DraftKind.LAPSE, {"before": SECRET, "count": True, "id": None})])
    journal.close()
    for path in files.folder.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path.name
    reopened = open_with_passphrase(files, PASSPHRASE)
    assert reopened.drafts.drafts() == [
        Draft(DraftKind.LAPSE, {"before": SECRET, "count": True, "id": None})
    ]
    reopened.close()


def test_one_draft_per_kind_newest_wins_and_discard_forgets_only_that_kind(journal):
    """A second draft of a kind replaces the first; discarding one kind leaves the others."""
    journal.drafts.keep([Draft(DraftKind.CONTACT, {"name": "Sa"})])
    journal.drafts.keep(
        [Draft(DraftKind.CONTACT, {"name": "Sam"}), Draft(DraftKind.CRISIS_LINE, {"name": "x"})]
    )
    assert [d.values["name"] for d in journal.drafts.drafts()] == ["Sam", "x"]
    journal.drafts.discard(DraftKind.CONTACT)
    assert journal.drafts.drafts() == [Draft(DraftKind.CRISIS_LINE, {"name": "x"})]


def test_rows_this_version_cannot_read_are_skipped_not_fatal(journal):
    """An unknown kind or damaged fields never stop the other drafts being offered."""
    journal.db.execute(
        "INSERT INTO drafts (kind, fields, kept_at) VALUES "
        "('a_later_dialog', '{}', '2026-01-01'), ('contact', 'not json', '2026-01-01'), "
        "('lapse', '{\"before\": [1, 2]}', '2026-01-01')"
    )
    journal.db.conn.commit()
    journal.drafts.keep([Draft(DraftKind.CLEAN_DATE, {"substance": "Alcohol"})])
    assert journal.drafts.drafts() == [Draft(DraftKind.CLEAN_DATE, {"substance": "Alcohol"})]


def test_draft_values_read_as_their_types():
    """Text, numbers, ticks and yes/no answers come back typed; anything else as empty."""
    draft = Draft(DraftKind.REACH_OUT, {"note": "hi", "id": 4, "helped": False, "odd": True})
    assert (draft.text("note"), draft.text("id"), draft.number("id")) == ("hi", "", 4)
    assert draft.number("odd") is None and draft.flag("odd") and not draft.flag("helped")
    assert draft.answer("helped") is False and draft.answer("missing") is None
