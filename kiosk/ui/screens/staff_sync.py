"""Staff's sync page as rows: online or not, what waits to be sent, the last sync, the
server's rejections (each with Mark handled) and, after a reconnect, the outage report.

Its words are the staff screen's (translation context ``StaffScreen``); the two with a
count come made (lupdate finds plural forms only in a class's own ``self.tr``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.i18n import translate
from kiosk.ui.widgets import button, label, refusal_text, row_card


def sync_rows(ctx: UiContext, status: Any, outage: Any, resolve: Callable[[int], None],
              *, waiting: str, outcome: str) -> list[QWidget]:
    """``waiting`` says how many changes wait to be sent; ``outcome`` how many changes
    made while offline the server accepted and turned down."""
    fmt, last = ctx.fmt, status.last_sync_at
    online = (translate("StaffScreen", "Online") if status.online
              else translate("StaffScreen", "Offline"))
    rows: list[QWidget] = [
        label(online, "large"),
        label(waiting),
        label(translate("StaffScreen", "Last successful sync: {0}").format(
            fmt.time(last) if last else translate("StaffScreen", "never"))),
    ]
    if status.oldest_pending_at is not None:
        rows.append(label(translate("StaffScreen", "Oldest waiting change made at {0}").format(
            fmt.time(status.oldest_pending_at))))
    if not status.enrolled:
        rows.append(label(translate(
            "StaffScreen", "Not connected to a server: this kiosk works on its own. Staff can "
            "connect it with `kiosk enroll`."), "muted"))
    elif status.last_error:
        rows.append(label(translate(
            "StaffScreen", "The last sync did not finish: {0}. Nothing is lost; it tries "
            "again by itself.").format(status.last_error), "message", name="syncError"))
    for rej in status.rejections:
        rows.append(row_card(
            translate("StaffScreen", "Rejected by the server: {0}").format(
                refusal_text(rej.refusal)),
            button(translate("StaffScreen", "Mark handled"), kind="primary",
                   object_name="resolveRejection", on_click=partial(resolve, rej.id))))
    if not status.rejections:
        rows.append(label(translate("StaffScreen", "No rejected changes."), "muted"))
    if outage is not None:
        rows += outage_rows(ctx, outage, outcome)
    return rows


def outage_rows(ctx: UiContext, report: Any, outcome: str) -> list[QWidget]:
    """After a reconnect: what was done here while offline, and what the server made of
    it — who is affected by each change it turned down, and why."""
    fmt = ctx.fmt
    rows: list[QWidget] = [label(translate("StaffScreen", "While offline, {0} – {1}").format(
        fmt.time(report.started_at), fmt.time(report.ended_at)), "large", name="outageTitle")]
    if not report.entries:
        return [*rows, label(translate("StaffScreen", "No changes were made here meanwhile."),
                             "muted")]
    rows.append(label(outcome.format(report.accepted, len(report.rejected))))
    for entry in report.rejected:
        who = entry.member_name or translate("StaffScreen", "a member")
        rows.append(label(translate("StaffScreen", "Turned down, for {0}: {1}").format(
            who, refusal_text(entry.refusal)), "message", name="outageRejected"))
    return rows
