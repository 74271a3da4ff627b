"""Prometheus metrics with the deployment plan's figures (one registry per process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

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
