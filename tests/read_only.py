"""Making a journal folder read-only for a test, in a way that also binds root.

File modes do not stop root, and CI runs the tests as root: there the folder is bound onto
itself and remounted read-only (Linux, needs permission to mount); where that is refused,
the test is skipped with the reason. Other users get modes: 0500 for the folder, 0400 for
its files.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    if os.name != "posix":
        pytest.skip("read-only folders are made with POSIX modes or mounts")
    if os.geteuid() == 0:
        with _read_only_mount(folder):
            yield
        return
    modes = {path: path.stat().st_mode for path in [folder, *folder.iterdir()]}
    for path in modes:
        path.chmod(0o500 if path.is_dir() else 0o400)
    try:
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


@contextlib.contextmanager
def _read_only_mount(folder: Path) -> Iterator[None]:
    bound = _run("mount", "--bind", str(folder), str(folder))
    if bound.returncode != 0:
        pytest.skip(f"root ignores file modes and may not mount here: {bound.stderr.strip()}")
    try:
        remounted = _run("mount", "-o", "remount,ro,bind", str(folder))
        if remounted.returncode != 0:
            pytest.skip(f"root ignores file modes and may not remount: {remounted.stderr.strip()}")
        yield
    finally:
        _run("umount", str(folder))


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30)
    except FileNotFoundError as error:
        return subprocess.CompletedProcess(command, 127, "", str(error))
