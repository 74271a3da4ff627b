"""The one-sentence note shown when the clocks change today."""

from __future__ import annotations

from datetime import timedelta

from kiosk.core import localtime
from kiosk.ui.calendar_model import DayModel
from kiosk.ui.fmt import Formatter
from kiosk.ui.i18n import translate


def dst_note(model: DayModel, fmt: Formatter) -> str:
    """"" on an ordinary day; otherwise what changes tonight, in plain words."""
    change = model.dst_change
    if change is None:
        return ""
    before = localtime.to_local(model.zone, change.at - timedelta(microseconds=1))
    after = localtime.to_local(model.zone, change.at)
    hours = abs(change.shift.total_seconds()) / 3600
    shift = fmt.duration(abs(change.shift))
    jump_from = fmt.wall(before + timedelta(microseconds=1))
    if change.shift > timedelta(0):
        return translate(
            "DstNote", "The clocks go forward {shift} tonight: at {a} they jump to {b}. "
            "Times in between do not exist today, so they cannot be booked. "
            "Today has {hours:g} hours.").format(
                shift=shift, a=jump_from, b=fmt.wall(after), hours=24 - hours)
    return translate(
        "DstNote", "The clocks go back {shift} tonight: at {a} they return to {b}, so that "
        "part of the night happens twice and is shown twice, labelled {x} and {y}. "
        "Today has {hours:g} hours.").format(
            shift=shift, a=jump_from, b=fmt.wall(after), x=change.abbr_before,
            y=change.abbr_after, hours=24 + hours)
