"""A label that remembers its measurements must never answer with a stale one: after each change
of text, face, size, margins or wrapping it measures as a plain QLabel does."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from kiosk.ui.widgets.text_label import TextLabel

WIDTHS = (80, 160, 320)
LONG = "Hochleistungsausrüstung und Fertigung im Deutsch-Chinesischen Industriepark Shenyang"


def answers(label: QLabel) -> tuple:
    return (tuple(label.heightForWidth(w) for w in WIDTHS), label.sizeHint().toTuple(),
            label.minimumSizeHint().toTuple())


def twins(qtbot) -> tuple[TextLabel, QLabel]:  # noqa: ANN001
    pair = TextLabel(), QLabel()
    for label in pair:
        qtbot.addWidget(label)
        label.setWordWrap(True)
    return pair


def same(pair: tuple[TextLabel, QLabel]) -> None:
    cached, plain = pair
    answers(cached)  # asked twice: the second answer comes from what it remembers
    assert answers(cached) == answers(plain)


def test_each_change_is_measured_anew(qtbot) -> None:  # noqa: ANN001
    pair = twins(qtbot)
    changes = [
        lambda label: label.setText(LONG),
        lambda label: label.setText("中德园"),
        lambda label: label.setText(LONG + " " + LONG),
        lambda label: label.setFont(QFont("Noto Sans", 30)),
        lambda label: label.setFont(QFont("Noto Sans CJK SC", 12)),
        lambda label: label.setContentsMargins(20, 4, 20, 4),
        lambda label: label.setWordWrap(False),
        lambda label: label.setWordWrap(True),
    ]
    same(pair)
    for change in changes:
        for label in pair:
            change(label)
        same(pair)


def test_labels_share_what_one_measured(qtbot) -> None:  # noqa: ANN001
    first, second = TextLabel(LONG), TextLabel(LONG)
    for label in (first, second):
        qtbot.addWidget(label)
        label.setWordWrap(True)
    assert first.heightForWidth(160) == second.heightForWidth(160) > first.heightForWidth(320)


def test_a_word_wider_than_the_measure_does_not_make_the_label_ask_for_ever_more_room(qtbot) -> None:  # noqa: ANN001
    """The measure leaves the rest of the label's width as a right margin. Counted in the size
    the label asks for, a word wider than the measure (an unhyphenated German compound at the
    larger type) asked for the width plus a margin that grew with it: a sheet grew to 33,000 px,
    the margin overflowed and Qt ran out of stack."""
    from kiosk.ui.widgets import label

    text = label("Hochleistungsausrüstungsfertigungsindustrieparkverwaltungsgesellschaft " * 2, "body")
    qtbot.addWidget(text)
    text.set_measure(5)  # 5 ems: narrower than the word
    text.show()  # a hidden label hears of no resize
    asked = []
    for width in (800, 1600, 3200):
        text.resize(width, 100)
        qtbot.wait(1)
        assert text.contentsMargins().right() > 0, "the measure's margin follows the width"
        asked.append((text.minimumSizeHint().width(), text.sizeHint().width()))
    assert asked[0] == asked[1] == asked[2], "what a label asks for does not follow the width it was given"
    assert asked[0][0] < 1600
