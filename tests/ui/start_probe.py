"""Runs ``kiosk --db DB run --windowed`` as an operator would, watched from outside: prints
one JSON line when the welcome screen first paints (with the heavy modules imported by
then), one when its calendar shows data, and one with the exit code when the app ends
(the test ends it with SIGTERM). Used by ``tests/ui/test_start.py``."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

HEAVY = ("sqlalchemy", "alembic", "httpx", "apscheduler", "keyring")


def say(**what: object) -> None:
    sys.stdout.write(json.dumps(what) + "\n")
    sys.stdout.flush()


class Probe(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app, self.painted = app, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Paint and not self.painted
                and type(watched).__name__ == "HomeScreen"):
            self.painted = True
            say(frame=sorted(m for m in HEAVY if m in sys.modules))
            QTimer.singleShot(0, self.poll)
        return False

    def poll(self) -> None:
        window = next(w for w in self.app.topLevelWidgets()
                      if type(w).__name__ == "KioskWindow")
        columns = window.home.calendar.model.columns
        if columns:
            say(data=[r.name for r in columns], title=window.windowTitle())
        else:
            QTimer.singleShot(20, self.poll)


def main() -> None:
    app = QApplication([])
    probe = Probe(app)
    app.installEventFilter(probe)
    from kiosk.cli.main import main as kiosk_main

    say(code=kiosk_main(["--db", sys.argv[1], "run", "--windowed"]))


if __name__ == "__main__":
    main()
