"""A crash of the app writes no core file: the process's memory holds the data key and
decrypted entries."""

import subprocess
import sys
import textwrap

import pytest

# The real entry point, stopped by --version right after argument parsing, then asked.
CHILD = textwrap.dedent(
    """
    import ctypes, resource, sys
    from recovery_desktop.cli import main
    try:
        main(["--version"])
    except SystemExit:
        pass
    print("core", *resource.getrlimit(resource.RLIMIT_CORE))
    if sys.platform.startswith("linux"):  # PR_GET_DUMPABLE (/proc/self/status may lack it)
        print("dumpable", ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="core dumps are a Linux and macOS matter")
def test_the_app_process_cannot_dump_core():
    """Before the arguments are even read, the core-file limit is 0 (soft and hard) and, on
    Linux, the process is marked not dumpable."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60, check=True
    )
    lines = result.stdout.splitlines()
    assert "core 0 0" in lines
    if sys.platform.startswith("linux"):
        assert "dumpable 0" in lines
