"""Journal entries in the real (SQLCipher) journal: saving, undo of a delete, lists, tags,
the share switch, and search that finds what was written and never breaks."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalEntryMissing
from recovery_desktop.data.journal import Journal, JournalFiles, open_with_passphrase
from recovery_desktop.domain.dates import DayOutOfRange
from recovery_desktop.domain.journal_entries import JournalEntry, JournalEntryError
from tests.conftest import PASSPHRASE

EVENING = datetime(2026, 11, 18, 21, 40)


def _save(journal: Journal, title: str = "", body: str = "", **fields: object) -> JournalEntry:
    entry = JournalEntry(fields.pop("written_at", EVENING), title, body)  # type: ignore[arg-type]
    return journal.entries.save(entry.with_changes(**fields))


def _titles(rows: list) -> list[str]:
    return [row.title for row in rows]


def test_a_saved_entry_reads_back_with_ids_and_is_private_by_default(journal: Journal) -> None:
    saved = _save(journal, "Hard evening", "## Later\n**Called** Sam.", tags=("cravings", "Family"))
    assert saved.id is not None and saved.uid is not None and len(saved.uid) == 32
    assert journal.entries.get(saved.id) == saved
    assert saved.shared is False and saved.tags == ("cravings", "Family")
    assert saved.updated_at is not None
    assert journal.counts()["journal_entries"] == 1


def test_editing_keeps_the_entry_and_its_uid(journal: Journal) -> None:
    saved = _save(journal, "Draft")
    edited = journal.entries.save(saved.with_changes(title="Final", shared=True))
    assert (edited.id, edited.uid, edited.title, edited.shared) == (
        saved.id,
        saved.uid,
        "Final",
        True,
    )
    assert journal.entries.count() == 1


def test_entries_and_their_search_index_never_sit_in_a_plain_file(
    journal: Journal, files: JournalFiles
) -> None:
    _save(journal, "Quetzalcoatl", "Zyxomorphic evening", tags=("Xylophonist",))
    journal.close()
    for path in files.folder.rglob("*"):
        for word in (b"Quetzalcoatl", b"Zyxomorphic", b"Xylophonist", b"zyxomorphic"):
            assert not path.is_file() or word not in path.read_bytes(), path.name
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        assert _titles(reopened.entries.search("zyxomorphic")) == ["Quetzalcoatl"]
    finally:
        reopened.close()


def test_every_write_announces_the_journal(journal: Journal) -> None:
    told: list[frozenset[Change]] = []
    journal.changes.subscribe(told.append)
    saved = _save(journal, "One")
    journal.entries.delete(saved.id or 0)
    assert told == [frozenset({Change.JOURNAL})] * 2


def test_what_cannot_be_saved_is_refused_before_anything_is_written(journal: Journal) -> None:
    with pytest.raises(JournalEntryError):
        _save(journal, "t" * 201)
    with pytest.raises(DayOutOfRange):
        _save(journal, "Old", written_at=datetime(1900, 1, 1, 9, 0))
    with pytest.raises(JournalEntryMissing):
        journal.entries.save(JournalEntry(EVENING, "Gone", id=999))
    assert journal.entries.count() == 0


def test_delete_and_undo_bring_back_the_same_entry(journal: Journal) -> None:
    saved = _save(journal, "Keep me", "text", tags=("work",), shared=True)
    assert saved.id is not None
    gone = journal.entries.delete(saved.id)
    assert journal.entries.entries() == [] and journal.entries.search("keep") == []
    back = journal.entries.restore(gone)
    assert back == saved
    assert _titles(journal.entries.search("keep")) == ["Keep me"]
    with pytest.raises(JournalEntryMissing):
        journal.entries.delete(999)


def test_entries_are_newest_first_with_first_lines_and_filters(journal: Journal) -> None:
    _save(journal, "Monday", "# Heading\nfirst words", written_at=datetime(2026, 11, 16, 9, 0))
    _save(journal, "Tuesday", "", tags=("Work",), written_at=datetime(2026, 11, 17, 23, 59))
    _save(
        journal, "Wednesday", "- a *list*", tags=("work",), written_at=datetime(2026, 11, 18, 0, 0)
    )
    rows = journal.entries.entries()
    assert _titles(rows) == ["Wednesday", "Tuesday", "Monday"]
    assert [r.first_line for r in rows] == ["a list", "", "Heading"]
    assert [r.snippet for r in rows] == ["a list", "", "Heading"]
    assert _titles(journal.entries.entries(tag="WORK")) == ["Wednesday", "Tuesday"]
    assert _titles(journal.entries.entries(tag="sleep")) == []
    days = journal.entries.entries(first=date(2026, 11, 17), last=date(2026, 11, 17))
    assert _titles(days) == ["Tuesday"]
    assert _titles(journal.entries.entries(limit=1, offset=1)) == ["Tuesday"]


def test_tags_in_use_are_counted_ignoring_case(journal: Journal) -> None:
    _save(journal, "a", tags=("work", "sleep"))
    _save(journal, "b", tags=("Work",))
    _save(journal, "c", tags=("work", "family"))
    assert journal.entries.tags() == [("work", 3), ("family", 1), ("sleep", 1)]


def test_only_shared_entries_of_the_period_are_for_the_summary(journal: Journal) -> None:
    _save(journal, "Shared in", shared=True, written_at=datetime(2026, 11, 17, 8, 0))
    _save(journal, "Private in", written_at=datetime(2026, 11, 18, 8, 0))
    _save(journal, "Shared after", shared=True, written_at=datetime(2026, 11, 24, 0, 0))
    shared = journal.entries.shared_between(date(2026, 11, 17), date(2026, 11, 23))
    assert [e.title for e in shared] == ["Shared in"]


def test_search_finds_words_in_the_title_the_body_and_the_tags(journal: Journal) -> None:
    _save(journal, "Meeting tonight", "nothing else")
    _save(journal, "Plain", "The **craving** passed after a walk.")
    _save(journal, "Tagged", "no words here", tags=("family time",))
    assert _titles(journal.entries.search("meeting")) == ["Meeting tonight"]
    assert _titles(journal.entries.search("craving passed")) == ["Plain"]
    assert _titles(journal.entries.search("family")) == ["Tagged"]
    assert _titles(journal.entries.search("CRAV")) == ["Plain"]  # while still typing


def test_search_shows_an_excerpt_around_the_match(journal: Journal) -> None:
    words = " ".join(f"word{n}" for n in range(80))
    _save(journal, "Long", f"# Start\n{words} **the** middle craving here {words}")
    (row,) = journal.entries.search("craving")
    assert "middle craving here" in row.snippet and "**" not in row.snippet
    assert row.first_line.startswith("Start")


def test_a_snippet_is_short_even_for_a_very_long_line(journal: Journal) -> None:
    before = "x" * 5000 + " " + " ".join(["calm"] * 1000)
    after = " ".join(["steady"] * 1000) + " " + "y" * 3000
    _save(journal, "Long", f"{before} middle craving here {after}")
    (row,) = journal.entries.search("craving")
    assert len(row.snippet) <= 202 and "middle craving here" in row.snippet
    assert row.snippet.startswith("…") and row.snippet.endswith("…")
    assert "xxxx" not in row.snippet and "yyyy" not in row.snippet  # cut between words
    _save(journal, "Unbroken", "z" * 9000, tags=("walk",))
    (row,) = journal.entries.search("walk")
    assert len(row.snippet) <= 202


def test_a_heading_does_not_run_into_the_next_line_in_a_snippet(journal: Journal) -> None:
    _save(journal, "Evening", "## The craving today\nA strong pull around six.")
    (row,) = journal.entries.search("pull")
    assert row.snippet == "The craving today · A strong pull around six."


def test_search_follows_edits_and_deletes(journal: Journal) -> None:
    saved = _save(journal, "Evening", "walked by the river")
    assert _titles(journal.entries.search("river")) == ["Evening"]
    journal.entries.save(saved.with_changes(body="stayed home", tags=("home",)))
    assert journal.entries.search("river") == []
    assert _titles(journal.entries.search("stayed")) == ["Evening"]
    assert _titles(journal.entries.search("home")) == ["Evening"]
    journal.entries.delete(saved.id or 0)
    assert journal.entries.search("stayed") == [] and journal.entries.search("home") == []


def test_search_ranks_title_matches_first_and_newest_first_among_equals(journal: Journal) -> None:
    _save(journal, "Older", "sleep", written_at=datetime(2026, 1, 1, 8, 0))
    _save(journal, "Newer", "sleep", written_at=datetime(2026, 2, 1, 8, 0))
    _save(journal, "Sleep", "about the night", written_at=datetime(2025, 1, 1, 8, 0))
    assert _titles(journal.entries.search("sleep")) == ["Sleep", "Newer", "Older"]


def test_search_with_a_tag_and_dates(journal: Journal) -> None:
    _save(journal, "A", "river", tags=("walk",), written_at=datetime(2026, 1, 1, 8, 0))
    _save(journal, "B", "river", written_at=datetime(2026, 1, 2, 8, 0))
    assert _titles(journal.entries.search("river", tag="Walk")) == ["A"]
    assert _titles(journal.entries.search("river", first=date(2026, 1, 2))) == ["B"]
    assert _titles(journal.entries.search("river", limit=1, offset=1)) == ["A"]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"unbalanced',
        'a"b',
        "*",
        "-",
        ":",
        "(",
        ")",
        "^",
        "+",
        "{",
        "}",
        "NEAR",
        "AND",
        "OR",
        "NOT",
        "NEAR(a b)",
        "title:x",
        "a OR b",
        "-walk",
        "walk*",
        '""',
        "\\",
        "'",
        ";--",
    ],
)
def test_fts_syntax_typed_by_a_user_searches_literally(journal: Journal, text: str) -> None:
    _save(journal, "Syntax", "walk NOT near the OR and title x")
    journal.entries.search(text)  # never raises
    journal.entries.search(f"walk {text}")


def test_operator_words_are_words(journal: Journal) -> None:
    _save(journal, "One", "I could NOT sleep")
    _save(journal, "Two", "I could sleep")
    assert _titles(journal.entries.search("not sleep")) == ["One"]
    assert _titles(journal.entries.search("sleep -not")) == ["One"]
    assert _titles(journal.entries.search('"could sleep"')) == ["Two"]
    assert _titles(journal.entries.search('"could sleep')) == ["Two", "One"]


def test_accents_do_not_matter(journal: Journal) -> None:
    _save(journal, "Café", "a naïve idea")
    assert _titles(journal.entries.search("cafe naive")) == ["Café"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text())
def test_no_text_makes_search_raise(journal: Journal, text: str) -> None:
    if journal.entries.count() == 0:
        _save(journal, "Seed", "some words to match: sleep, work, family, café")
    journal.entries.search(text)
    journal.entries.search(text, tag=text, first=date(2026, 1, 1))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(word=st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12))
def test_any_word_written_is_found(journal: Journal, word: str) -> None:
    saved = _save(journal, "", f"before {word} after")
    try:
        assert saved.id in [row.id for row in journal.entries.search(word)]
    finally:
        journal.entries.delete(saved.id or 0)


def test_the_index_matches_the_entries_after_edits_deletes_and_undo(journal: Journal) -> None:
    first = _save(journal, "One", "first text", tags=("a",))
    second = _save(journal, "Two", "second text")
    journal.entries.save(first.with_changes(body="changed", tags=("b", "c")))
    journal.entries.restore(journal.entries.delete(second.id or 0))
    journal.entries.add_many([JournalEntry(EVENING, "Three", "bulk", ("d",))])
    # FTS5 compares every indexed word with the table: raises when they disagree.
    journal.db.execute(
        "INSERT INTO journal_entries_fts (journal_entries_fts, rank) VALUES ('integrity-check', 1)"
    )
    assert journal.db["journal_entries"].detect_fts() == "journal_entries_fts"  # sqlite-utils'
    assert _titles(journal.entries.search("d")) == ["Three"]


def test_many_entries_added_at_once_read_back_as_saved_one_by_one(journal: Journal) -> None:
    entries = [
        JournalEntry(
            datetime(2026, 1, n, 20, 5), f"Day {n}", f'é «{n}» \\ "q"', (f"t{n}",), n % 2 == 0
        )
        for n in range(1, 6)
    ]
    assert journal.entries.add_many(entries) == 5
    stored = [journal.entries.get(row.id) for row in journal.entries.entries()]
    assert [e.with_changes(id=None, uid=None, updated_at=None) for e in reversed(stored)] == entries
    assert all(e.updated_at == e.written_at for e in stored)  # stamped when written
    assert len({e.uid for e in stored}) == 5
