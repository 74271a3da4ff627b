"""The one-sentence note shown on a day when the clocks change, worded for that day."""

from __future__ import annotations

from datetime import timedelta

from kiosk.core import localtime
from kiosk.ui.calendar_model import DayModel
from kiosk.ui.fmt import Formatter
from kiosk.ui.i18n import translate


def dst_note(model: DayModel, fmt: Formatter) -> str:
    """"" on an ordinary day; otherwise what changes on the day shown, in plain words
    (the day is named, so the note is right whichever day is being viewed)."""
    change = model.dst_change
    if change is None:
        return ""
    before = localtime.to_local(model.zone, change.at - timedelta(microseconds=1))
    after = localtime.to_local(model.zone, change.at)
    hours = model.hours
    shift = fmt.duration(abs(change.shift))
    jump_from = fmt.wall(before + timedelta(microseconds=1))
    day = fmt.day_name(model.day)
    if change.shift > timedelta(0):
        return translate(
            "DstNote", "On {day} the clocks go forward {shift}: at {a} they jump to {b}. "
            "Times in between do not exist that day, so they cannot be booked. "
            "This day has {hours:g} hours.").format(
                day=day, shift=shift, a=jump_from, b=fmt.wall(after), hours=hours)
    return translate(
        "DstNote", "On {day} the clocks go back {shift}: at {a} they return to {b}, so "
        "that part of the night happens twice and is shown twice, labelled {x} and {y}. "
        "This day has {hours:g} hours.").format(
            day=day, shift=shift, a=jump_from, b=fmt.wall(after), x=change.abbr_before,
            y=change.abbr_after, hours=hours)
