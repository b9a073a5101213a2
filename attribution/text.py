"""Text normalisation shared by ingest, review and the registries."""

import re

# How a stored body marks the blocks of a web page that are not sentences of the story (Markdown's forms, which
# read as meant in plain text too): a subheading, and an item of a list. The extractor and the desk read them.
HEADING_MARK = "## "
ITEM_MARK = "- "
_HEADING_LINE = re.compile(rf"(?m)^{HEADING_MARK}[^\n]*")


def without_headings(text: str) -> str:
    """text with each marked subheading blanked out, offsets kept: a subheading ("Policy shortcomings") is
    nobody's words and names no speaker."""
    if HEADING_MARK not in text:
        return text
    return _HEADING_LINE.sub(lambda line: " " * len(line.group()), text)


# Control characters that are not whitespace (NUL among them, which PostgreSQL cannot store in text) and
# lone surrogates (which no UTF-8 text can hold): never part of a name or a typed value.
_UNSTORABLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x9f\ud800-\udfff]")


def fold_whitespace(text: str | None) -> str:
    """Runs of whitespace (any Unicode space, tab or line break) as one space, none at the ends, and no
    control characters: how a name, a title or a typed value is stored and compared, everywhere (extractor
    output, forms, searches, the registries, imports)."""
    return " ".join(_UNSTORABLE.sub("", text or "").split())


def word_step(text: str, at: int, words: int) -> int:
    """The offset words whole words after at (before it, for a negative count), at a word's edge: where a
    span's end moves to when an editor widens or narrows it by a word."""
    step = 1 if words > 0 else -1
    for _ in range(abs(words)):
        # Past the spaces and punctuation next to the edge, then through the word beyond them.
        while 0 < at < len(text) and not (text[at] if step > 0 else text[at - 1]).isalnum():
            at += step
        while 0 < at < len(text) and (text[at] if step > 0 else text[at - 1]).isalnum():
            at += step
        if at in (0, len(text)):
            break
    return max(0, min(at, len(text)))


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) of text widened to whole words at both ends, then narrowed past the spaces at
    them: a selection made a letter short ("such tax cu") or with a space too many takes the words meant."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
