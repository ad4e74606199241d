"""A damaged, hostile or foreign file is refused with a message naming the problem (its
JSON path), quickly, without a crash or a hang, and the journal is left exactly as it was."""

from __future__ import annotations

import copy
import json
import os
import signal
from datetime import date

import pytest

from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.export import document_bytes, export_document
from recovery_desktop.data.import_apply import import_plan
from recovery_desktop.data.import_json import read_plan
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.data.transfer_format import VERSION, ImportProblem

GUARD_SECONDS = 30  # a hang ends the test instead of the run


@pytest.fixture(autouse=True)
def no_hang():
    def stop(*_args):
        raise TimeoutError("the import did not finish")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, GUARD_SECONDS)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A good export of a three-week demo journal, as a parsed document."""
    journal = create_journal(JournalFiles(tmp_path_factory.mktemp("good") / "journal"), None)
    try:
        fill_demo(journal, 3, date(2026, 11, 20), 2)
        return export_document(journal.db)
    finally:
        journal.close()


@pytest.fixture
def demo(plain_journal):
    fill_demo(plain_journal, 2, date(2026, 11, 20), 4)
    return plain_journal


def state(journal):
    document = export_document(journal.db)
    document.pop("exported_at")
    return document_bytes(document), journal.counts(), sorted(journal.files.backups.glob("*"))


def refused(journal, path) -> ImportProblem:
    """Import ``path`` as the app does; the problem raised, once nothing changed."""
    before = state(journal)
    with pytest.raises(ImportProblem) as caught:
        import_plan(journal, read_plan(path))
    assert state(journal) == before
    assert "Nothing was imported or changed." in str(caught.value)
    return caught.value


def write(tmp_path, document, name="export.json"):
    path = tmp_path / name
    path.write_bytes(document_bytes(document) if isinstance(document, dict) else document)
    return path


def changed(good, kind, index, field, value):
    document = copy.deepcopy(good)
    document["records"][kind][index][field] = value
    return document


def test_the_good_file_imports(demo, good, tmp_path):
    """The files below are this one, damaged; untouched it is accepted."""
    result = import_plan(demo, read_plan(write(tmp_path, good)))
    assert result.added["checkins"] > 0


@pytest.mark.parametrize("keep", [0, 1, 37, 1000, 5000, -3, -2])
def test_a_truncated_file(demo, good, tmp_path, keep):
    data = document_bytes(good)
    problem = refused(demo, write(tmp_path, data[:keep]))
    assert problem.reason == "the file is not complete, valid JSON"


WRONG = [
    ("checkins", 3, "mood", "7", "must be a whole number from 0 to 10"),
    ("checkins", 3, "mood", 11, "must be a whole number from 0 to 10"),
    ("checkins", 3, "mood", True, "must be a whole number from 0 to 10"),
    ("checkins", 3, "mood", 6.5, "must be a whole number from 0 to 10"),
    ("checkins", 1, "sleep_hours", -1, "must be a number from 0 to 24"),
    ("checkins", 1, "halt_tired", None, "must be true or false, not null"),
    ("checkins", 1, "halt_tired", 1, "must be true or false"),
    ("checkins", 2, "note", ["a"], "must be text of at most 100,000 characters"),
    ("checkins", 2, "day", "2026-02-30", "must be a date like 2026-11-16, from 1950-01-01"),
    ("checkins", 2, "day", "0001-01-01", "must be a date like 2026-11-16, from 1950-01-01"),
    ("checkins", 2, "day", "9999-12-31", "must be a date like 2026-11-16, from 1950-01-01"),
    ("cravings", 0, "started_at", "2026-13-01T10:00", "must be a local time like"),
    ("cravings", 0, "started_at", "1900-01-01T10:00", "must be a local time like"),
    ("cravings", 0, "outcome", "maybe", 'must be one of "passed", "used"'),
    ("cravings", 0, "id", "not-hex", "must be a stable id (32 hex digits)"),
    ("reach_outs", 0, "contact", None, "must be a stable id (32 hex digits), not null"),
    ("contacts", 0, "name", "   ", "must be text that is not blank"),
    ("clean_periods", 0, "end", "1951-01-01", "must not be before start"),
]


@pytest.mark.parametrize(("kind", "index", "field", "value", "reason"), WRONG)
def test_a_wrong_value_is_named_by_its_path(
    demo, good, tmp_path, kind, index, field, value, reason
):
    problem = refused(demo, write(tmp_path, changed(good, kind, index, field, value)))
    assert problem.where == f"records.{kind}[{index}].{field}"
    assert problem.reason.startswith(reason)


def test_a_ten_megabyte_note(demo, good, tmp_path):
    problem = refused(demo, write(tmp_path, changed(good, "checkins", 4, "note", "é" * 10**7)))
    assert str(problem).startswith(
        "records.checkins[4].note: must be text of at most 100,000 characters."
    )


def test_duplicate_ids(demo, good, tmp_path):
    document = copy.deepcopy(good)
    cravings = document["records"]["cravings"]
    cravings[2]["id"] = cravings[0]["id"]
    problem = refused(demo, write(tmp_path, document))
    assert problem.where == "records.cravings[2].id"
    assert problem.reason == "the same id appears twice"
    document = copy.deepcopy(good)
    document["records"]["checkins"].append(document["records"]["checkins"][0])
    problem = refused(demo, write(tmp_path, document))
    assert problem.reason == "the same day appears twice"  # a check-in has no id


def test_a_reference_to_a_record_the_file_does_not_hold(demo, good, tmp_path):
    problem = refused(demo, write(tmp_path, changed(good, "reach_outs", 0, "contact", "a" * 32)))
    assert problem.where == "records.reach_outs[0].contact"
    assert "does not hold" in problem.reason
    document = copy.deepcopy(good)
    [craving] = [c for c in document["records"]["cravings"] if c["triggers"]][:1]
    craving["triggers"][0]["item"] = "b" * 32
    assert refused(demo, write(tmp_path, document)).where.endswith(".triggers[0].item")


def test_two_clean_periods_without_an_end_for_one_substance(demo, good, tmp_path):
    document = copy.deepcopy(good)
    periods = document["records"]["clean_periods"]
    periods.append({**periods[-1], "id": "c" * 32, "end": None, "lapse": None})
    periods[-2]["end"] = None
    assert refused(demo, write(tmp_path, document)).where.startswith("records.clean_periods")


@pytest.mark.parametrize(
    ("document", "where", "reason"),
    [
        (
            {"format": "something else", "version": 1, "records": {}},
            "format",
            "this is not a Recovery",
        ),
        ([1, 2, 3], "format", "this is not a Recovery Desktop export"),
        (
            {"format": "recovery-desktop-export", "version": VERSION + 1, "records": {}},
            "version",
            "the file was made by a newer version; please update",
        ),
        (
            {"format": "recovery-desktop-export", "version": "1", "records": {}},
            "version",
            "must be",
        ),
        ({"format": "recovery-desktop-export", "version": 1, "records": []}, "records", "must be"),
        (
            {"format": "recovery-desktop-export", "version": 1, "records": {"pets": []}},
            "records.pets",
            "is not a kind",
        ),
        (
            {
                "format": "recovery-desktop-export",
                "version": 1,
                "records": {"checkins": [{"day": "2026-01-01"}]},
            },
            "records.checkins[0].mood",
            "is missing",
        ),
        (
            {"format": "recovery-desktop-export", "version": 1, "records": {"checkins": [7]}},
            "records.checkins[0]",
            "must be an object",
        ),
    ],
)
def test_not_our_format(demo, tmp_path, document, where, reason):
    path = write(tmp_path, json.dumps(document).encode())
    problem = refused(demo, path)
    assert (problem.where, problem.reason[: len(reason)]) == (where, reason)


def test_an_unknown_field(demo, good, tmp_path):
    problem = refused(demo, write(tmp_path, changed(good, "lapses", 0, "colour", "red")))
    assert (problem.where, problem.reason) == (
        "records.lapses[0].colour",
        "is not a field of this kind",
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "the file's JSON is nested too deeply"),
        (
            b'{"format": "recovery-desktop-export", "version": 1, "records": {"checkins": '
            + b"[" * 50_000
            + b"]" * 50_000
            + b"}}",
            "the file's JSON is nested too deeply",
        ),
        (b"hello, this is not JSON", "the file is not complete, valid JSON"),
        (b"", "the file is not complete, valid JSON"),
        (b'{"version": NaN}', "the file is not complete, valid JSON"),
        (b"\xff\xfe{\x00}\x00", "the file is not UTF-8 text, so it is not an export"),
        (
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
            "the file is not UTF-8 text, so it is not an export",
        ),
    ],
)
def test_not_json(demo, tmp_path, data, reason):
    problem = refused(demo, write(tmp_path, data))
    assert (problem.where, problem.reason) == ("export.json", reason)


def test_a_200_megabyte_file_is_refused_without_reading_it(demo, tmp_path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:  # sparse: no 200 MB written to the disk
        f.write(b'{"format": "recovery-desktop-export", "version": 1, "records": {"checkins": ["')
        f.truncate(200 * 1024 * 1024)
    problem = refused(demo, path)
    assert problem.reason == "the file is larger than 64 MB, the most import reads"


def test_a_pipe_a_folder_or_nothing_given_as_the_file(demo, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # nobody ever writes to it: reading it would wait for ever
    assert "not a regular file" in refused(demo, fifo).reason
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert "not a regular file" in refused(demo, folder).reason
    assert refused(demo, tmp_path / "missing.json").reason == "there is no such file"


def test_a_key_twice_in_one_object_is_refused_with_its_path(demo, good, tmp_path):
    """JSON keeps the last of two equal keys silently; an import refuses instead, naming
    where (which of the two values was meant cannot be known)."""
    text = json.dumps(good)
    first = text.index('"mood": ')
    doubled = text[:first] + '"mood": 1, ' + text[first:]
    path = tmp_path / "twice.json"
    path.write_text(doubled, encoding="utf-8")
    problem = refused(demo, path)
    assert problem.where == "records.checkins[0].mood"
    assert problem.reason == "this key appears twice in one object"


@pytest.mark.parametrize("control", ["\u202a", "\u202e", "\u2066", "\u2069", "\u200b"])
@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("contacts", "name"),
        ("contacts", "phone"),
        ("contacts", "notes"),
        ("crisis_lines", "name"),
        ("crisis_lines", "number"),
        ("reach_outs", "note"),
    ],
)
def test_names_with_text_direction_controls_are_refused_as_the_dialogs_refuse_them(
    demo, good, tmp_path, control, kind, field
):
    """A right-to-left override makes "1119" show as 9111: the dialogs refuse such text
    (domain.contacts), and so does an import, naming the field; nothing is imported."""
    document = changed(good, kind, 0, field, f"Sam{control}911")
    problem = refused(demo, write(tmp_path, document))
    assert problem.where == f"records.{kind}[0].{field}"
    assert problem.reason.startswith("holds hidden characters")
