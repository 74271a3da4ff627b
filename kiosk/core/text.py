"""How names are compared when someone searches for them: without case or accents, so
"fernandez", "FERNANDEZ" and "Fernández" find each other."""

from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    """``text`` without accents and case (NFKD, combining marks dropped, casefolded)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
