"""What the demo tool library owns and who its members are: fixed tables, no randomness.

Demo credentials (documented in README and docs/operator.md):
member numbers 1001–1200; member N's PIN is N itself (e.g. 1001 → PIN 1001);
card number "40000" followed by the member number (e.g. 400001001); staff PIN 2468.
Member 1013's record says Spanish (``MEMBER_LANGUAGES``).
"""

from __future__ import annotations

from dataclasses import dataclass

SITE_ID = "0f6e3c1a-5b7d-4c8e-9a10-000000000001"
SITE_NAME = "Portland Tool Library"
SITE_TZ = "America/Los_Angeles"
STAFF_PIN = "2468"
FIRST_MEMBER_NUMBER = 1001
MEMBER_COUNT = 200
#: Members whose record names their language: the kiosk speaks it when they sign in.
MEMBER_LANGUAGES = {"1013": "es"}

WEEKDAY_HOURS = [["09:00", "19:00"]]
SITE_SETTINGS: dict[str, object] = {
    "opening_hours": {
        "mon": WEEKDAY_HOURS, "tue": WEEKDAY_HOURS, "wed": WEEKDAY_HOURS,
        "thu": [["09:00", "21:00"]], "fri": WEEKDAY_HOURS,
        "sat": [["09:00", "17:00"]], "sun": [["10:00", "16:00"]],
    },
    "max_days_ahead": 21,
    "max_active_per_member": 4,
    "checkin_before_minutes": 15,
    "checkin_grace_minutes": 15,
}


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of resource, how many the library has, and the settings they share."""

    kind: str
    label: str
    count: int
    badge: str | None
    settings: dict[str, object]


KINDS: tuple[Kind, ...] = (
    Kind("drill", "Cordless drill", 4, None, {"max_minutes": 240}),
    Kind("circular_saw", "Circular saw", 3, None, {"max_minutes": 240}),
    Kind("sander", "Orbital sander", 3, None, {"max_minutes": 180}),
    Kind("ladder", "Extension ladder", 2, None, {"max_minutes": 480, "slot_minutes": 60,
                                                 "min_minutes": 60}),
    Kind("pressure_washer", "Pressure washer", 2, None, {"max_minutes": 240}),
    Kind("table_saw", "Table saw", 2, "woodshop", {"max_minutes": 180, "buffer_minutes": 15}),
    Kind("laser_cutter", "Laser cutter", 1, "laser", {"max_minutes": 120, "buffer_minutes": 15}),
    Kind("printer_3d", "3D printer", 3, "3d_printing", {"max_minutes": 480, "slot_minutes": 60,
                                                        "min_minutes": 60}),
    Kind("cnc_router", "CNC router", 1, "cnc", {"max_minutes": 180, "buffer_minutes": 30}),
    Kind("room", "Room", 3, None, {"max_minutes": 240}),
    Kind("garden_plot", "Garden plot", 6, None, {
        "opening_hours": "24/7", "slot_minutes": 60, "min_minutes": 60, "max_minutes": 1440,
        "max_days_ahead": 28,
    }),
)

#: Each kind's display name by language, as the demo site's server data names them (a
#: kiosk shows these; its built-in labels are only the fallback).
KIND_NAMES: dict[str, dict[str, str]] = {
    "drill": {"en": "Drill", "es": "Taladro"},
    "circular_saw": {"en": "Circular saw", "es": "Sierra circular"},
    "sander": {"en": "Sander", "es": "Lijadora"},
    "ladder": {"en": "Ladder", "es": "Escalera"},
    "pressure_washer": {"en": "Pressure washer", "es": "Hidrolavadora"},
    "table_saw": {"en": "Table saw", "es": "Sierra de mesa"},
    "laser_cutter": {"en": "Laser cutter", "es": "Cortadora láser"},
    "printer_3d": {"en": "3D printer", "es": "Impresora 3D"},
    "cnc_router": {"en": "CNC router", "es": "Fresadora CNC"},
    "room": {"en": "Room", "es": "Sala"},
    "garden_plot": {"en": "Garden plot", "es": "Parcela de huerto"},
}

#: Pilot-cohort members may hold more bookings at once (a cohort settings layer).
COHORT_SETTINGS: dict[str, dict[str, object]] = {"pilot": {"max_active_per_member": 6}}
#: Closed all day (month, day, reason).
HOLIDAYS = ((1, 1, "New Year's Day"), (7, 4, "Independence Day"), (12, 25, "Christmas Day"))

ROOM_NAMES = ("Workshop room", "Meeting room", "Sewing room")

FIRST_NAMES = (
    "Ada", "Bea", "Carlos", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo",
    "Kai", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq",
)
LAST_NAMES = (
    "Alvarez", "Brooks", "Chen", "Diaz", "Eriksen", "Flores", "Garcia", "Huang", "Ito",
    "Johnson",
)
BADGES = ("woodshop", "laser", "3d_printing", "cnc")
