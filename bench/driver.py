"""One measured process of ``make bench`` (started by ``bench/run.py``, never by hand).

It starts the way the app starts, watches for the moment being measured, prints one JSON
line on stdout (``time.monotonic()`` at that moment, which the parent compares with its own
clock read just before it started this process) and ends at once with ``os._exit``: nothing
is saved or backed up on the way out, so each run leaves its copy of the journal as it was.

Usage: ``driver.py MODE DATA_DIR`` where MODE is

- ``bare``: a bare ``QApplication`` and ``QWidget().show()``; the moment is its first paint.
- ``new``: the app on an empty folder; the moment is the first-run wizard's first paint.
- ``plain``: the app on a journal without a passphrase; the moment is Today's first paint.
- ``unlock``: the app on a protected journal. Once the lock screen has painted, the
  passphrase is typed and Unlock clicked; the moment is Today's first paint. Then
  ``Vault.unlock`` (the Argon2id key derivation) is timed alone.
- ``pages``: as ``plain``, then ``scenario.run`` drives the running app (pages, Trends,
  saves, summary) and its figures are printed.
- ``journal``: as ``plain``, then only the Journal page is opened (``scenario.journal``).
- ``search``: no window; the journal is opened in the data layer and its search timed
  (``journal_search.run``).

The app is started through ``recovery_desktop.cli.main``, the entry point users run. This
driver makes the ``QApplication`` first, as ``run_gui`` does (``QApplication(sys.argv)``),
so that it can watch paints from the first event on; ``run_gui`` then uses that one. If
``run_gui`` ever sets something up before making its application, do the same here.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget
from watch import PASSPHRASE, FirstPaint, finish, is_page, is_window, rss_mb


def run_app(data_dir: str, wanted: Callable[[QObject], bool], then: Callable[[float], None]):
    """Start the app as users do, on ``data_dir``; ``then(t)`` after ``wanted`` painted."""
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint(wanted, then)
    from recovery_desktop.cli import main

    main(["--data-dir", data_dir])
    del app, watcher
    finish({"error": "the app ended before the measured moment"})


def bare() -> None:
    app = QApplication(sys.argv[:1])
    widget = QWidget()
    watcher = FirstPaint(lambda w: w is widget, lambda t: finish({"t": t}))
    widget.show()
    app.exec()
    del watcher


def plain(data_dir: str) -> None:
    run_app(data_dir, lambda w: is_page(w, "Today"), lambda t: finish({"t": t, "rss": rss_mb()}))


def new(data_dir: str) -> None:
    run_app(data_dir, is_window, lambda t: finish({"t": t}))


def unlock(data_dir: str) -> None:
    """Type the passphrase on the painted lock screen and click Unlock, as a user does."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QPushButton

    keep: list[FirstPaint] = []

    def painted_today(t_click: float, t: float) -> None:
        from recovery_desktop.data.journal import JournalFiles

        vault = JournalFiles(Path(data_dir)).vault()
        start = time.monotonic()
        vault.unlock(PASSPHRASE)
        argon2 = time.monotonic() - start
        finish({"t": t, "since_click": t - t_click, "argon2": argon2, "rss": rss_mb()})

    def type_and_click(_t: float) -> None:
        widgets = [w for w in QApplication.allWidgets() if w.isVisible()]
        field = next(
            w for w in widgets if isinstance(w, QLineEdit) and w.accessibleName() == "Passphrase"
        )
        button = next(w for w in widgets if isinstance(w, QPushButton) and w.text() == "&Unlock")
        QTest.keyClicks(field, PASSPHRASE)
        t_click = time.monotonic()
        keep.append(FirstPaint(lambda w: is_page(w, "Today"), lambda t: painted_today(t_click, t)))
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    run_app(data_dir, is_window, type_and_click)


def pages(data_dir: str) -> None:
    def run_scenario(t: float) -> None:
        import scenario

        finish({"t": t, "rss": rss_mb(), **scenario.run()})

    run_app(data_dir, lambda w: is_page(w, "Today"), run_scenario)


def journal(data_dir: str) -> None:
    def run_scenario(t: float) -> None:
        import scenario

        finish({"t": t, **scenario.journal()})

    run_app(data_dir, lambda w: is_page(w, "Today"), run_scenario)


def search(data_dir: str) -> None:
    import journal_search

    result = journal_search.run(data_dir)
    finish({"t": time.monotonic(), **result})


if __name__ == "__main__":
    mode, folder = sys.argv[1], sys.argv[2]
    if mode == "bare":
        bare()
    else:
        modes = {"plain": plain, "new": new, "unlock": unlock, "pages": pages}
        modes |= {"journal": journal, "search": search}
        modes[mode](folder)
