"""A site's own kinds and their names by language, and a member's language, as the admin
command sets them and as a pull carries them (run in-process: ``central.commands.main``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from central.commands import main
from central.db import tables as t
from central.db.engine import make_engine

SITE = "Seattle Makerspace"


def central(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert central(capsys, url, "site", "add", SITE, "--tz", "America/Los_Angeles")[0] == 0
    return url


def kinds(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, Any]:
    code, out, _ = central(capsys, db, "kind", "list", "--site", SITE, "--json")
    assert code == 0
    return {k["id"]: k for k in json.loads(out)}


def test_a_new_kind_is_added_with_the_resource_and_named_later(
        capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = central(capsys, db, "resource", "add", "Saw 1", "--site", SITE,
                           "--kind", "table_saw")
    assert code == 0 and "new kind 'table_saw'" in err
    assert kinds(capsys, db)["table_saw"]["names"] == {}
    code, _, err = central(capsys, db, "resource", "add", "Saw 2", "--site", SITE,
                           "--kind", "table_saw")
    assert code == 0 and err == ""  # a kind the site has: nothing to say
    code, out, _ = central(capsys, db, "kind", "set", "table_saw", "--site", SITE,
                           "--name", "en=Table saw", "--name", "es=Sierra de mesa")
    assert code == 0 and "es=Sierra de mesa" in out
    assert kinds(capsys, db)["table_saw"] == {
        "id": "table_saw", "site_id": kinds(capsys, db)["table_saw"]["site_id"],
        "names": {"en": "Table saw", "es": "Sierra de mesa"}, "resources": 2}
    # one language at a time: the others stay; an empty name removes that language's
    central(capsys, db, "kind", "set", "table_saw", "--site", SITE, "--name", "EN=Bench saw")
    central(capsys, db, "kind", "set", "table_saw", "--site", SITE, "--name", "es=")
    assert kinds(capsys, db)["table_saw"]["names"] == {"en": "Bench saw"}
    code, out, _ = central(capsys, db, "kind", "list", "--site", SITE)
    assert out.strip() == "table_saw  en=Bench saw  (2 resources)"


@pytest.mark.parametrize(("args", "named"), [
    (["--name", "Table saw"], "LANGUAGE=NAME"),
    (["--name", "spanish!=Sierra"], "language code"),
    (["--name", f"en={'x' * 201}"], "1–200"),
])
def test_bad_names_are_refused(capsys: pytest.CaptureFixture[str], db: str,
                               args: list[str], named: str) -> None:
    code, out, err = central(capsys, db, "kind", "set", "saw", "--site", SITE, *args)
    assert code == 2 and out == "" and named in err
    assert kinds(capsys, db) == {}


def _language_of(db: str, number: str) -> str | None:
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            value: str | None = conn.execute(sa.select(t.members.c.language).where(
                t.members.c.number == number)).scalar_one()
            return value
    finally:
        engine.dispose()


def test_members_import_reads_an_optional_language_column(
        capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("number,display_name,language\n1001,Ana Ruiz,es-MX\n1002,Bo Lee,\n")
    assert central(capsys, db, "members", "import", str(csv), "--site", SITE)[0] == 0
    assert _language_of(db, "1001") == "es-MX" and _language_of(db, "1002") is None
    # a file without the column leaves the languages alone
    csv.write_text("number,display_name\n1001,Ana Ruiz\n")
    assert central(capsys, db, "members", "import", str(csv), "--site", SITE)[0] == 0
    assert _language_of(db, "1001") == "es-MX"
    csv.write_text("number,display_name,language\n1001,Ana Ruiz,Spanish please\n")
    code, _, err = central(capsys, db, "members", "import", str(csv), "--site", SITE)
    assert code == 2 and "line 2" in err and "language" in err
    assert _language_of(db, "1001") == "es-MX"


def _credentials_of(db: str, number: str) -> tuple[str | None, str | None, str | None]:
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            row = conn.execute(sa.select(t.members.c.pin_hash, t.members.c.card_hash,
                                         t.members.c.email)
                               .where(t.members.c.number == number)).one()
            return row.pin_hash, row.card_hash, row.email
    finally:
        engine.dispose()


def test_a_file_without_the_credential_columns_leaves_pins_and_cards_alone(
        capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("number,display_name,email,card,pin\n"
                   "1001,Ana Ruiz,ana@example.org,4000 1234 5678,2468\n")
    assert central(capsys, db, "members", "import", str(csv), "--site", SITE)[0] == 0
    pin, card, email = _credentials_of(db, "1001")
    assert pin and card and email == "ana@example.org"
    csv.write_text("number,display_name\n1001,Ana Ruiz-Lee\n")  # a list of names only
    assert central(capsys, db, "members", "import", str(csv), "--site", SITE)[0] == 0
    assert _credentials_of(db, "1001") == (pin, card, email)
    csv.write_text("number,display_name,pin\n1001,Ana Ruiz-Lee,\n")  # the column, empty
    assert central(capsys, db, "members", "import", str(csv), "--site", SITE)[0] == 0
    assert _credentials_of(db, "1001") == (None, card, email)  # an empty PIN removes it
