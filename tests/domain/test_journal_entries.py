"""Journal entries: tags, the first line shown in the list, and what cannot be saved."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.journal_entries import (
    MATCH_MARK,
    MAX_BODY_CHARACTERS,
    MAX_TAG_CHARACTERS,
    MAX_TITLE_CHARACTERS,
    JournalEntry,
    JournalEntryError,
    excerpt,
    first_line,
    parse_tags,
)

WHEN = datetime(2026, 3, 4, 21, 15)


def test_tags_are_trimmed_deduplicated_ignoring_case_and_keep_their_first_spelling() -> None:
    assert parse_tags(" Cravings, work,,cravings ,  family   time ") == (
        "Cravings",
        "work",
        "family time",
    )
    assert parse_tags("") == ()


def test_a_long_tag_is_cut_and_commas_never_stay_in_a_tag() -> None:
    entry = JournalEntry(WHEN, tags=("x" * 60, "a,b"))
    assert entry.tags == ("x" * MAX_TAG_CHARACTERS, "a b")


@given(st.text())
def test_parsed_tags_are_always_clean(text: str) -> None:
    tags = parse_tags(text)
    assert all(tag == tag.strip() and tag and "," not in tag for tag in tags)
    assert all(len(tag) <= MAX_TAG_CHARACTERS for tag in tags)
    assert len({tag.casefold() for tag in tags}) == len(tags)


def test_written_at_keeps_the_minute() -> None:
    assert JournalEntry(datetime(2026, 3, 4, 21, 15, 42, 7)).written_at == WHEN


def test_an_entry_without_title_and_body_is_empty_even_with_tags() -> None:
    assert JournalEntry(WHEN, title="  ", body="\n", tags=("work",)).is_empty
    assert not JournalEntry(WHEN, title="A title").is_empty
    assert not JournalEntry(WHEN, body="words").is_empty


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"title": "t" * (MAX_TITLE_CHARACTERS + 1)}, "title"),
        ({"body": "b" * (MAX_BODY_CHARACTERS + 1)}, "entry"),
        ({"tags": tuple(f"tag{n}" for n in range(21))}, "tags"),
    ],
)
def test_validate_names_what_is_too_long(changes: dict[str, object], words: str) -> None:
    with pytest.raises(JournalEntryError, match=words):
        JournalEntry(WHEN).with_changes(**changes).validate()


def test_the_longest_allowed_entry_validates() -> None:
    JournalEntry(
        WHEN,
        title="t" * MAX_TITLE_CHARACTERS,
        body="b" * MAX_BODY_CHARACTERS,
        tags=tuple(f"tag{n}" for n in range(20)),
    ).validate()


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("\n\n## A **hard** day\nmore", "A hard day"),
        ("- [x] went to *the* meeting", "went to the meeting"),
        ("> quoted [link](http://example.org) text", "quoted link text"),
        ("---\n1. first `thing`", "first thing"),
        ("escaped \\*star\\*", "escaped *star*"),
        ("", ""),
        ("   \n\t\n", ""),
    ],
)
def test_first_line_is_plain_text(body: str, line: str) -> None:
    assert first_line(JournalEntry(WHEN, body=body)) == line
    assert first_line(body) == line


def test_a_long_first_line_is_cut_at_a_word_with_an_ellipsis() -> None:
    line = first_line("word " * 60)
    assert len(line) <= 120 and line.endswith("word…")


@given(st.text(), st.text(), st.integers(min_value=10, max_value=300))
def test_an_excerpt_is_never_longer_than_its_limit_and_keeps_the_match(
    before: str, after: str, limit: int
) -> None:
    before = before.replace(MATCH_MARK, "")
    text = excerpt(f"{before}{MATCH_MARK}craving{after}", limit)
    assert len(text) <= limit and MATCH_MARK not in text
    if limit > 60:
        assert "crav" in text


def test_an_excerpt_cuts_between_words_around_the_match() -> None:
    words = " ".join(["calm"] * 100)
    text = excerpt(f"{words} a {MATCH_MARK}craving here {words}", 60)
    assert text.startswith("…calm") and text.endswith("calm…") and "a craving here" in text
