"""A keyring backend for tests that run the ``kiosk`` command in a subprocess: secrets in
a JSON file named by ``KIOSK_TEST_KEYRING_FILE`` (plain text: tests only, never a kiosk).
Select it with ``PYTHON_KEYRING_BACKEND=tests.helpers.file_keyring.FileKeyring``.

keyring offers every imported backend class to its default chain, so once a test module
imports this one, a process without ``KIOSK_TEST_KEYRING_FILE`` would reach it too: its
priority then raises, which tells keyring it is not usable here."""

from __future__ import annotations

import json
import os
from pathlib import Path

from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend

BACKEND = "tests.helpers.file_keyring.FileKeyring"


class FileKeyring(KeyringBackend):
    @classproperty
    def priority(cls) -> float:
        if "KIOSK_TEST_KEYRING_FILE" not in os.environ:
            raise RuntimeError("KIOSK_TEST_KEYRING_FILE is not set")
        return 1

    @property
    def _path(self) -> Path:
        return Path(os.environ["KIOSK_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        return json.loads(self._path.read_text()) if self._path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x00{username}"] = password
        self._path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\x00{username}", None)
        self._path.write_text(json.dumps(data))
