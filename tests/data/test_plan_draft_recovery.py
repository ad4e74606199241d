"""Draft recovery: a plan being edited when the app is killed is kept, and the next open
knows the editing session did not end (the page then offers the text back)."""

from __future__ import annotations

from recovery_desktop.data.journal import create_journal, open_unprotected
from recovery_desktop.domain.plan import SectionKind
from tests.children import _PRELUDE, go, kill, start, wait_for

TYPED = "Call Sam before the evening gets long.\\n\\n- walk\\n- tea\\n"

EDIT_PLAN = (
    _PRELUDE
    + f"""
from datetime import datetime
from recovery_desktop.domain.plan import SectionKind
journal = open_unprotected(files)
section = journal.plan.plan().of_kind(SectionKind.HARD_TIMES)
# what one autosave does three seconds after typing stops
journal.plan.save_section(section.with_body("{TYPED}"), editing=True,
                          now=datetime(2026, 11, 30, 21, 40, 5))
print("saved", flush=True)
sys.stdin.readline()
"""
)


def test_text_saved_before_a_kill_is_in_the_plan_and_the_interruption_is_known(files):
    create_journal(files, None).close()
    child = start(EDIT_PLAN, files.folder)
    go(child)
    wait_for(child, "saved")
    kill(child)  # SIGKILL while editing: no flush, no end of the session
    journal = open_unprotected(files)
    try:
        section = journal.plan.plan().of_kind(SectionKind.HARD_TIMES)
        assert section is not None
        assert section.body == TYPED.replace("\\n", "\n")
        since = journal.plan.interrupted_since()
        assert since is not None and (since.hour, since.minute) == (21, 40)
        assert journal.plan.last_saved() == since
        journal.plan.end_editing()  # the notice dismissed
        assert journal.plan.interrupted_since() is None
    finally:
        journal.close()
    again = open_unprotected(files)
    try:
        assert again.plan.interrupted_since() is None
        # the session's change was kept as a version when the notice was dismissed
        assert again.plan.count_versions() == 1
    finally:
        again.close()


def test_a_session_ended_cleanly_leaves_no_interruption(files):
    journal = create_journal(files, None)
    section = journal.plan.plan().of_kind(SectionKind.HARD_TIMES)
    journal.plan.save_section(section.with_body("Short"), editing=True)
    assert journal.plan.interrupted_since() is None  # this session's own marker
    journal.plan.end_editing()
    journal.close()
    again = open_unprotected(files)
    try:
        assert again.plan.interrupted_since() is None
    finally:
        again.close()
