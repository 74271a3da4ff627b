"""Rejected changes: staff mark one handled on the sync page; the member it concerns is
told when they next sign in, once."""

from __future__ import annotations

import pytest

from kiosk.core import messages
from kiosk.store.schema import SyncRejectionRow
from kiosk.ui.widgets import refusal_text
from tests.ui.drive import buttons, find_button, scan, tap, visible_text
from tests.ui.seed import ADA, NOW
from tests.ui.test_staff_flows import unlocked


def reject(service, member_id: str = ADA.id, **wire) -> int:
    with service.store.write() as session:
        row = SyncRejectionRow(mutation_id="m-9", code="conflict",
                               message="Drill 2 was booked on the web first",
                               entity="reservation", entity_id="r-offline", member_id=member_id,
                               created_at=NOW, **wire)
        session.add(row)
        session.flush()
        return row.id


def test_staff_mark_a_rejection_handled(qtbot, kiosk, service) -> None:
    w = kiosk.window
    rid = reject(service)
    unlocked(qtbot, kiosk)
    tap(qtbot, find_button(w.staff, "page_sync"))
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "resolveRejection")))
    assert "booked on the web first" in visible_text(w.staff)
    tap(qtbot, find_button(w.staff, "resolveRejection"))
    qtbot.waitUntil(lambda: "No rejected changes." in visible_text(w.staff))
    assert service.sync.status().rejections == ()
    with service.store.read() as session:
        assert session.get(SyncRejectionRow, rid).resolved_by == "staff"


def test_member_is_told_of_their_rejection_at_sign_in_once(qtbot, kiosk, service,
                                                          fake_clock) -> None:
    w = kiosk.window
    reject(service)
    scan(qtbot, kiosk, "400001001", fake_clock)
    qtbot.waitUntil(lambda: "could not be kept" in w.member.message.text())
    assert "Drill 2 was booked on the web first" in w.member.message.text()  # in full
    qtbot.waitUntil(lambda: "checked in" in w.member.message.text())  # both lines kept
    qtbot.waitUntil(lambda: service.sync.member_rejections(ADA.id) == [])
    tap(qtbot, find_button(w.member, "done"))
    qtbot.waitUntil(lambda: w.current() is w.home)
    scan(qtbot, kiosk, "400001001", fake_clock)
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None)
    qtbot.wait(200)
    assert "could not be kept" not in w.member.message.text()


@pytest.mark.parametrize("language", ["es"])
def test_a_rejection_shows_in_the_kiosks_language_from_its_reason(qtbot, kiosk, service,
                                                                   language) -> None:
    """Rev. 2: the server sends reason + params; its English message never reaches staff."""
    w = kiosk.window
    reject(service, reason="taken", params={"resource": "Drill 2"})
    unlocked(qtbot, kiosk)
    tap(qtbot, find_button(w.staff, "page_sync"))
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "resolveRejection")))
    shown = visible_text(w.staff)
    spanish = refusal_text(messages.taken("Drill 2"))
    assert spanish != messages.taken("Drill 2").message  # really translated
    assert spanish in shown
    assert "booked on the web first" not in shown


@pytest.mark.parametrize("language", ["es"])
def test_the_member_reads_the_rejections_reason_in_full_in_the_kiosks_language(
        qtbot, kiosk, service, fake_clock, language) -> None:
    w = kiosk.window
    reject(service, reason="taken", params={"resource": "Drill 2"})
    scan(qtbot, kiosk, "400001001", fake_clock)
    spanish = refusal_text(messages.taken("Drill 2")).rstrip(". ")
    qtbot.waitUntil(lambda: spanish in w.member.message.text())
    assert "booked on the web first" not in w.member.message.text()


def test_the_sync_page_says_why_the_last_sync_failed(qtbot, kiosk, service) -> None:
    from kiosk.store.outbox import ensure_sync_state

    with service.store.write() as session:
        state = ensure_sync_state(session)
        state.server_url, state.last_error = "https://booking.example.org", "the answer is not JSON"
    w = kiosk.window
    unlocked(qtbot, kiosk)
    tap(qtbot, find_button(w.staff, "page_sync"))
    qtbot.waitUntil(lambda: "did not finish" in visible_text(w.staff))
    assert "the answer is not JSON" in visible_text(w.staff)
    assert "Nothing is lost" in visible_text(w.staff)
