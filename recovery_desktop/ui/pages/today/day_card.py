"""Today's "My day" card: the block under way or the next one, today's idle time so far and
still to come, and a way to My day. An empty plan says so, with one button to fill it from
the usual plan of the weekday when there is one. On an earlier day's check-in (``show_day``)
it keeps its place but describes that day (what was planned, its idle time), never today's
"Now" or an offer to fill today.

It follows the clock without polling: a single-shot timer fires at the first minute its
words would change (``domain/day_now.py``: a block starting or ending, a quarter hour of
idle time passing, the next waking day beginning); records it shows come through Today's
``data_changed`` (``Change.DAY_PLAN``, ``Change.PREFERENCES`` for the waking window).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.data.day_plan import DayPlanRepository
from recovery_desktop.data.errors import DayNotEmpty, JournalError
from recovery_desktop.data.preferences import PreferenceRepository
from recovery_desktop.domain.calendar_text import short_day, weekday_name
from recovery_desktop.domain.day_now import (
    DayNow,
    day_looked_back,
    day_now,
    next_change,
    next_day_starts,
)
from recovery_desktop.domain.day_plan import DayBlock, WakingWindow, waking_day

# An empty day's two lines: the card keeps the height it has with a plan, so the form below
# never moves when a plan comes or goes.
EMPTY = "Nothing planned for today yet."
EMPTY_HINT = "A few fixed points can make the day easier."
MINUTE_MS = 60_000


class DayCard(QFrame):
    """``open_my_day``: the user asked for the My day page."""

    open_my_day = Signal()

    def __init__(
        self,
        day_plan: DayPlanRepository,
        preferences: PreferenceRepository,
        now: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dayCard")
        self.setAccessibleName("My day today")
        self._plans = day_plan
        self._preferences = preferences
        self._now = now or datetime.now
        self._window = WakingWindow()
        self._day: date | None = None
        self._viewed: date | None = None  # the check-in's day; None: always the waking day
        self._blocks: list[DayBlock] = []
        self._has_template = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # single shots, minutes apart
        self.timer.timeout.connect(self.show_now)
        self._build()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # timers stop while a computer sleeps
            app.applicationStateChanged.connect(self._state_changed)
        self.refresh()

    def _build(self) -> None:
        self.line = self._label("dayCardLine")
        self.idle = self._label("hintLabel")  # muted, as the page's other hints
        self.fill_button = QPushButton(self)
        self.fill_button.clicked.connect(self._fill)
        self.open_button = QPushButton("O&pen My day", self)
        self.open_button.setToolTip("Plan today's blocks on the My day page")
        self.open_button.clicked.connect(self.open_my_day.emit)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.line)
        words.addWidget(self.idle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(words, 1)
        layout.addWidget(self.fill_button)
        layout.addWidget(self.open_button)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    # -- reading -------------------------------------------------------------------------
    def show_day(self, day: date) -> None:
        """Today shows ``day``'s check-in: an earlier day than the waking day is described
        as that day; today's (or the waking day's) as now."""
        self._viewed = day
        self.refresh()

    def _looking_back(self, waking: date) -> bool:
        return self._viewed is not None and self._viewed < waking

    def refresh(self) -> None:
        """Read the waking window and the plan of the current waking day (or of the earlier
        day looked back at) again."""
        try:
            self._window = self._preferences.waking_window()
            day, _minute = waking_day(self._now(), self._window)
            shown = self._viewed if self._viewed and self._looking_back(day) else day
            self._blocks = self._plans.blocks(shown)
            self._has_template = self._plans.template(day.weekday()) is not None
        except JournalError:
            self._blocks, self._has_template = [], False
            day = waking_day(self._now(), self._window)[0]
        self._day = day
        self.show_now()

    @property
    def day(self) -> date | None:
        """The waking day shown."""
        return self._day

    # -- showing -------------------------------------------------------------------------
    def show_now(self) -> None:
        """The words for this minute, and the timer armed for the next change (a new
        waking day reads the plan again)."""
        moment = self._now()
        day, minute = waking_day(moment, self._window)
        if day != self._day:
            self.refresh()
            return
        looking_back = self._looking_back(day)
        name = "My day today"
        if looking_back and self._viewed is not None:
            name = f"My day on {short_day(self._viewed)}"
            self._say(day_looked_back(self._blocks, self._window, short_day(self._viewed)))
        elif not self._blocks:
            self._show_empty(day)
        else:
            self._say(day_now(self._blocks, self._window, minute))
        self.setAccessibleName(name)
        self.setAccessibleDescription(f"{self.line.text()} {self.idle.text()}".strip())
        self._arm(moment, minute, looking_back)

    def _say(self, words: DayNow) -> None:
        self.line.setText(words.line)
        self.idle.setText(words.idle)
        self.fill_button.hide()

    def _show_empty(self, day: date) -> None:
        self.line.setText(EMPTY)
        self.idle.setText(EMPTY_HINT)
        self.fill_button.setText(f"&Fill today from my usual {weekday_name(day)}")
        self.fill_button.setVisible(self._has_template)

    def _arm(self, moment: datetime, minute: int, looking_back: bool) -> None:
        """The timer to the start of the first minute whose words differ (an earlier day's
        words change only with the next waking day)."""
        stops = [next_day_starts(self._window)]
        if self._blocks and not looking_back:
            stops.append(next_change(self._blocks, self._window, minute) or stops[0])
        ahead = max(min(stops) - minute, 1)
        target = moment.replace(second=0, microsecond=0) + timedelta(minutes=ahead)
        self.timer.start(max(int((target - moment).total_seconds() * 1000), 0))

    def _fill(self) -> None:
        if self._day is None:
            return
        try:
            self._plans.fill_from_template(self._day)
        except DayNotEmpty:
            pass  # planned meanwhile (My day): the change brings it here
        except JournalError as error:
            self.line.setText(f"Not filled: {error}")

    # -- following the clock -------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_now()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()  # nothing to keep current while it is not seen

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.isVisible():
            self.show_now()
