"""Trend and summary inputs carry the period's cravings, reach-outs and lapses; the
"show names" choice is remembered in the journal."""

from datetime import date, datetime

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact, ReachOut, Role
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.periods import Period, parse_week
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.domain.summary import SummaryOptions
from tests.conftest import PASSPHRASE

WEEK = parse_week("2026-W46")  # 9–15 November 2026


def _fill(journal):
    """Events just before, inside and just after the week, plus an archived contact."""
    for when in ("2026-11-08T22:00", "2026-11-12T20:00", "2026-11-09T07:30", "2026-11-16T01:00"):
        journal.cravings.save(Craving(None, datetime.fromisoformat(when), 5))
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR))
    kim = journal.contacts.save(Contact(None, "Kim", Role.FRIEND))
    journal.contacts.set_archived(kim.id)
    for contact, when in ((kim, "2026-11-14T10:00"), (sam, "2026-11-10T18:00")):
        journal.contacts.log_reach_out(ReachOut(None, contact.id, datetime.fromisoformat(when)))
    journal.contacts.log_reach_out(ReachOut(None, sam.id, datetime(2026, 11, 8, 9)))
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, date(2026, 10, 1), date(2026, 11, 21))
    lapse = Lapse(None, datetime(2026, 11, 13, 21), DEFAULT_SUBSTANCE, before="payday")
    journal.recovery_time.record_lapse(lapse, date(2026, 11, 14), date(2026, 11, 21))
    return sam, kim


def test_trend_data_holds_the_periods_events_oldest_first(journal):
    """Only the week's cravings, reach-outs and lapses, in time order; check-ins keep their
    lead-in days."""
    sam, kim = _fill(journal)
    journal.checkins.save(CheckIn(date(2026, 11, 5), mood=4))
    data = journal.trend_data(WEEK)
    assert [c.started_at.isoformat() for c in data.cravings] == [
        "2026-11-09T07:30:00",
        "2026-11-12T20:00:00",
    ]
    assert [r.contact_id for r in data.reach_outs] == [sam.id, kim.id]
    assert [lapse.before for lapse in data.lapses] == ["payday"]
    assert data.roles == {sam.id: Role.SPONSOR, kim.id: Role.FRIEND}  # archived Kim too
    assert [c.day for c in data.checkins] == [date(2026, 11, 5)]


def test_a_period_without_events_has_none(journal):
    """A week before anything was logged holds no events but still knows the roles."""
    _fill(journal)
    data = journal.trend_data(Period(date(2026, 10, 1), date(2026, 10, 7)))
    assert (data.cravings, data.reach_outs, data.lapses) == ((), (), ())
    assert len(data.roles) == 2


def test_summary_inputs_carry_every_contact_and_every_clean_period(journal):
    """Archived contacts and both attempts (before and after the lapse) come along."""
    _fill(journal)
    inputs = journal.summary_inputs(WEEK)
    assert [c.name for c in inputs.contacts] == ["Sam", "Kim"]
    assert [(p.start, p.end) for p in inputs.clean_periods] == [
        (date(2026, 10, 1), date(2026, 11, 13)),
        (date(2026, 11, 14), None),
    ]
    assert inputs.trend.lapses and inputs.trend.period == WEEK


def test_show_names_is_remembered_and_off_by_default(journal, files):
    """The new choice starts off and survives a reopen."""
    assert journal.preferences.summary_options().show_names is False
    journal.preferences.set_summary_options(SummaryOptions(show_names=True))
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    assert reopened.preferences.summary_options() == SummaryOptions(show_names=True)
    assert reopened.preferences.get("summary.show_names") is True
    reopened.close()
