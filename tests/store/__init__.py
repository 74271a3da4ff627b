"""Tests of the kiosk's local store (real SQLite files, no mocks)."""
