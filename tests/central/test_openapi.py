"""The checked-in OpenAPI document is current, and the real server honours it
(schemathesis, a bounded number of generated examples per operation)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance

from central.openapi import PATH, document
from kiosk.core.mutations import FIELDS, NAMES, Kind, Via
from tests.central.conftest import World


def test_checked_in_openapi_is_current() -> None:
    assert PATH.read_text(encoding="utf-8") == document(), (
        "central/openapi.json is stale: run `python -m central openapi --write "
        "central/openapi.json`")


def _ref(schema: dict[str, Any]) -> str:
    return str(schema["$ref"]).rsplit("/", 1)[-1]


def test_openapi_names_every_mutation_with_the_cores_arguments() -> None:
    """The contract's vocabulary has one source, ``kiosk.core.mutations``: the checked-in
    document lists exactly its mutations, each with exactly its arguments (names, which are
    required, defaults and the allowed ``via``), so neither side can drift silently."""
    schemas = json.loads(PATH.read_text(encoding="utf-8"))["components"]["schemas"]
    push = schemas["PushRequest"]["properties"]["mutations"]["items"]
    variants = [schemas[_ref(v)] for v in push.get("oneOf", push.get("anyOf", []))]
    assert sorted(v["properties"]["name"]["const"] for v in variants) == sorted(NAMES)
    for variant in variants:
        name = variant["properties"]["name"]["const"]
        args = schemas[_ref(variant["properties"]["args"])]
        specs = FIELDS[name]
        assert sorted(args["properties"]) == sorted(f.name for f in specs), name
        assert sorted(args.get("required", [])) == sorted(f.name for f in specs if f.required)
        for spec in specs:
            prop = args["properties"][spec.name]
            if spec.kind is Kind.VIA:
                assert sorted(prop["enum"]) == sorted(Via), name
            if not spec.required and spec.default is not None:
                assert prop.get("default") == spec.default, (name, spec.name)


#: No NUL in generated text: the server refuses it (422, PostgreSQL cannot store it) while
#: JSON Schema cannot say so for free-form values; tests/central/test_hostile_input.py
#: sends NUL everywhere instead.
CONFIG = SchemathesisConfig.from_dict({"generation": {"allow-x00": False}})
OPERATIONS = [r.ok() for r in schemathesis.openapi.from_path(str(PATH), config=CONFIG)
              .get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_server_honours_its_openapi(operation: Any, world: World) -> None:
    token, base = world.kiosk().token, world.server.url
    headers = {"Authorization": f"Bearer {token}", "X-Schema-Version": "1"}

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        # an opaque cursor the schema allows may still be one this server never made (400)
        skip = [positive_data_acceptance] if "cursor" in (case.query or {}) else []
        case.call_and_validate(base_url=base, headers=headers, excluded_checks=skip)

    run()
