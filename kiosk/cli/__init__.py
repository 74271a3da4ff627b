"""The operator command line ``kiosk``: the same service calls the touchscreen UI makes."""
