"""Fixtures for the differential tests: the PostgreSQL server the server side runs on."""

from __future__ import annotations

from tests.helpers.postgres import pg_server

__all__ = ["pg_server"]
