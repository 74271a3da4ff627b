"""Stateful fuzzing of the live server on SQLite and PostgreSQL (schemathesis following the
document's links, valid and invalid requests): 0 answers >= 500 and 0 tracebacks in the
server's log, with the counts of examples and requests reported in the run's figures.
Bounded here (``FUZZ_EXAMPLES``, default 30 scenarios of up to 8 calls per database);
``bench/bench_fuzz.py`` runs longer."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from central.admin import add_resource
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.domain import devices
from tests.central.conftest import BACKENDS, Server, make_db, seed
from tests.helpers.fuzz_api import Tally, Target, run

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
STEPS = int(os.environ.get("FUZZ_STEPS", "8"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_stateful_fuzzing_finds_no_server_error(backend: str, tmp_path: Path,
                                                request: pytest.FixtureRequest,
                                                figure: Callable[[str], None]) -> None:
    db_url = make_db(backend, tmp_path, request)
    engine = make_engine(db_url)
    upgrade(engine)
    site_id, members = seed(engine, members=5)
    now = datetime.now(UTC)
    with write(engine) as conn:
        resources = [add_resource(conn, site_id, f"r{i}", "saw", now).id for i in range(3)]
        device_id, token = devices.issue(conn, site_id, "fuzz", now)
    server = Server(db_url, log=tmp_path / "server.log")
    tally = Tally()
    try:
        run(Target(server.url, token, device_id, tuple(resources), tuple(members)),
            examples=EXAMPLES, steps=STEPS, tally=tally)
    finally:
        server.close()
        engine.dispose()
        figure(tally.summary(backend))
    log = server.errors()
    assert tally.server_errors == []
    assert "Traceback" not in log, log[-3000:]
    assert tally.requests >= EXAMPLES
