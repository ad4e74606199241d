"""Unexpected errors (bugs): a calm dialog and a log entry that holds no journal content.

Only the exception's type and the code locations are logged, never its message or any
variable, because either could contain something the user typed.
"""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from recovery_desktop import __version__
from recovery_desktop.data.fsutil import ensure_private_dir

log = logging.getLogger("recovery_desktop")


def content_free_report(kind: type[BaseException], tb: TracebackType | None) -> str:
    frames = traceback.extract_tb(tb)
    lines = [f"{datetime.now():%Y-%m-%d %H:%M:%S} Recovery Desktop {__version__}: {kind.__name__}"]
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(lines)


def append_to_log(log_folder: Path, report: str) -> None:
    """Add a content-free report to errors.log; a log that cannot be written is skipped."""
    try:
        ensure_private_dir(log_folder)
        with open(log_folder / "errors.log", "a", encoding="utf-8") as handle:
            handle.write(report + "\n")
    except Exception:
        pass


def install(log_folder: Path) -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        append_to_log(log_folder, content_free_report(kind, tb))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                "Something went wrong",
                "Recovery Desktop hit an unexpected problem. Everything that showed "
                "\u201cSaved\u201d is safe in your journal.\n\nIf this keeps happening, "
                f"the file errors.log in {log_folder} describes where it happened "
                "(it contains nothing you wrote).",
            )

    sys.excepthook = hook
