"""The plain-words refusals the booking rules give, in one place.

Each builder returns a ``Refusal`` with its sync code, the rule (setting) that refused and
an English template with named parameters, so a UI can translate the template and fill
it with the same parameters. Every message says what to do next.
"""

from __future__ import annotations

from kiosk.core.refusals import Refusal, RefusalCode

C = RefusalCode


def flag_off(site: str) -> Refusal:
    return Refusal(
        C.FLAG_DISABLED,
        "Booking is switched off at {site} for now. Existing bookings still stand; "
        "please ask at the front desk.",
        {"site": site}, "reservation_system_enabled",
    )


def suspended(count: int, limit: int | None) -> Refusal:
    if limit is None:
        return Refusal(
            C.MEMBER_SUSPENDED,
            "Your membership is paused for new bookings. Please speak to the front desk.",
            {"count": count}, "member_status",
        )
    return Refusal(
        C.MEMBER_SUSPENDED,
        "New bookings are paused after {count} missed bookings (the limit is {limit}). "
        "Please speak to the front desk to have them restored.",
        {"count": count, "limit": limit}, "no_show_suspend_after",
    )


def badge_missing(resource: str, badge: str) -> Refusal:
    return Refusal(
        C.TRAINING_REQUIRED,
        "{resource} needs the {badge} badge. Book a training session, or ask staff to "
        "check your badges.",
        {"resource": resource, "badge": badge}, "required_badge",
    )


def resource_inactive(resource: str, kind: str) -> Refusal:
    return Refusal(
        C.RULE_VIOLATION,
        "{resource} is not taking bookings at the moment. Please choose another {kind}.",
        {"resource": resource, "kind": kind}, "resource_active",
    )


def in_past() -> Refusal:
    return Refusal(
        C.RULE_VIOLATION,
        "That start time has already passed. Please pick a start from now on.",
        {}, "start_in_past",
    )


def too_far_ahead(days: int, last_day: str) -> Refusal:
    return Refusal(
        C.RULE_VIOLATION,
        "Bookings can be made at most {days} days ahead. Please pick a start on or "
        "before {last_day}.",
        {"days": days, "last_day": last_day}, "max_days_ahead",
    )


def off_grid(resource: str, slot: int) -> Refusal:
    return Refusal(
        C.RULE_VIOLATION,
        "Bookings of {resource} start on a {slot}-minute grid counted from midnight. "
        "Please pick a start on that grid.",
        {"resource": resource, "slot": slot}, "slot_minutes",
    )


def not_whole_slots(resource: str, slot: int, minutes: int) -> Refusal:
    return Refusal(
        C.RULE_VIOLATION,
        "Bookings of {resource} last a whole number of {slot}-minute slots, and "
        "{minutes} minutes is not. Please choose a length in steps of {slot} minutes.",
        {"resource": resource, "slot": slot, "minutes": minutes}, "slot_minutes",
    )


def too_short(resource: str, minimum: int) -> Refusal:
    return Refusal(
        C.RULE_VIOLATION,
        "Bookings of {resource} last at least {min} minutes. Please choose a longer booking.",
        {"resource": resource, "min": minimum}, "min_minutes",
    )


def too_long(resource: str, maximum: int) -> Refusal:
    return Refusal(
        C.RULE_VIOLATION,
        "Bookings of {resource} last at most {max} minutes. Please choose a shorter "
        "booking; you can book the next slot separately.",
        {"resource": resource, "max": maximum}, "max_minutes",
    )


def outside_hours(resource: str) -> Refusal:
    return Refusal(
        C.OUTSIDE_HOURS,
        "{resource} is not open for the whole of that time. Please pick a time inside "
        "its opening hours, such as one of the times shown.",
        {"resource": resource}, "opening_hours",
    )


def closed(resource: str, reason: str) -> Refusal:
    return Refusal(
        C.OUTSIDE_HOURS,
        "{resource} is closed for part of that time ({reason}). Please pick another "
        "time, such as one of the times shown.",
        {"resource": resource, "reason": reason}, "closure",
    )


def member_limit(count: int, maximum: int) -> Refusal:
    return Refusal(
        C.RULE_VIOLATION,
        "You already hold {count} active bookings and the most allowed is {max}. "
        "Please cancel one, or book again after one has ended.",
        {"count": count, "max": maximum}, "max_active_per_member",
    )


def taken(resource: str) -> Refusal:
    return Refusal(
        C.CONFLICT,
        "{resource} is already booked for part of that time. Please pick one of the free "
        "times shown, or join the waitlist.",
        {"resource": resource}, "overlap",
    )


def too_close(resource: str, buffer: int) -> Refusal:
    return Refusal(
        C.CONFLICT,
        "{resource} needs {buffer} minutes free between bookings. Please pick one of the "
        "free times shown, or join the waitlist.",
        {"resource": resource, "buffer": buffer}, "buffer_minutes",
    )
