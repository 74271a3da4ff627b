"""Stateful fuzzing of the live server with schemathesis: a state machine built from the
checked-in OpenAPI document follows its links (pull → next page, push → pull, check-in →
pull) with generated valid and invalid requests, as a kiosk with a real token would,
counting every request and answer. Used by the test suite (bounded) and by
``bench/bench_fuzz.py`` (longer).

Most generated requests name this kiosk's own device and the site's real resources and
members (chosen from the generated id itself, so a quarter still carry foreign or random
ids): otherwise nearly every push would stop at 403 or ``not_found`` and the deeper code
would go untried.
"""

from __future__ import annotations

import uuid
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis.stateful import run_state_machine_as_test
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from central.openapi import PATH

#: Valid and invalid requests; no NUL in generated text (refused with 422 since JSON
#: Schema cannot say so: tests/central/test_hostile_input.py sends NUL everywhere). An
#: invalid request may also be refused with the contract's 413 (too large) or 426 (a
#: schema version too old, checked before the token).
REJECTIONS = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 426, 428, 429]
CONFIG = SchemathesisConfig.from_dict({
    "generation": {"allow-x00": False, "mode": "all"},
    "checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}}})


@dataclass
class Tally:
    """What a fuzzing run tried and got."""

    examples: int = 0
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)

    def summary(self, label: str) -> str:
        top = ", ".join(f"{code}: {n}" for code, n in sorted(self.statuses.items()))
        return (f"fuzz {label}: {self.examples} examples, {self.requests} requests, "
                f"{len(self.server_errors)} answers >= 500 ({top})")


@dataclass(frozen=True)
class Target:
    """The live server and the kiosk the fuzzer plays."""

    base_url: str
    token: str
    device_id: str
    resource_ids: tuple[str, ...]
    member_ids: tuple[str, ...]


def _ours(value: Any) -> bool:
    """Whether to swap a generated id for a real one: for 3 in 4 ids, by the id itself."""
    try:
        return uuid.UUID(str(value)).int % 4 != 0
    except ValueError:
        return False


def _aim(body: Any, target: Target) -> None:
    if not isinstance(body, dict):
        return
    if "device_id" in body and _ours(body["device_id"]):
        body["device_id"] = target.device_id
    for mutation in body.get("mutations") or []:
        args = mutation.get("args") if isinstance(mutation, dict) else None
        if not isinstance(args, dict):
            continue
        for key, pool in (("resource_id", target.resource_ids),
                          ("member_id", target.member_ids)):
            if key in args and _ours(args[key]):
                args[key] = pool[uuid.UUID(str(args[key])).int % len(pool)]


def run(target: Target, *, examples: int, steps: int, tally: Tally) -> None:
    """Run ``examples`` scenarios of up to ``steps`` calls each against ``target``; raise
    on any check that fails (a 5xx, an answer that breaks the document, invalid data
    accepted)."""
    machine = schemathesis.openapi.from_path(str(PATH), config=CONFIG).as_state_machine()

    class Kiosk(machine):  # type: ignore[misc,valid-type]
        def setup(self) -> None:
            tally.examples += 1

        def before_call(self, case: Any) -> None:
            _aim(case.body, target)

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            kwargs: dict[str, Any] = {"base_url": target.base_url, "timeout": 60}
            info = case.meta.components.get(ParameterLocation.HEADER) if case.meta else None
            if info is not None and info.mode == GenerationMode.NEGATIVE:
                return kwargs  # its invalid headers are the point: send them as they are
            headers = {"Authorization": f"Bearer {target.token}"}
            version = (case.headers or {}).get("X-Schema-Version")
            if version is None or zlib.crc32(str(version).encode()) % 4 != 0:
                headers["X-Schema-Version"] = "1"  # the generated one, 1 in 4 times
            return {**kwargs, "headers": headers}

        def after_call(self, response: Any, case: Any) -> None:
            super().after_call(response, case)
            tally.requests += 1
            tally.statuses[response.status_code] += 1
            if response.status_code >= 500:
                tally.server_errors.append(
                    f"{case.method} {case.path} -> {response.status_code}: "
                    f"{response.text[:300]}")

        def validate_response(self, response: Any, case: Any,
                              additional_checks: Any = None, **kwargs: Any) -> None:
            # a forged cursor or a foreign id the schema allows is refused (400, 403,
            # 410): "valid data" by the schema's letter, not a failure
            case.validate_response(response, excluded_checks=[positive_data_acceptance],
                                   transport_kwargs=kwargs or None)

    run_state_machine_as_test(Kiosk, settings=hypothesis_settings(
        max_examples=examples, stateful_step_count=steps, deadline=None, database=None,
        suppress_health_check=list(HealthCheck)))
