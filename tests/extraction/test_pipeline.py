"""The engine's loading of the model changes how fast its attribute rules run, never what they set."""

import spacy
from spacy.pipeline import AttributeRuler

from attribution.extraction.pipeline import DEFAULT_MODEL, bulk_applies, load_nlp

TEXTS = [
    "Harbour master Ada Quinn said: \"We ain't gonna close the pier, y'all know that.\"\n\nLet's see.",
    "There is nothin' to fear, said the mayor's spokesman on Tuesday. There were 3.5m visitors (up 20%).",
    "  \n\n  Odd   spacing \t here; CAPITALS, e-mail, U.S. rates fell 0.25% - or so they said... 'Gotta go!'",
    "Which one? That one, whose owner - Mr Dan Pike, 54 - told Radio Deva it was his. C'mon, gimme a break.",
]


def _attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_the_bulk_ruler_and_lemmatiser_give_what_the_model_gives():
    shipped = spacy.load(DEFAULT_MODEL)
    shipped.add_pipe("paragraph_sentences", before="parser")
    ours = load_nlp()
    assert {"attribute_ruler", "lemmatizer"} <= set(ours.disabled)
    for text in TEXTS * 2:  # twice: the second time from what was remembered
        assert _attributes(ours(text)) == _attributes(shipped(text))


def test_a_model_whose_attribute_rules_read_more_keeps_spacys_own_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    assert bulk_applies(ruler)
    ruler.add([[{"LOWER": "new", "OP": "+"}]], {"POS": "ADJ"})
    assert not bulk_applies(ruler)
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "X"})
    assert not bulk_applies(ruler)
