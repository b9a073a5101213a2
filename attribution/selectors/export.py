"""Attributions for export, as database rows and as CSV or JSON Lines lines, streamed row by row from a
server-side cursor."""

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower

from attribution import csv_writer
from attribution.models import Quote, Speaker
from attribution.selectors.articles import published_within

# Each export column as a database expression: rows come out as plain tuples, with no model instances and
# none of the article's body, so a million rows stream in seconds.
_SELECTED = {
    "article_id": F("article_id"),
    "article_title": F("article__title"),
    "article_url": F("article__url"),
    "publisher": F("article__publisher"),
    "published_at": F("article__published_at"),
    "quote_id": F("id"),
    "quote_text": F("text"),
    "kind": F("kind"),
    "start": F("start"),
    "end": F("end"),
    "speaker": Coalesce("speaker__name", "speaker_text"),
    "speaker_kind": Coalesce("speaker__kind", "extracted_speaker_kind"),
    "speaker_role": F("role"),
    "outlet": Coalesce("outlet__name", "outlet_text"),
    "cue": F("cue"),
    "status": F("status"),
    "extracted_speaker": F("extracted_speaker"),
    "extracted_role": F("extracted_role"),
    "extracted_outlet": F("extracted_outlet"),
    "reviewed_by": Coalesce("reviewed_by__username", Value("")),
    "reviewed_at": F("reviewed_at"),
    # The same words in other articles (services/statements.py): added at the end, so earlier columns keep
    # their places. Empty when the quote has no other appearance.
    "statement_id": F("statement_id"),
    "statement_conflict": Coalesce("statement__conflict", Value(False)),
}
# The export columns, in their documented, stable order.
COLUMNS = tuple(_SELECTED)
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

    def as_json(self) -> dict[str, Any]:
        return {
            k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self).items() if v not in (None, "")
        }


def quotes_for_export(filters: ExportFilters) -> QuerySet[Quote]:
    quotes = Quote.objects.all()
    if filters.status == "verified":
        quotes = quotes.filter(status__in=Quote.VERIFIED_STATUSES)
    quotes = quotes.filter(published_within(filters.date_from, filters.date_to, "article__published_at"))
    if filters.publisher:
        quotes = quotes.filter(article__publisher=filters.publisher)
    if filters.import_batch:
        quotes = quotes.filter(article__import_batch_id=filters.import_batch)
    if filters.speaker:
        # By the registry entries of that name, then their ids, and the name as written: each an index of quotes,
        # where an OR over the join to the registry read every quote (341 ms at 1,100,000).
        name = filters.speaker.lower()
        named = Speaker.objects.annotate(lowered=Lower("name")).filter(lowered=name).values_list("pk", flat=True)
        quotes = quotes.annotate(written=Lower("speaker_text")).filter(Q(speaker_id__in=list(named)) | Q(written=name))
    if filters.article:
        quotes = quotes.filter(article_id=filters.article)
    return quotes.order_by("article_id", "start", "id")


def export_rows(quotes: QuerySet[Quote]) -> Iterator[dict[str, Any]]:
    """Each quote as {column: value}, dates as ISO 8601 UTC, from a server-side cursor."""
    annotated = quotes.annotate(**{f"x_{name}": expr for name, expr in _SELECTED.items()})
    rows: QuerySet[Quote, tuple[Any, ...]] = annotated.values_list(*(f"x_{name}" for name in COLUMNS))
    for values in rows.iterator(chunk_size=CHUNK_SIZE):
        record = dict(zip(COLUMNS, values, strict=True))
        record["published_at"] = _iso(record["published_at"])
        record["reviewed_at"] = _iso(record["reviewed_at"])
        record["statement_id"] = record["statement_id"] or ""
        yield record


def _iso(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else ""


def csv_lines(quotes: QuerySet[Quote], *, bom: bool = False) -> Iterator[str]:
    """The export as the app's CSV (attribution/csv_writer.py); with bom, a UTF-8 byte-order mark for Excel."""
    rows = ([_csv_value(value) for value in record.values()] for record in export_rows(quotes))
    return csv_writer.csv_lines(COLUMNS, rows, bom=bom)


def _csv_value(value: object) -> object:
    """true and false as the export documents them (Python writes True and False)."""
    return str(value).lower() if isinstance(value, bool) else value


def jsonl_lines(quotes: QuerySet[Quote]) -> Iterator[str]:
    """One JSON object per line, typed values (offsets as numbers), nothing neutralised: pipelines read it."""
    for record in export_rows(quotes):
        yield json.dumps(record, ensure_ascii=False) + "\n"
