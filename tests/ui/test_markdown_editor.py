"""The rich-text editor: every formatting kind made with its toolbar and shortcuts comes back
from its Markdown the same; pasted HTML keeps its structure and loses its styling; what a
person types is never read as HTML."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from recovery_desktop.ui.widgets.markdown_editor import MarkdownEditor
from recovery_desktop.ui.widgets.markdown_text import FEATURES, read_markdown

WORD_PROCESSOR_HTML = """
<html><head><style>p { font-family: 'Comic Sans MS'; }</style></head><body>
<h2 style="font-family: Georgia; color: #c00000; font-size: 28pt">Evenings</h2>
<p style="background-color: yellow; font-size: 16pt">
  <span style="font-family: Courier New; color: rgb(0, 128, 255)">Call</span>
  <b style="color: green">Sam</b> before <i>eight</i>, see
  <a href="https://example.org/meetings" style="color: purple">the meetings</a>.</p>
<ul style="font-size: 20pt"><li style="color: orange">Cook dinner</li><li>Walk</li></ul>
</body></html>
"""


def shown_editor(qtbot) -> MarkdownEditor:
    editor = MarkdownEditor("Text")
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.text.setFocus()
    return editor


def type_line(qtbot, editor: MarkdownEditor, text: str) -> None:
    qtbot.keyClicks(editor.text, text)


def test_every_formatting_kind_round_trips_through_markdown(qtbot):
    editor = shown_editor(qtbot)
    text = editor.text
    editor.toggle_heading()
    type_line(qtbot, editor, "When it gets hard")
    qtbot.keyClick(text, Qt.Key.Key_Return)  # a plain paragraph follows a heading
    qtbot.keyClick(text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    type_line(qtbot, editor, "Stop")
    qtbot.keyClick(text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    type_line(qtbot, editor, " and ")
    qtbot.keyClick(text, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    type_line(qtbot, editor, "breathe")
    qtbot.keyClick(text, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    type_line(qtbot, editor, " then ")
    editor.ask_link = lambda shown, address: ("read this", "https://example.org/help")
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(text, Qt.Key.Key_K, ctrl_shift)
    qtbot.keyClick(text, Qt.Key.Key_Return)
    editor.buttons["bullets"].click()
    type_line(qtbot, editor, "Walk")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    type_line(qtbot, editor, "Call Sam")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    editor.buttons["bullets"].click()  # the list ends
    qtbot.keyClick(text, Qt.Key.Key_Return)
    editor.buttons["numbers"].click()
    type_line(qtbot, editor, "Leave")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    type_line(qtbot, editor, "Phone")
    markdown = editor.markdown()
    assert markdown.startswith("## When it gets hard\n\n**Stop** and *breathe* then ")
    assert "[read this](https://example.org/help)" in markdown
    assert "- Walk\n- Call Sam" in markdown
    assert "1.  Leave\n2.  Phone" in markdown
    again = shown_editor(qtbot)
    again.set_markdown(markdown)
    assert again.markdown() == markdown
    document = again.text.document()
    assert document.firstBlock().blockFormat().headingLevel() == 2
    assert document.findBlockByNumber(3).textList().format().style().name == "ListDisc"
    assert again.text.anchorAt(again.text.cursorRect(_cursor_at(again, "read this")).center())


def _cursor_at(editor: MarkdownEditor, words: str) -> QTextCursor:
    cursor = editor.text.document().find(words)
    cursor.setPosition(cursor.selectionStart() + 2)
    return cursor


def test_undo_and_redo_take_back_typing(qtbot):
    editor = shown_editor(qtbot)
    type_line(qtbot, editor, "Keep going")
    qtbot.keyClick(editor.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.markdown() == ""
    editor.buttons["redo"].click()
    assert editor.markdown() == "Keep going"


def test_pasted_word_processor_html_keeps_structure_and_drops_styling(qtbot):
    editor = shown_editor(qtbot)
    pasted = QMimeData()
    pasted.setHtml(WORD_PROCESSOR_HTML)
    pasted.setText("plain copy")
    editor.text.insertFromMimeData(pasted)
    assert editor.markdown() == (
        "## Evenings\n\nCall **Sam** before *eight*, see "
        "[the meetings](https://example.org/meetings).\n\n- Cook dinner\n- Walk"
    )
    html = editor.text.toHtml().lower()
    styles = ("comic", "georgia", "courier", "#c00000", "28pt", "16pt", "20pt", "yellow")
    for styling in (*styles, "orange", "#0080ff", "green", "purple"):
        assert styling not in html, styling


def test_pasted_plain_text_stays_plain(qtbot):
    editor = shown_editor(qtbot)
    pasted = QMimeData()
    pasted.setText("**not bold** <b>nor this</b> _nor_ *this*")
    editor.text.insertFromMimeData(pasted)
    assert editor.text.toPlainText() == "**not bold** <b>nor this</b> _nor_ *this*"
    again = shown_editor(qtbot)
    again.set_markdown(editor.markdown())
    assert again.text.toPlainText() == "**not bold** <b>nor this</b> _nor_ *this*"


def test_html_in_stored_markdown_is_shown_as_typed(qtbot):
    editor = shown_editor(qtbot)
    editor.set_markdown('Hi <b>there</b> <img src="/etc/hostname">')
    assert editor.text.toPlainText() == 'Hi <b>there</b> <img src="/etc/hostname">'
    assert "<img" not in editor.text.toHtml().replace("&lt;img", "")


LONG = "a sentence long enough that Qt's writer breaks it at eighty columns, " * 3
SAMPLES = [
    f"{LONG}\n\n{LONG}",
    f"- {LONG}\n- short\n  - {LONG}\n\n1. {LONG}\n2. two",
    f"## {LONG}\n\n> {LONG}\n\n**{LONG}** and *{LONG}* [{LONG}](https://example.org/a_b)",
    f"```\n{LONG}\n  kept   as it is\n```\n\n{LONG}",
    f"Hard\u2028break {LONG}\n\n- item\n\nafter the list {LONG}",
]


def test_a_paragraph_is_one_line_and_reads_back_the_same(qtbot):
    """Qt breaks paragraphs at 80 columns; the editor joins them, and the text reads back
    exactly as Qt's own Markdown does."""
    from recovery_desktop.ui.widgets.markdown_text import QuietDocument

    for sample in SAMPLES:
        editor = shown_editor(qtbot)
        editor.set_markdown(sample)
        ours = editor.markdown()
        qt_own = editor.text.document().toMarkdown(FEATURES)
        assert max(len(line) for line in ours.split("\n")) > 80
        as_read = [QuietDocument(), QuietDocument()]
        read_markdown(as_read[0], ours)
        read_markdown(as_read[1], qt_own)
        assert as_read[0].toHtml() == as_read[1].toHtml(), sample
        again = shown_editor(qtbot)
        again.set_markdown(ours)
        assert again.markdown() == ours


