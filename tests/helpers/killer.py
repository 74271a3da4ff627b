"""Kill a process at a random moment of its own run (``kill -9``), wherever it runs: the
moment is a random share of how long runs took when left alone, so a fast machine and a
busy one both cut runs amid their work rather than before it starts or after it ends."""

from __future__ import annotations

import random
import signal
import statistics
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path


class Killer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.whole: list[float] = []  # durations of runs left to finish
        self.killed = 0

    def run(self, argv: Sequence[str], env: dict[str, str], cwd: Path) -> bool:
        """Run ``argv``; kill it at a random moment unless this run is one left whole
        (the first, then one in five, to keep learning how long a run takes). True if
        it was killed."""
        started = time.perf_counter()
        proc = subprocess.Popen(list(argv), env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        whole = not self.whole or self.rng.random() < 0.2
        if whole:
            proc.wait(timeout=120)
            self.whole.append(time.perf_counter() - started)
            return False
        deadline = started + self.rng.uniform(0.2, 1.0) * statistics.median(self.whole)
        while time.perf_counter() < deadline and proc.poll() is None:
            time.sleep(0.01)
        if proc.poll() is not None:
            return False
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        self.killed += 1
        return True
