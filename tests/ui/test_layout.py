"""Every screen fits, in both languages, at 1280×800 and 1920×1080: no widget reaches
past the window, no button or label text is cut, and the window never grows past the
screen (a message must not push the status strip off the bottom)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kiosk.store import loader
from tests.ui.layout_check import problems
from tests.ui.seed import DRILL2
from tests.ui.tour import tour


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280", "1920"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_screen_fits(qtbot, kiosk, service, fake_clock, language, size) -> None:  # noqa: PLR0917
    # the demo's longest resource name, on a resource the tour shows everywhere
    loader.load_resources(service.store, [replace(DRILL2, name="Extension ladder 2")])
    kiosk.window.resize(*size)
    found: dict[str, list[str]] = {}
    for stop, window in tour(qtbot, kiosk, service, fake_clock):
        for _ in range(3):  # let every layout take in the texts just set
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if cut := problems(window, size):
            found[stop] = cut
    assert not found, "\n".join(f"{stop}: {cut}" for stop, cut in found.items())
