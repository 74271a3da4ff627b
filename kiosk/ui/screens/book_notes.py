"""What the book screen says instead of, or above, its calendar: why booking is paused
for this person (the flag is off, the member is suspended), which resources they cannot
book and why, and the booking horizon on its last day.

Its words are the book screen's (translation context ``BookScreen``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kiosk.core import localtime
from kiosk.ui.fmt import Formatter
from kiosk.ui.i18n import translate
from kiosk.ui.screens.book_data import BookData, staff_paused_text


def member_paused_text() -> str:
    return translate("BookScreen",
                     "Booking at the kiosk is paused for now. Your existing bookings are "
                     "kept and you can still check in.")


def paused_text(data: BookData, *, staff: bool) -> str:
    """Why nothing can be booked now (shown while the flag is off or the member is
    suspended)."""
    if data.suspended:
        return translate("BookScreen",
                         "Your membership is paused after missed bookings, so booking is "
                         "not possible right now. Please see staff.")
    # the service refuses staff too: say so, and what still works
    return staff_paused_text() if staff else member_paused_text()


def day_notes(data: BookData, day: date, last: date | None, fmt: Formatter) -> list[str]:
    """Resources this member cannot book, and why; on the last day that may be booked
    (days after it are not offered at all), that it is the last."""
    notes = [f"{name}: {why}" for name, why in data.unavailable.items()]
    if last is not None and day >= last:
        notes.append(translate("BookScreen", "Bookings can be made up to {0}.").format(
            fmt.day_name(last)))
    return notes


def last_bookable_day(data: BookData, zone: str, now: datetime) -> date | None:
    """The last day a member may book on (``max_days_ahead``), or None for staff."""
    if data.max_days_ahead is None:
        return None
    return localtime.local_date(zone, now + timedelta(days=data.max_days_ahead))
