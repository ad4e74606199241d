"""Markdown one line per paragraph: Qt's 80-column breaks joined, nothing else touched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.markdown_lines import unwrap


def test_a_paragraph_list_item_and_quote_become_one_line_each():
    wrapped = (
        "A paragraph broken\nat eighty columns\n\n"
        "1.  an item broken\n    at eighty columns\n  - a nested item\n    broken too\n\n"
        "> a quote broken\n> at eighty columns\n\n"
        "## a heading\nnext paragraph"
    )
    assert unwrap(wrapped) == (
        "A paragraph broken at eighty columns\n\n"
        "1.  an item broken at eighty columns\n  - a nested item broken too\n\n"
        "> a quote broken at eighty columns\n\n"
        "## a heading\nnext paragraph"
    )


def test_fenced_code_tables_and_breaks_stay_as_they_are():
    kept = "```\nline one\nline two\n```\n\n| a | b |\n| - | - |\n\n---\ntext\n- item\n- item"
    assert unwrap(kept) == kept


LINES = st.lists(
    st.sampled_from(["", "word here", "- item", "  more", "> quote", "## head", "```", "1. one"]),
    max_size=30,
)


@given(LINES)
def test_joining_keeps_every_word_and_blank_line_and_is_done_once(lines):
    text = "\n".join(lines)
    once = unwrap(text)
    assert unwrap(once) == once
    assert once.split("\n").count("") == text.split("\n").count("")
    assert [w for w in once.split() if w != ">"] == [w for w in text.split() if w != ">"]
