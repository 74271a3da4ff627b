"""Every refusal the rules give, in one catalogue: a stable key, its sync code, the rule
(setting or check) behind it and an English template with named parameters.

A refusal travels as ``code`` + ``reason`` (its key) + ``params``; any side rebuilds the
same refusal with ``from_wire`` and renders it in its own language by translating the
template (the catalogue's text is the source text of the translations) and filling in
the parameters. Parameters are plain JSON values (text and whole numbers) and every one
of them appears in its template. Each message says what to do next.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter

from kiosk.core.refusals import Refusal, RefusalCode

C = RefusalCode


@dataclass(frozen=True, slots=True)
class Template:
    code: RefusalCode
    rule: str | None
    text: str


CATALOGUE: dict[str, Template] = {
    # -- who may book ---------------------------------------------------------------
    "flag_off": Template(
        C.FLAG_DISABLED, "reservation_system_enabled",
        "Booking is switched off at {site} for now. Existing bookings still stand; "
        "please ask at the front desk."),
    "suspended": Template(
        C.MEMBER_SUSPENDED, "member_status",
        "Your membership is paused for new bookings. Please speak to the front desk."),
    "suspended_no_shows": Template(
        C.MEMBER_SUSPENDED, "no_show_suspend_after",
        "New bookings are paused after {count} missed bookings (the limit is {limit}). "
        "Please speak to the front desk to have them restored."),
    "badge_missing": Template(
        C.TRAINING_REQUIRED, "required_badge",
        "{resource} needs the {badge} badge. Book a training session, or ask staff to "
        "check your badges."),
    "resource_inactive": Template(
        C.RULE_VIOLATION, "resource_active",
        "{resource} is not taking bookings at the moment. Please choose another {kind}."),
    # -- when and how long ------------------------------------------------------------
    "in_past": Template(
        C.RULE_VIOLATION, "start_in_past",
        "That start time has already passed. Please pick a start from now on."),
    "too_far_ahead": Template(
        C.RULE_VIOLATION, "max_days_ahead",
        "Bookings can be made at most {days} days ahead. Please pick a start on or "
        "before {last_day}."),
    "off_grid": Template(
        C.RULE_VIOLATION, "slot_minutes",
        "Bookings of {resource} start on a {slot}-minute grid counted from midnight. "
        "Please pick a start on that grid."),
    "not_whole_slots": Template(
        C.RULE_VIOLATION, "slot_minutes",
        "Bookings of {resource} last a whole number of {slot}-minute slots, and "
        "{minutes} minutes is not. Please choose a length in steps of {slot} minutes."),
    "too_short": Template(
        C.RULE_VIOLATION, "min_minutes",
        "Bookings of {resource} last at least {min} minutes. Please choose a longer booking."),
    "too_long": Template(
        C.RULE_VIOLATION, "max_minutes",
        "Bookings of {resource} last at most {max} minutes. Please choose a shorter "
        "booking; you can book the next slot separately."),
    "outside_hours": Template(
        C.OUTSIDE_HOURS, "opening_hours",
        "{resource} is not open for the whole of that time. Please pick a time inside "
        "its opening hours, such as one of the times shown."),
    "closed": Template(
        C.OUTSIDE_HOURS, "closure",
        "{resource} is closed for part of that time ({reason}). Please pick another "
        "time, such as one of the times shown."),
    "member_limit": Template(
        C.RULE_VIOLATION, "max_active_per_member",
        "You already hold {count} active bookings and the most allowed is {max}. "
        "Please cancel one, or book again after one has ended."),
    "taken": Template(
        C.CONFLICT, "overlap",
        "{resource} is already booked for part of that time. Please pick one of the free "
        "times shown, or join the waitlist."),
    "too_close": Template(
        C.CONFLICT, "buffer_minutes",
        "{resource} needs {buffer} minutes free between bookings. Please pick one of the "
        "free times shown, or join the waitlist."),
    # -- changing a booking ------------------------------------------------------------
    "not_found": Template(
        C.NOT_FOUND, None, "No {what} with id {id} is known here."),
    "id_taken": Template(
        C.INVALID, "unique_id",
        "A {what} with id {id} exists already. Please try again."),
    "unreadable": Template(
        C.INVALID, "contract", "This change could not be read ({detail}), so nothing was done."),
    "id_reused": Template(
        C.INVALID, "unique_id",
        "The id {id} was already used for a different change, so nothing was done."),
    "seq_used": Template(
        C.INVALID, "seq",
        "Change number {seq} was already used by another change, so nothing was done."),
    "other_site": Template(
        C.FORBIDDEN, "site", "This {what} belongs to another site, so nothing was done."),
    "was_cancelled": Template(
        C.CANCELLED, "status",
        "This booking was cancelled, so it cannot be changed. Please ask at the front "
        "desk."),
    "not_active": Template(
        C.RULE_VIOLATION, "status",
        "This booking is {status}, so it cannot be changed any more."),
    "end_not_started": Template(
        C.RULE_VIOLATION, "end_early",
        "This booking has not started yet. To free it, cancel it instead."),
    "end_over": Template(
        C.RULE_VIOLATION, "end_early", "This booking has ended already; nothing to end."),
    # -- check-in ------------------------------------------------------------------------
    "checkin_not_open": Template(
        C.WINDOW_CLOSED, "checkin_before_minutes",
        "Check-in has not opened yet. Please come back from {before} minutes before the "
        "start."),
    "checkin_closed": Template(
        C.WINDOW_CLOSED, "checkin_grace_minutes",
        "Check-in closed {grace} minutes after the start. Please ask at the front desk."),
    "checkin_cancelled": Template(
        C.CANCELLED, "status",
        "This booking was cancelled, so there is nothing to check in to. Please ask at "
        "the front desk."),
    # -- waitlist ------------------------------------------------------------------------
    "slot_free": Template(
        C.RULE_VIOLATION, "waitlist", "This slot is free: book it instead of waiting."),
    "already_waiting": Template(
        C.RULE_VIOLATION, "waitlist", "You are already waiting for this slot."),
    "waitlist_closed": Template(
        C.RULE_VIOLATION, "waitlist_status",
        "This waitlist place is {status} already. You can join the waitlist again."),
    "hold_lapsed": Template(
        C.WINDOW_CLOSED, "waitlist_hold_minutes",
        "The hold on this slot has run out and it has passed to the next person. You can "
        "join the waitlist again."),
    "not_offered_yet": Template(
        C.RULE_VIOLATION, "waitlist_order",
        "This slot has not been offered to you yet. We will email you when it is."),
    # -- signing in and the kiosk's own records ---------------------------------------------
    "pin_wrong": Template(
        C.FORBIDDEN, "pin_max_attempts",
        "That member number and PIN do not match. Please try again. Tries left before "
        "signing in locks for a while: {tries}."),
    "pin_locked": Template(
        C.FORBIDDEN, "pin_lock_minutes",
        "Too many wrong PINs: signing in with this number is locked for {minutes} min. "
        "Please wait, or ask staff for help."),
    "staff_pin_wrong": Template(
        C.FORBIDDEN, "pin_max_attempts",
        "That is not the staff PIN. Tries left before staff mode locks: {tries}."),
    "staff_pin_locked": Template(
        C.FORBIDDEN, "pin_lock_minutes",
        "Staff mode is locked after too many wrong PINs. Please try again in {minutes} min."),
    "already_handled": Template(
        C.RULE_VIOLATION, "rejection", "This rejected change was already marked handled."),
    # -- local wall-clock input (never sent over sync) ---------------------------------
    "nonexistent_time": Template(
        C.NONEXISTENT_TIME, "local_time",
        "{time} does not exist on {date} in {zone}: the clocks jump forward that night. "
        "Choose {earlier} or {later} instead."),
    "ambiguous_time": Template(
        C.AMBIGUOUS_TIME, "local_time",
        "{time} happens twice on {date} in {zone} (the clocks go back): {earlier} or "
        "{later}. Choose which one you mean."),
}


def refuse(key: str, **params: str | int) -> Refusal:
    """The catalogue's refusal ``key`` with its parameters."""
    entry = CATALOGUE[key]
    return Refusal(entry.code, entry.text, params, entry.rule, key=key)


