"""Where the words of a search appear in a text, for highlighting them (never for finding:
the full-text index finds; this only marks what the user searched for in what is shown).

A term matches whole words, ignoring case, as the index does for every word but the last
(``search_query.fts_query``); a term ending in ``*`` (the last word typed, see
``search_query.highlight_terms``) matches at the start of a word, as the index's prefix
search does ("recov*" marks the start of "recovery", never the middle of "discover"; "the"
never marks the start of "therapy"). The words of a phrase may be separated by any spaces
or punctuation, as the index's tokenizer separates them. Accents are compared as typed:
the index also finds "café" for "cafe", which is then found but not marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Span = tuple[int, int]  # start, end (exclusive), in characters of the text


def _pattern(term: str) -> re.Pattern[str] | None:
    words = re.findall(r"\w+", term)
    if not words:
        return None
    joined = r"\W+".join(re.escape(word) for word in words)
    end = "" if term.endswith("*") else r"(?!\w)"
    return re.compile(rf"(?<!\w){joined}{end}", re.IGNORECASE)


def match_spans(text: str, terms: Iterable[str]) -> list[Span]:
    """The spans of ``text`` where any of ``terms`` (words or phrases) appears, sorted,
    overlapping and touching spans merged; [] when nothing matches or no term has a word."""
    spans: list[Span] = []
    for term in terms:
        pattern = _pattern(term)
        if pattern is not None:
            spans.extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
    return _merged(sorted(spans))


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
