"""The Plan page's buttons into the plan's other parts: Save version… and History… see the
text just typed, the crash notice compares with the version before, and the printouts are
offered once the page has its output."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.plan import SectionKind
from recovery_desktop.ui.pages.plan.compare_view import CompareDialog
from recovery_desktop.ui.pages.plan.history import HistoryDialog
from recovery_desktop.ui.pages.plan.page import PlanPage
from recovery_desktop.ui.pages.plan.plan_output import plan_output_for
from recovery_desktop.ui.pages.plan.save_version import SaveVersionDialog
from recovery_desktop.ui.pages.plan.version_words import WHEN_PATTERN as WHEN
from tests.conftest import PASSPHRASE
from tests.pdf_text import pdf_text
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (stop_watching: fixture)
from tests.ui.test_plan_page import shown_plan_page


def test_save_version_keeps_the_text_just_typed_with_its_label(qtbot, journal):
    page = shown_plan_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "Typed a moment ago")

    def fill(dialog: SaveVersionDialog) -> None:
        qtbot.keyClicks(dialog.label_edit, "Reviewed with my counsellor")
        qtbot.keyClick(dialog.label_edit, Qt.Key.Key_Return)

    when_shown(SaveVersionDialog, fill)
    page.buttons["save_version"].click()
    [latest] = journal.plan.versions()[:1]
    assert latest.label == "Reviewed with my counsellor"
    snapshot = journal.plan.version(latest.id).plan
    assert snapshot.of_kind(SectionKind.REASONS).body == "Typed a moment ago"
    assert page.output_line.text() == f"Version {latest.number} kept."
    journal.plan.restore(latest.id)  # as History does: the note is old news then
    assert page.output_line.text() == ""


def test_saved_names_the_year_when_it_was_not_this_year(qtbot, journal):
    journal.plan.save_section(
        replace(journal.plan.plan().sections[0], body="Written long ago"),
        editing=False,
        now=datetime(2024, 12, 2, 19, 21),
    )
    page = shown_plan_page(qtbot, journal)
    assert page.status.text() == "Saved Mon 2 Dec 2024, 19:21"


def test_history_opens_from_the_page(qtbot, journal):
    page = shown_plan_page(qtbot, journal)
    seen = when_shown(HistoryDialog, lambda dialog: dialog.reject())
    page.buttons["history"].click()
    assert len(seen) == 1


def test_the_crash_notice_compares_the_version_before_with_the_plan_now(qtbot, journal, files):
    """A session that ended kept a version; the next one kept its own on its first save
    (the last was old) and was then killed: the notice compares with the version from
    before that session, so the words written in it show."""
    start = datetime.now() - timedelta(hours=3)
    first = replace(journal.plan.plan().of_kind(SectionKind.CRISIS), body="Before the stop")
    journal.plan.save_section(first, editing=True, now=start)
    journal.plan.end_editing(now=start + timedelta(minutes=1))
    journal.close()
    second = open_with_passphrase(files, PASSPHRASE)
    later = replace(first, body="Before the stop, and written in the session that stopped")
    second.plan.save_section(later, editing=True, now=start + timedelta(hours=1))
    assert second.plan.count_versions() == 2  # the killed session's own first version
    second.close()  # killed: the session never ended
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        page = shown_plan_page(qtbot, reopened)
        assert page.notice.compare_button.isVisibleTo(page)
        assert page.editor.title.text() == "My crisis plan"  # where the words were written
        shown = []

        def look(dialog: CompareDialog) -> None:
            shown.append([d.title for d in dialog.diffs if d.changed])

        when_shown(CompareDialog, look)
        page.notice.compare_button.click()
        assert shown == [["My crisis plan"]]
    finally:
        reopened.close()


def test_printing_is_offered_when_the_page_has_its_output(qtbot, journal, tmp_path):
    bare = shown_plan_page(qtbot, journal)
    assert not bare.buttons["pdf"].isVisibleTo(bare)
    output = plan_output_for(journal)
    page = PlanPage(journal.plan, journal.library, output)
    qtbot.addWidget(page)
    page.show()
    for key in ("print", "pdf", "crisis_card", "history", "save_version"):
        assert page.buttons[key].isVisibleTo(page), key
    qtbot.keyClicks(page.editor.body.text, "Words for the printout")
    assert page.save_now()
    path = tmp_path / "plan.pdf"
    assert output.save_plan_pdf_to(page, path) >= 1
    assert "Words for the printout" in pdf_text(path)
    assert [a.text() for a in page.buttons["crisis_card"].menu().actions()] == [
        "&Print the crisis card…",
        "&Save the crisis card as PDF…",
    ]


def test_opening_the_page_keeps_the_end_of_an_earlier_sitting_in_history(qtbot, journal):
    """A sitting kept its first version, then went on writing and ended within 10 minutes
    (no version then); the page opened later keeps it, dated when it was written."""
    start = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=2)
    crisis = journal.plan.plan().of_kind(SectionKind.CRISIS)
    journal.plan.save_section(replace(crisis, body="Call Sam first"), editing=True, now=start)
    written = start + timedelta(minutes=5)
    ending = replace(crisis, body="Call Sam first, then walk to the meeting on Elm Street")
    journal.plan.save_section(ending, editing=True, now=written)
    journal.plan.end_editing(now=written)
    assert journal.plan.count_versions() == 1
    page = shown_plan_page(qtbot, journal)
    rows: list[list[str]] = []

    def look(dialog: HistoryDialog) -> None:
        model = dialog.model
        rows.extend(
            [str(model.index(r, c).data()) for c in range(model.columnCount())]
            for r in range(model.rowCount())
        )
        dialog.reject()

    when_shown(HistoryDialog, look)
    page.buttons["history"].click()
    assert [row[1] for row in rows] == [date_text(written, WHEN), date_text(start, WHEN)]
    [newest, _first] = journal.plan.versions()
    assert journal.plan.version(newest.id).plan.of_kind(SectionKind.CRISIS).body == ending.body