def test_the_toolbar_keys_come_before_qts_own_text_keys(qtbot):
    """On Linux, Qt's text keys bind many Ctrl keys; the editor's own come first, and the
    link key is not Ctrl+K, which stays the app's craving key (main_window's test)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    editor = shown_editor(qtbot)
    type_line(qtbot, editor, "Keep all of this")
    editor.text.moveCursor(QTextCursor.MoveOperation.StartOfLine)
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for key, held in ((Qt.Key.Key_K, ctrl | shift), (Qt.Key.Key_B, ctrl), (Qt.Key.Key_I, ctrl)):
        override = QKeyEvent(QEvent.Type.ShortcutOverride, key, held)
        QApplication.sendEvent(editor.text, override)
        assert override.isAccepted(), key
    asked = []
    editor.ask_link = lambda shown, address: asked.append(shown)
    qtbot.keyClick(editor.text, Qt.Key.Key_K, ctrl)
    assert asked == []
    qtbot.keyClick(editor.text, Qt.Key.Key_K, ctrl | shift)
    assert asked == [""]
    assert editor.markdown() == "Keep all of this"


def test_a_toolbar_click_leaves_the_keyboard_in_the_text(qtbot):
    """Clicking "1. List" and typing puts the words in the list (the tester's typing went
    to the button, and Space pressed it again)."""
    editor = shown_editor(qtbot)
    for name in ("numbers", "bold"):
        qtbot.mouseClick(editor.buttons[name], Qt.MouseButton.LeftButton)
        assert editor.text.hasFocus(), name
    type_line(qtbot, editor, "numbered one")
    assert editor.markdown() == "1.  **numbered one**"
    assert editor.buttons["numbers"].focusPolicy() == Qt.FocusPolicy.TabFocus


def test_a_pasted_heading_or_list_stays_one_after_saving(qtbot):
    """A heading pasted on an empty line, or after text, reads back as a heading (it came
    back as bold text); a plain pasted sentence joins the line it is pasted into."""
    heading = '<h2 style="color: red; font-family: Arial">Pasted heading</h2><p>Body</p>'
    for before, expected in (
        ("", "## Pasted heading\n\nBody"),
        ("Existing line", "Existing line\n\n## Pasted heading\n\nBody"),
    ):
        editor = shown_editor(qtbot)
        editor.set_markdown(before)
        editor.text.moveCursor(QTextCursor.MoveOperation.End)
        pasted = QMimeData()
        pasted.setHtml(heading)
        editor.text.insertFromMimeData(pasted)
        again = shown_editor(qtbot)
        again.set_markdown(editor.markdown())
        assert again.markdown() == expected
    editor = shown_editor(qtbot)
    editor.set_markdown("Call")
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    pasted = QMimeData()
    pasted.setHtml("<p>, then <b>Sam</b></p>")
    editor.text.insertFromMimeData(pasted)
    assert editor.markdown() == "Call, then **Sam**"


def test_a_link_over_a_double_clicked_word_leaves_the_space_out(qtbot):
    editor = shown_editor(qtbot)
    type_line(qtbot, editor, "Visit site after")
    cursor = editor.text.textCursor()
    cursor.setPosition(6)
    cursor.setPosition(11, QTextCursor.MoveMode.KeepAnchor)  # "site " with its space
    editor.text.setTextCursor(cursor)
    editor.ask_link = lambda shown, address: (shown, "https://example.org")
    editor.edit_link()
    assert editor.markdown() == "Visit [site](https://example.org) after"


def test_typing_after_a_link_or_emphasis_reads_back_as_typed(qtbot):
    editor = shown_editor(qtbot)
    editor.set_markdown("Call [the warmline](https://example.org/warmline)")
    qtbot.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_line(qtbot, editor, " tonight")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    qtbot.keyClick(editor.text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    type_line(qtbot, editor, "Breathe")
    qtbot.keyClick(editor.text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.text, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    type_line(qtbot, editor, " then walk ")
    qtbot.keyClick(editor.text, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    type_line(qtbot, editor, "now")
    assert editor.markdown() == (
        "Call [the warmline](https://example.org/warmline) tonight\n\n**Breathe** *then walk* now"
    )


def test_an_image_named_in_the_text_is_never_read(qtbot, tmp_path):
    """A picture in stored Markdown (an import) or in pasted HTML is shown as words: Qt would
    read a named file straight from the disk (nothing outside the journal is ever opened)."""
    from PySide6.QtGui import QImage

    picture = tmp_path / "private.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(picture))
    editor = shown_editor(qtbot)
    editor.set_markdown(f"Before ![p]({picture.as_uri()}) after")
    assert "(a picture, not shown)" in editor.text.toPlainText()
    pasted = QMimeData()
    pasted.setHtml(f'<p>Pasted <img src="{picture.as_uri()}"> here</p>')
    editor.text.insertFromMimeData(pasted)
    assert editor.text.toPlainText().count("(a picture, not shown)") == 2
    assert picture.name not in editor.markdown()


def test_a_heading_pasted_on_an_empty_list_item_leaves_the_list(qtbot):
    editor = shown_editor(qtbot)
    editor.set_markdown("- a\n- b")
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    editor.text.textCursor().insertBlock()  # Enter: a new, empty item
    pasted = QMimeData()
    pasted.setHtml("<h1>Long plan</h1><ol><li>one</li></ol>")
    editor.text.insertFromMimeData(pasted)
    assert editor.markdown() == "- a\n- b\n\n# Long plan\n\n1.  one"
