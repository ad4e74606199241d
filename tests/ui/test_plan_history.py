"""History of the plan through qtbot, on a real journal: saving a version with a label,
the list, opening a version read-only, and restoring one (nothing is ever lost)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from recovery_desktop.domain.plan import (
    MAX_LABEL_CHARACTERS,
    PlanVersion,
    SectionKind,
    VersionReason,
)
from recovery_desktop.ui.change_signal import ChangeSignal, follow
from recovery_desktop.ui.pages.plan.history import EMPTY, HistoryDialog, open_history
from recovery_desktop.ui.pages.plan.history_model import (
    COL_CHANGED,
    COL_LABEL,
    COL_NUMBER,
    COL_WHEN,
    COL_WHY,
    VersionsModel,
)
from recovery_desktop.ui.pages.plan.save_version import SaveVersionDialog, save_version_dialog
from recovery_desktop.ui.pages.plan.version_view import VersionDialog
from recovery_desktop.ui.pages.plan.version_words import about_version
from recovery_desktop.ui.session import Session
from tests.ui.modal import stop_watching, when_shown

__all__ = ["stop_watching"]

LEFT = Qt.MouseButton.LeftButton
START = datetime(2026, 11, 2, 9, 0)


def write(journal, kind: SectionKind, body: str, at: datetime) -> None:
    """Write ``body`` into the plan's section of ``kind``, as the page's autosave does."""
    section = journal.plan.plan().of_kind(kind)
    journal.plan.save_section(section.with_body(body), editing=False, now=at)


def two_versions(journal):
    """Version 1 with reasons "first words", then version 2 with "second words"."""
    write(journal, SectionKind.REASONS, "My reasons: first words", START)
    first = journal.plan.save_version("first", now=START + timedelta(minutes=1))
    write(journal, SectionKind.REASONS, "My reasons: second words", START + timedelta(hours=1))
    second = journal.plan.save_version("second", now=START + timedelta(hours=1, minutes=1))
    return first, second


def shown_history(qtbot, journal) -> HistoryDialog:
    dialog = HistoryDialog(journal.plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def listed(dialog: HistoryDialog, column: int) -> list[str]:
    model = dialog.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def choose_rows(dialog: HistoryDialog, *rows: int) -> None:
    """Select ``rows`` as Ctrl+click would."""
    selection = dialog.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(dialog.model.index(row, 0), flags)


def click(box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.findChildren(QPushButton) if b.text() == text]
    button.click()


def test_a_new_plan_has_no_versions_and_says_how_they_come(qtbot, journal):
    """Before anything is written the list is replaced by a line saying how versions come."""
    dialog = shown_history(qtbot, journal)
    assert dialog.empty.isVisible() and dialog.empty.text() == EMPTY
    assert not dialog.table.isVisible()
    assert not dialog.open_button.isEnabled() and not dialog.restore_button.isEnabled()


def test_a_version_saved_with_a_label_is_listed_with_it(qtbot, journal):
    """Save version… with a label keeps a version; History lists it first, with its label
    and "saved by you"."""
    write(journal, SectionKind.CRISIS, "Call Sam first.", START)
    before = journal.plan.count_versions()

    def fill(dialog: SaveVersionDialog) -> None:
        qtbot.keyClicks(dialog.label_edit, "reviewed with my counsellor")
        qtbot.keyClick(dialog.label_edit, Qt.Key.Key_Return)

    when_shown(SaveVersionDialog, fill)
    kept = save_version_dialog(None, journal.plan)
    assert kept is not None and kept.label == "reviewed with my counsellor"
    assert journal.plan.count_versions() == before + 1
    dialog = shown_history(qtbot, journal)
    assert listed(dialog, COL_LABEL)[0] == "reviewed with my counsellor"
    assert listed(dialog, COL_WHY)[0] == "saved by you"
    assert listed(dialog, COL_NUMBER)[0] == str(kept.number)


def test_a_label_too_long_is_refused_calmly_and_kept(qtbot, journal):
    """A label past the limit is not saved: the dialog stays open, says why, keeps the text."""
    dialog = SaveVersionDialog(journal.plan)
    qtbot.addWidget(dialog)
    dialog.show()
    before = journal.plan.count_versions()
    too_long = "x" * (MAX_LABEL_CHARACTERS + 1)
    dialog.label_edit.setText(too_long)
    qtbot.mouseClick(_save_button(dialog), LEFT)
    assert dialog.isVisible()
    assert dialog.error.text() == f"A label can be at most {MAX_LABEL_CHARACTERS} characters."
    assert dialog.label_edit.text() == too_long
    assert journal.plan.count_versions() == before
    assert dialog.version is None


def _save_button(dialog: SaveVersionDialog) -> QPushButton:
    [button] = [b for b in dialog.findChildren(QPushButton) if b.text() == "&Save version"]
    return button


def test_a_version_saved_without_a_label_is_kept_even_if_nothing_changed(qtbot, journal):
    """Saving twice in a row keeps two versions; the second changed no section."""
    write(journal, SectionKind.REASONS, "My family", START)
    first = journal.plan.save_version("", now=START + timedelta(minutes=1))
    dialog = SaveVersionDialog(journal.plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(_save_button(dialog), LEFT)
    assert not dialog.isVisible()
    assert dialog.version is not None and dialog.version.number == first.number + 1
    history = shown_history(qtbot, journal)
    assert listed(history, COL_CHANGED)[0] == "none"


def test_opening_a_version_shows_its_text_read_only(qtbot, journal):
    """Open (Enter) shows the chosen version's words, not today's, and they cannot be edited."""
    first, _second = two_versions(journal)
    dialog = shown_history(qtbot, journal)
    choose_rows(dialog, dialog.model.row_of(first.id))
    seen: list[str] = []

    def look(view: VersionDialog) -> None:
        before = view.text.toPlainText()
        seen.append(before)
        assert view.text.isReadOnly()
        qtbot.keyClicks(view.text, "typed over")
        assert view.text.toPlainText() == before

    when_shown(VersionDialog, look)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen))
    assert "My reasons: first words" in seen[0]
    assert "second words" not in seen[0]
    assert "My crisis plan" in seen[0]  # every section, with its title


def test_restoring_keeps_every_version_and_brings_the_old_text_back(qtbot, journal):
    """Restore asks first; then the plan reads as the old version, a new version says it
    was restored, and every earlier version is still listed."""
    first, _second = two_versions(journal)
    before = {v.id for v in journal.plan.versions()}
    dialog = shown_history(qtbot, journal)
    choose_rows(dialog, dialog.model.row_of(first.id))
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(f"{box.text()} {box.informativeText()}")
        click(box, "&Restore")

    when_shown(QMessageBox, answer)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    assert "nothing is lost" in asked[0]
    reasons = journal.plan.plan().of_kind(SectionKind.REASONS)
    assert reasons.body.strip() == "My reasons: first words"
    after = {v.id for v in journal.plan.versions()}
    assert before < after
    assert listed(dialog, COL_WHY)[0] == f"restored from version {first.number}"
    assert dialog.model.rowCount() == len(after)
    assert [v.id for v in dialog.selected()] == [journal.plan.versions()[0].id]


def test_cancelling_a_restore_changes_nothing(qtbot, journal):
    """Cancel, the default answer, leaves the plan and its versions as they were."""
    first, _second = two_versions(journal)
    count = journal.plan.count_versions()
    dialog = shown_history(qtbot, journal)
    choose_rows(dialog, dialog.model.row_of(first.id))
    when_shown(QMessageBox, lambda box: box.defaultButton().click())  # Cancel
    qtbot.mouseClick(dialog.restore_button, LEFT)
    assert journal.plan.count_versions() == count
    assert "second words" in journal.plan.plan().of_kind(SectionKind.REASONS).body


def test_the_list_follows_new_versions_while_open(qtbot, journal, files):
    """A version kept while History is open (an autosave, another save) appears at once."""
    two_versions(journal)
    session = Session(files)
    session.adopt(journal)
    dialog = shown_history(qtbot, journal)
    follow(dialog, ChangeSignal(session, dialog), dialog.shows, dialog.data_changed)
    rows = dialog.model.rowCount()
    journal.plan.save_version("while it was open", now=START + timedelta(hours=2))
    assert dialog.model.rowCount() == rows + 1
    assert listed(dialog, COL_LABEL)[0] == "while it was open"


def test_compare_and_restore_need_the_right_number_of_versions(qtbot, journal):
    """Open and Restore take one version; Compare one (with the plan now) or two."""
    two_versions(journal)
    dialog = shown_history(qtbot, journal)
    choose_rows(dialog, 0, 1)
    assert dialog.compare_button.isEnabled()
    assert not dialog.open_button.isEnabled() and not dialog.restore_button.isEnabled()
    choose_rows(dialog, 0)
    assert all(
        b.isEnabled() for b in (dialog.open_button, dialog.compare_button, dialog.restore_button)
    )


def test_history_over_the_main_window_follows_changes_and_closes_on_lock(
    qtbot, window_for, journal, files
):
    """Opened over the main window, History follows the journal's changes through the
    window's change signal, and a lock closes it like every other dialog."""
    two_versions(journal)
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    rows: list[int] = []

    def act(dialog: HistoryDialog) -> None:
        rows.append(dialog.model.rowCount())
        journal.plan.save_version("kept while History was open", now=START + timedelta(hours=3))
        rows.append(dialog.model.rowCount())
        window.lock_now()

    seen = when_shown(HistoryDialog, act)
    open_history(window, journal.plan)
    assert rows[1] == rows[0] + 1
    assert not seen[0].isVisible()
    assert not session.is_unlocked


