"""Small building blocks every screen uses: big named buttons, role-styled labels, cards,
and a scroll area that scrolls with a finger."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.refusals import Refusal
from kiosk.ui.i18n import translate
from kiosk.ui.words import localise_params

MIN_TARGET = 48


def button(text: str, *, name: str | None = None, kind: str = "",
           on_click: Callable[[], object] | None = None, object_name: str = "") -> QPushButton:
    """A finger-sized button with an accessible name (defaults to its text)."""
    b = QPushButton(text)
    b.setAccessibleName(name or text)
    b.setMinimumHeight(64)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if kind:
        b.setProperty("kind", kind)
    if object_name:
        b.setObjectName(object_name)
    if on_click is not None:
        # never connect clicked(bool) straight to another signal's emit: PySide 6.12
        # then drops a reference to False on every click and crashes the interpreter
        b.clicked.connect(lambda _checked=False: _call(on_click))
    return b


def _call(slot: Callable[[], object]) -> None:
    slot()


def label(text: str = "", role: str = "", *, wrap: bool = True, name: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(wrap)
    if role:
        lab.setProperty("role", role)
    if name:
        lab.setObjectName(name)
    return lab


def set_role(widget: QWidget, role: str) -> None:
    """Restyle ``widget`` for another role (a message that turns into an error)."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def card(*children: QWidget | QLayout) -> QFrame:
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    for child in children:
        if isinstance(child, QLayout):
            layout.addLayout(child)
        else:
            layout.addWidget(child)
    return frame


def row_card(text: str | QLabel, *buttons: QPushButton) -> QFrame:
    """A list row: its text (or a label the caller keeps, to update) taking the width,
    then its buttons, on one card."""
    line = QHBoxLayout()
    line.addWidget(text if isinstance(text, QLabel) else label(text), 1)
    for b in buttons:
        line.addWidget(b)
    return card(line)


def finger_scroll(content: QWidget) -> QScrollArea:
    """A scroll area without scroll bars that a finger drags, kinetically."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    no_press_delay(area.viewport())
    return area


def no_press_delay(viewport: QWidget) -> None:
    """Hand a press to the widget under the finger at once instead of holding it back
    while the scroller decides: a held press is replayed by screen position, which
    loses taps on anything lying outside the screen's bounds (offscreen or off-edge
    windows). A drag still scrolls, and the scroller then cancels the pressed button."""
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    scroller.setScrollerProperties(props)


def show_page_only(stack: QStackedWidget, index: int) -> None:
    """Show ``stack``'s page ``index``; only it claims room (a stack's minimum size is
    otherwise its biggest page's, shown or not)."""
    stack.setCurrentIndex(index)
    for i in range(stack.count()):
        page = stack.widget(i)
        policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
        if page is not None:
            page.setSizePolicy(policy, policy)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every item (used to wipe a member's data off a screen).

    Each widget leaves the screen's widget tree at once (hidden and unparented), so
    nothing of the member's remains even for a frame or to ``findChildren``; Qt deletes
    it on the next turn of the event loop, which stays safe when the tap that led here
    came from one of these very widgets."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif (sub := item.layout()) is not None:
            clear_layout(sub)


def refusal_text(refusal: Refusal) -> str:
    """The refusal's message in the current language (its template is the source text;
    parameters that are codes, such as ``{status}`` or ``{kind}``, are translated too)."""
    template = translate("Refusal", refusal.template)
    try:
        return template.format(**localise_params(refusal.params))
    except (KeyError, IndexError, ValueError):
        return refusal.message
