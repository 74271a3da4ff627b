"""The kiosk's own settings (the ``kiosk`` settings layer): each one's default and allowed
range. Plain data, so the app can read them before it imports the store's machinery."""

from __future__ import annotations

#: The kiosk's own settings (the ``kiosk`` layer): default and allowed range of each.
#: ``pin_burst_*``: wrong member PINs at this kiosk, whoever's, that lock PIN sign-in here
#: (``kiosk.store.service_access``).
KIOSK_DEFAULTS: dict[str, int] = {"pin_max_attempts": 5, "pin_lock_minutes": 5,
                                  "idle_seconds": 60, "pin_burst_attempts": 20,
                                  "pin_burst_lock_minutes": 15,
                                  # sync: pull every N s, the scheduled check-in, the push
                                  # after a local change, each call's timeout
                                  "sync_pull_seconds": 15, "sync_checkin_seconds": 30,
                                  "sync_push_delay_seconds": 2, "sync_timeout_seconds": 15}
KIOSK_RANGES: dict[str, tuple[int, int]] = {"pin_max_attempts": (1, 20),
                                            "pin_lock_minutes": (1, 240),
                                            "idle_seconds": (15, 600),
                                            "pin_burst_attempts": (5, 500),
                                            "pin_burst_lock_minutes": (1, 1440),
                                            "sync_pull_seconds": (1, 3600),
                                            "sync_checkin_seconds": (1, 600),
                                            "sync_push_delay_seconds": (0, 60),
                                            "sync_timeout_seconds": (2, 120)}
