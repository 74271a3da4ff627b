"""Alembic migrations of the kiosk cache, shipped inside the package and run on open."""
