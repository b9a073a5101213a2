"""Attributions out as CSV or JSON Lines, streamed row by row from a server-side cursor."""

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from attribution.models import ExportLog, Quote

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
CHUNK_SIZE = 2000


@dataclass(frozen=True)
class ExportFilters:
    """What to export. Dates bound the article's publication date, inclusive, in UTC."""

    status: str = "verified"  # "verified" (confirmed, corrected, added by an editor) or "all"
    date_from: date | None = None
    date_to: date | None = None
    publisher: str = ""
    import_batch: int | None = None
    speaker: str = ""
    article: int | None = None

    def as_json(self) -> dict:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self).items() if v not in (None, "")}


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.UTC)


def quotes_for_export(filters: ExportFilters) -> QuerySet[Quote]:
    quotes = Quote.objects.all()
    if filters.status == "verified":
        quotes = quotes.filter(status__in=Quote.VERIFIED_STATUSES)
    if filters.date_from:
        quotes = quotes.filter(article__published_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        quotes = quotes.filter(article__published_at__lt=_day_start(filters.date_to + timedelta(days=1)))
    if filters.publisher:
        quotes = quotes.filter(article__publisher=filters.publisher)
    if filters.import_batch:
        quotes = quotes.filter(article__import_batch_id=filters.import_batch)
    if filters.speaker:
        quotes = quotes.filter(Q(speaker__name__iexact=filters.speaker) | Q(speaker_text__iexact=filters.speaker))
    if filters.article:
        quotes = quotes.filter(article_id=filters.article)
    return quotes.select_related("article", "speaker", "outlet", "reviewed_by").order_by("article_id", "start", "id")


def _iso(moment) -> str:
    return moment.astimezone(timezone.UTC).isoformat().replace("+00:00", "Z") if moment else ""


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def export_record(quote: Quote) -> dict:
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
    return dict(zip(COLUMNS, values))


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


def _rows(quotes: Iterable[Quote]) -> Iterable[Quote]:
    return quotes.iterator(chunk_size=CHUNK_SIZE) if isinstance(quotes, QuerySet) else quotes


def csv_lines(quotes: Iterable[Quote], *, bom: bool = False) -> Iterator[str]:
    """RFC 4180 lines (CRLF), formula cells neutralised; with bom, a UTF-8 byte-order mark for Excel."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield ("\ufeff" if bom else "") + writer.writerow(COLUMNS)
    for quote in _rows(quotes):
        yield writer.writerow([neutralise(v) for v in export_record(quote).values()])


def jsonl_lines(quotes: Iterable[Quote]) -> Iterator[str]:
    """One JSON object per line, typed values (offsets as numbers), nothing neutralised: pipelines read it."""
    for quote in _rows(quotes):
        yield json.dumps(export_record(quote), ensure_ascii=False) + "\n"


def export_start(*, user, filters: ExportFilters, format: str, bom: bool = False) -> tuple[ExportLog, Iterator[str]]:
    """Log an export and return the lines to stream. The count is taken when the export starts."""
    quotes = quotes_for_export(filters)
    log = ExportLog.objects.create(user=user, format=format, filters=filters.as_json(), row_count=quotes.count())
    lines = csv_lines(quotes, bom=bom) if format == ExportLog.Format.CSV else jsonl_lines(quotes)
    return log, lines
