"""What the server's data names, the kiosk shows (real server process, real kiosk cache,
real widgets): a site's own kind labelled in English and Spanish from the server's names,
a member's recorded language for their visit only, a language the kiosk has no
catalogue for ignored; and a pull of the older format (no kinds, no member language, an
entity type the kiosk does not know) still applies."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from central import admin
from central.db import tables as t
from central.db.engine import write
from central.domain.changes import ChangeSet, publish
from central.domain.saving import publish_member
from kiosk.core import entities
from kiosk.store.db import open_store
from kiosk.store.schema import MemberRow, ResourceKindRow
from kiosk.store.sync_apply import apply_page
from kiosk.sync import wire
from kiosk.ui.app import build_kiosk
from kiosk.ui.fmt import kind_label
from kiosk.ui.sync_link import start_sync
from tests.sync.conftest import Central, Kiosk, sync
from tests.ui.drive import buttons, enter_pin, find_button, tap, visible_text

PIN = "2468"  # every member of the small site
ENGLISH_HOME, SPANISH_HOME = "Scan your member card", "Escanee su tarjeta de socio"


@pytest.fixture
def named(central: Central, kiosk: Kiosk) -> Kiosk:
    """The server names its kind ``saw`` (which the kiosk's own table does not know) in
    English and Spanish, and records languages for Ada (es) and Cora (fr); one sync."""
    now = datetime.now(UTC)
    site = central.site.site.id
    with write(central.engine) as conn:
        admin.set_kind(conn, site, "saw", {"en": "Table saw", "es": "Sierra de mesa"}, now)
        cs = ChangeSet()
        for member, language in ((central.site.members[0], "es"),
                                 (central.site.members[2], "fr")):
            conn.execute(sa.update(t.members).where(t.members.c.id == member.id)
                         .values(language=language))
            publish_member(conn, cs, member.id)
        publish(conn, cs, now)
    sync(kiosk)
    return kiosk


@pytest.fixture
def app(qapp: Any, qtbot: Any, named: Kiosk, tmp_path: Path) -> Iterator[Any]:
    os.environ.setdefault("KIOSK_I18N_CACHE", str(tmp_path / "i18n"))
    k = build_kiosk(qapp, named.service, windowed=True)
    k.window.resize(1280, 800)
    k.window.show()
    qtbot.waitExposed(k.window)
    yield k
    k.close()
    qapp.setStyleSheet("")


def sign_in(qtbot: Any, k: Any, number: str) -> None:
    w = k.window
    tap(qtbot, find_button(w.home, "signIn"))
    enter_pin(qtbot, w.identify.number_pad, number)
    enter_pin(qtbot, w.identify.pin_pad, PIN)
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None)


def saw_chip(qtbot: Any, k: Any) -> str:
    """The kinds row's label for ``saw`` on the book screen."""
    w = k.window
    tap(qtbot, w.member.book_button)
    qtbot.waitUntil(lambda: w.current() is w.book and w.book.data is not None)
    qtbot.waitUntil(lambda: bool(buttons(w.book, "kind_saw")))
    return str(find_button(w.book, "kind_saw").text())


def sign_out(qtbot: Any, k: Any) -> None:
    w = k.window
    k.window.end_session()
    qtbot.waitUntil(lambda: w.current() is w.home)


def test_the_servers_kind_names_label_the_kinds_row_in_each_language(
        qtbot: Any, app: Any, named: Kiosk) -> None:
    assert named.service.reads.kind_names()["saw"] == {"en": "Table saw",
                                                       "es": "Sierra de mesa"}
    ben = "201"  # no language on his record
    sign_in(qtbot, app, ben)
    assert saw_chip(qtbot, app) == "Table saw"  # the kiosk's own table would say "Saw"
    sign_out(qtbot, app)
    tap(qtbot, find_button(app.window.home, "lang_es"))
    qtbot.waitUntil(lambda: SPANISH_HOME in visible_text(app.window))
    sign_in(qtbot, app, ben)
    assert saw_chip(qtbot, app) == "Sierra de mesa"
    # the resource named as the kind reads in Spanish on the calendar too
    book = app.window.book
    tap(qtbot, find_button(book, "kind_saw"))
    qtbot.waitUntil(lambda: book.data is not None and book.data.kind == "saw")
    assert [r.name for r in book.calendar.model.columns] == ["Sierra de mesa"]


def test_a_running_kiosk_takes_a_renamed_kind_from_its_next_pull(
        qtbot: Any, app: Any, named: Kiosk, central: Central) -> None:
    named.service.access.set_kiosk_setting("sync_pull_seconds", 1)
    link = start_sync(named.store, named.path, app.ctx.bridge, app.ctx.status)
    assert link is not None
    try:
        with write(central.engine) as conn:
            admin.set_kind(conn, central.site.site.id, "saw", {"en": "Bench saw"},
                           datetime.now(UTC))
        qtbot.waitUntil(lambda: kind_label("saw") == "Bench saw", timeout=15_000)
    finally:
        link.stop()


def test_a_members_language_holds_for_their_visit_unless_unknown_or_overridden(
        qtbot: Any, app: Any) -> None:
    w = app.window
    assert ENGLISH_HOME in visible_text(w)
    sign_in(qtbot, app, "200")  # Ada: es on her record
    assert app.languages.current == "es"
    assert "Hola, Ada" in w.member.greeting.text()
    sign_out(qtbot, app)
    qtbot.waitUntil(lambda: ENGLISH_HOME in visible_text(w))
    assert app.languages.current == "en"
    sign_in(qtbot, app, "202")  # Cora: fr on her record, no French catalogue here
    assert app.languages.current == "en"
    assert "Hello, Cora" in w.member.greeting.text()
    sign_out(qtbot, app)
    # a choice on screen wins over the record: Ada picks English before signing in
    tap(qtbot, find_button(w.home, "lang_es"))
    qtbot.waitUntil(lambda: SPANISH_HOME in visible_text(w))
    tap(qtbot, find_button(w.home, "lang_en"))
    qtbot.waitUntil(lambda: ENGLISH_HOME in visible_text(w))
    sign_in(qtbot, app, "200")
    assert "Hello, Ada" in w.member.greeting.text()


def test_an_older_pull_without_kinds_or_languages_still_applies(tmp_path: Path) -> None:
    """What an older server sends (no ``resource_kind``, no ``language`` on members) and
    an entity type this kiosk does not know (as ``resource_kind`` is to an older kiosk:
    the same path) are read and applied; the unknown one is skipped."""
    site = {"id": "site-old", "name": "Old Server Library", "timezone": "UTC",
            "settings": {"opening_hours": "24/7"}}
    member = {"id": "a7f1e6c2-0000-4000-8000-000000000001", "site_id": "site-old",
              "number": "7", "display_name": "Old Member", "card_hash": None,
              "pin_hash": None, "cohort": None, "status": "active", "no_show_count": 0,
              "badges": []}
    page = wire.pull_page({
        "changes": [
            {"entity": "site", "id": "site-old", "version": 1, "deleted": False,
             "data": site},
            {"entity": "member", "id": member["id"], "version": 2, "deleted": False,
             "data": member},
            {"entity": "gadget", "id": "g1", "version": 3, "deleted": False,
             "data": {"anything": [1, 2]}},
            {"entity": "gadget", "id": "g0", "version": 4, "deleted": True, "data": None},
        ],
        "cursor": "c1", "has_more": False, "last_mutation_seq": 0, "mutation_results": [],
        "server_time": "2026-12-02T00:00:00Z"}, 100)
    store = open_store(tmp_path / "old.sqlite3")
    try:
        with store.write() as session:
            changes = apply_page(session, page.changes, page.cursor)
        assert not changes.kinds
        with store.read() as session:
            row = session.get(MemberRow, member["id"])
            assert row is not None and row.display_name == "Old Member"
            assert row.language is None
            assert session.scalars(sa.select(ResourceKindRow)).all() == []
    finally:
        store.close()
    # and the member entity a newer server sends reads back the same, language included
    newer = entities.read_member({**member, "language": "es"})
    assert newer.member.language == "es"
    assert entities.member_data(newer.member, None, None) == {**member, "language": "es"}
