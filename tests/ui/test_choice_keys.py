"""Segmented choices from the keyboard: letters pick and cycle, shortcuts are not answers."""

from PySide6.QtCore import Qt

from recovery_desktop.domain import scales
from recovery_desktop.ui.widgets.choice import ScaleInput, SegmentedChoice, TriStateInput


def _choice(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def test_typing_n_again_cycles_from_no_to_not_answered_and_back(qtbot):
    """ "n" picks No, "n" again Not answered, a third "n" No again; "y" picks Yes."""
    choice = _choice(qtbot, TriStateInput("Meeting"))
    seen = []
    for _ in range(3):
        qtbot.keyClicks(choice, "n")
        seen.append(choice.describe())
    assert seen == ["No", "Not answered", "No"]
    assert choice.value() is False
    qtbot.keyClicks(choice, "y")
    assert choice.value() is True
    qtbot.keyClicks(choice, "N")
    assert choice.value() is False


def test_a_letter_with_one_option_keeps_choosing_it(qtbot):
    """Only one option starts with the letter: typing it again leaves it chosen."""
    choice = _choice(
        qtbot, SegmentedChoice([("a", "Call"), ("b", "Text"), ("c", "Meeting")], "How")
    )
    qtbot.keyClicks(choice, "tt")
    assert choice.value() == "b"


def test_ctrl_with_a_digit_or_letter_is_a_shortcut_not_an_answer(qtbot):
    """Ctrl+9 (a page shortcut) does not answer 9, and Ctrl+N does not answer No."""
    scale = _choice(qtbot, ScaleInput(scales.MOOD))
    qtbot.keyClick(scale, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert scale.value() is None
    tri = _choice(qtbot, TriStateInput("Used today"))
    qtbot.keyClick(tri, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tri.value() is None


def test_clicking_the_chosen_segment_keeps_it_shown_as_chosen(qtbot):
    """Clicking the range already chosen (Trends' "4 weeks") leaves it highlighted."""
    from tests.ui.conftest import click_choice

    choice = _choice(
        qtbot, SegmentedChoice([("week", "This week"), ("4weeks", "4 weeks")], "Range")
    )
    click_choice(qtbot, choice, "4 weeks")
    click_choice(qtbot, choice, "4 weeks")
    assert choice.value() == "4weeks"
    checked = [
        b.text() for b in choice.findChildren(type(choice._group.button(0))) if b.isChecked()
    ]
    assert checked == ["4 weeks"]
