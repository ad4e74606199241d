"""``report`` for a period that runs past today, or starts after it, says so."""

from datetime import date, timedelta

from tests.pdf_text import pdf_text
from tests.test_cli import SECRET, cli
from tests.test_cli import demo_dir as demo_dir  # the shared demo journal fixture


def _report(folder, start, end, out):
    return cli(
        "report",
        "--data-dir",
        str(folder),
        "--from",
        start.isoformat(),
        "--to",
        end.isoformat(),
        "--out",
        str(out),
        passphrase=SECRET,
    )


def test_a_range_running_past_today_is_counted_so_far(demo_dir, tmp_path):
    """Two days ago to four days ahead: three days counted, and the heading and the message
    say "so far"."""
    today = date.today()
    out = tmp_path / "so-far.pdf"
    result = _report(demo_dir, today - timedelta(days=2), today + timedelta(days=4), out)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "— so far, to " in text and " of 3 so far" in text
    assert " of 7" not in text
    assert "— so far, to " in result.stderr


def test_a_range_after_today_prints_that_it_is_still_to_come(demo_dir, tmp_path):
    """Next week's range: no figures, one plain line, the lists only."""
    today = date.today()
    out = tmp_path / "to-come.pdf"
    result = _report(demo_dir, today + timedelta(days=1), today + timedelta(days=7), out)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "— still to come" in text
    assert "This period hasn't started yet" in text or "This period hasn’t started yet" in text
    assert "Days checked in" not in text and "Clean time" not in text
