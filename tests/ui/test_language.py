"""The welcome screen offers the language: a tap switches every screen at once, the
choice lasts the person's visit, and the kiosk speaks its own language to the next one."""

from __future__ import annotations

from tests.ui.drive import find_button, signed_in, tap, visible_text

SPANISH_HOME = "Escanee su tarjeta de socio"
ENGLISH_HOME = "Scan your member card"


def test_a_tap_on_espanol_switches_the_welcome_screen_live(qtbot, kiosk) -> None:
    w = kiosk.window
    assert ENGLISH_HOME in visible_text(w)
    assert find_button(w.home, "lang_en").isChecked()
    tap(qtbot, find_button(w.home, "lang_es"))
    qtbot.waitUntil(lambda: SPANISH_HOME in visible_text(w))
    assert w.current() is w.home
    assert find_button(w.home, "lang_es").isChecked()
    assert "junio de 2026" in visible_text(w)  # dates follow the language too
    qtbot.waitUntil(lambda: bool(w.home.calendar.model.columns))


def test_the_choice_lasts_the_visit_and_ends_with_it(qtbot, kiosk) -> None:
    w = kiosk.window
    tap(qtbot, find_button(w.home, "lang_es"))
    qtbot.waitUntil(lambda: SPANISH_HOME in visible_text(w))
    signed_in(qtbot, kiosk, "1001")
    assert "Hola, Ada" in w.member.greeting.text()
    tap(qtbot, find_button(w.member, "done"))
    qtbot.waitUntil(lambda: w.current() is w.home and ENGLISH_HOME in visible_text(w))
    assert kiosk.languages.current == "en"


def test_a_language_left_on_the_welcome_screen_goes_back_when_nobody_touches_it(
        qtbot, kiosk) -> None:
    w = kiosk.window
    tap(qtbot, find_button(w.home, "lang_es"))
    qtbot.waitUntil(lambda: SPANISH_HOME in visible_text(w))
    assert kiosk.idle.armed  # the default language needs no timeout; a chosen one does
    kiosk.idle.set_timeout(0.05)
    kiosk.idle.arm()
    qtbot.waitUntil(lambda: ENGLISH_HOME in visible_text(w))
    assert not kiosk.idle.armed


def test_leaving_staff_mode_brings_the_kiosks_language_back(qtbot, kiosk) -> None:
    from tests.ui.drive import enter_pin
    from tests.ui.seed import STAFF_PIN

    w = kiosk.window
    tap(qtbot, find_button(w.home, "lang_es"))
    qtbot.waitUntil(lambda: SPANISH_HOME in visible_text(w))
    tap(qtbot, find_button(w.home, "staff"))
    enter_pin(qtbot, w.staff.gate, STAFF_PIN)
    qtbot.waitUntil(lambda: kiosk.ctx.session.staff)
    assert "Hoja de hoy" in visible_text(w.staff)  # staff mode speaks the chosen language
    tap(qtbot, find_button(w.staff, "exitStaff"))
    qtbot.waitUntil(lambda: w.current() is w.home and ENGLISH_HOME in visible_text(w))
