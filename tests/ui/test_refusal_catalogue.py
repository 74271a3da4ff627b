"""Every refusal in ``kiosk.core.messages.CATALOGUE`` reads in Spanish: each template has a
finished translation with exactly the template's parameters, the rules pass exactly those
parameters, and a refusal shown in Spanish (made here or rebuilt from what the server
sent) has no ``{name}`` left and is not the English text."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

from kiosk.core import messages
from kiosk.core.messages import CATALOGUE, placeholders
from kiosk.ui import i18n_build
from kiosk.ui.i18n import translate
from kiosk.ui.widgets import refusal_text
from kiosk.ui.words import localise_params
from tests.ui.ts_file import translations

ROOT = Path(__file__).resolve().parents[2]

#: Sample values for parameters that are codes the UI turns into words; every other
#: parameter gets a value of its own name (so a swapped parameter would show).
CODES: dict[str, str] = {
    "status": "cancelled", "what": "booking", "kind": "cnc_router", "badge": "woodshop"}


def sample(key: str) -> dict[str, str | int]:
    return {name: CODES.get(name, f"<{name}>") for name in placeholders(CATALOGUE[key].text)}


def refuse_calls() -> Iterator[tuple[str, ast.Call]]:
    """Every ``refuse(...)`` / ``messages.refuse(...)`` call in the kiosk and the server."""
    for package in ("kiosk", "central"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                func = node.func if isinstance(node, ast.Call) else None
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name == "refuse":
                    assert isinstance(node, ast.Call)
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def test_the_rules_pass_exactly_the_parameters_of_each_template() -> None:
    wrong, used = [], set()
    for where, call in refuse_calls():
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)
                and first.value in CATALOGUE and all(k.arg for k in call.keywords)):
            wrong.append(f"{where}: not a catalogue key with named parameters")
            continue
        key, names = first.value, {k.arg or "" for k in call.keywords}
        used.add(key)
        if names != placeholders(CATALOGUE[key].text):
            wrong.append(f"{where}: {key} given {sorted(names)} "
                         f"but its text uses {sorted(placeholders(CATALOGUE[key].text))}")
    assert not wrong, wrong
    assert used == set(CATALOGUE), f"never refused: {sorted(set(CATALOGUE) - used)}"


def test_every_template_has_a_finished_spanish_translation_with_its_parameters() -> None:
    spanish = translations("es", i18n_build.REFUSAL_CONTEXT)
    problems = {}
    for key, entry in CATALOGUE.items():
        translation = spanish.get(entry.text)
        if translation is None:
            problems[key] = "no finished translation: run python -m kiosk.ui.i18n_build update"
        elif placeholders(translation) != placeholders(entry.text):
            problems[key] = (f"translation uses {sorted(placeholders(translation))}, "
                             f"the template {sorted(placeholders(entry.text))}")
    assert not problems, problems


def test_every_refusal_shows_in_spanish_with_its_parameters_filled(spanish) -> None:
    shipped = translations("es", i18n_build.REFUSAL_CONTEXT)
    for key, entry in CATALOGUE.items():
        refusal = messages.refuse(key, **sample(key))
        shown = refusal_text(refusal)
        assert translate(i18n_build.REFUSAL_CONTEXT, entry.text) == shipped[entry.text], key
        assert shown == shipped[entry.text].format(**localise_params(refusal.params)), key
        assert "{" not in shown and "}" not in shown, (key, shown)
        assert shown != refusal.message, (key, shown)


def test_a_refusal_from_the_server_shows_in_spanish_not_in_the_servers_english(
        spanish) -> None:
    for key in CATALOGUE:
        sent = messages.refuse(key, **sample(key))
        wire = json.loads(json.dumps(sent.to_dict()))
        rebuilt = messages.from_wire(wire["code"], wire["reason"], wire["params"],
                                     wire["message"])
        shown = refusal_text(rebuilt)
        assert rebuilt.key == key, key
        assert shown == refusal_text(sent), key
        assert wire["message"] not in shown, key


def test_a_reason_this_side_does_not_know_keeps_the_servers_message(spanish) -> None:
    rebuilt = messages.from_wire("rule_violation", "from_a_newer_server", {"n": 3},
                                 "Something {n} new was refused.")
    assert refusal_text(rebuilt) == "Something {n} new was refused."
