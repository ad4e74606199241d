"""Comparing two versions of the plan side by side: exactly the changed section shows as
changed, with its removed and added lines marked, and what a person wrote stays text."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QFont, QImage, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QDialog

from recovery_desktop.domain.plan import PlanPair, SectionKind
from recovery_desktop.domain.plan_template import default_plan
from recovery_desktop.domain.plan_versions import DiffLine, LineChange
from recovery_desktop.ui.pages.plan.compare_rows import side_by_side
from recovery_desktop.ui.pages.plan.compare_view import CompareDialog
from recovery_desktop.ui.pages.plan.history import HistoryDialog
from recovery_desktop.ui.pages.plan.version_view import VersionDialog
from tests.ui.modal import stop_watching, when_shown

__all__ = ["stop_watching"]

START = datetime(2026, 11, 2, 9, 0)
TITLES = ("Version 1", "Your plan now")


def _uids():
    count = iter(range(100))
    return lambda: f"{next(count):032x}"


def plans():
    """A plan with reasons and warning signs written, and a copy where one line of the
    warning signs' body and one pair changed."""
    old = default_plan(_uids())
    signs = old.of_kind(SectionKind.WARNING_SIGNS)
    reasons = old.of_kind(SectionKind.REASONS)
    old_signs = replace(
        signs,
        body="Signs I watch for\nSkipping meals",
        pairs=(PlanPair("Isolating", "Call Sam"),),
    )
    old_reasons = reasons.with_body("My children\nMy health")
    old = _with(old, old_signs, old_reasons)
    new_signs = replace(
        old_signs,
        body="Signs I watch for\nSleeping badly",
        pairs=(PlanPair("Isolating", "Call Sam"), PlanPair("Lying", "Tell my counsellor")),
    )
    return old, _with(old, new_signs)


def _with(plan, *sections):
    changed = {s.uid: s for s in sections}
    return replace(plan, sections=tuple(changed.get(s.uid, s) for s in plan.sections))


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_exactly_the_changed_section_is_changed_with_its_lines_marked(qtbot):
    """Only "Early warning signs" is changed; its removed line is marked − on the left and
    its added lines + on the right; the others are folded to "unchanged"."""
    old, new = plans()
    dialog = shown(qtbot, CompareDialog(old, new, TITLES))
    changed = [diff.title for diff in dialog.diffs if diff.changed]
    assert changed == ["Early warning signs and what I do"]
    text = dialog.text.toPlainText()
    assert "\u2212 Skipping meals" in text
    assert "+ Sleeping badly" in text
    assert "+ Lying → Tell my counsellor" in text
    assert "Isolating → Call Sam" in text  # the same line, unmarked, on both sides
    assert "\u2212 Isolating" not in text and "+ Isolating" not in text
    assert "My reasons for recovery — unchanged" in text
    assert "My children" not in text  # folded while only changed sections are shown
    assert dialog.summary.text() == "1 of 11 sections changed."


def test_unchanged_sections_unfold_when_asked(qtbot):
    """Switching off "Show only changed sections" shows the unchanged text too, unmarked."""
    old, new = plans()
    dialog = shown(qtbot, CompareDialog(old, new, TITLES))
    assert dialog.only_changed.isChecked()
    box = dialog.only_changed
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not dialog.only_changed.isChecked()
    text = dialog.text.toPlainText()
    assert "My children" in text and "My health" in text
    assert "\u2212 My children" not in text


def test_the_same_plan_twice_says_so(qtbot):
    old, _new = plans()
    dialog = shown(qtbot, CompareDialog(old, old, TITLES))
    assert dialog.summary.text() == "No section changed: the two are the same."


def test_markup_a_person_typed_is_shown_as_typed(qtbot):
    """Tags in the plan's text are shown as text in the compare window, never read."""
    old, new = plans()
    reasons = new.of_kind(SectionKind.REASONS)
    tagged = _with(new, reasons.with_body('<b>bold</b> <img src="/etc/x.png">'))
    dialog = shown(qtbot, CompareDialog(old, tagged, TITLES))
    text = dialog.text.toPlainText()
    assert '<b>bold</b> <img src="/etc/x.png">' in text
    assert "<img" not in dialog.text.toHtml().replace("&lt;img", "")


