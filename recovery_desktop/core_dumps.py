"""No core dumps: a crash must not write the process's memory (the data key, decrypted
entries) to a file on disk.

Linux and macOS only; elsewhere, or where the system refuses, nothing happens.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

PR_SET_DUMPABLE = 4  # <linux/prctl.h>


def disable_core_dumps() -> None:
    """Set the core-file size limit to 0 (Linux, macOS) and, on Linux, mark the process
    not dumpable (no core file even from a crash handler that raises the limit, and no
    reading of its memory through ``/proc`` by other processes of the same user).
    Failures are ignored: this is a precaution, not a condition for running."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, TypeError):
            # The process's own symbols include libc's (no library search at start-up).
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
