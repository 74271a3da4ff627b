"""What every screen is given in its constructor (no global look-ups)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.core import localtime
from kiosk.core.model import Site
from kiosk.ui.bridge import ServiceBridge
from kiosk.ui.fmt import Formatter
from kiosk.ui.i18n import LanguageSwitch
from kiosk.ui.session import Session
from kiosk.ui.status import StatusModel
from kiosk.ui.theme import Theme


@dataclass(frozen=True, slots=True)
class UiContext:
    site: Site
    bridge: ServiceBridge
    session: Session
    status: StatusModel
    theme: Theme
    fmt: Formatter
    now: Callable[[], datetime]
    languages: LanguageSwitch

    def today(self) -> date:
        return localtime.local_date(self.site.timezone, self.now())
