"""A kind's label comes from the site's names in the current language first, then the
kiosk's own translation, then the site's name in another language, then the code."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.ui import i18n
from kiosk.ui.fmt import kind_label, resource_name, use_site_kind_names

NAMES = {"table_saw": {"en": "Bench saw", "es": "Sierra de banco"},
         "bobs_bandsaw": {"en": "Bob's bandsaw"},
         "drill": {"en": "Hand drill"}}


@pytest.fixture
def site_names() -> Iterator[None]:
    use_site_kind_names(NAMES)
    yield
    use_site_kind_names({})


def test_english_labels_follow_the_site(qapp: Any, site_names: None) -> None:
    assert kind_label("table_saw") == "Bench saw"  # not the kiosk's "Table saw"
    assert kind_label("bobs_bandsaw") == "Bob's bandsaw"
    assert kind_label("laser_cutter") == "Laser cutter"  # the site named none: built in
    assert kind_label("kayak") == "Kayak"  # nobody named it: the code as words
    assert resource_name("Bench saw 2") == "Bench saw 2"


def test_spanish_labels_follow_the_site_then_the_kiosk(qapp: Any, site_names: None,
                                                       spanish: None) -> None:
    assert kind_label("table_saw") == "Sierra de banco"
    assert kind_label("drill") == "Taladro"  # no Spanish from the site: the kiosk's own
    assert kind_label("bobs_bandsaw") == "Bob's bandsaw"  # the site's only name
    assert resource_name("Bench saw 2") == "Sierra de banco 2"
    assert resource_name("Bob's bandsaw") == "Bob's bandsaw"


def test_without_site_names_the_kiosks_table_labels_kinds(qapp: Any) -> None:
    use_site_kind_names({})
    assert kind_label("table_saw") == "Table saw"
    assert i18n.LANGUAGES["es"]  # the Spanish catalogue the other tests rely on ships

