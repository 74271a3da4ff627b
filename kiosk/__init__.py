"""Front-desk reservation kiosk for community sharing sites.

Layers (enforced by import-linter contracts in pyproject.toml):
``kiosk.core`` holds the domain rules and imports no Qt, HTTP or SQL; ``kiosk.store`` is the
local SQLite cache; ``kiosk.sync`` talks to the central server; ``kiosk.ui`` is the Qt app;
``kiosk.cli`` is the operator command line.
"""

__version__ = "0.1.0"
