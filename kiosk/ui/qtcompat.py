"""Work-around for a PySide6 6.12.0 reference-counting bug.

In 6.12.0 every ``Signal.emit()`` called from Python drops one reference to ``True``, and
every Python slot called from a C++ signal (``clicked``…) drops one reference to its return
value (usually ``None``). Python 3.11's singletons are not immortal, so after a few
thousand emissions the interpreter aborts with "deallocating True or False". The
singletons are statically allocated and never freed, so raising their reference counts
far out of reach (what Python 3.12 does by making them immortal) is harmless.
``pin_singletons()`` is called once by the composition root and the UI tests.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_done = False


def pin_singletons() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal (idempotent)."""
    global _done  # noqa: PLW0603
    if _done or sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
    _done = True