def test_escape_closes_the_compare_window(qtbot):
    old, new = plans()
    dialog = shown(qtbot, CompareDialog(old, new, TITLES))
    assert dialog.focusWidget() is dialog.text
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_history_compares_two_versions_older_on_the_left(qtbot, journal):
    """Two versions chosen in History open side by side, the older one on the left."""
    reasons = journal.plan.plan().of_kind(SectionKind.REASONS)
    journal.plan.save_section(reasons.with_body("Old words"), editing=False, now=START)
    first = journal.plan.save_version("", now=START + timedelta(minutes=1))
    journal.plan.save_section(
        reasons.with_body("New words"), editing=False, now=START + timedelta(hours=1)
    )
    second = journal.plan.save_version("", now=START + timedelta(hours=1, minutes=1))
    history = shown(qtbot, HistoryDialog(journal.plan))
    history.choose([second.id, first.id])
    seen: list[tuple[tuple[str, str], str]] = []
    when_shown(CompareDialog, lambda d: seen.append((d.titles, d.text.toPlainText())))
    history.compare_button.click()
    [(titles, text)] = seen
    assert titles[0].startswith(f"Version {first.number} ·")
    assert titles[1].startswith(f"Version {second.number} ·")
    assert "\u2212 Old words" in text and "+ New words" in text


def test_a_version_shows_hidden_sections_marked_and_tables_as_tables(qtbot, journal):
    """A version opened read-only shows a hidden section, said to be hidden, and the
    warning signs' pairs in a table with their headings."""
    plan = journal.plan.plan()
    signs = plan.of_kind(SectionKind.WARNING_SIGNS)
    after = plan.of_kind(SectionKind.AFTER_LAPSE)
    journal.plan.save_section(
        replace(signs, pairs=(PlanPair("Isolating", "Call Sam"),)), editing=False, now=START
    )
    journal.plan.save_section(
        replace(after, body="Be kind to myself", hidden=True), editing=False, now=START
    )
    version = journal.plan.save_version("", now=START + timedelta(minutes=1))
    snapshot = journal.plan.version(version.id).plan
    dialog = shown(qtbot, VersionDialog(snapshot, "Version", "", journal.plan.contacts_for))
    text = dialog.text.toPlainText()
    assert "After a lapse  (hidden: not shown on the page or printed)" in text
    assert "Be kind to myself" in text
    assert "Warning sign" in text and "What I do" in text and "Isolating" in text
    assert dialog.text.document().rootFrame().childFrames()  # the table


line_changes = st.sampled_from([LineChange.SAME, LineChange.REMOVED, LineChange.ADDED])


@given(st.lists(st.tuples(line_changes, st.text(max_size=3)), max_size=12))
def test_side_by_side_keeps_each_side_in_order_and_pairs_same_lines(script):
    """Each side's lines come out in their order; a same line always sits beside its twin."""
    old = [DiffLine(c, t) for c, t in script if c is not LineChange.ADDED]
    new = [DiffLine(c, t) for c, t in script if c is not LineChange.REMOVED]
    rows = side_by_side(old, new)
    assert [left for left, _ in rows if left is not None] == old
    assert [right for _, right in rows if right is not None] == new
    for left, right in rows:
        if LineChange.SAME in (getattr(left, "change", None), getattr(right, "change", None)):
            assert left == right


def test_a_renamed_or_hidden_section_says_so(qtbot):
    """What lines cannot show (a new title, hiding) is said beside the section's title."""
    old, _new = plans()
    crisis = old.of_kind(SectionKind.CRISIS)
    after = old.of_kind(SectionKind.AFTER_LAPSE)
    new = _with(old, replace(crisis, title="If it gets bad"), replace(after, hidden=True))
    dialog = shown(qtbot, CompareDialog(old, new, TITLES))
    text = dialog.text.toPlainText()
    assert "If it gets bad — changed: renamed from “My crisis plan”" in text
    assert "After a lapse — changed: now hidden" in text


def _formats(dialog: QDialog, words: str) -> list[QTextCharFormat]:
    """The character formats the compare text shows ``words`` in (each place it is)."""
    document, exact = dialog.text.document(), QTextDocument.FindFlag.FindCaseSensitively
    found, cursor = [], document.find(words, 0, exact)
    while not cursor.isNull():
        found.append(cursor.charFormat())
        cursor = document.find(words, cursor, exact)
    return found


