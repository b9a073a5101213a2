"""Text normalisation shared by ingest, review and the registries."""


def fold_whitespace(text: str | None) -> str:
    """Runs of whitespace (any Unicode space, tab or line break) as one space, none at the ends: how a name,
    a title or a typed value is stored and compared."""
    return " ".join((text or "").split())
