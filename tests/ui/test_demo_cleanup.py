"""``--demo`` leaves nothing behind: stopped by SIGTERM or Ctrl+C (SIGINT), its throwaway
journal (and anything typed into it) is removed, and one left by a killed process is
removed at the next start."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from recovery_desktop.ui.demo_journal import PREFIX

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# The real entry point with --demo; says "shown" once its window is up.
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from recovery_desktop.cli import main

    app = QApplication(sys.argv[:1])

    def say_when_shown():
        if any(w.isVisible() for w in app.topLevelWidgets()):
            print("shown", flush=True)
        else:
            QTimer.singleShot(20, say_when_shown)

    QTimer.singleShot(0, say_when_shown)
    sys.exit(main(["--demo"]))
    """
)


def start_demo(temp_dir: Path) -> subprocess.Popen[str]:
    """The app with --demo, its temporary folder in ``temp_dir``, once its window shows."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temp_dir), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout.readline() == "shown\n", child.communicate(timeout=60)[1]
    return child


def demo_folders(temp_dir: Path) -> list[Path]:
    return sorted(temp_dir.glob(f"{PREFIX}*"))


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_demo_removes_its_journal(tmp_path, stop):
    """While the demo runs its journal is in the temporary folder; after the signal the
    app ends by itself, calmly, and the folder is gone."""
    child = start_demo(tmp_path)
    [folder] = demo_folders(tmp_path)
    assert (folder / "journal.db").exists()
    child.send_signal(stop)
    _out, errors = child.communicate(timeout=60)
    assert demo_folders(tmp_path) == []
    assert child.returncode in (1, 128 + stop)
    assert "Traceback" not in errors


def test_a_demo_journal_of_a_killed_process_is_removed_at_the_next_start(tmp_path):
    """A demo folder whose process is gone is removed when the app starts; the folder of
    a process still running is kept."""
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    left = tmp_path / f"{PREFIX}{gone.stdout.strip()}-abc"
    running = tmp_path / f"{PREFIX}{os.getpid()}-def"
    for folder in (left, running):
        folder.mkdir()
        (folder / "journal.db").write_bytes(b"typed things")
    child = start_demo(tmp_path)
    try:
        assert not left.exists()
        assert running.exists()
    finally:
        child.send_signal(signal.SIGTERM)
        child.communicate(timeout=60)
