"""Exports: every one logged (who, when, which filters, how many rows) as it starts, and how it ended."""

import logging
from collections.abc import Generator, Iterator

from django.contrib.auth.models import User
from django.db import DatabaseError, connection

from attribution.models import ExportLog
from attribution.selectors.export import ExportFilters, csv_lines, jsonl_lines, quotes_for_export

log = logging.getLogger(__name__)


def export_start(
    *, user: User | None, filters: ExportFilters, format: str, bom: bool = False
) -> tuple[ExportLog, Generator[str, None, None]]:
    """Log an export and return the lines to stream. The count is taken when the export starts; the rows
    actually sent, and whether the stream completed, when it ends."""
    quotes = quotes_for_export(filters)
    entry = ExportLog.objects.create(user=user, format=format, filters=filters.as_json(), row_count=quotes.count())
    if format == ExportLog.Format.CSV:
        return entry, _logged(entry, csv_lines(quotes, bom=bom), header_lines=1)
    return entry, _logged(entry, jsonl_lines(quotes), header_lines=0)


def _logged(entry: ExportLog, lines: Iterator[str], *, header_lines: int) -> Generator[str, None, None]:
    """The lines, recording on the log how the stream ended. A failure (the database gone mid-export, the
    client gone) is recorded and raised again, so that the server aborts the transfer: a file cut short must
    look cut short, never like a complete export."""
    sent = 0
    try:
        for line in lines:
            sent += 1  # handed to the server: counted as sent even if the client stops reading at it
            yield line
    except GeneratorExit:  # the client stopped reading
        _export_end(entry, sent - header_lines, ExportLog.Outcome.FAILED, "The client closed the connection.")
        raise
    except Exception as exc:  # deliberately broad: whatever stopped the stream, the log must say so
        _export_end(entry, sent - header_lines, ExportLog.Outcome.FAILED, f"{type(exc).__name__}: {exc}")
        raise
    _export_end(entry, sent - header_lines, ExportLog.Outcome.COMPLETE, "")


def _export_end(entry: ExportLog, rows: int, outcome: str, error: str) -> None:
    # After the database dropped the connection, Django's is unusable: a new one records the end.
    if not connection.is_usable():
        connection.close()
    try:
        ExportLog.objects.filter(pk=entry.pk).update(rows_sent=max(0, rows), outcome=outcome, error=error[:2000])
    except DatabaseError:
        log.exception("export %s ended (%s, %d rows sent) but the log could not record it", entry.pk, outcome, rows)
