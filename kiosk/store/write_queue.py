"""Where a write transaction runs: the ``WriteQueue`` protocol and its two kinds. Kept
apart from ``kiosk.store.db`` so the app's bridge can hold a queue without importing
SQLAlchemy before its first frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kiosk.store.db import Store

T = TypeVar("T")


class WriteQueue(Protocol):
    """Where a write transaction runs: ``run(work)`` calls ``work(session)`` inside one
    ``Store.write()`` and returns what it returns. The app's queue is its one serial
    writer (``kiosk.ui.bridge``), so sync's writes take turns with the taps'."""

    def run(self, work: Callable[[Session], T]) -> T: ...


class DirectWrites:
    """The queue of a process with one writer anyway (the CLI, headless sync)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, work: Callable[[Session], T]) -> T:
        with self.store.write() as session:
            return work(session)


class ExecutorWrites:
    """A queue that hands each write transaction to ``execute`` (a thread that runs them
    one at a time, e.g. the app's serial writer) and returns what it returns."""

    def __init__(self, store: Store, execute: Callable[[Callable[[], Any]], Any]) -> None:
        self.store, self._execute = store, execute

    def run(self, work: Callable[[Session], T]) -> T:
        def transaction() -> T:
            with self.store.write() as session:
                return work(session)

        result: T = self._execute(transaction)
        return result
