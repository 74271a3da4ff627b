"""Prometheus metrics with the deployment plan's figures.

One process keeps its figures in ``REGISTRY``. With several server processes
(``central serve --workers N``) the command sets ``PROMETHEUS_MULTIPROC_DIR`` to a fresh
directory before the workers start: prometheus_client then keeps every process's values
in files there, and ``exposition`` adds them up, so ``/metrics`` shows the whole server
whichever worker answers.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

REGISTRY = CollectorRegistry(auto_describe=True)

RESERVATIONS = Counter(
    "central_reservation_mutations_total",
    "Reservation and waitlist mutations by name, outcome and refusal code",
    ["name", "outcome", "code"], registry=REGISTRY,
)
CONFLICT_QUERY = Histogram(
    "central_conflict_query_seconds", "Latency of the conflict (busy slots) query",
    buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
    registry=REGISTRY,
)
REQUEST_LATENCY = Histogram(
    "central_request_seconds", "HTTP request latency by route", ["route"],
    buckets=(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
    registry=REGISTRY,
)
REQUEST_ERRORS = Counter(
    "central_request_errors_total", "HTTP answers with status >= 400 by status",
    ["status"], registry=REGISTRY,
)
WAITLIST_JOINS = Counter("central_waitlist_joins_total", "Waitlist entries created",
                         registry=REGISTRY)
WAITLIST_OFFERS = Counter("central_waitlist_offers_total", "Waitlist offers made",
                          registry=REGISTRY)
WAITLIST_CONVERSIONS = Counter("central_waitlist_conversions_total",
                               "Waitlist offers claimed as reservations", registry=REGISTRY)
NO_SHOWS = Counter("central_no_shows_total", "Reservations marked no-show", registry=REGISTRY)
EMAILS = Counter("central_emails_total", "E-mails by result (sent, failed, retried)",
                 ["result"], registry=REGISTRY)


def queue_gauges(queued: dict[str, int]) -> bytes:
    """The mail queue by status as read from the database (so every worker shows the same
    numbers): ``central_emails_queued{status="sending"}`` above 0 for long means stuck."""
    family = GaugeMetricFamily("central_emails_queued", "E-mails in the queue by status",
                               labels=["status"])
    for status in ("pending", "sending", "failed"):
        family.add_metric([status], float(queued.get(status, 0)))
    registry = CollectorRegistry()
    registry.register(_Fixed([family]))
    return bytes(generate_latest(registry))


class _Fixed(Collector):
    def __init__(self, families: list[Metric]) -> None:
        self.families = families

    def collect(self) -> Iterable[Metric]:
        return self.families


def exposition(queued: dict[str, int] | None = None) -> bytes:
    """The Prometheus text of this server: every worker's figures summed in multiprocess
    mode, else this process's; then the mail queue's gauges when ``queued`` is given."""
    extra = b"" if queued is None else queue_gauges(queued)
    directory = os.environ.get(MULTIPROC_ENV)
    if not directory:
        return bytes(generate_latest(REGISTRY)) + extra
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=directory)  # type: ignore[no-untyped-call]
    return bytes(generate_latest(registry)) + extra


def process_exited(pid: int | None = None) -> None:
    """Tell the multiprocess store a worker is gone (its live gauges stop counting)."""
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.mark_process_dead(pid or os.getpid())  # type: ignore[no-untyped-call]