def test_a_changed_line_shows_its_formatting_not_its_markdown(qtbot):
    """Bold, italic and a link read as such, never as asterisks and brackets; the link's
    address is shown after it and it is not a link anyone can click; markers stay."""
    old, new = plans()
    signs = new.of_kind(SectionKind.WARNING_SIGNS)
    body = "Signs I watch for\n**Sleeping badly** then *skipping* [a guide](https://example.org/s)"
    dialog = shown(qtbot, CompareDialog(old, _with(new, signs.with_body(body)), TITLES))
    text = dialog.text.toPlainText()
    assert "\u2212 Skipping meals" in text
    assert "+ Sleeping badly then skipping a guide (https://example.org/s)" in text
    assert "**" not in text and "](" not in text
    assert [f.fontWeight() for f in _formats(dialog, "Sleeping badly")] == [QFont.Weight.Bold]
    assert [f.fontItalic() for f in _formats(dialog, "skipping")] == [True]
    [link] = _formats(dialog, "a guide")
    assert link.fontUnderline() and not link.isAnchor()
    assert "<a " not in dialog.text.toHtml()


def test_lists_and_headings_show_as_a_reader_expects(qtbot):
    old, new = plans()
    reasons = new.of_kind(SectionKind.REASONS)
    body = "## Who I do it for\n\n- My children\n\n1.  My health\n2.  My job"
    dialog = shown(qtbot, CompareDialog(old, _with(new, reasons.with_body(body)), TITLES))
    text = dialog.text.toPlainText()
    assert "+ Who I do it for" in text and "##" not in text
    assert [f.fontWeight() for f in _formats(dialog, "Who I do it for")] == [QFont.Weight.Bold]
    assert "+ \u2022 My children" in text  # it was "My children": a changed line
    assert "+ 1. My health" in text and "+ 2. My job" in text


def test_markup_in_a_formatted_line_and_in_pairs_stays_text(qtbot):
    """Tags typed beside bold words show as typed; a pair's text is never read as Markdown."""
    old, new = plans()
    signs = new.of_kind(SectionKind.WARNING_SIGNS)
    typed = replace(
        signs,
        body="Signs I watch for\n**Sleep** <b>x</b> <i>y</i>",
        pairs=(PlanPair("Isolating", "Call Sam"), PlanPair("**Lying**", "<u>Tell</u>")),
    )
    dialog = shown(qtbot, CompareDialog(old, _with(new, typed), TITLES))
    text = dialog.text.toPlainText()
    assert "+ Sleep <b>x</b> <i>y</i>" in text
    assert [f.fontWeight() for f in _formats(dialog, "Sleep")] == [QFont.Weight.Bold]
    assert "+ **Lying** → <u>Tell</u>" in text
    assert all(not f.fontUnderline() for f in _formats(dialog, "Tell"))


def test_a_version_shows_formatting_links_as_text_and_loads_no_image(qtbot, tmp_path):
    """A version reads formatted, a link as its text with its address (nothing to click),
    typed tags as typed, and an image its Markdown names is never read from the disk."""
    picture = tmp_path / "private.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0)
    assert image.save(str(picture))
    old, _new = plans()
    reasons = old.of_kind(SectionKind.REASONS)
    body = (
        f"**My children** and [a guide](https://example.org/g) <b>x</b>\n\n"
        f"- one\n\n![pic]({picture.as_uri()})"
    )
    plan = _with(old, reasons.with_body(body))
    dialog = shown(qtbot, VersionDialog(plan, "Version", "", lambda _uids: []))
    text = dialog.text.toPlainText()
    assert "My children and a guide (https://example.org/g) <b>x</b>" in text
    assert "**" not in text
    document = dialog.text.document()
    assert document.find("My children").charFormat().fontWeight() == QFont.Weight.Bold
    link = document.find("a guide").charFormat()
    assert link.fontUnderline() and not link.isAnchor()
    assert dialog.text.anchorAt(dialog.text.cursorRect(document.find("a guide")).center()) == ""
    image_kind = QTextDocument.ResourceType.ImageResource
    assert document.resource(image_kind, QUrl(picture.as_uri())) is None
    assert "(a picture, not shown)" in text
