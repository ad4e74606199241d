"""``--self-test``: proves a bundle works, headless, without touching any real journal.

Checks that the bundled Qt binding keeps Python's ``None`` alive, creates a protected journal
in a temporary folder, unlocks it, saves and reads a check-in, writes this week's summary
(with its charts drawn by matplotlib) as a PDF, writes the plan and its one-page crisis card
as PDFs, and saves a chart as SVG as "Save image…" does (matplotlib loads its SVG backend by
name, which a bundle can miss). Exit code 0 means all of it worked.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.data.journal import (
    Journal,
    JournalFiles,
    create_journal,
    open_with_passphrase,
)
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import Period, week_of
from recovery_desktop.domain.wording import plural

if TYPE_CHECKING:  # importing it would load matplotlib before Qt is checked
    from recovery_desktop.reports.summary_service import BuiltSummary

PASSPHRASE = "self-test: a long enough passphrase ✓"
CHART = "chart-mood_craving.png"


def _say(text: str) -> None:
    if sys.stdout is not None:
        print(text, flush=True)


def _journal_round_trip(files: JournalFiles) -> Journal:
    """Create, lock, unlock, save and read back; returns the journal, open."""
    create_journal(files, PASSPHRASE).close()
    journal = open_with_passphrase(files, PASSPHRASE)
    try:
        written = CheckIn(date.today(), mood=7, craving_peak=2, used=False, note="self-test")
        journal.checkins.save(written)
        if journal.checkins.get(written.day) != written or journal.integrity() != "ok":
            raise RuntimeError("check-in did not read back")
    except BaseException:
        journal.close()
        raise
    return journal


def write_summary(journal: Journal, period: Period, pdf: Path) -> BuiltSummary:
    """The summary of ``period`` as the journal's remembered choices print it, written to
    ``pdf`` on A4 and checked; returns it. Raises RuntimeError when its mood chart or the
    PDF (with the chart in it) is missing."""
    from recovery_desktop.reports.summary_service import build_summary, read_request
    from recovery_desktop.ui.printing import write_pdf

    built = build_summary(read_request(journal, period, date.today()))
    png = built.images.get(CHART, b"")
    if not png.startswith(b"\x89PNG"):
        raise RuntimeError("the summary's chart was not drawn")
    _say(f"chart: ok ({len(png)} bytes)")
    write_pdf(built, pdf, "A4", journal.files.app_folders())
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or b"/Image" not in data:
        raise RuntimeError("PDF not written, or its chart is missing")
    _say(f"pdf: ok ({len(data)} bytes)")
    return built


def write_plan(journal: Journal, folder: Path) -> None:
    """The plan and its crisis card written as PDFs through the same printing path; raises
    RuntimeError when either is missing or the card is not one page."""
    from recovery_desktop.ui.plan_printing import save_plan_pdf

    section = journal.plan.plan().sections[0]
    journal.plan.save_section(section.with_body("Self-test: **my reasons**."), editing=False)
    pages = save_plan_pdf(journal, folder / "plan.pdf", page_size="A4")
    card = save_plan_pdf(journal, folder / "card.pdf", crisis_card=True, page_size="Letter")
    data = (folder / "plan.pdf").read_bytes()
    if not data.startswith(b"%PDF") or pages < 1 or card != 1:
        raise RuntimeError("the plan or its crisis card was not written")
    _say(f"plan: ok ({plural(pages, 'page')}, crisis card on one page)")


def chart_as_svg(journal: Journal, period: Period) -> bytes:
    """The summary's mood chart of ``period`` saved as an SVG image and checked as "Save
    image…" checks it. Raises IncompleteOutput when the image is incomplete."""
    from recovery_desktop.data.output_files import svg_check
    from recovery_desktop.reports.chart_kit import Chart, image
    from recovery_desktop.reports.summary import print_chart

    figure = print_chart(journal.summary_inputs(period), "mood_craving", date.today())
    data = image(Chart("Self-test", figure), "svg")
    svg_check(data)
    return data


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from recovery_desktop.ui.binding_check import keeps_none, none_is_kept

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    before, after = none_is_kept()
    if not keeps_none(before, after):
        raise RuntimeError(f"the Qt binding leaks references to None ({before} -> {after})")
    _say("qt binding: ok")
    with tempfile.TemporaryDirectory(prefix="recovery-desktop-self-test-") as tmp:
        folder = Path(tmp)
        journal = _journal_round_trip(JournalFiles(folder / "journal"))
        try:
            _say("journal: ok")
            write_summary(journal, week_of(date.today()), folder / "self-test.pdf")
            write_plan(journal, folder)
            _say(f"svg: ok ({len(chart_as_svg(journal, week_of(date.today())))} bytes)")
        finally:
            journal.close()
    del app
    _say("self-test passed")
    return 0
