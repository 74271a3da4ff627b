"""Counts read as words do in each language (Qt's %n plural forms), never "booking(s)"."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication

from kiosk.ui import i18n, i18n_build

CASES = {
    "en": {1: "1 change waiting to be sent", 3: "3 changes waiting to be sent"},
    "es": {1: "1 cambio pendiente de enviar", 3: "3 cambios pendientes de enviar"},
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_one_and_many_in_each_language(qapp, monkeypatch, tmp_path, language) -> None:
    monkeypatch.setenv("KIOSK_I18N_CACHE", str(tmp_path))
    translator = i18n.install(qapp, language)
    try:
        for n, want in CASES[language].items():
            got = QCoreApplication.translate("StatusStrip", "%n change waiting to be sent", "", n)
            assert got == want
    finally:
        i18n.uninstall(qapp, translator)


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_catalogue_text_hedges_its_plural(language) -> None:
    text = i18n_build.ts_path(language).read_text(encoding="utf-8")
    assert not re.findall(r"\w\((?:s|es)\)", text)
    # every plural message has its forms filled in
    assert "<numerusform></numerusform>" not in text
