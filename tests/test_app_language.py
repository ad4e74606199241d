"""Dates are written in the app's language whatever the system's locale says.

Qt calls ``setlocale(LC_ALL, "")`` at start-up; under a French system ``strftime`` then wrote
"16–22 novembre 2026" inside English sentences. These tests run under a real French locale,
compiled into a temporary folder with ``localedef`` (no system change needed)."""

import locale
import os
import re
import subprocess
import sys
from datetime import date, datetime

import pytest

from recovery_desktop.domain.calendar_text import date_text, long_date, short_day
from recovery_desktop.domain.periods import iso_week, last_full_week
from recovery_desktop.reports.date_axis import DateLabels
from tests.test_cli import SECRET, cli

FRENCH_WORDS = re.compile(r"novembre|décembre|lun\.|mar\.|lundi|mardi|nov\.|déc\.", re.I)


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    """LOCPATH of a folder holding fr_FR.UTF-8, or skip where the locale sources are missing."""
    folder = tmp_path_factory.mktemp("locales")
    made = subprocess.run(
        ["localedef", "-i", "fr_FR", "-f", "UTF-8", str(folder / "fr_FR.UTF-8")],
        capture_output=True,
        check=False,
    )
    if not (folder / "fr_FR.UTF-8").exists():
        pytest.skip(f"localedef could not build fr_FR.UTF-8: {made.stderr[-200:]!r}")
    return folder


@pytest.fixture(scope="module")
def journal(tmp_path_factory):
    folder = tmp_path_factory.mktemp("journal") / "journal"
    made = cli("demo-data", "--data-dir", str(folder), "--weeks", "3", passphrase=SECRET)
    assert made.returncode == 0, made.stderr
    return folder


@pytest.fixture
def french_process(french, monkeypatch):
    """This process switched to French, as Qt does at start-up on a French system."""
    monkeypatch.setenv("LOCPATH", str(french))
    old = locale.setlocale(locale.LC_ALL)
    locale.setlocale(locale.LC_ALL, "fr_FR.UTF-8")
    assert "novembre" in date(2026, 11, 16).strftime("%B")  # the trap is really set
    yield
    locale.setlocale(locale.LC_ALL, old)


def test_names_do_not_follow_the_process_locale(french_process):
    monday = date(2026, 11, 16)
    assert date_text(monday, "%a %-d %b %Y") == "Mon 16 Nov 2026"
    assert (
        date_text(datetime(2026, 11, 16, 9, 5), "%A %-d %B, %H:%M") == "Monday 16 November, 09:05"
    )
    assert long_date(monday) == "16 November 2026"
    assert short_day(monday) == "Mon 16 Nov"
    assert iso_week(2026, 47).label == "Week 47, 2026 (16–22 November 2026)"


def test_chart_ticks_do_not_follow_the_process_locale(french_process):
    from matplotlib import dates as mdates

    days = [date(2026, 11, 16), date(2026, 11, 17), date(2026, 12, 1)]
    labels = DateLabels(weekdays=True).format_ticks([mdates.date2num(d) for d in days])
    assert labels[0] == "Mon\n16 Nov"
    assert not any(FRENCH_WORDS.search(label) for label in labels)
    monthly = DateLabels().format_ticks([mdates.date2num(date(2026, m, 1)) for m in (11, 12)])
    assert monthly == ["Nov\n2026", "Dec"]


def test_unknown_directives_are_refused():
    with pytest.raises(ValueError):
        date_text(date(2026, 11, 16), "%x")


def test_report_under_a_french_system_is_written_in_english(french, tmp_path, journal):
    """The whole path: ``report`` starts Qt (which sets the locale) and writes PDF and HTML."""
    from tests.pdf_text import pdf_text

    week = last_full_week(date.today())
    french_env = {"LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8", "LOCPATH": str(french)}
    out, html = tmp_path / "week.pdf", tmp_path / "week.html"
    result = cli(
        "report",
        "--data-dir",
        str(journal),
        "--week",
        week.key,
        "--out",
        str(out),
        "--html",
        str(html),
        passphrase=SECRET,
        locale_env=french_env,
    )
    assert result.returncode == 0, result.stderr
    printed = pdf_text(out)
    assert f"Printed {long_date(date.today())}" in printed
    for text in (printed, html.read_text(encoding="utf-8")):
        assert week.label in text
        assert not FRENCH_WORDS.search(text), FRENCH_WORDS.search(text)


def test_qt_date_fields_use_the_app_language(qapp):
    """Qt's own fields name days and months from QLocale's default, set by the app."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDateEdit

    from recovery_desktop.ui.dates import to_qdate, use_app_language

    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        use_app_language()
        edit = QDateEdit(to_qdate(date(2026, 11, 16)))
        edit.setDisplayFormat("ddd d MMM yyyy")
        assert edit.text() == "Mon 16 Nov 2026"
    finally:
        QLocale.setDefault(before)


SLEEP_FIELD = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from recovery_desktop.ui.dates import use_app_language
from recovery_desktop.ui.widgets.optional_spin import OptionalDoubleSpinBox

app = QApplication([])
use_app_language()
field = OptionalDoubleSpinBox(24, 0.5, "hour")
field.set_optional_value(7.5)
shown = field.text()
field.selectAll()
QTest.keyClicks(field, "6.5")
field.interpretText()
print(repr(shown), field.value())
"""


def test_numbers_use_a_decimal_point_under_a_french_system(french):
    """A French system wrote "7,5 hours" and read a typed "6.5" as 6; the app's language
    (British English) is used for numbers too."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8", LOCPATH=str(french))
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", SLEEP_FIELD], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["'7.5", "hours'", "6.5"]
