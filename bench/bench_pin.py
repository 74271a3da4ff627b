"""What one offline guess at a member's PIN or card costs, with and without the site
secret, on this machine (the reference for kiosk-class hardware in docs/operator.md).

Times, as medians over ``--samples`` runs each, in one process:

- the SHA-256 of a 16-byte value: the baseline every other figure is a ratio of;
- one PIN guess against the *old* unkeyed form (``scrypt$…``): what a pulled hash cost an
  attacker before site secrets (issue 9 item 7);
- one PIN guess against the keyed form (``kscrypt$…``) *with* the secret: the kiosk's own
  check, and an attacker's cost if the secret is stolen too;
- one card guess against the keyed form (``hmac1$…``) with the secret;
- *without* the secret a keyed hash confirms nothing: each guess needs the right 256-bit
  key as well, so the figure printed is one HMAC times the 2^255 keys to try on average.

    python -m bench.bench_pin
    python -m bench.bench_pin --samples 2000
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from collections.abc import Callable

from kiosk.core import credentials

SECRET = credentials.new_secret()
SECONDS_PER_YEAR = 365.25 * 24 * 3600


def median_s(fn: Callable[[], object], samples: int) -> float:
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=500)
    args = ap.parse_args()
    old = credentials.hash_pin("4821", None)
    keyed = credentials.hash_pin("4821", SECRET)
    card = credentials.card_hash("site", "700000000012", SECRET)
    _, n, r, p, _, _ = keyed.split("$")
    salt = b"0123456789abcdef"

    base = median_s(lambda: hashlib.sha256(salt).digest(), args.samples * 20)
    old_guess = median_s(lambda: credentials.verify_pin("1234", old), args.samples)
    with_secret = median_s(lambda: credentials.verify_pin("1234", keyed, SECRET), args.samples)
    card_guess = median_s(lambda: card == credentials.card_hash("site", "700000000013", SECRET),
                          args.samples * 20)
    key_try = median_s(lambda: credentials.upgrade_card_hash(card[6:], SECRET),
                       args.samples * 20)
    without = key_try * 2.0**255

    print(f"scrypt n={n} r={r} p={p} ({int(n) * int(r) * 128 // 1024} KiB per guess); "
          f"{args.samples} samples each, medians")
    rows = [("sha256 of 16 bytes (baseline)", base),
            ("PIN guess, old unkeyed form", old_guess),
            ("PIN guess, keyed form, with the secret", with_secret),
            ("card guess, keyed form, with the secret", card_guess),
            ("PIN or card guess, keyed form, without the secret", without)]
    for label, cost in rows:
        shown = (f"{cost * 1e6:10.1f} µs" if cost < 1 else
                 f"{cost / SECONDS_PER_YEAR:10.1e} years")
        print(f"{label:52} {shown}   ×{cost / base:.3g} sha256")
    for digits in (4, 6, 8):
        space = 10**digits
        print(f"every {digits}-digit PIN against one member: {space * old_guess:,.1f} s "
              f"before; {space * with_secret:,.1f} s with the secret; "
              f"{space * without / SECONDS_PER_YEAR:.1e} years without it")


if __name__ == "__main__":
    main()
