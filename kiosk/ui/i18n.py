"""Translations: every UI string goes through ``translate(context, text)``.

``LanguageSwitch`` holds the kiosk's language: the site's default (``KIOSK_LANG`` or the
system locale) and the one a person picked on the welcome screen for their visit.

``translate`` is ``QCoreApplication.translate`` under the name ``pyside6-lupdate``
recognises, so ``kiosk/ui/i18n_build.py`` finds every string. ``install(app, language)``
loads the compiled catalogue (building it first when missing or stale) and sets the
default locale so dates and times follow the language too.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from kiosk.ui import i18n_build

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

#: Languages shipped, with the locale whose date and time formats they use. Spanish
#: writes the 24-hour clock ("13:00"): es_US's "1:00 p.m." ends sentences in "p.m.."
#: and is longer on every button.
LANGUAGES: dict[str, str] = {"en": "en_US", "es": "es_ES"}
#: Each language's name in that language, as the welcome screen offers it.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}


def install(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load ``language``'s catalogue into ``app`` (English has one too: its plural
    forms). Returns the translator (keep a reference) or None when the language ships
    no catalogue."""
    QLocale.setDefault(QLocale(LANGUAGES.get(language, language)))
    qm = i18n_build.ensure_compiled(language)
    translator = QTranslator(app)
    if qm is None or not translator.load(str(qm)):
        if language != "en":
            log.warning("no translation catalogue for %s; showing English", language)
        return None
    app.installTranslator(translator)
    return translator


def uninstall(app: QCoreApplication, translator: QTranslator | None) -> None:
    if translator is not None:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(LANGUAGES["en"]))


class LanguageSwitch(QObject):
    """The language the kiosk speaks now.

    ``default`` is the site's; ``use`` switches live (a person tapped their language on
    the welcome screen), ``for_member`` takes the language on a member's record unless a
    person picked one on screen during this visit, and ``reset`` goes back to the
    default when the visit ends.

    Signals:
        changed(str): the language changed; screens showing text rebuild themselves.
    """

    changed = Signal(str)

    def __init__(self, app: QCoreApplication, default: str = "en",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.default = default if default in LANGUAGES else "en"
        self.current = self.default
        self.picked = False  # a person chose a language on screen during this visit
        self._translator = install(app, self.current)

    def use(self, language: str) -> None:
        """A person's choice on screen: it holds until the visit ends."""
        if language in LANGUAGES:
            self.picked = True
        self._switch(language)

    def for_member(self, language: str | None) -> None:
        """A member signed in: speak the language of their record ("es", "es-MX") when
        this kiosk has it, else the default — unless a person picked one on screen."""
        if self.picked:
            return
        code = (language or "").split("-")[0].lower()
        self._switch(code if code in LANGUAGES else self.default)

    def reset(self) -> None:
        self.picked = False
        self._switch(self.default)

    def _switch(self, language: str) -> None:
        if language == self.current or language not in LANGUAGES:
            return
        uninstall(self._app, self._translator)
        self._translator = install(self._app, language)
        self.current = language
        self.changed.emit(language)

    def close(self) -> None:
        uninstall(self._app, self._translator)
        self._translator = None
