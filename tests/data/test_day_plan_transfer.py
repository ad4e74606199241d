"""My day in export and import: blocks and templates travel, are checked like every record,
and never lay one plan over a day (or weekday) the journal already plans."""

from __future__ import annotations

import copy
import csv
from datetime import date

import pytest

from recovery_desktop.data.export import document_bytes, export_document, save_csv
from recovery_desktop.data.import_apply import import_plan
from recovery_desktop.data.import_json import check_document, parse
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.data.transfer_format import ImportProblem
from recovery_desktop.data.transfer_text import result_text
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes

MONDAY = date(2026, 11, 30)
TUESDAY = date(2026, 12, 1)
WORK = BlockTimes(540, 1020, "Work", BlockCategory.WORK)
LATE = BlockTimes(1410, 1500, "Film with Jo", BlockCategory.SOCIAL, "Her place\nbring snacks")
GYM = BlockTimes(1080, 1140, "Gym", BlockCategory.EXERCISE)


@pytest.fixture
def fresh(tmp_path):
    opened = create_journal(JournalFiles(tmp_path / "fresh"), None)
    yield opened
    opened.close()


def _planned(journal):
    work = journal.day_plan.add(MONDAY, WORK)
    journal.day_plan.set_done(work.id, True)
    journal.day_plan.add(MONDAY, LATE)
    journal.day_plan.add(TUESDAY, GYM)
    journal.day_plan.save_template(0, [WORK, LATE])
    journal.day_plan.save_template(5, [GYM])
    return journal


def _document(journal):
    return parse(document_bytes(export_document(journal.db)))


def test_blocks_and_templates_travel_and_export_the_same_again(journal, fresh):
    """Into a new journal: the same blocks (done ticks, notes, past midnight) and templates,
    and an export byte for byte like the first."""
    first = export_document(_planned(journal).db)
    result = import_plan(fresh, check_document(_document(journal)), new_journal=True)
    assert (result.added["day_blocks"], result.added["day_template_blocks"]) == (3, 3)
    assert [(b.times, b.done) for b in fresh.day_plan.blocks(MONDAY)] == [
        (WORK, True),
        (LATE, False),
    ]
    assert fresh.day_plan.template(0).blocks == (WORK, LATE)
    assert fresh.day_plan.template(5).blocks == (GYM,)
    assert fresh.counts()["day_blocks"] == 3 and fresh.counts()["day_templates"] == 2
    again = export_document(fresh.db)
    again.pop("exported_at"), first.pop("exported_at")
    assert document_bytes(again) == document_bytes(first)


def test_a_second_import_skips_every_block_by_its_stable_id(journal, fresh):
    """The same file twice: nothing new the second time, nothing said to differ."""
    plan = check_document(_document(_planned(journal)))
    import_plan(fresh, plan, new_journal=True)
    result = import_plan(fresh, plan)
    assert result.added["day_blocks"] == result.added["day_template_blocks"] == 0
    assert (result.skipped["day_blocks"], result.skipped["day_template_blocks"]) == (3, 3)
    assert fresh.day_plan.count() == 3


def test_a_day_or_weekday_the_journal_plans_keeps_its_own_plan(journal, fresh):
    """The journal plans Monday and has a usual Monday: the file's Monday blocks and its
    Monday template are not laid over them (counted as differing); its Tuesday comes in."""
    plan = check_document(_document(_planned(journal)))
    own = fresh.day_plan.add(MONDAY, GYM)
    fresh.day_plan.save_template(0, [GYM])
    result = import_plan(fresh, plan)
    assert fresh.day_plan.blocks(MONDAY) == [own]
    assert [b.times for b in fresh.day_plan.blocks(TUESDAY)] == [GYM]
    assert fresh.day_plan.template(0).blocks == (GYM,)
    assert fresh.day_plan.template(5).blocks == (GYM,)
    assert (result.differ["day_blocks"], result.differ["day_template_blocks"]) == (2, 2)
    assert "2 planned blocks" in result_text(result)


@pytest.mark.parametrize(
    "kind, field, value, words",
    [
        ("day_blocks", "end", 540, "must be after start"),
        ("day_blocks", "end", 2881, "from 1 to 2880"),
        ("day_blocks", "start", -15, "from 0 to 2880"),
        ("day_blocks", "category", "sleep", 'one of "work"'),
        ("day_blocks", "title", "x" * 81, "at most 80 characters"),
        ("day_blocks", "title", "   ", "not blank"),
        ("day_blocks", "title", "Gym\u202e", "hidden characters"),
        ("day_blocks", "note", "n" * 1001, "at most 1,000 characters"),
        ("day_blocks", "done", "yes", "true or false"),
        ("day_blocks", "day", "2026-02-30", "a date like"),
        ("day_template_blocks", "weekday", 7, "from 0 to 6"),
        ("day_template_blocks", "end", 10, "must be after start"),
    ],
)
def test_a_malformed_block_is_refused_naming_its_json_path(journal, kind, field, value, words):
    """Nothing is imported; the message names records.<kind>[0].<field> and what is wrong."""
    document = _document(_planned(journal))
    document["records"][kind][0][field] = value
    with pytest.raises(ImportProblem) as raised:
        check_document(document)
    assert raised.value.where == f"records.{kind}[0].{field}"
    assert words in str(raised.value)


def test_a_block_twice_in_one_file_is_refused(journal):
    """Two records with one stable id: the second is named."""
    document = _document(_planned(journal))
    blocks = document["records"]["day_blocks"]
    blocks.append(copy.deepcopy(blocks[0]))
    with pytest.raises(ImportProblem, match=r"records\.day_blocks\[3\]\.id: the same id"):
        check_document(document)


def test_blocks_and_templates_have_csv_files(journal, tmp_path):
    """One CSV per kind, minutes and category as stored, done as yes/no."""
    _planned(journal)
    folder = tmp_path / "csv"
    save_csv(journal.db, folder, journal.files.app_folders())
    with open(folder / "day_blocks.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["day"], r["start"], r["end"], r["category"], r["done"]) for r in rows] == [
        ("2026-11-30", "540", "1020", "work", "yes"),
        ("2026-11-30", "1410", "1500", "social", "no"),
        ("2026-12-01", "1080", "1140", "exercise", "no"),
    ]
    header = (folder / "day_template_blocks.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "id,weekday,start,end,title,category,note"


def test_a_version_1_file_without_my_day_still_imports(journal, fresh):
    """Files written before My day hold no blocks: read as before, nothing planned."""
    document = _document(journal)
    document["version"] = 1
    for kind in ("day_blocks", "day_template_blocks"):
        del document["records"][kind]
    result = import_plan(fresh, check_document(document), new_journal=True)
    assert result.added["day_blocks"] == 0 and fresh.day_plan.count() == 0
