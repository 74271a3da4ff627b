"""Translations: every UI string goes through ``translate(context, text)``.

``translate`` is ``QCoreApplication.translate`` under the name ``pyside6-lupdate``
recognises, so ``kiosk/ui/i18n_build.py`` finds every string. ``install(app, language)``
loads the compiled catalogue (building it first when missing or stale) and sets the
default locale so dates and times follow the language too.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kiosk.ui import i18n_build

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

#: Languages shipped, with the locale whose date and time formats they use.
LANGUAGES: dict[str, str] = {"en": "en_US", "es": "es_US"}


def install(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load ``language``'s catalogue into ``app``; English needs none. Returns the
    translator (keep a reference) or None when the language ships no catalogue."""
    QLocale.setDefault(QLocale(LANGUAGES.get(language, language)))
    if language == "en":
        return None
    qm = i18n_build.ensure_compiled(language)
    translator = QTranslator(app)
    if qm is None or not translator.load(str(qm)):
        log.warning("no translation catalogue for %s; showing English", language)
        return None
    app.installTranslator(translator)
    return translator


def uninstall(app: QCoreApplication, translator: QTranslator | None) -> None:
    if translator is not None:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(LANGUAGES["en"]))
