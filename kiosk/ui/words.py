"""Words the rules pass as codes (statuses, what was not found, kinds, badges), shown in
the current language: a refusal's parameters are translated before they fill its
translated template, so a Spanish sentence never carries an English word."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kiosk.ui.fmt import date_words, fallback_kind_label, kind_label, resource_name
from kiosk.ui.i18n import translate


def status_label(code: str) -> str:
    """A reservation's or a waitlist place's status, as a word inside a sentence."""
    texts = {
        "pending": translate("Words", "pending"),
        "confirmed": translate("Words", "confirmed"),
        "checked_in": translate("Words", "checked in"),
        "completed": translate("Words", "completed"),
        "cancelled": translate("Words", "cancelled"),
        "no_show": translate("Words", "a no-show"),
        "waiting": translate("Words", "waiting"),
        "offered": translate("Words", "offered"),
        "claimed": translate("Words", "claimed"),
        "expired": translate("Words", "expired"),
        "left": translate("Words", "left"),
    }
    return texts.get(code, code.replace("_", " "))


def entity_label(code: str) -> str:
    """The ``{what}`` of a ``not_found``, ``id_taken`` or ``other_site`` refusal."""
    texts = {
        "booking": translate("Words", "booking"),
        "resource": translate("Words", "tool or space"),
        "member": translate("Words", "member"),
        "waitlist place": translate("Words", "waitlist place"),
        "rejected change": translate("Words", "rejected change"),
    }
    return texts.get(code, code.replace("_", " "))


def in_sentence(text: str) -> str:
    """A label as it reads mid-sentence: lower-case start unless it is an acronym."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def badge_label(code: str) -> str:
    return in_sentence(fallback_kind_label(code))


_PARAMS: dict[str, Callable[[str], str]] = {
    "status": status_label,
    "what": entity_label,
    "kind": lambda code: in_sentence(kind_label(code)),
    "badge": badge_label,
    "resource": resource_name,
    "last_day": date_words,
}


def localise_params(params: Mapping[str, object]) -> dict[str, object]:
    """``params`` with each known code replaced by its word in the current language."""
    return {key: _PARAMS[key](value) if key in _PARAMS and isinstance(value, str) else value
            for key, value in params.items()}
