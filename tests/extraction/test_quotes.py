from attribution.extraction.quotes import find_quote_spans


def spans(text):
    return [(text[s.start : s.end], s.open_ended, s.continues) for s in find_quote_spans(text)]


def test_straight_and_curly_marks():
    text = 'He said: "Straight marks work." She said: \u201cSo do curly ones.\u201d'
    assert [s[0] for s in spans(text)] == ["Straight marks work.", "So do curly ones."]


def test_quote_continued_over_paragraphs_is_reopened_not_closed():
    text = 'She said: "The first paragraph ends open.\n\n"The second one closes," she added.'
    assert spans(text) == [("The first paragraph ends open.", True, False), ("The second one closes,", False, True)]


def test_interrupted_quote_gives_two_spans():
    text = '"We came here," he said, "to win."'
    assert [s[0] for s in spans(text)] == ["We came here,", "to win."]


def test_apostrophes_are_not_single_quotes():
    text = "The soldiers' families said it wasn't over, and O'Neill agreed."
    assert spans(text) == []


def test_single_marks_used_as_quotes():
    text = "Yukos bankruptcy 'not US matter'"
    assert [s[0] for s in spans(text)] == ["not US matter"]


def test_unbalanced_mark_runs_to_paragraph_end():
    text = 'He said "this never closes\n\nNext paragraph has no marks.'
    assert spans(text) == [("this never closes", True, False)]
