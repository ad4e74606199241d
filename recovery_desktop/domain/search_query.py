"""Turning what a user types into the search box into a safe SQLite FTS5 query.

:func:`fts_query` is the only way user text reaches ``MATCH``. FTS5 has its own query
language (SQLite's FTS5 documentation, §3 "Full-text Query Syntax": strings in double
quotes, ``*`` prefix, ``^`` initial token, ``column:`` filters, ``( )``, ``-``, ``+``, and
the operators ``AND``, ``OR``, ``NOT``, ``NEAR``); a user typing any of them gets either an
error or a surprise. So every word becomes a quoted FTS5 string, where all of those are
plain characters (the tokenizer drops the punctuation, keeps the words), and the words are
joined by ``AND``. A balanced pair of double quotes keeps a phrase, which is the one piece
of the syntax people use on purpose.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_TERMS = 32
"""Terms kept from one search: FTS5 refuses expressions nested deeper than 256
(``SQLITE_FTS5_MAX_EXPR_DEPTH``); nobody searches for more than a few words."""


@dataclass(frozen=True)
class _Term:
    text: str
    phrase: bool


def _searchable(text: str) -> bool:
    """Whether the ``unicode61`` tokenizer finds a word in ``text``: letters, numbers and
    private-use characters are word characters (categories ``L* N* Co``), all else splits."""
    return any(
        unicodedata.category(char)[0] in "LN" or unicodedata.category(char) == "Co" for char in text
    )


def _clean(text: str) -> str:
    """Control characters (a NUL ends an FTS5 string early) as spaces."""
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)


def _terms(text: str) -> list[_Term]:
    """The words and balanced "quoted phrases" of ``text``, in order (an unpaired last
    quote is an ordinary character)."""
    text = _clean(text)
    quotes = [index for index, char in enumerate(text) if char == '"']
    if len(quotes) % 2:
        quotes.pop()
    terms: list[_Term] = []
    start = 0
    for opening, closing in zip(quotes[::2], quotes[1::2], strict=True):
        terms.extend(_Term(word, False) for word in text[start:opening].split())
        phrase = " ".join(text[opening + 1 : closing].split())
        if phrase:
            terms.append(_Term(phrase, True))
        start = closing + 1
    terms.extend(_Term(word, False) for word in text[start:].split())
    return [term for term in terms if _searchable(term.text)][:MAX_TERMS]


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(text: str) -> str | None:
    """The FTS5 ``MATCH`` expression for what the user typed, or None when nothing
    searchable is left (only spaces or punctuation).

    Every word is searched for literally (``NOT``, ``title:``, ``-word``, ``(`` and
    ``*`` included), all words must appear, the last word also matches as the start of a
    longer word (``"crav"*`` finds "cravings" while the user is still typing), and a
    balanced "quoted phrase" must appear as written. Never raises."""
    terms = _terms(text)
    if not terms:
        return None
    parts = [_quoted(term.text) for term in terms]
    if not terms[-1].phrase:
        parts[-1] += "*"
    return " AND ".join(parts)


def highlight_terms(text: str) -> list[str]:
    """The words and phrases to mark in results and in the entry, lowercase, each once,
    in the order typed, for ``text_matches.match_spans``. As in :func:`fts_query`, the
    last word (not a phrase) is also a word start: it ends in ``*``; every other term is
    whole words (a ``*`` typed at its end is dropped, as the tokenizer drops it)."""
    terms = _terms(text)
    seen: list[str] = []
    for number, term in enumerate(terms, 1):
        lowered = term.text.lower().rstrip("*")
        if number == len(terms) and not term.phrase:
            lowered += "*"
        if lowered not in seen:
            seen.append(lowered)
    return seen
