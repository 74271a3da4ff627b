"""The checked-in OpenAPI document (``central/openapi.json``), generated from the code."""

from __future__ import annotations

import json
from pathlib import Path

from central.api.app import create_app
from central.db.engine import make_engine
from central.settings import Settings

PATH = Path(__file__).resolve().parent / "openapi.json"


def document() -> str:
    """The OpenAPI document as stable, pretty JSON (ends with a newline)."""
    engine = make_engine("sqlite://")
    try:
        app = create_app(engine, Settings(db_url="sqlite://", jobs_enabled=False))
        return json.dumps(app.openapi(), indent=2, sort_keys=True) + "\n"
    finally:
        engine.dispose()
