"""UI helpers: drive the real widgets with qtbot against a real temporary journal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from recovery_desktop.ui.app import build_main_window
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.choice import SegmentedChoice


def click_choice(qtbot, choice: SegmentedChoice, text: str) -> None:
    """Click the segment labelled ``text``, as a user would."""
    for button in choice.findChildren(type(choice._group.button(0))):
        if button.text() == text:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
    raise AssertionError(f"no segment {text!r}")


@pytest.fixture
def window_for(qtbot):
    """Build the real main window for a session, shown and registered with qtbot."""

    def build(session: Session):
        window = build_main_window(session)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return build
