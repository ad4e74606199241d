"""The plan and its crisis card on paper, through the weekly summary's printing path, read
back from the PDFs as a user would: the plan's words, the people and the crisis lines are
there, hidden sections are not, and the card is one page on A4 and on Letter."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from recovery_desktop.domain.contacts import Contact, CrisisLine, Role
from recovery_desktop.domain.plan import MAX_PAIR_CHARACTERS, PlanPair, SectionKind
from recovery_desktop.reports.markdown_print import markdown_html
from recovery_desktop.reports.plan_html import read_plan_inputs
from recovery_desktop.ui.pages.plan.plan_output import plan_output_for
from recovery_desktop.ui.plan_printing import crisis_card_built, save_plan_pdf
from recovery_desktop.ui.printing import lay_out, page_layout
from tests.pdf_text import page_width_points, pdf_pages, pdf_text

PAPERS = {"A4": 595, "Letter": 612}  # page widths in points
CRISIS = "If the urge is strong I leave the house and call Sam before anything else."
SIGNS = tuple(PlanPair(f"Warning sign number {n}", f"What I do number {n}") for n in range(7))


def _section(journal, kind):
    found = journal.plan.plan().of_kind(kind)
    assert found is not None
    return found


def _save(journal, kind, **changes):
    journal.plan.save_section(replace(_section(journal, kind), **changes), editing=False)


@pytest.fixture
def planned(journal):
    """A journal with four people, a crisis line of its own, and a filled plan: reasons,
    warning signs, two support people, a crisis plan and a hidden medication section."""
    people = [
        journal.contacts.save(Contact(None, name, role, phone))
        for name, role, phone in (
            ("Sam Okafor", Role.SPONSOR, "555 0101"),
            ("Maria Lopez", Role.FAMILY, "555 0199"),
            ("Dr Lee", Role.DOCTOR, "555 0300"),
            ("Fourth Person", Role.FRIEND, "555 0404"),
        )
    ]
    journal.contacts.save_crisis_line(CrisisLine(None, "Night Helpline", "0800 111 222"))
    uids = [c.uid for c in journal.plan.available_contacts()]
    _save(journal, SectionKind.REASONS, body="My **daughter** and my garden.")
    _save(journal, SectionKind.WARNING_SIGNS, pairs=SIGNS)
    _save(journal, SectionKind.SUPPORT, contacts=tuple(uids[:2]))
    _save(journal, SectionKind.CRISIS, body=CRISIS)
    _save(journal, SectionKind.MEDICATION, body="Private medication words", hidden=True)
    return journal, people


def test_the_plan_pdf_holds_the_plans_words_and_people_but_no_hidden_section(planned, tmp_path):
    journal, _people = planned
    path = tmp_path / "plan.pdf"
    pages = save_plan_pdf(journal, path, page_size="A4")
    text = pdf_text(path)
    assert pages == pdf_pages(path) >= 1
    assert "My recovery plan" in text
    assert "My daughter and my garden." in text
    assert "Warning sign number 6 What I do number 6" in text
    assert "Sam Okafor (Sponsor) · 555 0101" in text and "Maria Lopez (Family)" in text
    assert CRISIS in text
    assert "Medication and appointments" not in text and "Private medication" not in text
    assert "Early warning signs and what I do" in text


def test_a_contact_renamed_on_people_shows_its_new_name_in_the_plan_pdf(planned, tmp_path):
    journal, people = planned
    journal.contacts.save(replace(people[0], name="Samuel Okafor"))
    journal.contacts.set_archived(people[1].id)
    path = tmp_path / "plan.pdf"
    save_plan_pdf(journal, path, page_size="Letter")
    text = pdf_text(path)
    assert "Samuel Okafor (Sponsor)" in text and "Sam Okafor (" not in text
    assert "Maria Lopez (Family) · 555 0199 (archived)" in text


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_the_crisis_card_is_one_page_with_the_crisis_plan_people_lines_and_signs(
    planned, tmp_path, paper
):
    journal, _people = planned
    path = tmp_path / "card.pdf"
    assert save_plan_pdf(journal, path, crisis_card=True, page_size=paper) == 1
    assert pdf_pages(path) == 1
    assert round(page_width_points(path)) == PAPERS[paper]
    text = pdf_text(path)
    assert CRISIS in text
    for person in ("Sam Okafor (Sponsor): 555 0101", "Maria Lopez", "Dr Lee (Doctor): 555 0300"):
        assert person in text
    assert "Fourth Person" not in text
    assert "Night Helpline: 0800 111 222" in text
    shown = [n for n in range(7) if f"Warning sign number {n}" in text]
    assert shown == [0, 1, 2, 3, 4]
    assert "My daughter" not in text  # only what the card is for


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_very_long_crisis_plan_still_makes_one_page_that_says_the_rest_is_in_the_plan(
    planned, tmp_path, paper
):
    journal, _people = planned
    long = "\n\n".join(f"Step {n}: {CRISIS}" for n in range(400))
    _save(journal, SectionKind.CRISIS, body=long)
    path = tmp_path / "card.pdf"
    assert save_plan_pdf(journal, path, crisis_card=True, page_size=paper) == 1
    text = pdf_text(path)
    assert "Step 0: If the urge" in text and "Step 399" not in text
    assert "(the rest is in your plan)" in text
    assert "Night Helpline: 0800 111 222" in text and "Dr Lee (Doctor): 555 0300" in text
    assert "Warning sign number 4" in text


def test_a_card_with_everything_at_its_longest_is_still_one_page(planned, qapp):
    journal, _people = planned
    word = "overwhelmed "
    longest = word * (MAX_PAIR_CHARACTERS // len(word))
    _save(journal, SectionKind.WARNING_SIGNS, pairs=(PlanPair(longest, longest),) * 5)
    _save(journal, SectionKind.CRISIS, body=CRISIS * 300)
    for n in range(40):
        journal.contacts.save_crisis_line(CrisisLine(None, f"Line {n} " * 10, f"0800 000 {n:03}"))
    inputs = read_plan_inputs(journal, date(2026, 11, 30))
    for paper in PAPERS:
        built = crisis_card_built(inputs, paper)
        assert lay_out(built, page_layout(paper)).count == 1
        assert "the rest is in your plan" in built.document.html
        assert "0800 000 000" in built.document.html  # the first lines stay


def test_each_kind_of_formatting_the_editor_stores_prints_as_formatting(qapp):
    """Markdown written by Qt's own writer (what the Plan page stores) prints as such."""
    document = QTextDocument()
    document.setHtml(
        "<h1>Why</h1><p><b>bold</b> <i>italic</i> <b><i>both</i></b> <s>struck</s> "
        "<a href='https://example.org'>a link</a> 3 &lt; 4 and a*b*c</p>"
        "<ul><li>one<ul><li>nested</li></ul></li></ul><ol><li>first</li><li>second</li></ol>"
    )
    html = markdown_html(document.toMarkdown())
    for expected in (
        "<h3>Why</h3>",
        "<b>bold</b>",
        "<i>italic</i>",
        "<b><i>both</i></b>",
        "<s>struck</s>",
        "<u>a link</u> <span class='small'>(https://example.org)</span>",
        "3 &lt; 4 and a*b*c",
        "<ul><li>one<ul><li>nested</li></ul></li></ul>",
        "<ol><li>first</li><li>second</li></ol>",
    ):
        assert expected in html


