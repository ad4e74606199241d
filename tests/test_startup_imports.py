"""The app starts without waiting for libraries it does not need yet: the command line's
``--help`` and the first window load no charts, no numpy and no sqlite-utils, and opening a
journal loads sqlite-utils without numpy and without its plugins. Each of these is a part of
the start-up time someone could bring back by one import at the top of a module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from recovery_desktop.data.journal import JournalFiles, create_journal, open_unprotected

ROOT = Path(__file__).resolve().parent.parent
CHARTS = ("matplotlib", "numpy")
HEAVY = (*CHARTS, "sqlite_utils", "PySide6", "cryptography", "sqlcipher3")


def loaded_after(code: str, watched: tuple[str, ...], cwd: Path = ROOT) -> list[str]:
    """The ``watched`` top-level packages a fresh interpreter has loaded after ``code``."""
    script = (
        f"{code}\n"
        "import sys\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({watched!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=cwd, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout.strip().splitlines()[-1])  # a list of names printed above


@pytest.mark.parametrize("argv", [None, ["--help"], ["--version"], ["report", "--help"]])
def test_command_line_help_loads_no_heavy_library(argv):
    """Importing the command line, and asking it for help or its version, loads neither Qt,
    nor the charts, nor the database and encryption libraries."""
    call = "" if argv is None else f"\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"
    code = f"from recovery_desktop.cli import main{call}"
    assert loaded_after(code, HEAVY) == []


OPENED_LATER = (
    "recovery_desktop.ui.pages",
    "recovery_desktop.data.journal",
    "recovery_desktop.data.checkins",
    "sqlite_utils",
    "sqlcipher3",
    "cryptography",
    "matplotlib",
    "numpy",
)


@pytest.mark.parametrize(
    ("first_window", "also_later"),
    [
        ("recovery_desktop.ui.main_window", ("recovery_desktop.ui.dialogs.key_wizards",)),
        ("recovery_desktop.ui.dialogs.key_wizards", ("recovery_desktop.ui.main_window",)),
    ],
    ids=["unlock screen", "first-run wizard"],
)
def test_the_first_window_waits_for_no_page_and_no_repository(first_window, also_later):
    """What the app imports before its first window (the unlock screen, or the first-run
    wizard for a new journal) holds none of the main window's pages, none of the journal's
    repositories, no sqlite-utils, SQLCipher or cryptography: those load once a journal is
    opened or created. An existing journal does not load the wizard, nor a new one the main
    window until the wizard is done."""
    late = (*OPENED_LATER, *also_later)
    script = (
        "import sys\n"
        f"import recovery_desktop.ui.app, {first_window}\n"
        f"late = {late!r}\n"
        "late_dotted = tuple(name + '.' for name in late)\n"
        "print(sorted(m for m in sys.modules if m in late or m.startswith(late_dotted)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_first_window_loads_no_charts(tmp_path):
    """The main window on an open journal is built and shown without matplotlib or numpy:
    charts load in the background later (ui/warmup.py)."""
    code = (
        "import os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from recovery_desktop.data.journal import JournalFiles, create_journal\n"
        "from recovery_desktop.ui.app import build_main_window\n"
        "from recovery_desktop.ui.session import Session\n"
        "app = QApplication([])\n"
        f"files = JournalFiles(Path({str(tmp_path / 'journal')!r}))\n"
        "session = Session(files)\n"
        "session.adopt(create_journal(files, None))\n"
        "window = build_main_window(session)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert window.isVisible() and session.is_unlocked\n"
        "window.stop_background()\n"
    )
    assert loaded_after(code, CHARTS) == []


def test_opening_a_journal_loads_no_numpy(tmp_path):
    """sqlite-utils would import numpy (and pandas) only to know their number types; the
    journal never stores them, so opening one leaves numpy for the charts to load."""
    folder = tmp_path / "journal"
    create_journal(JournalFiles(folder), None).close()
    code = (
        "from pathlib import Path\n"
        "from recovery_desktop.data.journal import JournalFiles, open_unprotected\n"
        f"journal = open_unprotected(JournalFiles(Path({str(folder)!r})))\n"
        "assert journal.counts()['checkins'] == 0\n"
        "journal.close()\n"
    )
    assert loaded_after(code, ("numpy", "pandas", "sqlite_utils")) == ["sqlite_utils"]
    # Refused for that one import only: the charts can import numpy afterwards.
    later = f"{code}import numpy\n"
    assert loaded_after(later, ("numpy", "sqlite_utils")) == ["numpy", "sqlite_utils"]


def test_opening_a_journal_runs_no_sqlite_utils_plugin(files, monkeypatch):
    """No installed sqlite-utils plugin is looked for or run on the journal's connection
    (looking scans every installed package, and a plugin would see the decrypted data)."""
    from sqlite_utils import plugins

    searched: list[str] = []
    monkeypatch.setattr(plugins, "_plugins_loaded", False)
    monkeypatch.setattr(plugins.pm, "load_setuptools_entrypoints", searched.append)
    create_journal(files, None).close()
    open_unprotected(files).close()
    assert searched == []


def test_the_refusal_holds_for_the_importing_thread_only(tmp_path, monkeypatch):
    """While sqlite-utils is imported without numpy, the charts may be importing numpy on
    their own thread (ui/warmup.py): that import must not fail."""
    import threading

    from recovery_desktop.data.sqlite_utils_import import _RefuseOnThisThread

    (tmp_path / "probe_for_charts.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "probe_for_charts", raising=False)
    refuse = _RefuseOnThisThread(["probe_for_charts"])
    monkeypatch.setattr(sys, "meta_path", [refuse, *sys.meta_path])
    with pytest.raises(ModuleNotFoundError):
        import probe_for_charts  # noqa: F401
    other: list[int] = []
    worker = threading.Thread(target=lambda: other.append(__import__("probe_for_charts").VALUE))
    worker.start()
    worker.join()
    assert other == [1]
