"""The reference central reservation server: sync contract v1 over HTTP.

Layers, outermost first: ``cli`` (admin commands) and ``api`` (thin FastAPI routes) call
``domain`` (push, pull, heartbeat, mutations), which calls the kiosk's pure rules in
``kiosk.core`` and stores state through ``db``. ``jobs`` run the server-side sweeps.
"""

SCHEMA_VERSION = 1
