"""Heavy modules load on a worker thread; pages hear once when they are ready."""

import sys
import threading

from PySide6.QtCore import QObject

from recovery_desktop.ui.warmup import Warmup

PROBE = """
import threading
IMPORTED_ON = threading.current_thread().name
"""


class _Listener(QObject):
    def __init__(self):
        super().__init__()
        self.calls = 0

    def ready(self):
        self.calls += 1


def test_modules_load_off_the_gui_thread_and_callbacks_run_once(qtbot, tmp_path, monkeypatch):
    """The import runs on another thread; a page that asks twice is called back once."""
    (tmp_path / "warm_probe_module.py").write_text(PROBE)
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("warm_probe_module", None)
    warmup = Warmup(["warm_probe_module"])
    listener = _Listener()
    assert not warmup.is_ready
    with qtbot.waitSignal(warmup.ready, timeout=5000):
        warmup.when_ready(listener.ready)
        warmup.when_ready(listener.ready)
    assert warmup.is_ready and listener.calls == 1
    assert threading.current_thread().name != sys.modules["warm_probe_module"].IMPORTED_ON
    warmup.when_ready(listener.ready)  # already loaded: called at once
    assert listener.calls == 2