# -- the Plan page's printouts -------------------------------------------------------------
@pytest.fixture
def boxes(monkeypatch):
    """Every warning box shown, as (title, text), instead of waiting for a click."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning",
        lambda _parent, title, text, *_args: shown.append((title, text)),
    )
    return shown


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_page_saves_the_plan_and_the_card_and_says_where(planned, parent, tmp_path, boxes):
    journal, _people = planned
    output = plan_output_for(journal)
    said: list[str] = []
    output.said.connect(said.append)
    plan, card = tmp_path / "plan.pdf", tmp_path / "card.pdf"
    assert output.save_plan_pdf_to(parent, plan) >= 1
    assert output.save_crisis_card_to(parent, card) == 1
    assert "My daughter" in pdf_text(plan) and CRISIS in pdf_text(card)
    assert said == [f"Saved 1 page to {plan}.", f"Saved 1 page to {card}."]
    assert boxes == []


def test_print_to_file_writes_the_card_on_the_printers_paper(planned, parent, tmp_path):
    journal, _people = planned
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    path = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(path))
    printer.setPageLayout(page_layout("Letter"))
    assert plan_output_for(journal).print_crisis_card_with(parent, printer) == 1
    assert pdf_pages(path) == 1 and round(page_width_points(path)) == PAPERS["Letter"]
    assert "Night Helpline" in pdf_text(path)


def test_a_file_among_the_journals_own_is_refused_calmly(planned, parent, boxes):
    journal, _people = planned
    output = plan_output_for(journal)
    said: list[str] = []
    output.said.connect(said.append)
    inside = journal.files.folder / "plan.pdf"
    assert output.save_plan_pdf_to(parent, inside) == 0
    assert not inside.exists()
    assert said == ["Not saved."]
    assert [title for title, _text in boxes] == ["Not saved"]
    assert "Choose another folder" in boxes[0][1]
    assert "My daughter" not in boxes[0][1]


def test_a_plan_too_long_to_lay_out_is_refused_in_plain_words(
    planned, parent, boxes, monkeypatch, tmp_path
):
    """Past Qt's layout limit (made small here) nothing is written, and the box names the
    plan, not the summary."""
    journal, _people = planned
    _save(journal, SectionKind.AFTER_LAPSE, body="\n\n".join([CRISIS] * 500))  # ~12 pages
    monkeypatch.setattr("recovery_desktop.ui.printing.LAYOUT_LIMIT_PIXELS", 20_000)  # ~5
    path = tmp_path / "plan.pdf"
    assert plan_output_for(journal).save_plan_pdf_to(parent, path) == 0
    assert not path.exists()
    assert "This plan is too long to print" in boxes[0][1] and "summary" not in boxes[0][1]


class _Page(QWidget):
    """A stand-in for the Plan page's one duty here: commit what is on screen first."""

    def __init__(self, journal, saves: bool) -> None:
        super().__init__()
        self.journal, self.saves = journal, saves

    def save_now(self) -> bool:
        if self.saves:
            _save(self.journal, SectionKind.REASONS, body="Typed a moment ago.")
        return self.saves


