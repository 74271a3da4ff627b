"""The one theme definition: every colour, type size and target size the UI uses.

Colours come in named text/background pairs so that a test can prove each pair meets
WCAG AA (4.5:1). ``stylesheet(theme)`` turns the theme into the application's Qt style
sheet; widgets that paint themselves (the calendar) read colours from the theme object.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QColor, QFont

#: WCAG 2.x AA minimum for normal-size text.
AA_NORMAL = 4.5


@dataclass(frozen=True, slots=True)
class Palette:
    """Named colours (hex ``#rrggbb``)."""

    window: str = "#f3f5f8"
    surface: str = "#ffffff"
    text: str = "#14181f"
    muted: str = "#454e5c"
    border: str = "#8a94a3"
    primary: str = "#0a58a8"
    on_primary: str = "#ffffff"
    secondary: str = "#e2e8f0"
    on_secondary: str = "#14181f"
    danger: str = "#a61b1b"
    on_danger: str = "#ffffff"
    success: str = "#1e6b2e"
    on_success: str = "#ffffff"
    warning: str = "#fff1c7"
    on_warning: str = "#4a3300"
    info: str = "#dbeafe"
    on_info: str = "#0b2a4d"
    cal_free: str = "#ffffff"
    on_cal_free: str = "#14181f"
    cal_taken: str = "#5b6472"
    on_cal_taken: str = "#ffffff"
    cal_yours: str = "#0a58a8"
    on_cal_yours: str = "#ffffff"
    cal_pending: str = "#fce8b2"
    on_cal_pending: str = "#4a3300"
    cal_closed: str = "#dfe3e8"
    on_cal_closed: str = "#3b4350"
    cal_repeat: str = "#efe7ff"
    on_cal_repeat: str = "#3a1d70"
    cal_selected: str = "#d9480f"
    now_line: str = "#c62828"
    grid: str = "#c3cad4"
    status_online: str = "#1e6b2e"
    status_offline: str = "#a61b1b"
    on_status: str = "#ffffff"


@dataclass(frozen=True, slots=True)
class Sizes:
    """Pixel sizes. Targets are at least 48 px (WCAG 2.5.5 asks 44; touch guides ask 48)."""

    target: int = 64
    min_target: int = 48
    keypad_key: int = 76  # five rows, the PIN and an error still fit 800 px high
    font_small: int = 18
    font_body: int = 22
    font_large: int = 30
    font_title: int = 44
    font_clock: int = 56
    spacing: int = 16
    radius: int = 10
    calendar_row: int = 48
    calendar_column: int = 150
    calendar_gutter: int = 120
    calendar_header: int = 56


@dataclass(frozen=True, slots=True)
class Theme:
    palette: Palette = Palette()
    sizes: Sizes = Sizes()
    family: str = "DejaVu Sans"

    def color(self, name: str) -> QColor:
        return QColor(getattr(self.palette, name))

    def font(self, pixel_size: int, *, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPixelSize(pixel_size)
        font.setBold(bold)
        return font

    def text_pairs(self) -> list[tuple[str, str]]:
        """Every (foreground, background) palette pair the UI draws text with."""
        names = {f.name for f in fields(Palette)}
        pairs = [(n, n.removeprefix("on_")) for n in names if n.startswith("on_")]
        pairs += [("text", "window"), ("text", "surface"), ("muted", "window"),
                  ("muted", "surface"), ("primary", "surface"), ("danger", "surface"),
                  ("success", "surface"), ("on_status", "status_online"),
                  ("on_status", "status_offline"), ("text", "secondary"),
                  ("on_cal_free", "cal_free"), ("text", "cal_closed")]
        return sorted(p for p in set(pairs) if p[1] in names)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    text = hex_colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {hex_colour!r}")
    r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two colours, from 1.0 to 21.0."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def _translucent(hex_colour: str, alpha: int) -> str:
    """A theme colour as ``rgba(…)`` (a backdrop that dims what lies under it)."""
    c = QColor(hex_colour)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"


def stylesheet(theme: Theme) -> str:
    """The application style sheet: big type, big targets, no tiny scroll bars."""
    p, s = theme.palette, theme.sizes
    return f"""
QWidget {{ background: {p.window}; color: {p.text}; font-size: {s.font_body}px; }}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {s.font_title}px; font-weight: bold; }}
QLabel[role="large"] {{ font-size: {s.font_large}px; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="clock"] {{ font-size: {s.font_clock}px; font-weight: bold; }}
QLabel[role="message"] {{ background: {p.info}; color: {p.on_info};
    border-radius: {s.radius}px; padding: 12px; font-size: {s.font_large}px; }}
QLabel[role="error"] {{ background: {p.danger}; color: {p.on_danger};
    border-radius: {s.radius}px; padding: 12px; font-size: {s.font_large}px; }}
QLabel[role="warning"] {{ background: {p.warning}; color: {p.on_warning};
    border-radius: {s.radius}px; padding: 12px; }}
QFrame[role="card"] {{ background: {p.surface}; border: 2px solid {p.border};
    border-radius: {s.radius}px; }}
QWidget#stillThere {{ background: {_translucent(p.text, 170)}; }}
QFrame#doneCard {{ border: 3px solid {p.success}; }}
QFrame#doneCard[role="error"] {{ background: {p.danger}; border-color: {p.danger}; }}
QFrame#doneCard[role="error"] QLabel {{ color: {p.on_danger}; }}
QPushButton {{ min-height: {s.target}px; min-width: {s.target}px; padding: 0 20px;
    background: {p.secondary}; color: {p.on_secondary}; border: 2px solid {p.border};
    border-radius: {s.radius}px; font-size: {s.font_body}px; }}
QPushButton:pressed {{ background: {p.border}; }}
QPushButton:disabled {{ background: {p.cal_closed}; color: {p.on_cal_closed};
    border-style: dashed; }}
QPushButton[kind="primary"] {{ background: {p.primary}; color: {p.on_primary};
    border-color: {p.primary}; font-weight: bold; }}
QPushButton[kind="danger"] {{ background: {p.danger}; color: {p.on_danger};
    border-color: {p.danger}; }}
QPushButton[kind="success"] {{ background: {p.success}; color: {p.on_success};
    border-color: {p.success}; font-weight: bold; }}
QPushButton:checked {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton[kind]:disabled {{ background: {p.cal_closed}; color: {p.on_cal_closed};
    border-color: {p.border}; border-style: dashed; font-weight: normal; }}
QPushButton[kind="key"] {{ font-size: {s.font_title}px; min-height: {s.keypad_key}px;
    min-width: {s.keypad_key}px; }}
QLineEdit {{ min-height: {s.target}px; font-size: {s.font_large}px; padding: 0 12px;
    background: {p.surface}; border: 2px solid {p.border}; border-radius: {s.radius}px; }}
QListWidget, QTableWidget {{ background: {p.surface}; font-size: {s.font_body}px;
    border: 2px solid {p.border}; }}
QListWidget::item, QTableWidget::item {{ min-height: {s.target}px; padding: 8px; }}
QHeaderView::section {{ background: {p.secondary}; color: {p.on_secondary};
    padding: 8px; font-weight: bold; }}
QScrollBar {{ width: 0px; height: 0px; }}
QWidget#statusStrip {{ background: {p.status_online}; }}
QWidget#statusStrip[online="false"] {{ background: {p.status_offline}; }}
QWidget#statusStrip QLabel {{ color: {p.on_status}; font-size: {s.font_small}px; }}
"""
