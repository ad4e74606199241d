"""Windows sized from the screen they open on, never larger than it.

Laptops with 1024×600 or 1366×768 screens, and desktops with large text, are common among
the people this app is for. A window asks for the size it would like; it gets that size
when the screen has room, else as much as the screen's free area allows (the main window
opens maximised instead).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QWidget

# Room for the title bar and borders the window manager adds around a window.
FRAME_ALLOWANCE = QSize(16, 40)


def available_size(window: QWidget) -> QSize:
    """The free area of the screen ``window`` opens on, less the window frame."""
    screen = _screen_of(window)
    if screen is None:
        return QSize(1 << 16, 1 << 16)
    return screen.availableGeometry().size() - FRAME_ALLOWANCE


def _screen_of(window: QWidget) -> QScreen | None:
    parent = window.parentWidget()
    if parent is not None:
        return parent.window().screen()
    return window.screen() or QGuiApplication.primaryScreen()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Give ``window`` the size ``width`` × ``height`` (logical pixels) when the screen has
    room; otherwise the screen's free area (a main window is shown maximised)."""
    room = available_size(window)
    wanted = QSize(width, height)
    if room.width() >= wanted.width() and room.height() >= wanted.height():
        window.resize(wanted)
        return
    window.resize(wanted.boundedTo(room))
    if isinstance(window, QMainWindow):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
