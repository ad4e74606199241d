"""Two sides of a section's difference lined up row by row, and the page that shows them.

``domain.plan_versions.compare_plans`` gives, per section, the older side's lines (same or
removed) and the newer side's (same or added), in order. Here they are lined up for a side by
side view: lines that are the same on both sides share a row, and between two such rows the
removed lines sit beside the added ones. The page is HTML built from escaped strings only
(``reports.html_kit.esc``), so nothing a person wrote is ever read as markup: a line of a
section's Markdown shows formatted by ``reports.markdown_print.lines_html`` (bold, italic,
a link's text underlined with its address after it in brackets, never a live link; "•" and
"1." for list items, headings in bold), which escapes every character it does not read as
Markdown; pairs and contacts are plain text. Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import zip_longest

from recovery_desktop.domain.plan import Plan
from recovery_desktop.domain.plan_versions import DiffLine, LineChange, SectionDiff
from recovery_desktop.reports.html_kit import esc
from recovery_desktop.reports.markdown_print import lines_html

Row = tuple[DiffLine | None, DiffLine | None]

MARKERS = {LineChange.SAME: "", LineChange.REMOVED: "\u2212", LineChange.ADDED: "+"}
STATUS_WORDS = {
    "same": "unchanged",
    "changed": "changed",
    "added": "added",
    "removed": "removed",
    "renamed": "changed",
}


@dataclass(frozen=True)
class Tints:
    """Background colours of removed and added lines (light or dark palette)."""

    removed: str
    added: str


LIGHT = Tints(removed="#fbe0de", added="#dcf2e1")
DARK = Tints(removed="#5a2624", added="#1f4a2b")


def _run(lines: Sequence[DiffLine], start: int) -> int:
    """The index after the changed lines that begin at ``start``."""
    end = start
    while end < len(lines) and lines[end].change is not LineChange.SAME:
        end += 1
    return end


def side_by_side(old: Sequence[DiffLine], new: Sequence[DiffLine]) -> list[Row]:
    """Rows of (older line, newer line): a same line beside its twin, removed lines beside
    the added lines between the same two anchors; ``None`` where a side has no line."""
    rows: list[Row] = []
    left = right = 0
    while left < len(old) or right < len(new):
        left_end, right_end = _run(old, left), _run(new, right)
        rows += zip_longest(old[left:left_end], new[right:right_end])
        left, right = left_end, right_end
        if left < len(old) or right < len(new):
            rows.append(
                (old[left] if left < len(old) else None, new[right] if right < len(new) else None)
            )
            left, right = left + 1, right + 1
    return rows


def status_word(diff: SectionDiff) -> str:
    """ "unchanged", "changed", "added" or "removed"."""
    return STATUS_WORDS.get(diff.status, diff.status)


def summary_line(diffs: Sequence[SectionDiff]) -> str:
    """ "2 of 11 sections changed." or "No section changed: the two are the same."."""
    changed = sum(1 for diff in diffs if diff.changed)
    if not changed:
        return "No section changed: the two are the same."
    noun = "section" if len(diffs) == 1 else "sections"
    return f"{changed} of {len(diffs)} {noun} changed."


def section_notes(old: Plan, new: Plan) -> list[str]:
    """For each section ``compare_plans(old, new)`` lists (the newer plan's sections in
    order, then those only the older one has), what its lines cannot show: "renamed from
    “My reasons”", "now hidden", "shown again"; "" when nothing of that kind."""
    before = {section.uid: section for section in old.sections}
    notes = []
    for section in new.sections:
        earlier = before.get(section.uid)
        words = []
        if earlier is not None and earlier.title != section.title:
            words.append(f"renamed from “{earlier.title}”")
        if earlier is not None and earlier.hidden != section.hidden:
            words.append("now hidden" if section.hidden else "shown again")
        notes.append(", ".join(words))
    kept = {section.uid for section in new.sections}
    return notes + ["" for section in old.sections if section.uid not in kept]


def line_texts(lines: Sequence[DiffLine]) -> Iterator[str]:
    """The HTML of each of one side's lines, in order: its Markdown lines read together
    (a fenced code block spans lines), the other lines escaped, a blank line a space."""
    markdown = iter(lines_html([line.text for line in lines if line.markdown]))
    for line in lines:
        shown = next(markdown) if line.markdown else esc(line.text)
        yield shown if line.text.strip() else "&nbsp;"


def _cell(line: DiffLine | None, texts: Iterator[str], tints: Tints) -> str:
    """``line``'s cell; ``texts`` gives its HTML (:func:`line_texts` of its side)."""
    if line is None:
        return '<td width="50%"></td>'
    colour = {LineChange.REMOVED: tints.removed, LineChange.ADDED: tints.added}.get(line.change)
    background = f' bgcolor="{colour}"' if colour else ""
    marker = MARKERS[line.change]
    mark = f"<b>{marker}</b>&nbsp;" if marker else "&nbsp;&nbsp;&nbsp;"
    return f'<td width="50%"{background}>{mark}{next(texts)}</td>'


def _section(diff: SectionDiff, note: str, expanded: bool, tints: Tints) -> str:
    if not (diff.changed or expanded):
        return f"<p>{esc(diff.title)} — {esc(status_word(diff))}</p>"
    status = status_word(diff) + (f": {note}" if note else "")
    heading = f"<h3>{esc(diff.title)} <small>— {esc(status)}</small></h3>"
    # side_by_side keeps each side's lines in order, so each side's texts follow along.
    old_texts, new_texts = line_texts(diff.old_lines), line_texts(diff.new_lines)
    rows = "".join(
        f"<tr>{_cell(left, old_texts, tints)}{_cell(right, new_texts, tints)}</tr>"
        for left, right in side_by_side(diff.old_lines, diff.new_lines)
    )
    if not rows:
        rows = (
            '<tr><td width="50%">(nothing written)</td><td width="50%">(nothing written)</td></tr>'
        )
    return (
        f'{heading}<table width="100%" cellspacing="0" cellpadding="3" style="margin-bottom:12px">'
        f"{rows}</table>"
    )


def compare_html(
    diffs: Sequence[SectionDiff],
    notes: Sequence[str],
    titles: tuple[str, str],
    only_changed: bool,
    tints: Tints,
) -> str:
    """The whole comparison as HTML: the two sides' titles, then each section with its
    status and note (:func:`section_notes`); unchanged sections only by title and
    "unchanged" when ``only_changed``."""
    head = "".join(f'<th width="50%" align="left">{esc(title)}</th>' for title in titles)
    sections = "".join(
        _section(diff, note, not only_changed, tints)
        for diff, note in zip(diffs, notes, strict=True)
    )
    return f'<table width="100%" cellspacing="0" cellpadding="3"><tr>{head}</tr></table>{sections}'
