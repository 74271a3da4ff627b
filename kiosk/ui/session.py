"""Who is at the kiosk: the signed-in member (or nobody) and whether staff mode is on.

Every member session has a generation number; results of work started for one member
are dropped if they arrive after that member has gone (``guard()``), so nothing of theirs
can appear on screen for the next person.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.core.model import Member


class Session(QObject):
    """The current member and staff state.

    Signals:
        started(Member): a member signed in (or another member replaced the first).
        ended(): the member session ended (Done, idle timeout, or staff took over).
        staff_changed(bool): staff mode was unlocked (True) or left (False).
    """

    started = Signal(object)
    ended = Signal()
    staff_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.member: Member | None = None
        self.staff = False
        self.generation = 0

    def start(self, member: Member) -> None:
        self.generation += 1
        self.member = member
        self.started.emit(member)

    def end(self) -> None:
        self.generation += 1
        had_member = self.member is not None
        self.member = None
        if had_member:
            self.ended.emit()

    def set_staff(self, on: bool) -> None:
        self.generation += 1
        if on:
            self.member = None
        if self.staff != on:
            self.staff = on
            self.staff_changed.emit(on)

    def guard(self) -> Callable[[], bool]:
        """A check that is true only while this very session is still current."""
        generation = self.generation
        return lambda: self.generation == generation
