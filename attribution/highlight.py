"""Cutting an article body into plain and quoted pieces for display."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

PALETTE_SIZE = 8


class Painted(Protocol):
    """A quote as the page shows it: its span, its speaker, and the colour slot paint gives it."""

    pk: int
    start: int
    end: int
    status: str
    speaker_text: str
    colour: int


@dataclass(frozen=True)
class Segment[Q: Painted]:
    text: str
    quote: Q | None = None
    colour: int | None = None


def speaker_colours(quotes: Iterable[Painted]) -> dict[str, int]:
    """One palette slot per speaker, in order of first appearance, so a speaker keeps a colour on the page."""
    colours: dict[str, int] = {}
    for quote in quotes:
        key = quote.speaker_text.lower()
        if key not in colours:
            colours[key] = len(colours) % PALETTE_SIZE
    return colours


def paint[Q: Painted](quotes: Iterable[Q]) -> list[Q]:
    """Give each quote the colour slot of its speaker (as .colour) and return them."""
    painted = list(quotes)
    colours = speaker_colours(painted)
    for quote in painted:
        quote.colour = colours[quote.speaker_text.lower()]
    return painted


def segments[Q: Painted](body: str, quotes: Iterable[Q]) -> list[Segment[Q]]:
    """The body as a run of segments; a quote overlapping an earlier one shows only its new part."""
    pieces: list[Segment[Q]] = []
    cursor = 0
    for quote in sorted(paint(quotes), key=lambda q: (q.start, q.end)):
        start = max(quote.start, cursor)
        if quote.end <= start:
            continue
        if start > cursor:
            pieces.append(Segment(body[cursor:start]))
        pieces.append(Segment(body[start : quote.end], quote, quote.colour))
        cursor = quote.end
    if cursor < len(body):
        pieces.append(Segment(body[cursor:]))
    return pieces
