"""Text normalisation shared by ingest, review and the registries."""

import pytest

from attribution.text import fold_whitespace, snap_to_words, word_step

TEXT = "He said such tax cuts would fail. 😀 Done."


def test_fold_whitespace_treats_every_unicode_space_alike():
    assert fold_whitespace(" Anna\u00a0\u2003Kovacs\n") == "Anna Kovacs"
    assert fold_whitespace(None) == ""


def test_fold_whitespace_drops_what_no_text_column_can_hold():
    assert fold_whitespace("a\x00b\x07 \ud800c") == "ab c"


@pytest.mark.parametrize(
    ("selected", "words"),
    [
        ("such tax cu", "such tax cuts"),
        ("uch tax cuts", "such tax cuts"),
        (" such tax cuts ", "such tax cuts"),
        ("such tax cuts would fail.", "such tax cuts would fail."),
        ("😀 Don", "😀 Done"),
    ],
)
def test_a_span_snaps_to_the_whole_words_meant(selected, words):
    start = TEXT.index(selected)
    first, last = snap_to_words(TEXT, start, start + len(selected))
    assert TEXT[first:last] == words


def test_a_span_of_spaces_only_snaps_to_nothing():
    start = TEXT.index(" ")
    first, last = snap_to_words(TEXT, start, start + 1)
    assert first == last


def test_a_span_edge_moves_by_whole_words():
    end = TEXT.index(" would")  # "...such tax cuts|"
    assert TEXT[: word_step(TEXT, end, 1)].endswith("cuts would")
    assert TEXT[: word_step(TEXT, end, -1)].rstrip().endswith("such tax")  # the span then drops the space
    start = TEXT.index("such")
    assert TEXT[word_step(TEXT, start, -1) :].startswith("said such")
    assert word_step(TEXT, 0, -1) == 0
    assert word_step(TEXT, len(TEXT), 3) == len(TEXT)
