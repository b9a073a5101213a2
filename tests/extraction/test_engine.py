import pytest
from spacy.tokens import Doc

from attribution.extraction import ExtractionError, extract, read, read_many
from attribution.extraction.cast import is_subject
from attribution.extraction.coreference import noun_phrase
from attribution.extraction.pipeline import load_nlp
from attribution.extraction.roles import title_before


def test_seed_article_direct_quotes_and_speakers(seed_text):
    found = [a for a in extract(seed_text) if a.kind == "direct"]
    speakers = [a.speaker for a in found]
    assert speakers == ["Vasily Malaev", "Ivan", "Ivan", "Sergey", "Roman Kosarev"]
    malaev, ivan, _, sergey, kosarev = found
    assert malaev.text.startswith("At around 20:30 Moscow time")
    assert malaev.outlet == "Itar-Tass"
    assert malaev.role is not None
    assert "spokesperson" in malaev.role
    assert ivan.text.startswith("I wouldn't want to")
    assert ivan.role == "Ukrainian soldier"
    assert ivan.outlet == "RT"
    assert sergey.role == "Ukrainian soldier"
    assert kosarev.outlet == "RT"


def test_offsets_index_the_exact_text(seed_text):
    for a in extract(seed_text):
        assert seed_text[a.start : a.end] == a.text


def test_speaker_after_quote_and_before_colon():
    text = (
        '"The harvest is late this year," said farmer Tom Ellery.\n\n'
        'The co-operative\'s chairwoman, Rosa Lind, told the Valley Times: "Prices will rise before spring."'
    )
    first, second = extract(text)
    assert (first.speaker, first.role, first.cue) == ("Tom Ellery", "farmer", "said")
    assert (second.speaker, second.outlet) == ("Rosa Lind", "Valley Times")


def test_surname_and_pronoun_resolve_to_full_name():
    text = (
        "Mayor Joan Whitfield opened the bridge on Monday.\n\n"
        '"It took eleven years to get here," Whitfield said.\n\n'
        '"Nobody believed we would finish it," she added.'
    )
    assert [a.speaker for a in extract(text)] == ["Joan Whitfield", "Joan Whitfield"]


def test_follow_on_paragraph_inherits_speaker():
    text = (
        '"We will appeal," said lawyer Ben Okafor.\n\n'
        '"The judgment ignores the evidence we put before the court last month."'
    )
    assert [a.speaker for a in extract(text)] == ["Ben Okafor", "Ben Okafor"]


def test_scare_quotes_are_not_speech():
    assert extract('The plan was branded a "disaster" and the "so-called reform" stalled.') == []


@pytest.mark.parametrize("text", ["", "   ", "No quotes at all.", '"', '""', "\u201c\u201d\n\n\u201c", '<p>"x</p>'])
def test_degenerate_input_gives_a_clear_empty_or_valid_result(text):
    for a in extract(text):
        assert 0 <= a.start < a.end <= len(text)


def test_read_many_keeps_order_and_handles_empty_texts():
    texts = ['"Hello there, friends," said Ann Lee.', "", "Plain text."]
    results = list(read_many(texts))
    assert [r if isinstance(r, ExtractionError) else len(r.quotes) for r in results] == [1, 0, 0]


def test_punctuation_parsed_as_a_subject_does_not_break_the_noun_phrase():
    doc = load_nlp()("- said the minister.")
    assert noun_phrase(doc[0]) == "-"


def entities_of(text):
    return {entity.name: entity for entity in read(text).entities}


def test_the_cast_lists_each_person_and_organisation_once_with_every_mention():
    text = (
        "Cup tie moved\n\n"
        "Rovers boss Declan O'Hara said the Football Association had moved the tie to Sunday.\n\n"
        '"We accept it," O\'Hara said. The FA said police had asked for the change.'
    )
    entities = entities_of(text)
    assert entities["Declan O'Hara"].kind == "person"
    assert entities["Declan O'Hara"].role == "Rovers boss"
    assert len(entities["Declan O'Hara"].mentions) == 2
    assert entities["Football Association"].kind == "organization"
    mentions = [text[s:e].removeprefix("the ") for s, e in entities["Football Association"].mentions]
    assert mentions == ["Football Association", "FA"]
    assert "FA" not in entities


def test_a_surname_two_people_share_is_a_mention_of_the_one_named_in_full_last():
    text = (
        "Ruth Kendal, the harbour master, said the pier would close on Friday. Kendal said repairs would take a"
        " month.\n\nHer brother, Omar Kendal, a fisherman, said the closure would cost him a week of work. Kendal"
        " said he would fish from the beach."
    )
    entities = entities_of(text)
    assert [text[s:e] for s, e in entities["Ruth Kendal"].mentions] == ["Ruth Kendal", "Kendal"]
    assert [text[s:e] for s, e in entities["Omar Kendal"].mentions] == ["Omar Kendal", "Kendal"]


# A saved web page's body marks its subheadings (attribution.text.HEADING_MARK): they are nobody's words.
PAGE_BODY = """The county council published its review of temporary housing on Monday, with 40 recommendations.

## Councillor Anger

"We failed the families who needed us most. That must change," she said.

- "It will not happen again," the council leader, Jane Roe, said."""


def test_a_subheading_names_no_speaker_and_offsets_still_index_the_body():
    first, item = extract(PAGE_BODY)
    assert first.speaker != "Councillor Anger"
    assert (item.speaker, item.role) == ("Jane Roe", "council leader")
    assert all(PAGE_BODY[quote.start : quote.end] == quote.text for quote in (first, item))
    (many,) = read_many([PAGE_BODY])
    assert not isinstance(many, ExtractionError)
    assert [quote.speaker for quote in many.quotes] == [first.speaker, "Jane Roe"]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Milan Baros is unsure whether he remains part of boss Rafa Benitez's plans.", "Rafa Benitez", "boss"),
        ("Secretary of State Condoleezza Rice said the talks would resume.", "Condoleezza Rice", "Secretary of State"),
    ],
)
def test_a_title_runs_across_of_only_from_a_word_for_a_person(text, name, title):
    doc = load_nlp()(text)
    start = text.find(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    assert title_before(span) == title


def test_a_name_opening_its_sentence_that_the_parse_made_the_root_is_its_subject():
    # "Tait himself appeared unaffected." as the small model once parsed it: the name the root, tagged a verb.
    words = ["Tait", "himself", "appeared", "unaffected", "."]
    doc = Doc(
        load_nlp().vocab,
        words=words,
        heads=[0, 0, 0, 2, 0],
        deps=["ROOT", "dobj", "dep", "acomp", "punct"],
        pos=["VERB", "PRON", "VERB", "ADJ", "PUNCT"],
        sent_starts=[True, False, False, False, False],
    )
    assert is_subject(doc[0])
    assert not is_subject(doc[1])
