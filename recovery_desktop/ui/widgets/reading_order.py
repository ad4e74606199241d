"""Tab and Shift+Tab in the order controls appear on screen: top to bottom, and left to
right within a row, whenever and in whatever order the controls were made.

Qt's own order is the order widgets were created in, so a field added later, a chart built
when a page is first shown, or a form laid out differently from how it was coded would be
reached out of turn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget


def tab_stops(container: QWidget) -> list[QWidget]:
    """The controls in ``container`` (same window) that Tab can reach now."""
    return [
        w
        for w in [container, *container.findChildren(QWidget)]
        if takes_tab(w) and w.window() is container.window()
    ]


def takes_tab(widget: QWidget) -> bool:
    return (
        widget.isVisibleTo(widget.window())
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def in_reading_order(stops: Iterable[QWidget], space: QWidget) -> list[QWidget]:
    """``stops`` as they read on screen (positions taken in ``space``)."""
    by_top = sorted(stops, key=lambda w: _top_left(w, space).y())
    return [
        w
        for row in _rows(by_top, space)
        for w in sorted(row, key=lambda w: _top_left(w, space).x())
    ]


def chain_tabs(parts: Sequence[QWidget]) -> None:
    """Tab visits ``parts`` in the order given and, inside each, its controls in reading
    order (call once the parts are laid out)."""
    chain = [w for part in parts for w in in_reading_order(tab_stops(part), part)]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def move_focus(chain: Sequence[QWidget], forward: bool) -> bool:
    """Give focus to the stop after (or before) the focused one in ``chain``; False when
    the focus is not in ``chain`` (the caller then lets Qt decide)."""
    here = position_of(QApplication.focusWidget(), chain)
    if here < 0:
        return False
    target = chain[(here + (1 if forward else -1)) % len(chain)]
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    target.setFocus(reason)
    return True


def position_of(focus: QWidget | None, chain: Sequence[QWidget]) -> int:
    """Where ``focus`` is in ``chain``: itself, else the innermost stop that holds it
    (the spin box around its line edit, not the scroll area around the page); -1 if none."""
    if focus is None:
        return -1
    if focus in chain:
        return chain.index(focus)
    holders = [i for i, stop in enumerate(chain) if stop.isAncestorOf(focus)]
    return max(holders, key=lambda i: _depth(chain[i]), default=-1)


def _rows(by_top: Sequence[QWidget], space: QWidget) -> list[list[QWidget]]:
    """Controls (sorted top to bottom) grouped into rows: one whose middle lies within the
    height of the row's first control sits on that row, unless the first one holds it (a
    scroll area and the controls inside it are not one row)."""
    rows: list[list[QWidget]] = []
    span = (0, -1)
    for widget in by_top:
        top = _top_left(widget, space).y()
        middle = top + widget.height() // 2
        if rows and span[0] <= middle <= span[1] and not rows[-1][0].isAncestorOf(widget):
            rows[-1].append(widget)
        else:
            rows.append([widget])
            span = (top, top + widget.height())
    return rows


def _top_left(widget: QWidget, space: QWidget) -> QPoint:
    return widget.mapTo(space, QPoint(0, 0))


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth
