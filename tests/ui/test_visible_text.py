"""No double spaces in what the app shows: every page of a full demo journal and every dialog."""

import re
from collections.abc import Iterator
from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget

from recovery_desktop.data.demo import fill_demo
from recovery_desktop.domain.library import Kind
from recovery_desktop.ui.dialogs.change_passphrase import ChangePassphraseDialog
from recovery_desktop.ui.dialogs.clean_date_dialog import CleanDateDialog
from recovery_desktop.ui.dialogs.contact_dialog import ContactDialog
from recovery_desktop.ui.dialogs.crisis_line_dialog import CrisisLineDialog
from recovery_desktop.ui.dialogs.key_wizards import setup_wizard
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.dialogs.library_item_dialog import LibraryItemDialog
from recovery_desktop.ui.dialogs.reach_out_dialog import ReachOutDialog
from recovery_desktop.ui.flows import craving_panel
from recovery_desktop.ui.pages.medication.appointment_editor import AppointmentEditor
from recovery_desktop.ui.pages.summary.page import SummaryPage
from recovery_desktop.ui.session import Session

DOUBLE_SPACE = re.compile(r"\S {2,}\S")
TEXT_GETTERS = (
    "text",
    "title",
    "windowTitle",
    "placeholderText",
    "toolTip",
    "accessibleName",
    "accessibleDescription",
)


def _item_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    root = QModelIndex()
    columns = max(1, model.columnCount(root)) if not isinstance(model, QAbstractListModel) else 1
    for row in range(model.rowCount(root)):
        for column in range(columns):
            yield str(model.data(model.index(row, column)) or "")
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(widget class, text) for every label, button, field, list item, tooltip and name."""
    for widget in [root, *root.findChildren(QWidget)]:
        kind = type(widget).__name__
        for name in TEXT_GETTERS:
            getter = getattr(widget, name, None)
            value = getter() if callable(getter) else None
            if isinstance(value, str):
                yield kind, value
        if isinstance(widget, QComboBox):
            yield from ((kind, widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView):
            yield from ((kind, text) for text in _item_texts(widget))


def _doubles(root: QWidget) -> list[tuple[str, str]]:
    return [(kind, text) for kind, text in visible_texts(root) if DOUBLE_SPACE.search(text)]


def test_no_double_spaces_on_any_page(qtbot, window_for, journal, files):
    """Each page of the main window, shown with eight weeks of the demo story."""
    fill_demo(journal, 8, date.today(), 3)
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    for row in range(window.workspace.nav.count()):
        window.workspace.show_page(row)
    summary = window.workspace.page(SummaryPage)
    qtbot.waitUntil(lambda: summary.built is not None, timeout=10000)
    assert _doubles(window) == []


def test_no_double_spaces_in_any_dialog(qtbot, journal):
    """Every dialog and the first-run wizard, as they open."""
    fill_demo(journal, 2, date.today(), 1)
    contact = journal.contacts.contacts()[0]
    dialogs = [
        ChangePassphraseDialog(journal),
        CleanDateDialog(journal.recovery_time),
        ContactDialog(journal.contacts, contact),
        CrisisLineDialog(journal.contacts, journal.contacts.crisis_lines()[0]),
        LibraryItemDialog(journal.library, Kind.TRIGGER),
        LibraryItemDialog(journal.library, Kind.COPING),
        LapseDialog(journal.recovery_time, journal.contacts),
        ReachOutDialog(journal.contacts, contact.id),
        AppointmentEditor(journal.appointments, journal.contacts),
        craving_panel(journal, journal.cravings.between(date.min, date.max)[0]),
        setup_wizard(lambda _wizard: None, journal.files.app_folders()),
    ]
    found = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        found += _doubles(dialog)
    assert found == []
