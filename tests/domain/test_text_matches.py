"""Where the searched words are marked in what the Journal shows: whole words ignoring
case, the last word typed also as a word start, phrases across any spaces, overlaps merged;
never an error for any text."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.text_matches import match_spans


def marked(text: str, terms: list[str]) -> list[str]:
    return [text[start:end] for start, end in match_spans(text, terms)]


def test_a_word_is_marked_wherever_a_word_starts_with_it_ignoring_case():
    text = "Recovery is a discovery. RECOVERED today."
    assert marked(text, ["recov*"]) == ["Recov", "RECOV"]


def test_a_term_without_a_star_marks_whole_words_only():
    """As the index finds every word but the last: "the" is never the start of "therapy"."""
    text = "Therapy at the clinic, then the end"
    assert marked(text, ["the", "end*"]) == ["the", "the", "end"]


def test_a_phrase_is_marked_across_spaces_and_punctuation():
    assert marked("felt the  urge,\npassed", ["the urge"]) == ["the  urge"]


def test_overlapping_terms_are_one_mark():
    assert match_spans("walking", ["walk*", "walking"]) == [(0, 7)]


def test_terms_without_a_word_mark_nothing():
    assert match_spans("a - b", ["-", "", "  "]) == []


@given(st.text(), st.lists(st.text(), max_size=4))
def test_any_text_and_terms_give_sorted_separate_spans_inside_the_text(text, terms):
    spans = match_spans(text, terms)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(a[1] < b[0] for a, b in pairwise(spans))
