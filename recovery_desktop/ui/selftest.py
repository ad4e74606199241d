"""``--self-test``: proves a bundle works, headless, without touching any real journal.

Checks that the bundled Qt binding keeps Python's ``None`` alive, creates a protected journal
in a temporary folder, unlocks it, saves and reads a check-in, draws one matplotlib figure,
saves a chart as SVG as "Save chart" does (matplotlib loads its SVG backend by name, which a
bundle can miss) and writes this week's summary as a PDF. Exit code 0 means all of it worked.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from recovery_desktop.data.journal import JournalFiles, create_journal, open_with_passphrase
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import week_of
from recovery_desktop.domain.summary import SummaryInputs

PASSPHRASE = "self-test: a long enough passphrase ✓"


def _say(text: str) -> None:
    if sys.stdout is not None:
        print(text, flush=True)


def _journal_round_trip(folder: Path) -> SummaryInputs:
    """Create, lock, unlock, save and read back; returns this week's summary inputs."""
    files = JournalFiles(folder / "journal")
    create_journal(files, PASSPHRASE).close()
    journal = open_with_passphrase(files, PASSPHRASE)
    try:
        written = CheckIn(date.today(), mood=7, craving_peak=2, used=False, note="self-test")
        journal.checkins.save(written)
        if journal.checkins.get(written.day) != written or journal.integrity() != "ok":
            raise RuntimeError("check-in did not read back")
        return journal.summary_inputs(week_of(date.today()))
    finally:
        journal.close()


def _chart_as_svg(inputs: SummaryInputs) -> bytes:
    """One chart saved as an SVG image, checked as "Save chart" checks it."""
    from recovery_desktop.data.output_files import svg_check
    from recovery_desktop.reports.chart_kit import Chart, image
    from recovery_desktop.reports.summary import print_chart

    figure = print_chart(inputs, "mood_craving", date.today())
    data = image(Chart("Self-test", figure), "svg")
    svg_check(data)
    return data


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from recovery_desktop.domain.summary import SummaryOptions
    from recovery_desktop.reports.summary import build_summary, chart_png
    from recovery_desktop.ui.binding_check import keeps_none, none_is_kept
    from recovery_desktop.ui.printing import write_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    before, after = none_is_kept()
    if not keeps_none(before, after):
        raise RuntimeError(f"the Qt binding leaks references to None ({before} -> {after})")
    _say("qt binding: ok")
    with tempfile.TemporaryDirectory(prefix="recovery-desktop-self-test-") as tmp:
        folder = Path(tmp)
        inputs = _journal_round_trip(folder)
        _say("journal: ok")
        png = chart_png(inputs, "mood_craving", date.today())
        _say(f"chart: ok ({len(png)} bytes)")
        _say(f"svg: ok ({len(_chart_as_svg(inputs))} bytes)")
        pdf = folder / "self-test.pdf"
        built = build_summary(inputs, SummaryOptions(), date.today())
        write_pdf(built, pdf, "A4", JournalFiles(folder / "journal").app_folders())
        data = pdf.read_bytes()
        if not data.startswith(b"%PDF") or b"/Image" not in data:
            raise RuntimeError("PDF not written, or its chart is missing")
        _say(f"pdf: ok ({len(data)} bytes)")
    del app
    _say("self-test passed")
    return 0
