from attribution.extraction.lexicon import is_person_word


def test_things_that_end_like_words_for_people_are_no_ones():
    assert [is_person_word(w) for w in ("murder", "takeover", "weakness", "shortlist", "barometer")] == [False] * 5


def test_words_for_people_are_known_by_their_ending_or_the_list():
    assert [is_person_word(w) for w in ("leader", "finalist", "actress", "princess", "witness")] == [True] * 5
