"""Alembic revision scripts of the kiosk cache."""
