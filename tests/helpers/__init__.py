"""Shared test fixtures and helpers (PostgreSQL, keyring, servers)."""
