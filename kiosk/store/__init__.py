"""The kiosk's local SQLite cache: schema, migrations, bulk loading and ``KioskService``.

``open_store(path)`` opens (and migrates) a cache file; ``KioskService`` is the one object
through which the CLI and the UI read and change it. Rules live in ``kiosk.core`` only:
the store loads what a rule needs inside one transaction, asks the core, and writes.
"""
