"""When a version of the plan is kept, what changed between two plans, and the compare view.

The rule (docs/decisions.md, "The aftercare plan: storage and versions"): a change is
*meaningful* when the structure changed (a section added, removed, renamed, hidden or shown,
moved; a pair or a contact link added, removed or changed) or the Markdown of some section
differs by at least :data:`MEANINGFUL_CHARACTERS` characters. An automatic version is kept
for a meaningful change only when there is no version yet or the latest is at least
:data:`VERSION_INTERVAL` old (never merely because an editing session ends); so editing,
with or without page switches and locks, keeps at most one version per ten minutes, and a
one-character fix keeps none.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from recovery_desktop.domain.plan import Plan, PlanContact, PlanSection, PlanVersion

MEANINGFUL_CHARACTERS = 10
VERSION_INTERVAL = timedelta(minutes=10)


DIRECT_CHARACTERS = 2_000
"""Up to this length a changed stretch is compared character by character at once; a
character diff of two 100,000-character texts takes minutes (measured: 74 s for a
change at each end), too slow for an autosave."""

_WORDS = re.compile(r"\S+\s*|\s+")


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _words(text: str) -> list[str]:
    return _WORDS.findall(text)


_FINER = (_lines, _words)


def changed_characters(old: str, new: str) -> int:
    """How many characters differ between two texts: the sum, over the non-equal opcodes of
    ``difflib.SequenceMatcher``, of the longer side (a replaced word counts its longer
    spelling). The common start and end are cut first; a longer stretch is compared line by
    line, then the changed lines word by word, then character by character, and a changed
    stretch still longer than :data:`DIRECT_CHARACTERS` counts whole, so any body is
    measured in milliseconds."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return _changed(old[start : len(old) - end], new[start : len(new) - end], 0)


def _changed(old: str, new: str, level: int) -> int:
    longer = max(len(old), len(new))
    if not old or not new:
        return longer
    if longer <= DIRECT_CHARACTERS:
        return _opcode_sum(old, new)
    if level == len(_FINER):
        return longer
    split = _FINER[level]
    old_parts, new_parts = split(old), split(new)
    matcher = difflib.SequenceMatcher(None, old_parts, new_parts)
    return sum(
        _changed("".join(old_parts[i1:i2]), "".join(new_parts[j1:j2]), level + 1)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    )


def _opcode_sum(old: str, new: str) -> int:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def _emptied(plan: Plan) -> Plan:
    """The same sections with nothing written: what a first version is measured against."""
    return Plan(tuple(replace(s, body="", pairs=(), contacts=()) for s in plan.sections))


def _structure(section: PlanSection) -> tuple[object, ...]:
    return (section.kind, section.title, section.hidden, section.pairs, section.contacts)


def differs_meaningfully(old: Plan | None, new: Plan) -> bool:
    """Whether ``new`` differs meaningfully from ``old`` (None: no version yet, measured
    against the same sections left empty). Accepted or dismissed suggestions alone are
    not a change."""
    base = _emptied(new) if old is None else old
    # A section added or removed with nothing in it says nothing yet (an empty "Add
    # section…" kept a version that changed nothing).
    base, new = _written_or_shared(base, new), _written_or_shared(new, base)
    if [s.uid for s in base.sections] != [s.uid for s in new.sections]:
        return True
    for before, after in zip(base.sections, new.sections, strict=True):
        if _structure(before) != _structure(after):
            return True
        if before.body != after.body:
            if abs(len(before.body) - len(after.body)) >= MEANINGFUL_CHARACTERS:
                return True
            if changed_characters(before.body, after.body) >= MEANINGFUL_CHARACTERS:
                return True
    return False


def _written_or_shared(plan: Plan, other: Plan) -> Plan:
    """``plan`` without its empty sections that ``other`` does not have."""
    shared = {s.uid for s in other.sections}
    return Plan(tuple(s for s in plan.sections if s.uid in shared or not s.is_empty))


