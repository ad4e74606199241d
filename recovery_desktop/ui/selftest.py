"""``--self-test``: proves a bundle works, headless, without touching any real journal.

Creates a protected journal in a temporary folder, unlocks it, saves and reads a check-in,
draws one matplotlib figure and writes a small PDF. Exit code 0 means all of it worked.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from recovery_desktop.data.journal import JournalFiles, create_journal, open_with_passphrase
from recovery_desktop.domain.checkin import CheckIn

PASSPHRASE = "self-test: a long enough passphrase ✓"


def _say(text: str) -> None:
    if sys.stdout is not None:
        print(text, flush=True)


def _journal_round_trip(folder: Path) -> CheckIn:
    files = JournalFiles(folder / "journal")
    create_journal(files, PASSPHRASE).close()
    journal = open_with_passphrase(files, PASSPHRASE)
    try:
        written = CheckIn(date.today(), mood=7, craving_peak=2, used=False, note="self-test")
        journal.checkins.save(written)
        read = journal.checkins.get(written.day)
        if read != written or journal.integrity() != "ok":
            raise RuntimeError("check-in did not read back")
        return read
    finally:
        journal.close()


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from recovery_desktop.reports.charts import mood_and_craving, to_png
    from recovery_desktop.ui.printing import write_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="recovery-desktop-self-test-") as tmp:
        folder = Path(tmp)
        checkin = _journal_round_trip(folder)
        _say("journal: ok")
        png = to_png(mood_and_craving([checkin], checkin.day, checkin.day))
        _say(f"chart: ok ({len(png)} bytes)")
        pdf = folder / "self-test.pdf"
        write_pdf(
            "<h1>Self-test</h1><p>Mood 7</p><img src='chart.png' width='400'>",
            pdf,
            {"chart.png": png},
        )
        data = pdf.read_bytes()
        if not data.startswith(b"%PDF") or b"/Image" not in data:
            raise RuntimeError("PDF not written, or its chart is missing")
        _say(f"pdf: ok ({pdf.stat().st_size} bytes)")
    del app
    _say("self-test passed")
    return 0
