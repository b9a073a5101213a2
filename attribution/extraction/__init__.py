"""The extraction engine: article text in, attributed quotes out.

Plain Python over spaCy, with no Django imports, so the web app, the commands and the benchmarks share it.
Offsets are Python `str` indices into the exact text given.
"""

from collections.abc import Iterable, Iterator

from attribution.text import without_headings

from .attribute import Attribution, Reading, read_article
from .cast import Entity
from .pipeline import DEFAULT_MODEL, load_nlp

# Which rules produced a quote, recorded with it so editors' verdicts can be read per version (the insights
# page, extraction_report): bumped whenever a change to the engine changes what it finds.
ENGINE_VERSION = "2026.12.7"


class ExtractionError(Exception):
    """One text could not be processed; the message says why."""


def read(text: str, *, model: str = DEFAULT_MODEL) -> Reading:
    """Every attributed quote in text, in order of appearance, and the people and organisations it names."""
    if not text or not text.strip():
        return Reading([], [])
    return read_article(load_nlp(model)(without_headings(text)))


def extract(text: str, *, model: str = DEFAULT_MODEL) -> list[Attribution]:
    """Every attributed quote in text, in order of appearance."""
    return read(text, model=model).quotes


def read_many(
    texts: Iterable[str], *, model: str = DEFAULT_MODEL, batch_size: int = 32, n_process: int = 1
) -> Iterator[Reading | ExtractionError]:
    """Like read, over many texts, batched through nlp.pipe; yields one result per text, in order. A text
    the engine fails on yields an ExtractionError in its place, so one bad article never stops a batch.
    n_process > 1 parses in that many worker processes (each loads its own copy of the model)."""
    nlp = load_nlp(model)
    for doc in nlp.pipe(map(without_headings, texts), batch_size=batch_size, n_process=n_process):
        if not doc.text.strip():
            yield Reading([], [])
            continue
        try:
            yield read_article(doc)
        except Exception as exc:  # deliberately broad: any engine bug is reported for this text alone
            yield ExtractionError(f"{type(exc).__name__}: {exc}")


__all__ = [
    "DEFAULT_MODEL",
    "ENGINE_VERSION",
    "Attribution",
    "Entity",
    "ExtractionError",
    "Reading",
    "extract",
    "read",
    "read_many",
]
