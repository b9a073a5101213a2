"""Exports: every one logged (who, when, which filters, how many rows) as it starts."""

from collections.abc import Iterator

from django.contrib.auth.models import User

from attribution.models import ExportLog
from attribution.selectors.export import ExportFilters, csv_lines, jsonl_lines, quotes_for_export


def export_start(
    *, user: User | None, filters: ExportFilters, format: str, bom: bool = False
) -> tuple[ExportLog, Iterator[str]]:
    """Log an export and return the lines to stream. The count is taken when the export starts."""
    quotes = quotes_for_export(filters)
    log = ExportLog.objects.create(user=user, format=format, filters=filters.as_json(), row_count=quotes.count())
    lines = csv_lines(quotes, bom=bom) if format == ExportLog.Format.CSV else jsonl_lines(quotes)
    return log, lines
