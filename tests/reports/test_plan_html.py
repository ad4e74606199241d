"""The printed plan and the crisis card as HTML: what they show, what they leave out, and
the user's words always escaped."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from recovery_desktop.domain.contacts import Contact, CrisisLine, Role
from recovery_desktop.domain.plan import (
    DEFAULT_TITLES,
    Plan,
    PlanContact,
    PlanPair,
    PlanSection,
    SectionKind,
)
from recovery_desktop.domain.summary import SummaryOptions
from recovery_desktop.reports.plan_html import (
    CUT_NOTE,
    CardCut,
    PlanPrintInputs,
    crisis_card_document,
    cut_text,
    plan_document,
)

PRINTED = date(2026, 11, 30)


def _plan(**changes: dict[SectionKind, dict]) -> Plan:
    sections = []
    for index, (kind, title) in enumerate(DEFAULT_TITLES.items()):
        section = PlanSection(f"{index:032x}", kind, title, body=f"Words about {title}.")
        sections.append(replace(section, **changes.get(kind.value, {})))
    return Plan(tuple(sections))


def _inputs(plan: Plan, **more) -> PlanPrintInputs:
    values = {
        "plan": plan,
        "contacts": {},
        "call_first": (),
        "crisis_lines": (CrisisLine(1, "Emergency services", "911"),),
        "printed_on": PRINTED,
    } | more
    return PlanPrintInputs(**values)


def test_the_plan_prints_its_title_date_and_visible_sections_in_order():
    plan = _plan(medication={"hidden": True, "body": "Secret dose notes"})
    html = plan_document(_inputs(plan)).html
    assert "My recovery plan" in html and "Printed 30 November 2026" in html
    shown = [t for t in DEFAULT_TITLES.values() if t != "Medication and appointments"]
    positions = [html.index(f"<h2>{title}</h2>") for title in shown]
    assert positions == sorted(positions)
    assert "Medication and appointments" not in html and "Secret dose notes" not in html


def test_pairs_print_as_a_table_with_the_section_headings():
    pairs = (PlanPair("Skipping meals", "Eat something small"), PlanPair("", ""))
    html = plan_document(_inputs(_plan(triggers={"pairs": pairs}))).html
    assert '<th width="50%">Trigger</th><th width="50%">How I respond</th>' in html
    assert "<td>Skipping meals</td><td>Eat something small</td>" in html
    assert html.count("<tr>") == 1 + 1 + 1  # header table row, one heading row, one pair


def test_support_contacts_print_live_with_archived_and_missing_ones_marked():
    contacts = {
        "a" * 32: PlanContact("a" * 32, "Sam Renamed", "Sponsor", "555 0101"),
        "b" * 32: PlanContact("b" * 32, "Jo", "Friend", "", archived=True),
        "c" * 32: PlanContact("c" * 32, "", missing=True),
    }
    plan = _plan(support={"contacts": tuple(contacts)})
    html = plan_document(_inputs(plan, contacts=contacts)).html
    assert "<li>Sam Renamed (Sponsor) \u00b7 555 0101</li>" in html
    assert "<li>Jo (Friend) (archived)</li>" in html
    assert "<li>A contact no longer in People</li>" in html


def test_every_user_string_is_escaped():
    nasty = "<b>&amp; 'x' \"y\"</b>"
    plan = _plan(
        reasons={"title": nasty, "body": nasty},
        warning_signs={"pairs": (PlanPair(nasty, nasty),)},
        crisis={"body": nasty},
    )
    contact = Contact(1, nasty, Role.FRIEND, nasty)
    inputs = _inputs(
        plan,
        call_first=(contact,),
        crisis_lines=(CrisisLine(1, nasty, nasty),),
        options=SummaryOptions(name=nasty),
    )
    for document in (plan_document(inputs), crisis_card_document(inputs, 14)):
        assert "<b>&amp;" not in document.html
        assert "&lt;b&gt;&amp;amp;" in document.html


def test_the_footer_follows_the_summarys_name_and_discretion():
    plan = _plan()
    named = plan_document(_inputs(plan, options=SummaryOptions(name="Alex van Dijk")))
    assert named.footer == (
        "The recovery plan of Alex van Dijk. Printed 30 November 2026 from Recovery Desktop."
    )
    discreet = plan_document(
        _inputs(plan, options=SummaryOptions(name="Alex van Dijk", discreet=True))
    )
    assert discreet.footer == "The recovery plan of A. D. Printed 30 November 2026."
    assert "Recovery Desktop" not in discreet.html and "Alex" not in discreet.html
    card = crisis_card_document(
        _inputs(plan, options=SummaryOptions(name="Alex van Dijk", discreet=True)), 14
    )
    assert "Recovery Desktop" not in card.html + card.footer


def test_the_card_shows_the_crisis_plan_three_contacts_the_lines_and_five_signs():
    signs = tuple(PlanPair(f"Sign {n}", f"Do {n}") for n in range(1, 8))
    plan = _plan(
        crisis={"body": "Go to **my sister's** house."},
        warning_signs={"pairs": (PlanPair("", ""), *signs)},
    )
    people = tuple(Contact(n, f"Person {n}", Role.FRIEND, f"555 010{n}") for n in range(1, 5))
    lines = (CrisisLine(1, "Emergency services", "911"), CrisisLine(2, "Lifeline", "988"))
    html = crisis_card_document(_inputs(plan, call_first=people, crisis_lines=lines), 18).html
    assert "Go to <b>my sister&#x27;s</b> house." in html
    assert "font-size: 18pt" in html
    for n in (1, 2, 3):
        assert f"Person {n} (Friend): <span class='number'>555 010{n}</span>" in html
    assert "Person 4" not in html
    assert "Emergency services: <span class='number'>911</span>" in html
    assert "Lifeline: <span class='number'>988</span>" in html
    assert [n for n in range(1, 8) if f"Sign {n}</b> \u2192 Do {n}" in html] == [1, 2, 3, 4, 5]
    assert "Words about" not in html  # no other section


def test_a_hidden_crisis_or_warning_signs_section_is_not_on_the_card():
    plan = _plan(
        crisis={"hidden": True, "body": "Private crisis words"},
        warning_signs={"hidden": True, "pairs": (PlanPair("Private sign"),)},
    )
    html = crisis_card_document(_inputs(plan), 14).html
    assert "Private" not in html
    assert html.count("Not printed: this part of your plan is hidden.") == 2
    empty = crisis_card_document(_inputs(_plan()), 14).html
    assert "Nothing written in the plan yet." in empty and "hidden" not in empty


def test_a_cut_card_says_the_rest_is_in_the_plan():
    plan = _plan(crisis={"body": "word " * 500})
    html = crisis_card_document(_inputs(plan), 10, CardCut(crisis_characters=100)).html
    assert CUT_NOTE in html and html.count("word") <= 20


def test_cut_text_cuts_at_a_space_and_keeps_short_text_whole():
    assert cut_text("short", 10) == "short"
    assert cut_text("one two three four", 10) == f"one two\n\n*{CUT_NOTE}*"


def test_a_crisis_plan_is_cut_between_whole_steps_or_sentences_never_mid_instruction():
    steps = "\n".join(
        f"{n}. Step {n}: ring the next person and tell them where I am" for n in range(9)
    )
    kept = cut_text(steps, 200).split("\n\n")[0]
    assert kept.endswith("tell them where I am")
    paragraph = " ".join(
        f"Sentence {n}: if I cannot reach anyone, I go to the clinic." for n in range(9)
    )
    kept = cut_text(paragraph, 200).split("\n\n")[0]
    assert kept.endswith("the clinic.")
