"""Counts with their nouns, in one place: "1 day", "2 days", "1 point", "1.5 points".

Rule: the noun is singular only when the count is exactly one (1, or a decimal shown as 1);
0, 2 and 1.5 take the plural. Irregular plurals are given (``plural(n, "person", "people")``).
"""

from __future__ import annotations


def noun(count: float, one: str, many: str | None = None) -> str:
    """The noun alone, agreeing with ``count``: ``one``, else ``many`` (``one`` + "s")."""
    if count == 1:
        return one
    return many if many is not None else f"{one}s"


def plural(count: int, one: str, many: str | None = None) -> str:
    """A whole count with its noun: "1 minute", "5 minutes", "0 days"."""
    return f"{count} {noun(count, one, many)}"


def decimal(value: float) -> str:
    """One decimal at most, without a trailing zero: 4.0 -> "4", 1.25 -> "1.2"."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def plural_decimal(value: float, one: str, many: str | None = None) -> str:
    """A measured amount with its noun, as written: "1 point", "1.5 points", "0.5 points"."""
    shown = decimal(value)
    return f"{shown} {noun(abs(float(shown)), one, many)}"


# A name typed by the user, inside a one-line sentence, keeps this many characters at most.
NAME_IN_SENTENCE = 40


def shortened(name: str, limit: int = NAME_IN_SENTENCE) -> str:
    """A user's name for inside a sentence, cut to ``limit`` characters with "…", so that a
    long name never pushes the rest of a one-line message out of sight."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def quoted(name: str) -> str:
    """ "“Poor sleep”": :func:`shortened`, in quotation marks."""
    return f"“{shortened(name)}”"
