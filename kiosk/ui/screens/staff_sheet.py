"""Staff's lists of the day: today's sheet (every booking, its state, Clear no-show) and
the waitlist queue, as rows for the staff screen (its words: context ``StaffScreen``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.i18n import translate
from kiosk.ui.widgets import button, row_card


def sheet_rows(ctx: UiContext, rows: list[Any],
               clear_no_show: Callable[[str], None]) -> tuple[list[QWidget], int | None]:
    """Today's bookings as rows, and the index of the first one not yet over (the row the
    sheet opens at: the day starts at midnight, the desk cares about now)."""
    out: list[QWidget] = []
    now, current = ctx.now(), None
    for r in rows:
        text = (f"{ctx.fmt.span(r.reservation.interval)} · {r.resource_name} · "
                f"{r.member_name} ({r.member_number}) · {sheet_state(r.state)}")
        buttons = []
        if r.reservation.no_show:
            buttons.append(button(translate("StaffScreen", "Clear no-show"), kind="primary",
                                  object_name="clearNoShow",
                                  on_click=partial(clear_no_show, r.reservation.id)))
        out.append(row_card(text, *buttons))
        if current is None and r.reservation.interval.end > now:
            current = len(out) - 1
    return out, current


def waitlist_rows(ctx: UiContext, entries: list[Any], names: dict[str, str],
                  members: dict[str, str]) -> list[QWidget]:
    """Everyone waiting: who (as the sheet names them), the resource, the time wanted and
    whether it is on offer."""
    return [row_card(f"{names.get(e.resource_id, '?')} · "
                     f"{ctx.fmt.span_with_day(e.interval, ctx.today())} · "
                     f"{members.get(e.member_id, '?')} · {wait_state(e.status)}")
            for e in entries]


def sheet_state(state: object) -> str:
    texts = {"due": translate("Sheet", "due"), "checked_in": translate("Sheet", "checked in"),
             "late": translate("Sheet", "late"), "no_show": translate("Sheet", "no-show"),
             "cancelled": translate("Sheet", "cancelled"), "done": translate("Sheet", "done")}
    return texts.get(str(state), str(state))


def wait_state(state: object) -> str:
    texts = {"waiting": translate("Sheet", "waiting"),
             "offered": translate("Sheet", "offered, held for them")}
    return texts.get(str(state), str(state))