def _same_content(before: PlanSection, after: PlanSection) -> bool:
    return _structure(before) == _structure(after) and before.body == after.body


def changed_sections(old: Plan | None, new: Plan) -> tuple[str, ...]:
    """Titles of the sections of ``new`` that differ from ``old`` (their text, title,
    pairs, contact links or hidden state), in ``new``'s order, then the titles of sections
    ``old`` had and ``new`` has not; a section added or removed with nothing written in it
    is not named. With no ``old`` (the first version): the sections of
    ``new`` with something written (text, a non-empty pair or a linked person), hidden ones
    included as for any later version; none when nothing is written."""
    if old is None:
        return tuple(s.title for s in new.sections if not s.is_empty)
    before = {s.uid: s for s in old.sections}
    after = {s.uid for s in new.sections}
    titles = [
        s.title
        for s in new.sections
        if (s.uid not in before and not s.is_empty)  # a new, empty section says nothing yet
        or (s.uid in before and not _same_content(before[s.uid], s))
    ]
    titles += [s.title for s in old.sections if s.uid not in after and not s.is_empty]
    return tuple(titles)


def without_private(version: PlanVersion, snapshot: Plan | None, current: Plan) -> PlanVersion:
    """``version`` as the weekly summary shows it: the titles of the sections hidden in
    ``current`` (the plan now; the user hides a section to keep it private) left out of
    ``changed`` and counted in ``private_changed``. A title is private when a section
    hidden now has it now, or had it in ``snapshot`` (the version's own copy, so a section
    renamed before it was hidden is left out too). Returned without its snapshot."""
    hidden = {s.uid for s in current.sections if s.hidden}
    private = {s.title for s in current.sections if s.hidden}
    if snapshot is not None:
        private |= {s.title for s in snapshot.sections if s.uid in hidden}
    kept = tuple(title for title in version.changed if title not in private)
    left_out = len(version.changed) - len(kept)
    return replace(version, changed=kept, private_changed=left_out, plan=None)


def version_due(
    latest: PlanVersion | None,
    latest_plan: Plan | None,
    current: Plan,
    now: datetime,
) -> bool:
    """Whether an AUTOMATIC version of ``current`` is kept now: it differs meaningfully from
    ``latest_plan`` (the snapshot of ``latest``) and there is no version yet or the latest
    is at least :data:`VERSION_INTERVAL` old at ``now``. The end of an editing session is
    not a reason of its own: the page switches and locks of one sitting would otherwise
    keep a version every minute or two. ``now`` and ``saved_at`` are local times without a
    zone."""
    if not differs_meaningfully(latest_plan if latest is not None else None, current):
        return False
    return latest is None or now - latest.saved_at >= VERSION_INTERVAL


