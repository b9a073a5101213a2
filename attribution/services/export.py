"""Verified attributions out as CSV, streamed row by row from a server-side cursor."""

import csv
from collections.abc import Iterable, Iterator

from attribution.models import Quote

COLUMNS = (
    "article_id",
    "article_title",
    "article_url",
    "publisher",
    "published_at",
    "quote_id",
    "quote_text",
    "kind",
    "start",
    "end",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "outlet",
    "cue",
    "status",
    "extracted_speaker",
    "extracted_role",
    "extracted_outlet",
    "reviewed_by",
    "reviewed_at",
)
# A cell starting with one of these is run as a formula by spreadsheets (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _iso(moment) -> str:
    return moment.isoformat().replace("+00:00", "Z") if moment else ""


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def verified_quotes():
    return (
        Quote.objects.filter(status__in=Quote.VERIFIED_STATUSES)
        .select_related("article", "speaker", "outlet", "reviewed_by")
        .order_by("article_id", "start", "id")
    )


def export_row(quote: Quote) -> list[str]:
    article = quote.article
    values = (
        article.pk,
        article.title,
        article.url,
        article.publisher,
        _iso(article.published_at),
        quote.pk,
        quote.text,
        quote.kind,
        quote.start,
        quote.end,
        quote.speaker.name if quote.speaker else quote.speaker_text,
        quote.speaker.kind if quote.speaker else quote.extracted_speaker_kind,
        quote.role,
        quote.outlet.name if quote.outlet else quote.outlet_text,
        quote.cue,
        quote.status,
        quote.extracted_speaker,
        quote.extracted_role,
        quote.extracted_outlet,
        quote.reviewed_by.get_username() if quote.reviewed_by else "",
        _iso(quote.reviewed_at),
    )
    return [neutralise(v) for v in values]


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


def csv_lines(quotes: Iterable[Quote], *, chunk_size: int = 2000) -> Iterator[str]:
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield writer.writerow(COLUMNS)
    rows = quotes.iterator(chunk_size=chunk_size) if hasattr(quotes, "iterator") else quotes
    for quote in rows:
        yield writer.writerow(export_row(quote))
