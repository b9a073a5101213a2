"""Cutting an article body into plain and quoted pieces for display."""

from dataclasses import dataclass

PALETTE_SIZE = 8


@dataclass(frozen=True)
class Segment:
    text: str
    quote: object | None = None
    colour: int | None = None


def speaker_colours(quotes) -> dict[str, int]:
    """One palette slot per speaker, in order of first appearance, so a speaker keeps a colour on the page."""
    colours: dict[str, int] = {}
    for quote in quotes:
        key = quote.speaker_text.lower()
        if key not in colours:
            colours[key] = len(colours) % PALETTE_SIZE
    return colours


def paint(quotes) -> list:
    """Give each quote the colour slot of its speaker (as .colour) and return them."""
    quotes = list(quotes)
    colours = speaker_colours(quotes)
    for quote in quotes:
        quote.colour = colours[quote.speaker_text.lower()]
    return quotes


def segments(body: str, quotes) -> list[Segment]:
    """The body as a run of segments; a quote overlapping an earlier one shows only its new part."""
    quotes = paint(quotes)
    pieces: list[Segment] = []
    cursor = 0
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
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
