"""A folder chosen in a file dialog is not written to Qt's shared settings file, where
anyone could read it; what other Qt apps keep there is left as it was."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

# A save dialog through the app's helper, in a folder the user went to; the dialog's
# parent window is then closed and deleted, as when the app quits.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
    from recovery_desktop.ui.save_dialog import FileKind, ask_folder, ask_save_path

    app = QApplication(sys.argv[:1])
    target = Path(sys.argv[1])
    window = QWidget()
    window.show()

    def choose():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, choose)
            return
        folder_mode = sys.argv[2] == "folder"  # the user opens the folder (and picks it)
        dialog.setDirectory(str(target if folder_mode else target.parent))
        dialog.findChild(QLineEdit, "fileNameEdit").setText("" if folder_mode else target.name)
        dialog.accept()

    QTimer.singleShot(0, choose)
    if sys.argv[2] == "folder":
        print(ask_folder(window, "Choose", Path.home()))
    else:
        chosen = ask_save_path(window, "Save", Path.home() / "x.pdf", [FileKind("PDF", "pdf")])
        print(chosen[0])
    window.close()
    window.deleteLater()
    del window
    app.processEvents()
    """
)
OTHER_APP = "[FileDialog]\nhistory=file:///srv/other-app\nlastVisited=file:///srv/other-app\n"


def choose_in_dialog(home: Path, target: Path, mode: str = "save") -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(target), mode],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def files_mentioning(folder: Path, text: str) -> list[Path]:
    return [
        path for path in folder.rglob("*") if path.is_file() and text.encode() in path.read_bytes()
    ]


def test_the_chosen_folder_is_not_kept_in_settings(tmp_path):
    """After saving into a folder, no file under the user's home names that folder."""
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    target = tmp_path / "appointments-at-the-clinic" / "week.pdf"
    target.parent.mkdir()
    assert choose_in_dialog(home, target) == str(target)
    assert files_mentioning(home, "appointments-at-the-clinic") == []


def test_other_apps_dialog_history_is_kept(tmp_path):
    """What another Qt app stored in the shared settings file is still there, unchanged."""
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    shared = home / ".config" / "QtProject.conf"
    shared.write_text(OTHER_APP)
    target = tmp_path / "appointments-at-the-clinic" / "week.pdf"
    target.parent.mkdir()
    choose_in_dialog(home, target)
    assert files_mentioning(home, "appointments-at-the-clinic") == []
    assert shared.read_text() == OTHER_APP


def test_a_chosen_backup_folder_is_not_kept_in_settings(tmp_path):
    """The backup folder chooser goes through the same care as the save dialogs."""
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    folder = tmp_path / "usb-stick-at-the-clinic" / "backups"
    folder.mkdir(parents=True)
    assert choose_in_dialog(home, folder, "folder") == str(folder)
    assert files_mentioning(home, "usb-stick-at-the-clinic") == []
