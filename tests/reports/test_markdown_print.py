"""The plan's Markdown on paper: each kind of formatting the editor writes becomes the
matching HTML, and nothing the user typed ever becomes markup."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.reports.markdown_print import line_html, lines_html, markdown_html

# The tags the converter makes; anything else in its output would be the user's text.
OWN_TAGS = re.compile(
    r"</?(?:p|b|i|s|u|code|pre|ul|ol|li|h[3-6]|blockquote)>|<br>|<hr>"
    r"|<ol start=\"\d+\">|<span class='small'>|</span>"
)


def test_each_kind_of_formatting_the_editor_writes_prints_as_such():
    # Markdown as QTextDocument.toMarkdown writes it (wrapped at 80 columns, "1.  ").
    markdown = (
        "# Why I stay\n\n"
        "Some **bold** and *italic* and ~~struck~~ words with a\n"
        "[link](https://example.org/a_b) and `code`.\n\n"
        "- one\n- two\n  - nested\n\n"
        "1.  first\n2.  second\n\n"
        "> a quote\n\n"
        "- [ ] open task\n- [x] done task\n"
    )
    html = markdown_html(markdown)
    assert "<h3>Why I stay</h3>" in html
    assert "<b>bold</b>" in html and "<i>italic</i>" in html and "<s>struck</s>" in html
    assert "with a <u>link</u> <span class='small'>(https://example.org/a_b)</span>" in html
    assert "<code>code</code>" in html
    assert "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>" in html
    assert "<ol><li>first</li><li>second</li></ol>" in html
    assert "<blockquote><p>a quote</p></blockquote>" in html
    assert "\u2610 open task" in html and "\u2611 done task" in html


def test_deeper_headings_stay_below_the_section_title():
    html = markdown_html("# One\n\n## Two\n\n###### Six")
    assert "<h3>One</h3>" in html and "<h4>Two</h4>" in html and "<h6>Six</h6>" in html


def test_escaped_characters_and_loose_stars_print_as_typed():
    """The editor escapes what would be markup (``\\<``, ``\\*``); stars with spaces round
    them and underscores inside words are plain text."""
    html = markdown_html("x\\*y*z and \\<b>tag</b> a * b ** c snake_case_name 3 < 4")
    assert html == ("<p>x*y*z and &lt;b&gt;tag&lt;/b&gt; a * b ** c snake_case_name 3 &lt; 4</p>")


def test_soft_breaks_join_lines_and_hard_breaks_keep_them():
    assert markdown_html("one\ntwo") == "<p>one two</p>"
    assert markdown_html("one  \ntwo") == "<p>one<br>two</p>"


def test_a_numbered_list_keeps_its_first_number():
    assert markdown_html("3. three\n4. four") == '<ol start="3"><li>three</li><li>four</li></ol>'


def test_code_blocks_keep_their_lines_and_show_markup_as_text():
    html = markdown_html("```\n<script>**x**</script>\n  indented\n```")
    assert html == "<pre>&lt;script&gt;**x**&lt;/script&gt;\n  indented</pre>"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_nothing_typed_ever_becomes_markup(text):
    html = markdown_html(text)
    assert "<" not in OWN_TAGS.sub("", html)
    assert ">" not in OWN_TAGS.sub("", html)


@given(st.text(alphabet="*_~`[]()<>#-+1. \n\\>x&\"'", max_size=120))
def test_markdown_punctuation_never_becomes_markup(text):
    assert "<" not in OWN_TAGS.sub("", markdown_html(text))


def test_one_line_at_a_time_shows_each_block_kind_without_its_markup():
    """For the compare view: a line is read alone, its block marker turned into words."""
    assert line_html("## Who I do it *for*") == "<b>Who I do it <i>for</i></b>"
    assert line_html("- one") == "\u2022 one"
    assert line_html("  - nested") == "&nbsp;&nbsp;&nbsp;&nbsp;\u2022 nested"
    assert line_html("1.  first") == "1. first"
    assert line_html("3) third") == "3. third"
    assert line_html("- [x] done") == "\u2022 \u2611 done"
    assert line_html("> **kept**") == "\u2502&nbsp;<b>kept</b>"
    assert line_html("[site](https://example.org) after") == (
        "<u>site</u> <span class='small'>(https://example.org)</span> after"
    )
    assert line_html("<b>x</b> * 2") == "&lt;b&gt;x&lt;/b&gt; * 2"


def test_lines_of_a_code_block_are_shown_as_typed():
    lines = ["**a**", "```", "**b** <i>", "```", "*c*"]
    assert lines_html(lines) == ["<b>a</b>", "```", "**b** &lt;i&gt;", "```", "<i>c</i>"]


@given(
    st.lists(
        st.text(alphabet="*_~`[]()<>#-+1. \\>x&\"'", max_size=40)
        | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
        max_size=8,
    )
)
def test_no_line_ever_becomes_markup(lines):
    for html in lines_html(lines):
        assert "<" not in OWN_TAGS.sub("", html) and ">" not in OWN_TAGS.sub("", html)


def test_a_heading_inside_a_list_item_prints_as_bold_words_not_hash_marks():
    """Qt writes a heading pasted on a list item as "- # Long plan"; it printed "# Long plan"."""
    html = markdown_html("- a\n- # Long plan\n- b")
    assert "#" not in html and "<li><b>Long plan</b></li>" in html
