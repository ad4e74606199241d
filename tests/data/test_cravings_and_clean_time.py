"""Cravings, clean dates and lapses against a real encrypted journal."""

from datetime import date, datetime, timedelta

import pytest

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.cravings import Craving, CravingError, Outcome, Tag
from recovery_desktop.domain.library import Kind
from recovery_desktop.domain.recovery_time import (
    DEFAULT_SUBSTANCE,
    Lapse,
    RecoveryTimeError,
    clean_time,
)
from tests.conftest import PASSPHRASE

TODAY = date.today()


def _tags(journal, kind, count):
    return tuple(Tag(i.id, i.name) for i in journal.library.items(kind)[:count])


def test_a_craving_reads_back_whole_after_reopening(journal, files):
    """Every field, its triggers and coping actions come back as saved."""
    craving = Craving(
        None,
        datetime(2026, 11, 18, 21, 40),
        8,
        _tags(journal, Kind.TRIGGER, 2),
        "Kitchen",
        "Alone",
        "Just once…",
        _tags(journal, Kind.COPING, 1),
        3,
        Outcome.PASSED,
        15,
    )
    saved = journal.cravings.save(craving)
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    assert reopened.cravings.get(saved.id) == saved
    reopened.close()


def test_editing_a_craving_replaces_its_tags(journal):
    """Saving again with fewer triggers leaves only those."""
    saved = journal.cravings.save(
        Craving(None, datetime(2026, 11, 18, 9), 5, _tags(journal, Kind.TRIGGER, 3))
    )
    journal.cravings.save(Craving(saved.id, saved.started_at, 6, saved.triggers[:1]))
    assert journal.cravings.get(saved.id).triggers == saved.triggers[:1]
    assert journal.cravings.count() == 1


def test_filters_by_dates_and_trigger(journal):
    """between() keeps the date range and, if asked, one trigger."""
    payday, alone = _tags(journal, Kind.TRIGGER, 2)
    journal.cravings.save(Craving(None, datetime(2026, 11, 10, 20), 5, (payday,)))
    journal.cravings.save(Craving(None, datetime(2026, 11, 12, 20), 5, (alone,)))
    journal.cravings.save(Craving(None, datetime(2026, 11, 30, 20), 5, (payday,)))
    found = journal.cravings.between(date(2026, 11, 1), date(2026, 11, 20))
    assert [c.day.day for c in found] == [12, 10]
    assert [
        c.day.day
        for c in journal.cravings.between(date(2026, 11, 1), date(2026, 11, 30), payday.key)
    ] == [30, 10]


def test_invalid_cravings_are_refused(journal):
    """An intensity of 11 never reaches the journal."""
    with pytest.raises(CravingError):
        journal.cravings.save(Craving(None, datetime(2026, 11, 10, 20), 11))
    assert journal.cravings.count() == 0


def test_a_lapse_restarts_the_streak_and_deletes_nothing(journal):
    """Recording a lapse keeps every earlier record, closes the attempt and starts anew."""
    start = TODAY - timedelta(days=60)
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, start, TODAY)
    craving = journal.cravings.save(
        Craving(None, datetime.now() - timedelta(days=10), 9, outcome=Outcome.USED)
    )
    counts_before = journal.counts()
    lapse_day = TODAY - timedelta(days=10)
    lapse = Lapse(
        None,
        datetime.combine(lapse_day, datetime.min.time()),
        DEFAULT_SUBSTANCE,
        before="Payday and a long evening alone",
        craving_id=craving.id,
    )
    saved = journal.recovery_time.record_lapse(lapse, lapse_day + timedelta(days=1), TODAY)
    counts = journal.counts()
    assert counts["lapses"] == 1 and counts["clean_dates"] == 2
    for kind in ("checkins", "cravings", "contacts", "reach_outs", "triggers", "coping_actions"):
        assert counts[kind] == counts_before[kind]
    time = clean_time(journal.recovery_time.periods(), DEFAULT_SUBSTANCE, TODAY)
    assert time.streak == 9 and time.cumulative == 50 + 9 and time.attempts == 2
    assert journal.recovery_time.lapses(lapse_day, lapse_day)[0] == saved


def test_a_lapse_before_the_clean_date_changes_nothing(journal):
    """A lapse dated before the current attempt is refused and nothing is written."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=5), TODAY)
    lapse = Lapse(None, datetime.now() - timedelta(days=30), DEFAULT_SUBSTANCE)
    with pytest.raises(RecoveryTimeError):
        journal.recovery_time.record_lapse(lapse, TODAY, TODAY)
    assert journal.counts()["lapses"] == 0 and len(journal.recovery_time.periods()) == 1


def test_clean_dates_per_substance_and_corrections(journal):
    """Each substance has its own count; correcting the date moves only the current attempt."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=30), TODAY)
    journal.recovery_time.set_clean_date("Alcohol", TODAY - timedelta(days=3), TODAY)
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=40), TODAY)
    periods = journal.recovery_time.periods()
    assert clean_time(periods, DEFAULT_SUBSTANCE, TODAY).streak == 40
    assert clean_time(periods, "Alcohol", TODAY).streak == 3
    with pytest.raises(RecoveryTimeError, match="future"):
        journal.recovery_time.set_clean_date("Alcohol", TODAY + timedelta(days=1), TODAY)


def test_deleting_a_craving_keeps_its_lapse(journal):
    """A lapse linked to a deleted craving stays, just unlinked."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=20), TODAY)
    craving = journal.cravings.save(Craving(None, datetime.now(), 9, outcome=Outcome.USED))
    journal.recovery_time.record_lapse(
        Lapse(None, datetime.now(), DEFAULT_SUBSTANCE, craving_id=craving.id), TODAY, TODAY
    )
    journal.cravings.delete(craving.id)
    [lapse] = journal.recovery_time.lapses(TODAY, TODAY)
    assert lapse.craving_id is None
