"""Removing a mistaken lapse, and the choice to count clean time, in a real journal."""

from datetime import date, datetime, timedelta

import pytest

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.recovery_time import (
    DEFAULT_SUBSTANCE,
    Lapse,
    RecoveryTimeError,
    clean_time,
)
from tests.conftest import PASSPHRASE

TODAY = date.today()


def _lapse(days_ago, substance=DEFAULT_SUBSTANCE):
    return Lapse(
        None,
        datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()),
        substance,
        before="written before",
    )


def _without_ids(periods):
    return [(p.substance, p.start, p.end) for p in periods]


@pytest.fixture
def forty_days(journal):
    """40 days clean with one earlier lapse 60 days ago."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=90), TODAY)
    journal.recovery_time.record_lapse(_lapse(60), TODAY - timedelta(days=40), TODAY)
    return journal


def test_removing_a_mistaken_lapse_gives_back_the_clean_time_it_took(forty_days, files):
    """The ended attempt runs on, the new one is gone, and it stays so after reopening."""
    journal = forty_days
    before = journal.recovery_time.periods()
    counts = journal.counts()
    mistaken = journal.recovery_time.record_lapse(_lapse(0), TODAY + timedelta(days=1), TODAY)
    assert clean_time(journal.recovery_time.periods(), DEFAULT_SUBSTANCE, TODAY).streak == 0
    journal.recovery_time.remove_lapses([mistaken.id])
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    after = reopened.recovery_time.periods()
    assert _without_ids(after) == _without_ids(before)
    assert clean_time(after, DEFAULT_SUBSTANCE, TODAY).streak == 40
    assert reopened.counts() == counts
    assert [lapse.day for lapse in reopened.recovery_time.lapses(date.min, date.max)] == [
        TODAY - timedelta(days=60)
    ]
    reopened.close()


def test_a_correction_of_the_new_count_goes_with_the_lapse(forty_days):
    """The count the lapse started was corrected; undoing the lapse undoes that too."""
    journal = forty_days
    mistaken = journal.recovery_time.record_lapse(_lapse(5), TODAY - timedelta(days=4), TODAY)
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=3), TODAY)
    journal.recovery_time.remove_lapses([mistaken.id])
    time = clean_time(journal.recovery_time.periods(), DEFAULT_SUBSTANCE, TODAY)
    assert (time.streak, time.attempts) == (40, 2)


def test_an_earlier_lapse_is_refused_and_nothing_changes(forty_days):
    """With a later lapse recorded, removing the earlier one changes nothing at all."""
    journal = forty_days
    [earlier] = journal.recovery_time.lapses(date.min, date.max)
    journal.recovery_time.record_lapse(_lapse(2), TODAY - timedelta(days=1), TODAY)
    periods, told = journal.recovery_time.periods(), []
    journal.changes.subscribe(told.append)
    with pytest.raises(RecoveryTimeError, match="Only the most recent lapse"):
        journal.recovery_time.remove_lapses([earlier.id])
    assert journal.recovery_time.periods() == periods
    assert journal.counts()["lapses"] == 2 and told == []


def test_the_first_count_a_lapse_started_goes_with_it(journal):
    """A lapse that started the only count: removing it leaves no count and no lapse."""
    lapse = journal.recovery_time.record_lapse(_lapse(3), TODAY - timedelta(days=2), TODAY)
    assert journal.recovery_time.periods()[0].started_by == lapse.id
    journal.recovery_time.remove_lapses([lapse.id])
    assert journal.counts()["lapses"] == 0 and journal.recovery_time.periods() == []


def test_a_lapse_can_be_recorded_without_counting(journal):
    """Not counting: the lapse is kept and no count is started behind the user's back."""
    journal.recovery_time.set_counting(False)
    journal.recovery_time.record_lapse(_lapse(1), None, TODAY)
    assert journal.recovery_time.periods() == [] and not journal.recovery_time.counting()
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY, TODAY)
    with pytest.raises(RecoveryTimeError):
        journal.recovery_time.record_lapse(_lapse(0), None, TODAY)


def test_the_choice_to_count_is_kept_in_the_journal(journal, files):
    """Unchosen with no clean date means not counting; a clean date turns counting on."""
    assert journal.recovery_time.counting() is False
    journal.recovery_time.set_counting(False)
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY, TODAY)
    assert journal.recovery_time.counting() is True
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    assert reopened.recovery_time.counting() is True
    reopened.close()


def test_an_older_journal_with_a_clean_date_keeps_counting(journal):
    """A journal from before the choice was stored counts when it has a clean date."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY, TODAY)
    journal.db.execute("DELETE FROM preferences WHERE key = 'clean_time.counting'")
    assert journal.preferences.counting_clean_time() is None
    assert journal.recovery_time.counting() is True
