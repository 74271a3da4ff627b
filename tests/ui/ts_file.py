"""Read a shipped Qt translation file (``resources/i18n/kiosk_<lang>.ts``) as data."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kiosk.ui import i18n_build


def translations(language: str, context: str) -> dict[str, str]:
    """Source text → finished translation for every message of ``context``; a message
    still marked unfinished (or obsolete, or empty) is left out."""
    root = ET.parse(i18n_build.ts_path(language)).getroot()
    out: dict[str, str] = {}
    for ctx in root.iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                out[message.findtext("source") or ""] = translation.text
    return out