def _version(reason: VersionReason, number: int = 2, label: str = "", changed=("A",)):
    return PlanVersion(number, number, START, reason, label, tuple(changed))


def test_the_list_says_why_each_version_was_kept_in_plain_words():
    """Each reason in words; a restore names the version it brought back, once."""
    restored = _version(VersionReason.RESTORED, label="Restored from version 3 (2 November 2026)")
    rows = [
        _version(VersionReason.AUTOMATIC),
        _version(VersionReason.SAVED, label="reviewed with my counsellor", changed=()),
        _version(VersionReason.BEFORE_RESTORE),
        restored,
        _version(VersionReason.AUTOMATIC, number=1, changed=("A", "B")),
    ]
    model = VersionsModel()
    model.set_versions(rows)
    why = [model.index(row, COL_WHY).data() for row in range(len(rows))]
    assert why == [
        "while editing",
        "saved by you",
        "before a restore",
        "restored from version 3",
        "while editing",
    ]
    assert model.index(3, COL_LABEL).data() == ""
    assert model.index(1, COL_CHANGED).data() == "none"
    assert model.index(4, COL_CHANGED).data() == "first version: A, B"
    assert model.index(0, COL_WHEN).data() == "Mon 2 Nov 2026, 09:00"
    assert about_version(restored).startswith("Kept when you restored version 3.")


def test_the_first_version_names_only_the_sections_written_in(journal):
    """A first version kept with one section written names that one; a first version of
    the untouched template says nothing was written yet."""
    crisis = journal.plan.plan().of_kind(SectionKind.CRISIS)
    journal.plan.save_section(crisis.with_body("Call Sam, then walk to the meeting"), now=START)
    [first] = journal.plan.versions()
    model = VersionsModel()
    model.set_versions([first])
    assert model.index(0, COL_CHANGED).data() == "first version: My crisis plan"
    assert about_version(first) == (
        "Kept while you were writing. The first version. Sections written in: My crisis plan."
    )
    untouched = _version(VersionReason.SAVED, number=1, changed=())
    model.set_versions([untouched])
    assert model.index(0, COL_CHANGED).data() == "first version: nothing written yet"
    assert (
        about_version(untouched) == "Saved by you. The first version, before anything was written."
    )
