"""The search box's text made safe for FTS5: words literal, phrases kept, never raising."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.search_query import MAX_TERMS, fts_query, highlight_terms


def test_words_are_quoted_and_all_required_with_the_last_a_word_start() -> None:
    assert fts_query("cravings work") == '"cravings" AND "work"*'


def test_a_balanced_quoted_phrase_stays_a_phrase() -> None:
    assert fts_query('"bad night" sleep') == '"bad night" AND "sleep"*'
    assert fts_query('sleep "bad night"') == '"sleep" AND "bad night"'


def test_an_unbalanced_quote_is_an_ordinary_character_doubled_inside_the_string() -> None:
    assert fts_query('say "hello') == '"say" AND """hello"*'
    assert fts_query('"a b" "c') == '"a b" AND """c"*'


@pytest.mark.parametrize("operator", ["AND", "OR", "NOT", "NEAR", "near"])
def test_operators_typed_by_the_user_are_searched_as_words(operator: str) -> None:
    assert fts_query(f"meeting {operator} work") == f'"meeting" AND "{operator}" AND "work"*'


@pytest.mark.parametrize("text", ["title:work", "-work", "(work)", "work*", "^work", "NEAR(a b)"])
def test_syntax_characters_stay_inside_the_quoted_word(text: str) -> None:
    query = fts_query(text)
    assert query is not None and query.startswith('"') and query.endswith('"*')


@pytest.mark.parametrize("text", ["", "   ", "-", '""', '" "', "* ( ) : ^", "\x00", "—"])
def test_nothing_searchable_gives_none(text: str) -> None:
    assert fts_query(text) is None


def test_control_characters_do_not_end_the_string_early() -> None:
    assert fts_query("a\x00b") == '"a" AND "b"*'


def test_a_very_long_search_keeps_its_first_terms() -> None:
    query = fts_query(" ".join(f"w{n}" for n in range(500)))
    assert query is not None and query.count(" AND ") == MAX_TERMS - 1


def test_highlight_terms_are_the_words_and_phrases_lowercase_once_each() -> None:
    assert highlight_terms('Work "Bad  Night" work - NOT') == ["work", "bad night", "not*"]
    assert highlight_terms("") == []


def test_only_the_last_word_is_marked_as_a_word_start_as_it_is_found() -> None:
    """fts_query makes only the last word a prefix; a phrase last is not one."""
    assert highlight_terms("the thera") == ["the", "thera*"]
    assert highlight_terms('crav* "bad night"') == ["crav", "bad night"]


def _match(connection: sqlite3.Connection, text: str) -> list[str]:
    query = fts_query(text)
    if query is None:
        return []
    rows = connection.execute("SELECT body FROM f WHERE f MATCH ?", (query,)).fetchall()
    return [row[0] for row in rows]


@pytest.fixture(scope="module")
def index() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE f USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    for body in ("not today, cravings at work", "a bad night of sleep", "café with Sam"):
        connection.execute("INSERT INTO f VALUES (?)", (body,))
    return connection


def test_queries_find_what_a_user_expects(index: sqlite3.Connection) -> None:
    assert _match(index, "NOT") == ["not today, cravings at work"]
    assert _match(index, "crav") == ["not today, cravings at work"]
    assert _match(index, '"bad night"') == ["a bad night of sleep"]
    assert _match(index, '"night bad"') == []
    assert _match(index, "cafe") == ["café with Sam"]
    assert _match(index, "work:") == ["not today, cravings at work"]


@given(st.text())
def test_no_text_makes_fts5_raise(text: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE f USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    query = fts_query(text)
    if query is not None:
        connection.execute("SELECT count(*) FROM f WHERE f MATCH ?", (query,)).fetchone()
    assert all(term == term.lower() for term in highlight_terms(text))
