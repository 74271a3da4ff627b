"""The PySide6 touchscreen app: screens, widgets and the Qt adapter over KioskService."""
