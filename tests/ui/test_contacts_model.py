"""The People page's table models, tested without a view."""

from datetime import datetime

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from recovery_desktop.domain.contacts import Contact, Method, ReachOut, Role
from recovery_desktop.ui.models.contacts_model import (
    COL_EMAIL,
    COL_HELPED,
    COL_HOW,
    COL_NAME,
    COL_NOTE,
    COL_PHONE,
    COL_ROLE,
    COL_WHEN,
    COL_WHO,
    CONTACT_ROW_MIME,
    ContactsModel,
    ReachOutsModel,
)

pytestmark = pytest.mark.usefixtures("qapp")

DISPLAY = Qt.ItemDataRole.DisplayRole
MOVE = Qt.DropAction.MoveAction


def _people() -> list[Contact]:
    return [
        Contact(1, "Sam", Role.SPONSOR, "555-0142", "", "", 0),
        Contact(2, "Mum", Role.FAMILY, "555-0178", "mum@example.org", "", 1),
        Contact(3, "Jordan", Role.FRIEND, "", "", "", 2),
        Contact(4, "Old friend", Role.PEER, "", "", "", 3, archived=True),
    ]


def _model() -> tuple[ContactsModel, list[list[int]]]:
    model = ContactsModel()
    model.set_contacts(_people())
    orders: list[list[int]] = []
    model.reordered.connect(orders.append)
    return model, orders


def _drag(model: ContactsModel, row: int) -> QMimeData:
    return model.mimeData([model.index(row, COL_NAME), model.index(row, COL_ROLE)])


def test_contacts_show_one_row_each_with_name_role_phone_and_email():
    """Each contact is a row; cells read as a user would see them."""
    model, _ = _model()
    assert (model.rowCount(), model.columnCount()) == (4, 4)
    assert [model.data(model.index(1, c), DISPLAY) for c in range(4)] == [
        "Mum",
        "Family",
        "555-0178",
        "mum@example.org",
    ]
    assert model.data(model.index(0, COL_ROLE), DISPLAY) == "Sponsor"
    assert model.data(model.index(2, COL_PHONE), DISPLAY) == ""
    assert model.headerData(COL_EMAIL, Qt.Orientation.Horizontal, DISPLAY) == "Email"
    assert model.contact_at(2).name == "Jordan"
    assert model.contact_at(9) is None


def test_archived_contacts_are_marked_and_cannot_be_dragged():
    """An archived row says so and is not draggable; active rows are."""
    model, _ = _model()
    assert model.data(model.index(3, COL_NAME), DISPLAY) == "Old friend (archived)"
    assert model.flags(model.index(0, COL_NAME)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(3, COL_NAME)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.supportedDropActions() == MOVE
    assert model.mimeTypes() == [CONTACT_ROW_MIME]


def test_set_contacts_resets_the_rows():
    """Giving the model a new list replaces what it shows."""
    model, _ = _model()
    model.set_contacts(_people()[:1])
    assert model.rowCount() == 1
    assert model.active_ids() == [1]


@pytest.mark.parametrize(
    ("source", "row", "expected"),
    [
        (2, 0, [3, 1, 2]),  # last active to the top
        (0, 2, [2, 1, 3]),  # first to just before the third
        (0, 3, [2, 3, 1]),  # first to after the last active one
        (1, 99, [1, 3, 2]),  # past the end (after the archived row) is the end
    ],
)
def test_dropping_a_row_emits_the_new_order_of_active_ids(source, row, expected):
    """A drop between rows emits the new call-first order and leaves saving to the page."""
    model, orders = _model()
    assert model.dropMimeData(_drag(model, source), MOVE, row, 0, QModelIndex())
    assert orders == [expected]
    assert model.active_ids() == [1, 2, 3]  # the model itself waits for the journal


def test_dropping_onto_a_row_places_the_dragged_one_before_it():
    """A drop on a row (no row number, a parent index) lands before that row."""
    model, orders = _model()
    assert model.dropMimeData(_drag(model, 2), MOVE, -1, -1, model.index(1, 0))
    assert orders == [[1, 3, 2]]


def test_drops_that_change_nothing_or_come_from_elsewhere_are_refused():
    """Dropping in place, a copy, a foreign payload or an archived row emits nothing."""
    model, orders = _model()
    assert not model.dropMimeData(_drag(model, 1), MOVE, 1, 0, QModelIndex())
    assert not model.dropMimeData(_drag(model, 1), Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    foreign = QMimeData()
    foreign.setData(CONTACT_ROW_MIME, b"1:99")
    assert not model.dropMimeData(foreign, MOVE, 0, 0, QModelIndex())
    garbage = QMimeData()
    garbage.setData(CONTACT_ROW_MIME, b"not a row")
    assert not model.dropMimeData(garbage, MOVE, 0, 0, QModelIndex())
    assert not model.dropMimeData(_drag(model, 3), MOVE, 0, 0, QModelIndex())
    plain = QMimeData()
    plain.setText("0:1")
    assert not model.dropMimeData(plain, MOVE, 0, 0, QModelIndex())
    assert orders == []


def test_reach_outs_show_when_who_how_helped_and_note():
    """Each reach-out reads as a row; unknown people and unanswered "helped" show a dash."""
    reach_outs = [
        ReachOut(
            7, 1, datetime(2026, 11, 20, 17, 5), Method.IN_PERSON, True, "Coffee\nthen a walk"
        ),
        ReachOut(6, 2, datetime(2026, 11, 19, 9, 0), Method.TEXT, False),
        ReachOut(5, 42, datetime(2026, 11, 18, 21, 30), Method.CALL, None, "x" * 200),
    ]
    model = ReachOutsModel()
    model.set_reach_outs(reach_outs, {1: "Sam", 2: "Mum"})
    assert (model.rowCount(), model.columnCount()) == (3, 5)
    row = [model.data(model.index(0, c), DISPLAY) for c in range(5)]
    assert row == ["Fri 20 Nov 2026, 17:05", "Sam", "In person", "Yes", "Coffee …"]
    assert model.data(model.index(1, COL_HELPED), DISPLAY) == "No"
    assert model.data(model.index(1, COL_HOW), DISPLAY) == "Text"
    assert model.data(model.index(2, COL_HELPED), DISPLAY) == "—"
    assert model.data(model.index(2, COL_WHO), DISPLAY) == "—"
    assert len(model.data(model.index(2, COL_NOTE), DISPLAY)) == 80
    assert model.data(model.index(0, COL_NOTE), Qt.ItemDataRole.ToolTipRole) == (
        "Coffee\nthen a walk"
    )
    assert model.headerData(COL_WHEN, Qt.Orientation.Horizontal, DISPLAY) == "When"
    assert model.reach_out_at(1).id == 6