# -- compare ---------------------------------------------------------------------------------
class LineChange(enum.Enum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class DiffLine:
    """One line of a section as compared: ``markdown`` when it is a line of the section's
    Markdown body, otherwise plain text (a pair "first → second" or a contact link)."""

    change: LineChange
    text: str
    markdown: bool = False


@dataclass(frozen=True)
class SectionDiff:
    """One section side by side: ``old_lines`` (SAME or REMOVED) on the left, ``new_lines``
    (SAME or ADDED) on the right. ``status`` is a plain word for the UI: "same",
    "changed", "added", "removed" or "renamed" (a rename with other changes is
    "changed")."""

    title: str
    status: str
    old_lines: tuple[DiffLine, ...]
    new_lines: tuple[DiffLine, ...]

    @property
    def changed(self) -> bool:
        return self.status != "same"


def contact_line(uid: str, contacts: Mapping[str, PlanContact] | None) -> str:
    """How a contact link reads in text: the contact's name and role (archived or gone
    said so), or "A contact" when no names are given."""
    contact = (contacts or {}).get(uid)
    if contact is None:
        return "A contact" if contacts is None else "A contact no longer in People"
    words = contact.name + (f" ({contact.role})" if contact.role else "")
    if contact.missing:
        return f"{words} (no longer in People)"
    return f"{words} (archived)" if contact.archived else words


def section_lines(
    section: PlanSection, contacts: Mapping[str, PlanContact] | None = None
) -> tuple[str, ...]:
    """The section's text as shown, line by line: the Markdown body, then each non-empty
    pair as "first → second", then each contact link."""
    lines = list(section.body.splitlines())
    lines += [
        f"{pair.first} → {pair.second}".strip() for pair in section.pairs if not pair.is_empty
    ]
    lines += [contact_line(uid, contacts) for uid in section.contacts]
    return tuple(lines)


_Line = tuple[str, bool]  # a line's text, and whether it is a line of the Markdown body


def _marked_lines(section: PlanSection, contacts: Mapping[str, PlanContact] | None) -> list[_Line]:
    """:func:`section_lines`, each with whether it is Markdown."""
    body = len(section.body.splitlines())
    return [(text, index < body) for index, text in enumerate(section_lines(section, contacts))]


def _lines_as(change: LineChange, lines: Sequence[_Line]) -> list[DiffLine]:
    return [DiffLine(change, text, markdown) for text, markdown in lines]


def _line_diff(
    old: Sequence[_Line], new: Sequence[_Line]
) -> tuple[tuple[DiffLine, ...], tuple[DiffLine, ...]]:
    left: list[DiffLine] = []
    right: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            left += _lines_as(LineChange.SAME, old[i1:i2])
            right += _lines_as(LineChange.SAME, new[j1:j2])
        else:
            left += _lines_as(LineChange.REMOVED, old[i1:i2])
            right += _lines_as(LineChange.ADDED, new[j1:j2])
    return tuple(left), tuple(right)


def _status(before: PlanSection, after: PlanSection, lines_differ: bool) -> str:
    if lines_differ or before.hidden != after.hidden or before.kind != after.kind:
        return "changed"
    return "renamed" if before.title != after.title else "same"


def compare_plans(
    old: Plan, new: Plan, contacts: Mapping[str, PlanContact] | None = None
) -> tuple[SectionDiff, ...]:
    """Section by section (matched by uid), in ``new``'s order, then the sections only
    ``old`` has: a line diff of :func:`section_lines`, so a one-word change marks exactly
    one section. ``contacts`` (uid → live contact) names contact links."""
    before = {s.uid: s for s in old.sections}
    after = {s.uid for s in new.sections}
    diffs: list[SectionDiff] = []
    for section in new.sections:
        lines = _marked_lines(section, contacts)
        if section.uid not in before:
            added = tuple(_lines_as(LineChange.ADDED, lines))
            diffs.append(SectionDiff(section.title, "added", (), added))
            continue
        earlier = before[section.uid]
        old_lines = _marked_lines(earlier, contacts)
        left, right = _line_diff(old_lines, lines)
        status = _status(earlier, section, old_lines != lines)
        diffs.append(SectionDiff(section.title, status, left, right))
    for section in old.sections:
        if section.uid not in after:
            removed = tuple(_lines_as(LineChange.REMOVED, _marked_lines(section, contacts)))
            diffs.append(SectionDiff(section.title, "removed", removed, ()))
    return tuple(diffs)


def plan_as_markdown(plan: Plan, contacts: Mapping[str, PlanContact]) -> str:
    """The visible sections as one Markdown text (a level-2 heading per section; pairs as a
    two-column table; contact links as a list), for copying and export."""
    parts: list[str] = []
    for section in plan.visible:
        parts.append(f"## {section.title}")
        if section.body.strip():
            parts.append(section.body.strip())
        pairs = [pair for pair in section.pairs if not pair.is_empty]
        if pairs:
            first, second = section.kind.pair_headings
            rows = [f"| {first} | {second} |", "| --- | --- |"]
            rows += [f"| {_cell(p.first)} | {_cell(p.second)} |" for p in pairs]
            parts.append("\n".join(rows))
        if section.contacts:
            parts.append("\n".join(f"- {contact_line(u, contacts)}" for u in section.contacts))
    return "\n\n".join(parts) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
