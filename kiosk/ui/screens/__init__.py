"""The kiosk's screens; each takes a ``UiContext`` and emits intents as signals."""
