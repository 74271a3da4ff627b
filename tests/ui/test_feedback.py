"""Every action ends on a card saying what was done, to what and when; a booking can be
undone for a few seconds (by cancelling it); what no change can take back (ending early,
cancelling) asks for a second tap first."""

from __future__ import annotations

from kiosk.core.model import ReservationStatus
from kiosk.ui import feedback
from tests.helpers.ids import uid
from tests.ui.drive import button_named, find_button, open_book, signed_in, tap, tap_slot
from tests.ui.seed import ADA, DRILL1, at, span


def _book_drill_at_three(qtbot, kiosk) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    tap_slot(qtbot, w.book.calendar, DRILL1.id, at(15))
    tap(qtbot, w.book.book_button)
    qtbot.waitUntil(w.book.feedback.isVisible)


def test_a_booking_ends_on_a_card_with_undo(qtbot, kiosk, service) -> None:
    w = kiosk.window
    _book_drill_at_three(qtbot, kiosk)
    card = w.book.feedback
    assert card.what.text() == "Booked. See you then!"
    assert card.detail.text() == f"Drill 1 · {kiosk.ctx.fmt.span_on_day(span(15, 16))} (1\u00a0h)"
    assert card.undo_offered
    booked = [r for r in service.reads.member_reservations(ADA.id, at(0))
              if r.interval == span(15, 16) and r.active]
    assert len(booked) == 1
    tap(qtbot, card.undo_button)
    qtbot.waitUntil(lambda: service.reads.reservation(booked[0].id).status
                    == ReservationStatus.CANCELLED)
    qtbot.waitUntil(lambda: card.what.text().startswith("Booking undone"))
    assert not card.undo_offered


def test_undo_is_offered_only_for_a_few_seconds(qtbot, kiosk, monkeypatch) -> None:
    monkeypatch.setattr(feedback, "UNDO_SECONDS", 1)
    _book_drill_at_three(qtbot, kiosk)
    card = kiosk.window.book.feedback
    assert card.undo_offered
    qtbot.waitUntil(lambda: not card.undo_offered)
    assert card.isVisible()  # what was done stays said


def test_end_early_needs_a_second_tap_then_says_what_ended(qtbot, kiosk, service) -> None:
    w = kiosk.window
    button = "End Drill 1 early"
    signed_in(qtbot, kiosk, ADA.number)
    qtbot.waitUntil(lambda: bool([b for b in w.member.findChildren(type(w.member.book_button))
                                  if b.isVisible() and b.accessibleName() == button]))
    end = button_named(w.member, button)
    tap(qtbot, end)
    assert end.text() == "Tap again to end now"
    assert service.reads.reservation(uid("r-ada-drill")).active  # one tap changes nothing
    tap(qtbot, end)
    qtbot.waitUntil(lambda: w.member.feedback.what.text().startswith("Ended early"))
    assert w.member.feedback.detail.text() == (
        f"Drill 1 · {kiosk.ctx.fmt.span_on_day(span(10, 11))}")
    assert not find_button(w.member, "done").isHidden()
