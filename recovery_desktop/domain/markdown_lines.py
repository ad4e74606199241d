"""Markdown kept one line per paragraph (and per list item, per quote).

Qt's Markdown writer (``QTextDocument.toMarkdown``) breaks every paragraph at 80 columns.
That reads back the same, as a line break inside a paragraph is a space in Markdown, but a
one-word change then shifts the breaks of the whole paragraph, so comparing two versions
of a plan line by line (``domain/plan_versions.py``) marked lines the user never touched.
:func:`unwrap` joins those breaks again. It only joins a line to the one before when
Markdown reads the two as one paragraph anyway (CommonMark 0.31, §4.8 paragraphs, §5.2 list
items, §5.1 block quotes), so the text reads back exactly as before.
"""

from __future__ import annotations

import re

# A line that starts a block of its own: a list item, a heading, a quote, a fence, a table
# row, a thematic break (CommonMark §4.1–§4.5, §5.2; GitHub's tables).
_BLOCK_START = re.compile(
    r"^\s*(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}(?:\s|$)|>|```|~~~|\||(?:[-*_]\s*){3,}$|=+\s*$)"
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_QUOTE = re.compile(r"^>\s?")


def _starts_block(line: str) -> bool:
    return bool(_BLOCK_START.match(line))


def _joinable(before: str, line: str) -> bool:
    """Whether ``line`` continues the paragraph, list item or quote line ``before``."""
    if not before.strip() or not line.strip():
        return False
    if before.startswith(">"):
        # A quote's next line continues it only as "> more text", not a new block inside.
        return bool(_QUOTE.match(line)) and not _starts_block(_QUOTE.sub("", line, count=1))
    if _starts_block(before) and not _LIST_ITEM.match(before):
        return False  # a heading, a fence, a table row, a break: one line each
    return not _starts_block(line)


def unwrap(markdown: str) -> str:
    """``markdown`` with the line breaks inside paragraphs, list items and quotes joined
    into one line each (a space between); fenced code and everything else as it was."""
    lines: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            lines.append(line)
            continue
        if not fenced and lines and not _FENCE.match(lines[-1]) and _joinable(lines[-1], line):
            rest = _QUOTE.sub("", line, count=1) if lines[-1].startswith(">") else line
            lines[-1] = f"{lines[-1].rstrip(' ')} {rest.strip()}"
        else:
            lines.append(line)
    return "\n".join(lines)
