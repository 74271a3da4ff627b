"""Dates, times and durations in the locale's format and the site's time zone."""

from __future__ import annotations

import datetime as dt
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QLocale, QTime

from kiosk.core import localtime
from kiosk.core.model import Interval
from kiosk.ui.i18n import translate


class Formatter:
    """Formats instants as local wall-clock text for one site zone, in ``locale`` or
    (when none is given) the default locale of the moment, which follows the kiosk's
    language when a person switches it."""

    def __init__(self, zone_name: str, locale: QLocale | None = None) -> None:
        self.zone = zone_name
        self._locale = locale

    @property
    def locale(self) -> QLocale:
        return self._locale if self._locale is not None else QLocale()

    def wall(self, local: datetime) -> str:
        return self.locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)

    def time(self, instant: datetime) -> str:
        return self.wall(localtime.to_local(self.zone, instant))

    def date(self, day: dt.date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day),
                                    QLocale.FormatType.LongFormat)

    def short_date(self, day: dt.date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), "ddd d MMM")

    def day_name(self, day: dt.date) -> str:
        """Weekday, day and month (``"Sunday 8 March"``) in the locale's words."""
        return self.locale.toString(QDate(day.year, day.month, day.day),
                                    translate("Formatter", "dddd d MMMM"))

    def span(self, interval: Interval) -> str:
        """``"09:00–11:00"``; a span crossing a DST change names the offsets, and one on
        another day names the day."""
        start = localtime.to_local(self.zone, interval.start)
        end = localtime.to_local(self.zone, interval.end)
        text = f"{self.wall(start)}–{self.wall(end)}"
        if start.utcoffset() != end.utcoffset():
            text = f"{self.wall(start)} {start.tzname()}–{self.wall(end)} {end.tzname()}"
        return text

    def span_with_day(self, interval: Interval, today: dt.date) -> str:
        day = localtime.local_date(self.zone, interval.start)
        if day == today:
            return self.span(interval)
        return f"{self.short_date(day)} {self.span(interval)}"

    def span_on_day(self, interval: Interval) -> str:
        """``"Thu 3 Dec 12:00–1:00 PM"``: the day always named, even today's."""
        day = localtime.local_date(self.zone, interval.start)
        return f"{self.short_date(day)} {self.span(interval)}"

    def duration(self, value: timedelta) -> str:
        minutes = int(value.total_seconds() // 60)
        hours, rest = divmod(minutes, 60)
        if hours and rest:
            return translate("Formatter", "{h} h {m} min").format(h=hours, m=rest)
        if hours:
            return translate("Formatter", "{h} h").format(h=hours)
        return translate("Formatter", "{m} min").format(m=rest)


# Parts of a kind key that are written in capitals (or as shown) in a label.
_ACRONYMS = {"cnc": "CNC", "3d": "3D", "2d": "2D", "uv": "UV", "co2": "CO2", "pcb": "PCB",
             "led": "LED", "tv": "TV", "av": "AV", "usb": "USB", "diy": "DIY", "mig": "MIG",
             "tig": "TIG", "pa": "PA", "vr": "VR", "dj": "DJ"}


def date_words(iso_day: str) -> str:
    """An ISO date a rule passes (``"2026-12-23"``) as the current language writes it
    ("Wednesday 23 December"); anything else as given."""
    try:
        day = dt.date.fromisoformat(iso_day)
    except ValueError:
        return iso_day
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              translate("Formatter", "dddd d MMMM"))


def resource_name(name: str) -> str:
    """A resource's name in the current language when the kiosk knows its words (the
    kinds' names and the demo catalogue's, numbered or not: "Table saw 2" reads "Sierra
    de mesa 2" in Spanish); a site's own names stay as the site wrote them."""
    known = _known_names()
    stem, space, number = name.rpartition(" ")
    if space and number.isdigit() and stem in known:
        return f"{known[stem]} {number}"
    return known.get(name, name)


def _known_names() -> dict[str, str]:
    # literal calls, so pyside6-lupdate finds each name
    return {
        "Drill": translate("ResourceNames", "Drill"),
        "Cordless drill": translate("ResourceNames", "Cordless drill"),
        "Circular saw": translate("ResourceNames", "Circular saw"),
        "Orbital sander": translate("ResourceNames", "Orbital sander"),
        "Extension ladder": translate("ResourceNames", "Extension ladder"),
        "Pressure washer": translate("ResourceNames", "Pressure washer"),
        "Table saw": translate("ResourceNames", "Table saw"),
        "Laser cutter": translate("ResourceNames", "Laser cutter"),
        "3D printer": translate("ResourceNames", "3D printer"),
        "CNC router": translate("ResourceNames", "CNC router"),
        "Room": translate("ResourceNames", "Room"),
        "Garden plot": translate("ResourceNames", "Garden plot"),
        "Workshop room": translate("ResourceNames", "Workshop room"),
        "Meeting room": translate("ResourceNames", "Meeting room"),
        "Sewing room": translate("ResourceNames", "Sewing room"),
    }


def kind_label(kind: str) -> str:
    """A resource kind's display label in the current language: the shipped kinds have
    real names; any other key reads as words, capitalised only at the start, with
    acronyms (CNC, 3D…) kept."""
    known = _known_kinds().get(kind)
    return known if known is not None else fallback_kind_label(kind)


def fallback_kind_label(kind: str) -> str:
    words = [w for w in kind.replace("-", "_").replace(" ", "_").split("_") if w]
    out = [_ACRONYMS.get(w.lower(), w.lower()) for w in words]
    if out and out[0] == words[0].lower():
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def _known_kinds() -> dict[str, str]:
    # literal calls, so pyside6-lupdate finds each name
    return {
        "drill": translate("Kinds", "Drill"),
        "circular_saw": translate("Kinds", "Circular saw"),
        "sander": translate("Kinds", "Sander"),
        "ladder": translate("Kinds", "Ladder"),
        "pressure_washer": translate("Kinds", "Pressure washer"),
        "table_saw": translate("Kinds", "Table saw"),
        "laser_cutter": translate("Kinds", "Laser cutter"),
        "printer_3d": translate("Kinds", "3D printer"),
        "cnc_router": translate("Kinds", "CNC router"),
        "room": translate("Kinds", "Room"),
        "garden_plot": translate("Kinds", "Garden plot"),
    }
