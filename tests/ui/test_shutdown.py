"""Closing, locking or quitting while background work runs: no abort, no Qt warning.

Each kind of background work is listed in ``KINDS``: how to make it certainly still be
running when the window closes. Today there is one kind, the import of the chart modules.
"""

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QApplication

from recovery_desktop.data.journal import create_journal
from recovery_desktop.ui import warmup as warmup_module
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.warmup import Warmup

OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints"
SLOW_MODULE = "import time\ntime.sleep(1.5)\n"

# Run in a child process: the real start-up path, the real window, a real close.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from recovery_desktop.ui import app as app_module, warmup
    from recovery_desktop.ui.warmup import Warmup

    data_dir, modules, how = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    sys.path.insert(0, str(modules))
    warmup.CHART_MODULES = ("slow_probe_module", *warmup.CHART_MODULES)
    app_module.WARMUP_DELAY_MS = 0
    qapp = QApplication(sys.argv[:1])

    def close_while_running():
        windows = [w for w in qapp.topLevelWidgets() if w.isVisible()]
        work = [w.findChild(Warmup) for w in windows]
        if not any(item is not None and item.is_running for item in work):
            QTimer.singleShot(5, close_while_running)
            return
        print("closing while the background work runs", flush=True)
        if how == "close":
            windows[0].close()
        else:
            qapp.quit()

    QTimer.singleShot(5, close_while_running)
    sys.exit(app_module.run_gui(data_dir))
    """
)


@pytest.mark.parametrize("how", ["close", "quit"])
def test_closing_during_the_chart_import_exits_cleanly(tmp_path, files, how):
    """The window closes (or the app quits) mid-import: exit 0 and no warning on stderr."""
    create_journal(files, None).close()
    modules = tmp_path / "modules"
    modules.mkdir()
    (modules / "slow_probe_module.py").write_text(SLOW_MODULE)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(files.folder), str(modules), how],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "closing while the background work runs" in result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert "QThread" not in result.stderr
    # The offscreen platform's note about window size hints is the only line allowed.
    assert [line for line in result.stderr.splitlines() if OFFSCREEN_NOTE not in line] == []


def test_locking_waits_for_the_chart_import(
    qtbot, window_for, journal, files, tmp_path, monkeypatch
):
    """Locking while the import runs leaves no thread behind."""
    (tmp_path / "slow_lock_probe.py").write_text(SLOW_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(warmup_module, "CHART_MODULES", ("slow_lock_probe",))
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    work = window.findChild(Warmup)
    work.start()
    assert work.is_running
    window.lock_now()
    assert not session.is_unlocked
    assert not work.is_running
    QApplication.processEvents()


def test_a_window_closed_before_the_chart_import_never_starts_it(qtbot, window_for, journal, files):
    """The delayed import is dropped on close, so no thread outlives the window."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    work = window.findChild(Warmup)
    assert work.is_scheduled
    window.close()
    assert not work.is_scheduled and not work.is_running
