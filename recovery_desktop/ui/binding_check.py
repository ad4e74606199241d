"""Does this Qt binding keep Python's ``None`` alive?

PySide6 6.12.0 drops one reference to ``None`` on every Qt call that returns nothing. On
Python 3.10 and 3.11 the count eventually reaches zero and the interpreter aborts
("Fatal Python error: none_dealloc"), for example after about 90 seconds of the urge-surfing
timer. :func:`none_is_kept` makes tens of thousands of such calls and compares the count
before and after; on a leaking binding the count falls (or the process aborts outright,
which is why callers run it in a child process).
"""

from __future__ import annotations

import gc
import sys

VOID_CALLS = 60_000
# The count of None also moves by a reference or two for reasons of its own (seen on a sound
# PySide6 6.11 about one run in three); a leaking binding loses one per call, tens of thousands.
SLACK = 100


def keeps_none(before: int, after: int) -> bool:
    """True unless ``None`` lost more references than the interpreter's own noise."""
    return after >= before - SLACK


def none_is_kept(calls: int = VOID_CALLS) -> tuple[int, int]:
    """Make ``calls`` Qt calls that return nothing; returns ``(before, after)``, the
    reference counts of ``None``; judge them with :func:`keeps_none`."""
    from PySide6.QtCore import QObject, QTimer

    owner = QObject()
    timer = QTimer(owner)
    # The garbage collector freeing something that pointed at None would look like a
    # leak, so it is run first and kept out of the measured loop.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for turn in range(calls // 3):
            owner.setObjectName("probe")  # each of these returns None
            timer.setInterval(turn % 1000)
            timer.stop()
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    return before, after


def main() -> int:
    """``python -m recovery_desktop.ui.binding_check``: exit 0 when ``None`` is kept."""
    before, after = none_is_kept()
    print(f"references to None: {before} before, {after} after")
    return 0 if keeps_none(before, after) else 1


if __name__ == "__main__":
    sys.exit(main())
