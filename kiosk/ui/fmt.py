"""Dates, times and durations in the locale's format and the site's time zone."""

from __future__ import annotations

import datetime as dt
from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, QTime

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
        """"1 h 30 min", kept on one line (a wrapped "(1" / "h)" reads badly)."""
        minutes = int(value.total_seconds() // 60)
        hours, rest = divmod(minutes, 60)
        if hours and rest:
            text = translate("Formatter", "{h} h {m} min").format(h=hours, m=rest)
        elif hours:
            text = translate("Formatter", "{h} h").format(h=hours)
        else:
            text = translate("Formatter", "{m} min").format(m=rest)
        return text.replace(" ", "\u00a0")


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
    """A resource's name in the current language when the kiosk knows its words (a
    kind's label, or one of the demo catalogue's names, numbered or not: "Table saw 2"
    reads "Sierra de mesa 2" in Spanish); a site's own names stay as the site wrote them."""
    stem, space, number = name.rpartition(" ")
    if space and number.isdigit() and (known := _known_name(stem)) is not None:
        return f"{known} {number}"
    known = _known_name(name)
    return name if known is None else known


def _known_name(text: str) -> str | None:
    site = _site_kind_name(text)
    if site is not None:
        return site
    if text in _KIND_LABELS.values():
        return translate("Kinds", text)  # the kinds' labels are translated once, there
    return translate("ResourceNames", text) if text in _OTHER_NAMES else None


# Names of the demo catalogue that are not a kind's label.
_OTHER_NAMES: frozenset[object] = frozenset({
    QT_TRANSLATE_NOOP("ResourceNames", "Cordless drill"),
    QT_TRANSLATE_NOOP("ResourceNames", "Orbital sander"),
    QT_TRANSLATE_NOOP("ResourceNames", "Extension ladder"),
    QT_TRANSLATE_NOOP("ResourceNames", "Workshop room"),
    QT_TRANSLATE_NOOP("ResourceNames", "Meeting room"),
    QT_TRANSLATE_NOOP("ResourceNames", "Sewing room"),
})


def kind_label(kind: str) -> str:
    """A resource kind's display label in the current language: the site's own name for
    it in that language (the server's data), else the kiosk's translation of a shipped
    kind, else the site's name in another language, else the key read as words,
    capitalised only at the start, with acronyms (CNC, 3D…) kept."""
    names = _SiteKinds.names.get(kind, {})
    if own := names.get(current_language()):
        return own
    label = _KIND_LABELS.get(kind)
    if label is not None:
        return translate("Kinds", str(label))
    other = names.get("en") or next(iter(names.values()), None)
    return other or fallback_kind_label(kind)


def current_language() -> str:
    """The language the kiosk speaks now ("es"), as the default locale says (which
    ``i18n.install`` sets; the bare "C" locale of a process that set none reads English,
    the language of the source texts)."""
    name = QLocale().name()
    return "en" if name == "C" else name.split("_")[0]


class _SiteKinds:
    """The site's kinds' display names by language, from the server (the cache's
    ``resource_kinds``): set by the composition root at start and when a pull renames
    one. Replaced whole, never changed in place: loaders read it on the read pool."""

    names: dict[str, dict[str, str]] = {}  # noqa: RUF012 (replaced, never mutated)


def use_site_kind_names(names: dict[str, dict[str, str]]) -> None:
    """Label kinds with ``names`` (code → language → name) from now on."""
    _SiteKinds.names = {code: dict(by_language) for code, by_language in names.items()}


def _site_kind_name(text: str) -> str | None:
    """A resource name (or its stem) that is one of the site's kind names, in the current
    language: "Table saw" reads "Sierra de mesa" when the site names it so."""
    for names in _SiteKinds.names.values():
        if text in names.values():
            return names.get(current_language())
    return None


def fallback_kind_label(kind: str) -> str:
    words = [w for w in kind.replace("-", "_").replace(" ", "_").split("_") if w]
    out = [_ACRONYMS.get(w.lower(), w.lower()) for w in words]
    if out and out[0] == words[0].lower():
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


# The shipped kinds' labels, in English; marked so pyside6-lupdate finds each (the
# marker is typed as returning object, hence the element type).
_KIND_LABELS: dict[str, object] = {
    "drill": QT_TRANSLATE_NOOP("Kinds", "Drill"),
    "circular_saw": QT_TRANSLATE_NOOP("Kinds", "Circular saw"),
    "sander": QT_TRANSLATE_NOOP("Kinds", "Sander"),
    "ladder": QT_TRANSLATE_NOOP("Kinds", "Ladder"),
    "pressure_washer": QT_TRANSLATE_NOOP("Kinds", "Pressure washer"),
    "table_saw": QT_TRANSLATE_NOOP("Kinds", "Table saw"),
    "laser_cutter": QT_TRANSLATE_NOOP("Kinds", "Laser cutter"),
    "printer_3d": QT_TRANSLATE_NOOP("Kinds", "3D printer"),
    "cnc_router": QT_TRANSLATE_NOOP("Kinds", "CNC router"),
    "room": QT_TRANSLATE_NOOP("Kinds", "Room"),
    "garden_plot": QT_TRANSLATE_NOOP("Kinds", "Garden plot"),
}
