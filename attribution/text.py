"""Text normalisation shared by ingest, review and the registries."""


def fold_whitespace(text: str | None) -> str:
    """Runs of whitespace (any Unicode space, tab or line break) as one space, none at the ends: how a name,
    a title or a typed value is stored and compared."""
    return " ".join((text or "").split())


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
