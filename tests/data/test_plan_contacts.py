"""Support people in the plan are live links to People, by the contact's stable id."""

from __future__ import annotations

from dataclasses import replace

from recovery_desktop.domain.contacts import Contact, Role
from recovery_desktop.domain.plan import PlanContact, SectionKind


def _uid(journal, contact_id):
    row = journal.db.execute("SELECT uid FROM contacts WHERE id = ?", [contact_id]).fetchone()
    return row[0]


def test_a_renamed_contact_shows_its_new_name_and_an_archived_one_is_marked(journal):
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, phone="555 0101"))
    kim = journal.contacts.save(Contact(None, "Kim", Role.THERAPIST))
    uids = (_uid(journal, sam.id), _uid(journal, kim.id))
    support = journal.plan.plan().of_kind(SectionKind.SUPPORT)
    journal.plan.save_section(replace(support, contacts=uids), editing=False)
    journal.contacts.save(replace(sam, name="Samantha"))
    journal.contacts.set_archived(kim.id)
    linked = journal.plan.plan().of_kind(SectionKind.SUPPORT).contacts
    assert journal.plan.contacts_for(linked) == [
        PlanContact(uids[0], "Samantha", "Sponsor", "555 0101"),
        PlanContact(uids[1], "Kim", "Therapist", archived=True),
    ]
    assert [c.name for c in journal.plan.available_contacts()] == ["Samantha"]


def test_a_contact_no_longer_in_people_is_kept_and_marked_missing(journal):
    gone = "0" * 32
    assert journal.plan.contacts_for([gone]) == [PlanContact(gone, "", missing=True)]


def test_available_contacts_follow_the_call_first_order(journal):
    for name in ("Ana", "Ben", "Cy"):
        journal.contacts.save(Contact(None, name, Role.FRIEND))
    ids = [c.id for c in journal.contacts.contacts()]
    journal.contacts.reorder([ids[2], ids[0], ids[1]])
    assert [c.name for c in journal.plan.available_contacts()] == ["Cy", "Ana", "Ben"]
