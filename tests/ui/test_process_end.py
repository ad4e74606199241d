"""A process that ends without quitting the Qt event loop (a script, the end of a test run)
ends cleanly, whatever the app still had going: Qt objects it handed over or threads it
started are ended while Python still runs. Before, such a process died at exit of a
segmentation fault (a copied number) or an abort (a thread still running)."""

import os
import subprocess
import sys
import textwrap

import pytest

COPIED_NUMBER = """
    from PySide6.QtGui import QGuiApplication
    from recovery_desktop.domain.contacts import CrisisLine
    from recovery_desktop.ui.widgets.help_lines import crisis_line_card

    card = crisis_line_card(CrisisLine(None, "Line", "555-0199"))
    card.copy_button.click()
    print("copied", QGuiApplication.clipboard().text())
"""

IMPORT_RUNNING = """
    from recovery_desktop.ui.warmup import Warmup

    warmup = Warmup(["slow_probe_module"])
    warmup.start()
    print("importing", warmup.is_running)
"""

SLOW_PROBE = """
import time
time.sleep(2)  # still importing when the script has ended
"""

WORKER_WAITING = """
    from PySide6.QtCore import QObject
    from recovery_desktop.ui.worker import Worker

    worker = Worker()
    owner = QObject()
    channel = worker.channel(owner)
    channel.submit("one", lambda: 1)
    print("working", worker.is_running)
"""


def ended(body: str, platform: str = "offscreen", path: str = "") -> subprocess.CompletedProcess:
    """Run ``body`` after making the QApplication, in a process of its own; it ends when
    the body does, without the event loop ever running."""
    script = "from PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
    return subprocess.run(
        [sys.executable, "-c", script + textwrap.dedent(body)],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": platform,
            "PYTHONPATH": os.pathsep.join([path, *sys.path]),
        },
    )


@pytest.mark.parametrize("platform", ["offscreen", "minimal"])
def test_a_number_still_on_the_clipboard_when_python_ends(platform):
    """On platforms whose clipboard outlives the interpreter, our copied number is taken
    off before Python ends, so Qt never destroys a Python-made object after it."""
    result = ended(COPIED_NUMBER, platform)
    assert result.stdout.splitlines() == ["copied 555-0199"], result.stderr
    assert result.returncode == 0, result.stderr


def test_a_chart_import_still_running_when_python_ends(tmp_path):
    """The warm-up import is waited for instead of destroyed running."""
    (tmp_path / "slow_probe_module.py").write_text(SLOW_PROBE)
    result = ended(IMPORT_RUNNING, path=str(tmp_path))
    assert result.stdout.splitlines() == ["importing True"], result.stderr
    assert result.returncode == 0, result.stderr


def test_the_worker_still_waiting_for_jobs_when_python_ends():
    """The worker thread, which waits for jobs until stopped, is stopped and joined."""
    result = ended(WORKER_WAITING)
    assert result.stdout.splitlines() == ["working True"], result.stderr
    assert result.returncode == 0, result.stderr
