"""The printed summary of a week not yet over, and of weeks after a lapse, read back from the
HTML and the PDF of a real journal."""

import html as html_text
import re
import unicodedata
from datetime import date, datetime, timedelta

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import parse_week
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.domain.summary import SummaryOptions
from recovery_desktop.reports.summary_service import build_summary, read_request
from recovery_desktop.ui.printing import write_pdf
from tests.pdf_text import pdf_text

WEDNESDAY = date(2026, 11, 25)
THIS_WEEK = parse_week("2026-W48")  # Monday 23 – Sunday 29 November 2026


def _texts(journal, period, today, tmp_path):
    """The summary's HTML as text and its PDF's text, built as the page and ``report``
    build them."""
    built = build_summary(read_request(journal, period, today, SummaryOptions()))
    path = tmp_path / f"{period.key}.pdf"
    write_pdf(built, path, "A4", journal.files.app_folders())
    body = built.document.html.split("<body>")[1]
    html = " ".join(html_text.unescape(re.sub(r"<[^>]+>", " ", body)).split())
    return html, unicodedata.normalize("NFKC", pdf_text(path))


def _this_week_so_far(journal):
    """Clean since 1 November; Monday to Wednesday answered, a meeting on Tuesday."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, date(2026, 11, 1), date(2026, 11, 1))
    journal.checkins.save_many(
        CheckIn(THIS_WEEK.start + timedelta(days=n), mood=6, used=False, meeting=n == 1)
        for n in range(3)
    )


def test_the_current_week_on_a_wednesday_counts_only_the_days_so_far(journal, tmp_path):
    """Printed on Wednesday 25 November: 3 of 3 days so far, nothing "not answered", and
    clean time as of today, never "of 7", "Not answered: 4" or a streak on Sunday 29th."""
    _this_week_so_far(journal)
    html, pdf = _texts(journal, THIS_WEEK, WEDNESDAY, tmp_path)
    for text in (html, pdf):
        assert "Week 48, 2026 (23–29 November 2026) — so far, to Wednesday 25 November" in text
        assert "Days checked in: 3 of 3 so far" in text
        assert "of 7" not in text
        assert "Days I used: 0 · Days I didn't use: 3 · Not answered: 0" in text
        assert "Not answered: 4" not in text
        assert "24 days in a row on 25 November" in text
        assert "29 November" not in text.replace("(23–29 November 2026)", "")
        assert "Went to a meeting 1 2 0" in text
        assert "Had therapy 0 0 3" in text


def _lapse_then_restart(journal):
    """Clean from 1 October; a lapse on Wednesday 4 November, recorded on Monday 16 November
    with the new count starting that day."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, date(2026, 10, 1), date(2026, 10, 1))
    lapse = Lapse(None, datetime(2026, 11, 4, 20, 15), DEFAULT_SUBSTANCE, before="payday")
    journal.recovery_time.record_lapse(lapse, date(2026, 11, 16), date(2026, 11, 16))


def test_weeks_between_a_lapse_and_a_later_restart_name_the_real_lapse_day(journal, tmp_path):
    """Weeks 45 and 46 print the lapse of 4 November and the restart on the 16th, never a
    lapse on the last day of the week."""
    _lapse_then_restart(journal)
    for week, lapses in (("2026-W45", "Lapses recorded: 1"), ("2026-W46", "No lapses recorded")):
        html, pdf = _texts(journal, parse_week(week), date(2026, 11, 25), tmp_path)
        for text in (html, pdf):
            assert "last lapse 4 November; counting again from 16 November" in text
            assert "34 clean days in all" in text  # 1 October to 4 November
            assert "lapse on 8 November" not in text and "lapse on 15 November" not in text
            assert lapses in text
