"""Staff's settings page as rows: the member idle timeout (− and +, saved at once) and a
keypad for a new staff PIN. Its writes go through the bridge; its words are the staff
screen's (translation context ``StaffScreen``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.i18n import translate
from kiosk.ui.keypad import Keypad
from kiosk.ui.widgets import button, card, label


def settings_rows(ctx: UiContext, idle_seconds: int, *, idle_saved: Callable[[int], None],
                  say: Callable[[str], None]) -> list[QWidget]:
    """``idle_saved`` is given the stored timeout after each change; ``say`` what to tell
    staff (the PIN changed, or why a write failed)."""
    value = label(translate("StaffScreen", "{0} s").format(idle_seconds), "large",
                  name="idleValue")
    shown = [idle_seconds]

    def change(step: int) -> None:
        wanted = max(15, min(600, shown[0] + step))
        ctx.bridge.write(lambda svc: svc.access.set_kiosk_setting("idle_seconds", wanted), saved,
                         key="idle_seconds", on_error=say)

    def saved(stored: int) -> None:
        shown[0] = stored
        value.setText(translate("StaffScreen", "{0} s").format(stored))
        idle_saved(stored)
    row = QHBoxLayout()
    row.addWidget(label(translate("StaffScreen", "Sign members out after no touch for")), 1)
    row.addWidget(button("−", name=translate("StaffScreen", "Shorter timeout"),
                         on_click=lambda: change(-15)))
    row.addWidget(value)
    row.addWidget(button("+", name=translate("StaffScreen", "Longer timeout"),
                         on_click=lambda: change(15)))
    pad = Keypad(max_length=8, min_length=4, secret=True)
    pad.setObjectName("newStaffPin")

    def changed(_result: object) -> None:
        pad.clear()
        say(translate("StaffScreen", "The staff PIN was changed."))
    pad.submitted.connect(lambda pin: ctx.bridge.write(
        lambda svc: svc.access.set_staff_pin(pin), changed, on_error=say))
    return [card(row), label(translate("StaffScreen", "New staff PIN"), "large"), pad]
