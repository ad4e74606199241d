"""Reading on another thread through a connection of its own (``Journal.reader``)."""

import threading
from datetime import date

import pytest

from recovery_desktop.data.connection import SqlError
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.periods import preset


def test_a_reader_on_another_thread_reads_what_the_journal_holds(journal):
    """The worker's reader sees the same range as the journal's own connection."""
    fill_demo(journal, 3, date.today())
    period = preset("4weeks", date.today())
    found = {}

    def read():
        with journal.reader() as reader:
            found["trend"] = reader.trend_data(period)
            found["summary"] = reader.summary_inputs(period)

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    assert found["trend"] == journal.trend_data(period)
    assert found["summary"] == journal.summary_inputs(period)
    assert found["trend"].checkins


def test_a_reader_cannot_write(journal):
    """Nothing is ever written through the worker's connection (``query_only``)."""
    fill_demo(journal, 1, date.today())
    before = journal.counts()
    with journal.reader() as reader, pytest.raises(SqlError, match="readonly"):
        reader._db.execute("DELETE FROM checkins")  # the connection a reader holds
    assert journal.counts() == before


def test_a_locked_journal_gives_no_reader(journal):
    """Once the journal is closed (locked), a job still to run cannot read it."""
    journal.close()
    with pytest.raises(JournalError), journal.reader():
        pass
