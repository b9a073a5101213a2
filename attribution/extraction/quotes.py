"""Quotation-mark pairing over raw text, before any parsing.

News style has habits that generic tokenisers get wrong: a quote that runs over several paragraphs is
re-opened at the start of each paragraph but closed only at the end of the last, straight marks do double
duty as openers and closers, and single marks are both quotes and apostrophes. We pair marks per
paragraph and record when a quote is left open so the next paragraph can continue it.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

DOUBLE_OPEN = {'"', "\u201c", "\u201e", "\u00ab"}
DOUBLE_CLOSE = {'"', "\u201d", "\u00bb"}
SINGLE_OPEN = {"'", "\u2018"}
SINGLE_CLOSE = {"'", "\u2019"}

# News text from a CMS puts each paragraph (and the headline) on its own line.
PARAGRAPH_BREAK = re.compile(r"\n\s*")
# A mark opens when nothing word-like stands right before it.
_OPENER_CONTEXT = re.compile(r"(?:^|[\s(\[\u2014\u2013:;,-])$")


@dataclass(frozen=True)
class QuoteSpan:
    """The words between a pair of marks: [start, end) excludes the marks themselves."""

    start: int
    end: int
    # True when the paragraph ended with the quote still open (news-style continuation).
    open_ended: bool = False
    # True when this span re-opens a quote left open by the previous paragraph.
    continues: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of text, each line one (empty ones dropped), edge whitespace trimmed."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        ranges.append((start, brk.start()))
        start = brk.end()
    ranges.append((start, len(text)))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in ranges) if e > s]


class Paragraphs:
    """Which paragraph an offset lies in, by index into paragraphs(text)."""

    def __init__(self, text: str) -> None:
        self.ranges = paragraphs(text) or [(0, len(text))]
        self._starts = [start for start, _ in self.ranges]

    def index(self, offset: int) -> int:
        return max(bisect_right(self._starts, offset) - 1, 0)

    def at(self, offset: int) -> tuple[int, int]:
        return self.ranges[self.index(offset)]

    def next_end(self, offset: int) -> int:
        """Where the paragraph after the one holding offset ends (its own, for the last): how far ahead a story
        names whom it has just described."""
        return self.ranges[min(self.index(offset) + 1, len(self.ranges) - 1)][1]


class SpanSet:
    """Disjoint [start, end) spans with a fast "is this offset inside one" test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_opener(text: str, i: int, para_start: int) -> bool:
    return i == para_start or bool(_OPENER_CONTEXT.search(text[max(para_start, i - 1) : i]))


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark between letters (don't, O'Sullivan) or after a plural's s (soldiers') is no quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() and after.isalnum()) or (before in "sS" and not after.isalnum() and text[i] == "'")


def _reopens(text: str, i: int, openers: set[str], closers: set[str]) -> bool:
    """Inside an open quote, a mark that re-opens it: a pure opening mark, or a straight one that starts a new
    sentence (`projects. "There are`), as when a paragraph break inside a long quote was lost."""
    ch = text[i]
    if ch not in closers:
        return True
    if ch not in openers:
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[:i].rstrip()
    return i > 0 and text[i - 1].isspace() and after.isalnum() and before[-1:] in (".", "?", "!")


def _pair_marks(
    text: str, start: int, end: int, openers: set[str], closers: set[str], single: bool
) -> list[tuple[int, int | None]]:
    """Pairs of (open index, close index or None if the paragraph ended inside the quote)."""
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in openers and ch not in closers:
            continue
        if single and _is_apostrophe(text, i):
            continue
        if open_at is None:
            if ch in openers and (ch not in closers or _is_opener(text, i, start)):
                open_at = i
        elif ch in closers and not _reopens(text, i, openers, closers):
            pairs.append((open_at, i))
            open_at = None
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


# Two single marks standing for a double one, as wire copy writes them (U+2018 twice to open, U+2019 twice
# to close, after either opening mark).
_DOUBLED_SINGLE = re.compile("\u2018\u2018|\u2019\u2019")
_AS_DOUBLE = {"\u2018": "\u201c ", "\u2019": "\u201d "}


def _doubled_as_double(text: str) -> str:
    """The text with each pair of single marks written as one double mark and a space: of the same length, so
    offsets into it are offsets into the text, and two closing single marks end their quote instead of being read as two
    apostrophes (the quote then ran on and swallowed the next one's cue)."""
    return _DOUBLED_SINGLE.sub(lambda pair: _AS_DOUBLE[pair.group()[0]], text)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of text, one span per paragraph segment, in order."""
    text = _doubled_as_double(text)
    spans: list[QuoteSpan] = []
    previous_left_open = False
    for p_start, p_end in paragraphs(text):
        pairs = _pair_marks(text, p_start, p_end, DOUBLE_OPEN, DOUBLE_CLOSE, single=False)
        if not pairs:
            # Single marks only count as quotes in a paragraph that uses no double ones.
            has_double = any(ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE for ch in text[p_start:p_end])
            if not has_double:
                pairs = _pair_marks(text, p_start, p_end, SINGLE_OPEN, SINGLE_CLOSE, single=True)
        left_open = False
        for n, (o, c) in enumerate(pairs):
            s, e = _strip(text, o + 1, p_end if c is None else c)
            if e <= s:
                continue
            left_open = c is None
            spans.append(
                QuoteSpan(s, e, open_ended=left_open, continues=previous_left_open and n == 0 and o == p_start)
            )
        previous_left_open = left_open
    return spans
