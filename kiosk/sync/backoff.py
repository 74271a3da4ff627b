"""When to try again after a failed sync: exponential with full jitter (so a hundred kiosks
coming back after an outage do not all knock at once), capped, and never sooner than the
server's ``Retry-After``."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass(slots=True)
class Backoff:
    base_s: float = 2.0
    cap_s: float = 300.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def failed(self, retry_after: float | None = None) -> float:
        """Record a failure; the seconds to wait before the next attempt."""
        self.failures += 1
        ceiling = min(self.cap_s, self.base_s * 2 ** min(self.failures - 1, 16))
        delay = self.rng.uniform(ceiling / 2, ceiling)
        return max(delay, retry_after or 0.0)

    def succeeded(self) -> None:
        self.failures = 0
