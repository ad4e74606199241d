"""Backups in words: local date and time with how long ago, the reason, size and counts."""

from datetime import datetime, timedelta, timezone

from recovery_desktop.domain.backup_words import (
    about_span_words,
    counts_words,
    moment_text,
    reason_words,
    size_words,
    span_words,
    when_words,
)


def test_when_reads_local_time_and_how_long_ago():
    taken = datetime(2026, 11, 30, 6, 15, tzinfo=timezone.utc)
    local = taken.astimezone()
    words = when_words(taken, taken + timedelta(hours=3, minutes=20))
    assert words.startswith(local.strftime("%a %d %b %Y, %H:%M").replace(" 0", " ", 1)[:3])
    assert words.endswith(" — 3 hours ago")
    assert when_words(taken, taken + timedelta(seconds=20)).endswith("— just now")


def test_spans_use_the_largest_whole_unit():
    assert span_words(timedelta(minutes=1)) == "1 minute"
    assert span_words(timedelta(hours=1, minutes=59)) == "1 hour"
    assert span_words(timedelta(days=1)) == "1 day"
    assert span_words(timedelta(days=13)) == "13 days"
    assert span_words(timedelta(days=15)) == "2 weeks"
    assert span_words(timedelta(seconds=-5)) == "less than a minute"


def test_reasons_sizes_and_counts_in_plain_words():
    assert reason_words("before-upgrade") == "before an upgrade"
    assert reason_words("manual") == "by hand"
    assert reason_words("something-new") == "something new"
    assert size_words(1_400_000) == "1.4 MB"
    assert size_words(320_400) == "320 KB"
    assert size_words(10) == "1 KB"
    counts = {"checkins": 1, "cravings": 2, "contacts": 0, "reach_outs": 5, "lapses": 1}
    assert counts_words(counts) == (
        "1 check-in, 2 cravings, 0 contacts, 5 reach-outs, 1 lapse, 0 planned blocks, "
        "0 plan versions"
    )
    assert counts_words({**counts, "day_blocks": 1}).endswith("1 planned block, 0 plan versions")
    assert counts_words({**counts, "plan_versions": 1}).endswith("blocks, 1 plan version")


def test_a_span_said_with_about_reads_as_english_for_every_small_duration():
    """ "about less than a minute before the last change" was shown on the damaged screen."""
    for seconds in (0, 1, 30, 59):
        assert about_span_words(timedelta(seconds=seconds)) == "less than a minute"
    assert about_span_words(timedelta(seconds=60)) == "about 1 minute"
    assert about_span_words(timedelta(hours=3, minutes=5)) == "about 3 hours"


def test_seconds_tell_apart_two_backups_of_one_minute():
    first = datetime(2026, 11, 30, 6, 15, 2, tzinfo=timezone.utc)
    second = first + timedelta(seconds=40)
    now = second + timedelta(hours=1)
    assert when_words(first, now) == when_words(second, now)  # to the minute: the same
    assert when_words(first, now, seconds=True) != when_words(second, now, seconds=True)
    assert moment_text(first, seconds=True).endswith(first.astimezone().strftime("%H:%M:%S"))
