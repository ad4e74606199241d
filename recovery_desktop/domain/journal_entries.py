"""Journal entries: free writing with a title, tags and a "share with my therapist" switch.

An entry is the user's own text, written when they like and found again by search years
later (PRODUCT feature 9). Each entry is private unless the user turns on "include in my
therapy summary" for it; only those entries ever leave the Journal page.

Times are local wall-clock times without a zone, to the minute, as the user gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

MAX_TITLE_CHARACTERS = 200
MAX_BODY_CHARACTERS = 200_000  # about 60 printed pages: far more than one sitting's writing
MAX_TAGS = 20
MAX_TAG_CHARACTERS = 40
FIRST_LINE_CHARACTERS = 120
SNIPPET_CHARACTERS = 200
"""The longest search excerpt: about two lines of the entry list."""
LINE_BREAK = " · "
"""Stands for a line break when lines are shown as one (a heading never runs into the
sentence under it)."""
MATCH_MARK = "\ue000"
"""Marks the start of a match in a search excerpt (private use: never in what people type;
removed by :func:`excerpt`)."""


class JournalEntryError(ValueError):
    """An entry that cannot be saved, in plain words."""


@dataclass(frozen=True)
class JournalEntry:
    """One journal entry.

    ``written_at`` is the local date and time the user gives (minute precision, no zone);
    ``body`` is Markdown; ``tags`` are normalised by :func:`normalise_tags`. ``id``, ``uid``
    and ``updated_at`` are set by the repository once stored."""

    written_at: datetime
    title: str = ""
    body: str = ""
    tags: tuple[str, ...] = ()
    shared: bool = False
    id: int | None = None
    uid: str | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "written_at", self.written_at.replace(second=0, microsecond=0))
        object.__setattr__(self, "tags", normalise_tags(self.tags))

    @property
    def is_empty(self) -> bool:
        """True when there is neither a title nor a body (autosave never stores these)."""
        return not self.title.strip() and not self.body.strip()

    def validate(self) -> None:
        """Raise :class:`JournalEntryError` when the entry is too long or has too many tags."""
        if len(self.title) > MAX_TITLE_CHARACTERS:
            raise JournalEntryError(
                f"The title is longer than {MAX_TITLE_CHARACTERS:,} characters."
            )
        if len(self.body) > MAX_BODY_CHARACTERS:
            raise JournalEntryError(f"The entry is longer than {MAX_BODY_CHARACTERS:,} characters.")
        if len(self.tags) > MAX_TAGS:
            raise JournalEntryError(f"An entry can have at most {MAX_TAGS} tags.")

    def with_changes(self, **changes: object) -> JournalEntry:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class EntryRow:
    """One line of the entry list: what the list and search results show.

    ``snippet`` is plain text: for search results a short excerpt around the first match
    (the page marks the matches itself, with
    :func:`~recovery_desktop.domain.search_query.highlight_terms`), otherwise the first line."""

    id: int
    written_at: datetime
    title: str
    first_line: str
    tags: tuple[str, ...]
    shared: bool
    snippet: str


def normalise_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Tags trimmed (inner runs of spaces made one), commas removed, empty ones dropped,
    each cut to 40 characters, deduplicated ignoring case (the first spelling is kept)."""
    seen: set[str] = set()
    kept: list[str] = []
    for tag in tags:
        clean = " ".join(tag.replace(",", " ").split())[:MAX_TAG_CHARACTERS].strip()
        if clean and clean.casefold() not in seen:
            seen.add(clean.casefold())
            kept.append(clean)
    return tuple(kept)


def parse_tags(text: str) -> tuple[str, ...]:
    """The tags in comma-separated input such as ``"cravings, Family,work"``."""
    return normalise_tags(text.split(","))


_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*(?:```|~~~)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~|>])")
_SET_ASIDE = 0x100000  # Unicode plane 16, private use: never in what people type


def plain_line(line: str) -> str:
    """One Markdown line as plain text: list, heading and quote marks, emphasis, links
    and escapes removed; runs of white space made one space."""
    # Escaped characters are set aside (as private-use characters) so no mark reads them.
    text = _ESCAPE.sub(lambda match: chr(_SET_ASIDE + ord(match.group(1))), line)
    text = _HEADING.sub("", text)
    text = _LINK.sub(r"\1", text)
    for _ in range(3):  # nested emphasis such as ***both***
        text = _EMPHASIS.sub(r"\2", text)
    text = "".join(
        chr(ord(c) - _SET_ASIDE) if _SET_ASIDE <= ord(c) < _SET_ASIDE + 128 else c for c in text
    )
    return " ".join(text.split())


def first_line(entry: JournalEntry | str) -> str:
    """The first non-empty line of the body (an entry or its Markdown) as plain text,
    at most 120 characters ("…" ends a cut line); "" for an empty body."""
    body = entry if isinstance(entry, str) else entry.body
    for line in body.splitlines():
        if _RULE.match(line):
            continue
        text = plain_line(line)
        if text:
            return shorten(text, FIRST_LINE_CHARACTERS)
    return ""


def plain_lines(text: str) -> str:
    """Markdown lines as one line of plain text, :data:`LINE_BREAK` between lines (rules
    and blank lines left out)."""
    lines = (plain_line(line) for line in text.splitlines() if not _RULE.match(line))
    return LINE_BREAK.join(line for line in lines if line)


def excerpt(text: str, limit: int = SNIPPET_CHARACTERS) -> str:
    """At most ``limit`` characters of ``text`` around the first :data:`MATCH_MARK` (the
    start when there is none), the match in the first third; cut at word boundaries where
    near, "…" marking each cut, the marks removed."""
    at = max(text.find(MATCH_MARK), 0)
    text = text.replace(MATCH_MARK, "")
    if len(text) <= limit:
        return text
    start = max(0, min(at - limit // 3, len(text) - limit + 1))
    if not start:
        return shorten(text, limit)
    space = text.find(" ", start, at)
    if space != -1:
        start = space + 1
    return "…" + shorten(text[start:].lstrip(" …"), limit - 1)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary where one is near,
    "…" marking the cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" …") + "…"
