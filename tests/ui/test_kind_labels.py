"""Kinds read as names, not as keys: a translated table of the shipped kinds, and a
fallback for other keys that keeps acronyms."""

from __future__ import annotations

import pytest

from kiosk.demo.catalogue import KINDS
from kiosk.ui import i18n
from kiosk.ui.fmt import fallback_kind_label, kind_label


def test_every_shipped_kind_has_a_proper_label(qapp) -> None:
    labels = {k.kind: kind_label(k.kind) for k in KINDS}
    assert labels["cnc_router"] == "CNC router"
    assert labels["printer_3d"] == "3D printer"
    assert labels["pressure_washer"] == "Pressure washer"
    assert all("_" not in text for text in labels.values())


@pytest.mark.parametrize(("key", "label"), [
    ("cnc_mill", "CNC mill"), ("scanner_3d", "Scanner 3D"), ("3d_scanner", "3D scanner"),
    ("sewing_machine", "Sewing machine"), ("uv_printer", "UV printer"), ("kayak", "Kayak"),
])
def test_unknown_kinds_fall_back_to_words_with_acronyms(key, label) -> None:
    assert fallback_kind_label(key) == label


def test_kind_labels_in_spanish(qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("KIOSK_I18N_CACHE", str(tmp_path))
    translator = i18n.install(qapp, "es")
    try:
        assert kind_label("cnc_router") == "Fresadora CNC"
        assert kind_label("printer_3d") == "Impresora 3D"
        assert kind_label("garden_plot") == "Parcela de huerto"
        assert kind_label("kayak") == "Kayak"
    finally:
        i18n.uninstall(qapp, translator)


def test_resource_names_the_kiosk_knows_read_in_spanish(qapp, monkeypatch, tmp_path) -> None:
    from kiosk.ui.fmt import resource_name

    monkeypatch.setenv("KIOSK_I18N_CACHE", str(tmp_path))
    translator = i18n.install(qapp, "es")
    try:
        assert resource_name("Table saw 2") == "Sierra de mesa 2"
        assert resource_name("Meeting room") == "Sala de reuniones"
        assert resource_name("Bob's old bandsaw 3") == "Bob's old bandsaw 3"  # a site's own
    finally:
        i18n.uninstall(qapp, translator)
    assert resource_name("Table saw 2") == "Table saw 2"
