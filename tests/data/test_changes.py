"""Every write tells the journal's listeners what kind of records changed, once committed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from recovery_desktop.data.changes import EVERYTHING, Change
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.export import document_bytes, export_document
from recovery_desktop.data.import_apply import import_plan
from recovery_desktop.data.import_json import check_document, parse
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact, CrisisLine, Method, ReachOut, Role
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.library import DuplicateName, Kind, LibraryItem
from recovery_desktop.domain.medication import Medication, MedicationKind, Repeat, Schedule
from recovery_desktop.domain.periods import week_of
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.domain.sessions import AppointmentKind
from recovery_desktop.domain.summary import SummaryNotes

TODAY = date.today()


@pytest.fixture
def told(journal):
    """Every announcement the journal makes from now on, in order."""
    heard: list[frozenset[Change]] = []
    journal.changes.subscribe(heard.append)
    return heard


def _contact(journal) -> int:
    return journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0100")).id


WRITES = {
    "a check-in": (lambda j: j.checkins.save(CheckIn(TODAY, mood=6)), Change.CHECKINS),
    "summary lists": (
        lambda j: j.summary_notes.save(week_of(TODAY), SummaryNotes(("sleep",), ())),
        Change.SUMMARY_NOTES,
    ),
    "a trigger": (
        lambda j: j.library.add(LibraryItem(None, Kind.TRIGGER, "Paydays", "Situations")),
        Change.LIBRARY,
    ),
    "a craving": (lambda j: j.cravings.save(Craving(None, datetime.now(), 6)), Change.CRAVINGS),
    "a contact": (_contact, Change.CONTACTS),
    "a crisis line": (
        lambda j: j.contacts.save_crisis_line(CrisisLine(None, "Warmline", "555-0199")),
        Change.CRISIS_LINES,
    ),
    "a clean date": (
        lambda j: j.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY, TODAY),
        Change.CLEAN_TIME,
    ),
    "not counting": (lambda j: j.recovery_time.set_counting(False), Change.CLEAN_TIME),
    "a medication": (
        lambda j: j.medication.add(
            Medication("Film", MedicationKind.BUPRENORPHINE, Schedule(Repeat.AS_NEEDED)), TODAY
        ),
        Change.MEDICATION,
    ),
    "an appointment": (
        lambda j: j.appointments.add(Appointment(TODAY, AppointmentKind.THERAPY)),
        Change.APPOINTMENTS,
    ),
    "reminder days": (
        lambda j: j.preferences.set_reach_out_reminder_days(7),
        Change.PREFERENCES,
    ),
}


@pytest.mark.parametrize("name", list(WRITES))
def test_each_write_announces_its_own_kind_once(journal, told, name):
    """One write, one announcement, naming only the kind of records it changed."""
    write, kind = WRITES[name]
    write(journal)
    assert told == [frozenset({kind})]


def test_a_reach_out_and_a_lapse_announce_their_kinds(journal, told):
    """Reach-outs and lapses are kinds of their own rooms: the log and clean time."""
    contact_id = _contact(journal)
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=9), TODAY)
    told.clear()
    journal.contacts.log_reach_out(ReachOut(None, contact_id, datetime.now(), Method.CALL))
    lapse = Lapse(None, datetime.now() - timedelta(hours=2), DEFAULT_SUBSTANCE)
    journal.recovery_time.record_lapse(lapse, TODAY, TODAY)
    assert told == [frozenset({Change.REACH_OUTS}), frozenset({Change.CLEAN_TIME})]


def test_a_refused_write_announces_nothing(journal, told):
    """A duplicate name rolls its transaction back: nothing changed, nobody is told."""
    item = LibraryItem(None, Kind.TRIGGER, "Paydays", "Situations")
    journal.library.add(item)
    told.clear()
    with pytest.raises(DuplicateName):
        journal.library.add(item)
    assert told == []


def test_finding_an_item_that_is_there_announces_nothing(journal, told):
    """Ticking a trigger the library already holds changes no record."""
    name = journal.library.items(Kind.TRIGGER)[0].name
    journal.library.find_or_add(LibraryItem(None, Kind.TRIGGER, name, "Situations"))
    assert told == []


class Boom(Exception):
    pass


def test_writes_inside_a_rolled_back_transaction_announce_nothing(journal, told):
    """The check-in inside a transaction that rolls back is not kept and not announced."""
    with pytest.raises(Boom), journal.changes.writing(journal.db):
        journal.checkins.save(CheckIn(TODAY, mood=6))
        raise Boom
    assert journal.checkins.get(TODAY) is None
    assert told == []


def test_writes_inside_a_transaction_are_announced_once_it_committed(journal, told):
    """Listeners hear nothing while the transaction is open, then every kind at once."""
    with journal.changes.writing(journal.db):
        journal.checkins.save(CheckIn(TODAY, mood=6))
        journal.cravings.save(Craving(None, datetime.now(), 6))
        assert told == []
    assert told == [frozenset({Change.CHECKINS, Change.CRAVINGS})]


def test_a_write_inside_a_transaction_it_cannot_see_is_refused(journal, told):
    """Inside a plain ``db.atomic()`` the commit could not be seen: the write is refused
    rather than announced before it is kept."""
    with pytest.raises(RuntimeError), journal.db.atomic():
        journal.checkins.save(CheckIn(TODAY, mood=6))
    assert journal.checkins.get(TODAY) is None
    assert told == []


def test_an_unsubscribed_listener_hears_nothing_more(journal):
    heard: list[frozenset[Change]] = []
    unsubscribe = journal.changes.subscribe(heard.append)
    journal.checkins.save(CheckIn(TODAY, mood=6))
    unsubscribe()
    journal.checkins.save(CheckIn(TODAY, mood=7))
    assert heard == [frozenset({Change.CHECKINS})]


def test_an_import_announces_every_kind_once(journal, told, tmp_path):
    """Records from a file replace nothing the user typed, but every screen reads again."""
    other = create_journal(JournalFiles(tmp_path / "other"), None)
    try:
        fill_demo(other, 2, TODAY, 3)
        plan = check_document(parse(document_bytes(export_document(other.db))))
    finally:
        other.close()
    import_plan(journal, plan)
    assert told == [EVERYTHING]
    assert Change.REPLACED in EVERYTHING
