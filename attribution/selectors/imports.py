"""Reads of import batches: their progress, the rows they skipped, the articles that failed."""

from collections.abc import Iterator
from typing import TypedDict

from django.db.models import Count, Q, QuerySet

from attribution.models import Article, ImportBatch, SkippedRow

# The batch page lists this many bad rows, and as many duplicates; the errors CSV has every bad row.
ROWS_SHOWN = 200


class BatchProgress(TypedDict):
    total: int
    done: int
    failed: int
    finished: int
    pending: int
    live: bool  # the page keeps polling while rows are being stored or quotes extracted


def batch_progress(batch: ImportBatch) -> BatchProgress:
    counts = batch.articles.aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(extraction_status=Article.ExtractionStatus.DONE)),
        failed=Count("id", filter=Q(extraction_status=Article.ExtractionStatus.FAILED)),
    )
    finished = counts["done"] + counts["failed"]
    pending = counts["total"] - finished
    return {
        "total": counts["total"],
        "done": counts["done"],
        "failed": counts["failed"],
        "finished": finished,
        "pending": pending,
        "live": batch.in_progress or (batch.extract and pending > 0),
    }


def batches() -> QuerySet[ImportBatch]:
    return ImportBatch.objects.select_related("created_by")


def skipped_rows_shown(batch: ImportBatch, kind: SkippedRow.Kind) -> QuerySet[SkippedRow]:
    """The first ROWS_SHOWN rows of batch skipped for this reason, each with the article it duplicates."""
    return batch.skipped_rows.filter(kind=kind).select_related("duplicate_of")[:ROWS_SHOWN]


def cleaned_pages(batch: ImportBatch) -> QuerySet[Article]:
    """The batch's articles from which reading their web page dropped something (Article.dropped), in file
    order."""
    return batch.articles.exclude(dropped=[]).only("pk", "title", "dropped").order_by("pk")


def batch_skipped_rows(batch: ImportBatch) -> Iterator[SkippedRow]:
    """Every row the batch skipped, in file order, streamed."""
    return batch.skipped_rows.order_by("position").iterator()


def batch_errors(batch: ImportBatch) -> Iterator[tuple[str, str]]:
    """(where, message) for every bad row of the batch, then for every article whose extraction failed."""
    for row in batch.skipped_rows.filter(kind=SkippedRow.Kind.ERROR).iterator():
        yield row.where, row.message
    failed = batch.articles.filter(extraction_status=Article.ExtractionStatus.FAILED).only("title", "extraction_error")
    for article in failed.iterator():
        yield f"extraction of {article.title!r}", article.extraction_error