def from_wire(code: str, key: str | None, params: Mapping[str, object] | None,
              message: str | None = None) -> Refusal:
    """Rebuild a refusal sent as ``code`` + ``reason`` + ``params``. A reason this side
    does not know (a newer peer) keeps the peer's English ``message`` as its text."""
    entry = CATALOGUE.get(key or "")
    values = dict(params or {})
    if entry is not None and str(entry.code) == code and _fills(entry.text, values):
        return Refusal(entry.code, entry.text, values, entry.rule, key=key or "")
    known = RefusalCode(code) if code in _CODES else RefusalCode.INVALID
    text = (message or code).replace("{", "{{").replace("}", "}}")
    return Refusal(known, text, {}, None, key="")


_CODES = frozenset(str(c) for c in RefusalCode)


def placeholders(text: str) -> frozenset[str]:
    """The names of the ``{parameters}`` a template (or a translation of it) uses."""
    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name)


def _fills(text: str, params: Mapping[str, object]) -> bool:
    try:
        text.format(**params)
    except (KeyError, IndexError, ValueError):
        return False
    return True


# -- builders the rules call (names read better than keys at the call site) ------------

def flag_off(site: str) -> Refusal:
    return refuse("flag_off", site=site)


def suspended(count: int, limit: int | None) -> Refusal:
    if limit is None:
        return refuse("suspended")
    return refuse("suspended_no_shows", count=count, limit=limit)


def badge_missing(resource: str, badge: str) -> Refusal:
    return refuse("badge_missing", resource=resource, badge=badge)


def resource_inactive(resource: str, kind: str) -> Refusal:
    return refuse("resource_inactive", resource=resource, kind=kind)


def in_past() -> Refusal:
    return refuse("in_past")


def too_far_ahead(days: int, last_day: str) -> Refusal:
    return refuse("too_far_ahead", days=days, last_day=last_day)


def off_grid(resource: str, slot: int) -> Refusal:
    return refuse("off_grid", resource=resource, slot=slot)


def not_whole_slots(resource: str, slot: int, minutes: int) -> Refusal:
    return refuse("not_whole_slots", resource=resource, slot=slot, minutes=minutes)


def too_short(resource: str, minimum: int) -> Refusal:
    return refuse("too_short", resource=resource, min=minimum)


def too_long(resource: str, maximum: int) -> Refusal:
    return refuse("too_long", resource=resource, max=maximum)


def outside_hours(resource: str) -> Refusal:
    return refuse("outside_hours", resource=resource)


def closed(resource: str, reason: str) -> Refusal:
    return refuse("closed", resource=resource, reason=reason)


def member_limit(count: int, maximum: int) -> Refusal:
    return refuse("member_limit", count=count, max=maximum)


def taken(resource: str) -> Refusal:
    return refuse("taken", resource=resource)


def too_close(resource: str, buffer: int) -> Refusal:
    return refuse("too_close", resource=resource, buffer=buffer)


def not_found(what: str, ident: str) -> Refusal:
    return refuse("not_found", what=what, id=ident)


def id_taken(what: str, ident: str) -> Refusal:
    return refuse("id_taken", what=what, id=ident)
