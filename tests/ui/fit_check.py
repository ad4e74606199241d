"""What a user would see as "doesn't fit": a window past the screen's edge, a control cut
off by its parent, text clipped (a label or button narrower than its text), or an area
that scrolls sideways. Scrolling down is fine; scrolling sideways or clipping is not."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QWidget,
)

from recovery_desktop.ui.widgets.status_line import OneLine

# Areas whose content is meant to pan sideways (a zoomed print preview, a chart canvas).
SIDEWAYS_ALLOWED = ("QPrintPreviewWidget", "QGraphicsView", "ChartCanvas")
SLACK = 1  # pixels of rounding
BUTTON_MARGINS = 8  # the least room around a button's text before it is cut
COMBO_ARROW = 24  # the drop-down arrow and the frame of a combo box


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    name = widget.accessibleName() or widget.objectName()
    chain = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 3:
        chain.append(type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__} {name!r} {text[:40]!r} in {'/'.join(chain)}"


def fit_problems(window: QWidget) -> list[str]:
    """Everything about ``window`` (shown, laid out) that does not fit its screen."""
    problems: list[str] = []
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"window {frame.getRect()} is not inside the screen {screen.getRect()}")
    _check_squeezed(window, problems)
    _check_children(window, problems)
    _check_mnemonics(window, problems)
    return problems


def mnemonic(text: str) -> str | None:
    """The Alt-key letter of a label or button text ("&Back up now" → "b"), if any."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def _check_mnemonics(window: QWidget, problems: list[str]) -> None:
    """Two visible controls with the same Alt key: Qt then only moves the focus between
    them, and neither runs from the keyboard."""
    owners: dict[str, list[QWidget]] = {}
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            key = mnemonic(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            key = mnemonic(widget.title())
        else:
            continue
        if key is not None:
            owners.setdefault(key, []).append(widget)
    for key, widgets in sorted(owners.items()):
        if len(widgets) > 1:
            names = "; ".join(describe(widget) for widget in widgets)
            problems.append(f"Alt+{key.upper()} belongs to {len(widgets)} controls: {names}")


def _in_scroll_content(widget: QWidget) -> bool:
    viewport = widget.parentWidget()
    area = viewport.parentWidget() if viewport is not None else None
    return isinstance(area, QScrollArea) and area.widget() is widget


def _check_children(parent: QWidget, problems: list[str]) -> None:
    for child in parent.findChildren(QWidget, options=_direct()):
        if not child.isVisible() or child.isWindow():
            continue
        _check_one(parent, child, problems)
        _check_children(child, problems)


def _direct():
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def _check_squeezed(widget: QWidget, problems: list[str]) -> None:
    """A widget smaller than its layout's minimum has its content overlapping or cut off
    (Qt lets that happen when a window's minimum size was set by hand)."""
    layout = widget.layout()
    if layout is None or _in_scroll_content(widget):
        return
    need = layout.totalMinimumSize()
    if widget.width() + SLACK < need.width() or widget.height() + SLACK < need.height():
        problems.append(
            f"{describe(widget)} is {widget.width()}×{widget.height()} but its content "
            f"needs {need.width()}×{need.height()}"
        )


def _check_splitter(splitter: QSplitter, problems: list[str]) -> None:
    shown = [splitter.widget(i) for i in range(splitter.count())]
    shown = [w for w in shown if w.isVisible()]
    for first, second in pairwise(shown):
        if first.geometry().intersects(second.geometry()):
            problems.append(f"{describe(second)} overlaps {describe(first)} in a splitter")


def _check_one(parent: QWidget, child: QWidget, problems: list[str]) -> None:
    _check_squeezed(child, problems)
    if isinstance(child, QSplitter):
        _check_splitter(child, problems)
    geometry = child.geometry()
    inside = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
    if _in_scroll_content(child):
        if geometry.width() > parent.width() + SLACK:
            problems.append(f"{describe(child)} is wider than its scroll area")
    elif not inside.contains(geometry) and geometry.width() > 0 and geometry.height() > 0:
        problems.append(f"{describe(child)} at {geometry.getRect()} lies outside its parent")
    if (
        isinstance(child, QAbstractScrollArea)
        and not isinstance(child, (QPlainTextEdit, QTextEdit))
        and type(child).__name__ not in SIDEWAYS_ALLOWED
        and child.horizontalScrollBar().isVisible()
    ):
        problems.append(f"{describe(child)} scrolls sideways")
    if _text_clipped(child):
        problems.append(
            f"{describe(child)} is {child.width()} px wide but needs {child.sizeHint().width()}"
        )


def _text_clipped(widget: QWidget) -> bool:
    if isinstance(widget, OneLine):
        # Shortened by design where the room is short, the whole text in its tooltip.
        return False
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return False
        if widget.wordWrap():
            return widget.heightForWidth(widget.width()) > widget.height() + SLACK
        return widget.sizeHint().width() > widget.width() + SLACK
    if isinstance(widget, QPushButton):
        # Fusion widens every text button to at least 80 px in its size hint; what matters
        # is whether the text itself fits.
        needed = _text_width(widget, widget.text()) + BUTTON_MARGINS
        if not widget.icon().isNull():
            needed += widget.iconSize().width() + 4
        return min(needed, widget.sizeHint().width()) > widget.width() + SLACK
    if isinstance(widget, QComboBox):
        # A long entry may be shortened in the closed box; the chosen one must show whole.
        return _text_width(widget, widget.currentText()) + COMBO_ARROW > widget.width() + SLACK
    if isinstance(widget, (QAbstractButton, QAbstractSpinBox)):
        return widget.sizeHint().width() > widget.width() + SLACK
    return False


def _text_width(widget: QWidget, text: str) -> int:
    """Width of ``text`` as shown: mnemonic ampersands take no room."""
    shown = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return widget.fontMetrics().horizontalAdvance(shown)
