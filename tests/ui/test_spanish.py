"""In Spanish, every screen a person can reach shows Spanish: no English UI string is
left on screen, refusals from the rules are translated, dates follow the locale."""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.ui import i18n_build
from tests.ui.drive import visible_text
from tests.ui.tour import tour

#: A Spanish phrase each stop must show (its own, not the status strip's).
EXPECTED = {
    "home": "Escanee su tarjeta de socio",
    "sign in: number": "Escriba su número de socio",
    "sign in: PIN": "Ahora escriba su PIN",
    "sign in: wrong PIN": "Ese número de socio y ese PIN no coinciden",
    "member home": "Ofertas de la lista de espera para usted",
    "book": "Toque una hora libre en el calendario.",
    "book: taken slot": "Esa hora está ocupada",
    "book: soonest free": "Lo antes posible",
    "book: soonest free, seen from tomorrow": "Lo antes posible",
    "book: taken slot tomorrow": "Apuntarse a la lista de espera",
    "book: another kind": "Reservar",
    "staff: PIN": "PIN del personal",
    "staff: today's sheet": "Quitar la ausencia",
    "staff: member search": "Elegir",
    "staff: walk-in for a member": "Hacer una reserva en persona",
    "staff: book for a member": "Reservar para",
    "staff: waitlist": "Hoja de hoy",
    "staff: sync": "No hay cambios rechazados.",
    "staff: settings": "Nuevo PIN del personal",
    "staff: leave": "Escriba de nuevo el PIN del personal",
    "staff: PIN sign-in locked": "Desbloquear el PIN",
    "home: flag off": "Las reservas en el quiosco están en pausa",
    "member home: flag off": "Sus reservas actuales se mantienen",
}


def english_sources() -> set[str]:
    """UI source strings whose Spanish differs (so seeing one means it was missed)."""
    text = i18n_build.ts_path("es").read_text(encoding="utf-8")
    pairs = re.findall(r"<source>([^<]*)</source>\s*<translation>([^<]*)</translation>", text)
    out = set()
    for raw_source, raw_translation in pairs:
        source, translation = html.unescape(raw_source), html.unescape(raw_translation)
        if source != translation and "{" not in source and len(source) > 2:
            out.add(source)
    return out


def shown_texts(root: QWidget) -> list[str]:
    labels = [w.text() for w in root.findChildren(QLabel) if w.isVisible()]
    return labels + [w.text() for w in root.findChildren(QAbstractButton) if w.isVisible()]


@pytest.mark.parametrize("language", ["es"])
def test_spanish_locale_shows_spanish_on_every_screen(
        qtbot, kiosk, service, fake_clock, language) -> None:
    english = english_sources()
    leftovers, missing = {}, {}
    for stop, root in tour(qtbot, kiosk, service, fake_clock):
        texts = shown_texts(root)
        if found := [t for t in texts if t in english]:
            leftovers[stop] = found
        if EXPECTED[stop] not in visible_text(root):
            missing[stop] = EXPECTED[stop]
        if stop == "home":
            assert "junio de 2026" in visible_text(root)  # the date, in Spanish
    assert not leftovers, f"English left on screen: {leftovers}"
    assert not missing, f"Spanish phrase not shown: {missing}"


def test_every_string_has_a_spanish_translation() -> None:
    text = i18n_build.ts_path("es").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert "<translation></translation>" not in text


def test_catalogues_are_up_to_date_with_the_sources(tmp_path) -> None:
    """Re-extracting into a copy finds no string that the shipped Spanish lacks."""
    import shutil

    for language in i18n_build.SHIPPED:
        shutil.copy(i18n_build.ts_path(language), i18n_build.ts_path(language, tmp_path))
    i18n_build.update(tmp_path)
    fresh = i18n_build.ts_path("es", tmp_path).read_text(encoding="utf-8")
    untranslated = re.findall(
        r"<source>([^<]*)</source>\s*<translation type=\"unfinished\"", fresh)
    assert not untranslated, ("new strings: run python -m kiosk.ui.i18n_build update and "
                              f"translate them in resources/i18n/kiosk_es.ts: {untranslated}")
