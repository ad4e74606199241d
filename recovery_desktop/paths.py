"""Where things live: the journal folder, the log folder and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "RecoveryDesktop"
DATA_DIR_ENV = "RECOVERY_DESKTOP_DATA_DIR"


def default_data_dir() -> Path:
    """The per-user journal folder for this operating system."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``RECOVERY_DESKTOP_DATA_DIR``, then the per-user default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return default_data_dir()


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def resource_path(name: str) -> Path:
    """A file from ``resources/``, both from a source checkout and inside the bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root / "resources" / name
