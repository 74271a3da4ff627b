"""Staff's walk-in page as rows: the members a search found (each with Choose), and the
chosen member with Book a walk-in and their bookings, each with Move and Cancel.

Its words are the staff screen's (translation context ``StaffScreen``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.core.model import Member, Reservation
from kiosk.ui.context import UiContext
from kiosk.ui.i18n import translate
from kiosk.ui.screens.book_data import staff_paused_text
from kiosk.ui.widgets import button, card, label, row_card

# What a Cancel tap is given: the button tapped, the booking's id, and the words that
# name the booking on the card afterwards.
Canceller = Callable[[QPushButton, str, str], None]


def found_rows(members: list[Member], choose: Callable[[Member], None]) -> list[QWidget]:
    return [row_card(f"{m.display_name} · {m.number}",
                     button(translate("StaffScreen", "Choose"), object_name="chooseMember",
                            name=translate("StaffScreen", "Choose {0}").format(m.display_name),
                            on_click=partial(choose, m)))
            for m in members]


def member_rows(ctx: UiContext, member: Member, reservations: list[Reservation],
                names: dict[str, str], enabled: bool, *, book: Callable[[], None],
                move: Callable[[Reservation], None], cancel: Canceller) -> list[QWidget]:
    """The member's card (Book a walk-in while booking is on) and their active bookings."""
    walk_in = button(translate("StaffScreen", "Book a walk-in"), kind="primary",
                     object_name="walkInBook", on_click=book)
    walk_in.setVisible(enabled)
    rows: list[QWidget] = [card(label(f"{member.display_name} · {member.number}", "large"),
                                walk_in)]
    if not enabled:
        rows.append(label(staff_paused_text(), "message", name="staffFlagOff"))
    fmt = ctx.fmt
    for res in (r for r in reservations if r.active):
        where = names.get(res.resource_id, "?")
        text = (f"{where} · {fmt.span_with_day(res.interval, ctx.today())} · "
                f"{fmt.duration(res.interval.duration)}")
        move_button = button(translate("StaffScreen", "Move"), object_name="moveBooking",
                             on_click=partial(move, res))
        move_button.setVisible(enabled)  # a move is judged as a new booking: the flag applies
        cancel_button = button(translate("StaffScreen", "Cancel"), kind="danger",
                               object_name="cancelBooking")
        detail = (f"{where} · {fmt.span_on_day(res.interval)} · "
                  f"{member.display_name} ({member.number})")
        cancel_button.clicked.connect(partial(cancel, cancel_button, res.id, detail))
        rows.append(row_card(text, move_button, cancel_button))
    return rows
