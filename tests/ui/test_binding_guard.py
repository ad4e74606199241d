"""The Qt binding must not leak references to None (PySide6 6.12.0 did, on Python < 3.12).

The check runs in a child process because a leaking binding aborts the interpreter
("Fatal Python error: none_dealloc") instead of failing politely.
"""

import os
import subprocess
import sys

from recovery_desktop.ui.binding_check import SLACK, VOID_CALLS, keeps_none


def test_tens_of_thousands_of_void_qt_calls_keep_none_alive():
    """After 60,000 Qt calls that return nothing, None has at least as many references."""
    assert VOID_CALLS >= 50_000
    result = subprocess.run(
        [sys.executable, "-m", "recovery_desktop.ui.binding_check"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, (
        "This PySide6 drops references to None; see the cap in pyproject.toml.\n"
        + result.stdout
        + result.stderr[-2000:]
    )
    before, after = (int(word) for word in result.stdout.split() if word.isdigit())
    assert keeps_none(before, after)


def test_a_leak_of_one_reference_per_call_is_never_mistaken_for_noise():
    """The slack for the interpreter's own noise is far below one reference per call."""
    assert SLACK * 100 < VOID_CALLS
    assert not keeps_none(5000 + VOID_CALLS, 5000)
    assert keeps_none(5300, 5298)