@pytest.mark.parametrize("saves", [True, False])
def test_what_the_page_shows_is_committed_before_it_prints(planned, qtbot, tmp_path, boxes, saves):
    journal, _people = planned
    page = _Page(journal, saves)
    qtbot.addWidget(page)
    path = tmp_path / "plan.pdf"
    pages = plan_output_for(journal).save_plan_pdf_to(page, path)
    if saves:
        assert pages >= 1 and "Typed a moment ago." in pdf_text(path)
    else:
        assert pages == 0 and not path.exists()
        assert "could not be saved yet" in boxes[0][1]


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_long_crisis_plan_is_cut_so_the_card_keeps_its_large_type(planned, qapp, paper):
    """120 steps: the card cuts the crisis plan and stays at 14 pt or more (it shrank to
    10 pt before cutting, type too small to read in a crisis)."""
    journal, _people = planned
    _save(journal, SectionKind.CRISIS, body="\n".join(f"{n}. {CRISIS}" for n in range(1, 121)))
    built = crisis_card_built(read_plan_inputs(journal, date(2026, 11, 30)), paper)
    assert lay_out(built, page_layout(paper)).count == 1
    size = int(re.search(r"body \{ font-size: (\d+)pt", built.document.html).group(1))
    assert size >= 14
    assert "the rest is in your plan" in built.document.html
