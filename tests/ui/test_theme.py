"""The theme: every text/background pair meets WCAG AA; targets are finger-sized."""

from __future__ import annotations

import pytest

from kiosk.ui.theme import AA_NORMAL, Theme, contrast_ratio, relative_luminance, stylesheet

THEME = Theme()


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert relative_luminance("#ffffff") == pytest.approx(1.0)


def test_contrast_ratio_rejects_malformed_colours() -> None:
    with pytest.raises(ValueError, match="rrggbb"):
        relative_luminance("#fff")


@pytest.mark.parametrize(("fg", "bg"), THEME.text_pairs())
def test_every_text_pair_meets_aa(fg: str, bg: str) -> None:
    p = THEME.palette
    ratio = contrast_ratio(getattr(p, fg), getattr(p, bg))
    assert ratio >= AA_NORMAL, f"{fg} on {bg} is only {ratio:.2f}:1"


def test_theme_pairs_cover_every_on_colour() -> None:
    fgs = {fg for fg, _ in THEME.text_pairs()}
    on_names = {n for n in THEME.palette.__slots__ if n.startswith("on_")}  # type: ignore[attr-defined]
    assert on_names <= fgs


def test_target_sizes_are_finger_sized() -> None:
    s = THEME.sizes
    assert min(s.target, s.keypad_key, s.calendar_row, s.calendar_header) >= 48
    assert s.font_small >= 16


def test_stylesheet_uses_theme_colours_only() -> None:
    import re

    sheet = stylesheet(THEME)
    used = set(re.findall(r"#[0-9a-fA-F]{6}", sheet))
    defined = {getattr(THEME.palette, n) for n in THEME.palette.__slots__}  # type: ignore[attr-defined]
    assert used <= defined
