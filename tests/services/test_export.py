import csv
import io
import json
from datetime import UTC, date, datetime

import pytest
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections

from attribution.models import ExportLog, ImportBatch
from attribution.selectors import export as export_selectors
from attribution.selectors.export import COLUMNS, ExportFilters, csv_lines, jsonl_lines, quotes_for_export
from attribution.services.export import export_start
from attribution.services.review import Correction, quote_confirm, quote_edit, quote_reject
from tests.factories import ARTICLE_BODY, ArticleFactory, QuoteFactory, editor

pytestmark = pytest.mark.django_db


def read(lines):
    return list(csv.DictReader(io.StringIO("".join(lines), newline="")))


def confirmed(**article_fields):
    return quote_confirm(
        quote=QuoteFactory.create(article=ArticleFactory.create(**article_fields)), user=editor(), expected_version=1
    )


def ids(filters):
    return [q.pk for q in quotes_for_export(filters)]


def test_only_verified_quotes_by_default_and_all_on_request():
    user = editor()
    kept = quote_confirm(quote=QuoteFactory.create(), user=user, expected_version=1)
    corrected = quote_edit(
        quote=QuoteFactory.create(),
        user=user,
        expected_version=1,
        correction=Correction(speaker="H. Price", role="", outlet="", kind="direct", new_speaker=True, new_outlet=True),
    )
    rejected = quote_reject(quote=QuoteFactory.create(), user=user, expected_version=1)
    pending = QuoteFactory.create()
    assert ids(ExportFilters()) == [kept.pk, corrected.pk]
    assert ids(ExportFilters(status="all")) == [kept.pk, corrected.pk, rejected.pk, pending.pk]


def test_every_filter():
    batch = ImportBatch.objects.create(source_name="feed.jsonl")
    early = confirmed(published_at=datetime(2026, 1, 1, 23, 30, tzinfo=UTC), publisher="Gazette")
    late = confirmed(published_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC), publisher="Courier", import_batch=batch)
    renamed = quote_edit(
        quote=QuoteFactory.create(),
        user=editor(),
        expected_version=1,
        correction=Correction(
            speaker="Omar Said", role="", outlet="", kind="direct", new_speaker=True, new_outlet=True
        ),
    )
    assert ids(ExportFilters(date_from=date(2026, 1, 1), date_to=date(2026, 1, 1))) == [early.pk]
    assert ids(ExportFilters(date_from=date(2026, 2, 1))) == [late.pk]
    assert ids(ExportFilters(publisher="Courier")) == [late.pk]
    assert ids(ExportFilters(import_batch=batch.pk)) == [late.pk]
    assert ids(ExportFilters(speaker="omar said")) == [renamed.pk]  # the registry's name
    written = QuoteFactory.create(speaker_text="Ann Lee")  # pending: no registry entry yet
    assert ids(ExportFilters(status="all", speaker="ANN LEE")) == [written.pk]  # the name as written
    assert ids(ExportFilters(article=early.article_id)) == [early.pk]


def test_header_columns_and_values():
    quote = confirmed(published_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC), url="https://example.org/a")
    (row,) = read(csv_lines(quotes_for_export(ExportFilters())))
    assert tuple(row) == COLUMNS
    assert row["article_url"] == "https://example.org/a"
    assert row["published_at"] == "2026-01-05T09:00:00Z"
    assert row["speaker"] == "Hannah Price"
    assert row["speaker_kind"] == "person"
    assert row["reviewed_by"] == "ed"
    assert row["reviewed_at"].endswith("Z")
    assert (int(row["start"]), int(row["end"])) == (quote.start, quote.end)


def test_commas_quotes_and_newlines_round_trip_through_csv():
    spanning = QuoteFactory.create(end=ARTICLE_BODY.index("on record,") + len("on record,"))
    edited = quote_edit(
        quote=spanning,
        user=editor(),
        expected_version=1,
        correction=Correction(
            speaker='Price, "HP"',
            role='engineer, "acting"',
            outlet="Radio Kent",
            kind="direct",
            new_speaker=True,
            new_outlet=True,
        ),
    )
    (row,) = read(csv_lines(quotes_for_export(ExportFilters())))
    assert row["quote_text"] == edited.text
    assert "\n\n" in edited.text
    assert '"' in edited.text
    assert row["speaker"] == 'Price, "HP"'
    assert row["speaker_role"] == 'engineer, "acting"'


def test_formula_cells_are_neutralised_in_csv_but_not_jsonl():
    quote_edit(
        quote=QuoteFactory.create(),
        user=editor(),
        expected_version=1,
        correction=Correction(
            speaker="=HYPERLINK(1)", role="-1", outlet="@x", kind="direct", new_speaker=True, new_outlet=True
        ),
    )
    (row,) = read(csv_lines(quotes_for_export(ExportFilters())))
    assert (row["speaker"], row["speaker_role"], row["outlet"]) == ("'=HYPERLINK(1)", "'-1", "'@x")
    (record,) = [json.loads(line) for line in jsonl_lines(quotes_for_export(ExportFilters()))]
    assert record["speaker"] == "=HYPERLINK(1)"


def test_bom_only_when_asked():
    confirmed()
    assert "".join(csv_lines(quotes_for_export(ExportFilters()), bom=True)).startswith("\ufeffarticle_id,")
    assert "".join(csv_lines(quotes_for_export(ExportFilters()))).startswith("article_id,")


def test_jsonl_parses_line_by_line_with_typed_values():
    confirmed()
    confirmed()
    lines = list(jsonl_lines(quotes_for_export(ExportFilters())))
    records = [json.loads(line) for line in lines]
    assert len(records) == 2
    assert all(line.endswith("\n") for line in lines)
    assert list(records[0]) == list(COLUMNS)
    assert isinstance(records[0]["start"], int)


def test_every_export_is_logged():
    confirmed(publisher="Gazette")
    user = editor()
    log, lines = export_start(user=user, filters=ExportFilters(publisher="Gazette"), format="jsonl")
    assert len(list(lines)) == 1
    log = ExportLog.objects.get()
    assert (log.user, log.format, log.row_count, log.filters) == (
        user,
        "jsonl",
        1,
        {"status": "verified", "publisher": "Gazette"},
    )


def quotes_of_one_article(count: int) -> None:
    article = ArticleFactory.create(body=" ".join(f"word{n}" for n in range(count)))
    for n in range(count):
        QuoteFactory.create(article=article, status="confirmed", start=n, end=n + 1)


def test_an_export_read_to_the_end_is_logged_complete_with_the_rows_sent():
    quotes_of_one_article(3)
    entry, lines = export_start(user=editor(), filters=ExportFilters(), format="csv")
    assert (entry.outcome, entry.rows_sent) == (ExportLog.Outcome.STREAMING, None)
    assert len(list(lines)) == 4
    entry.refresh_from_db()
    assert (entry.outcome, entry.rows_sent, entry.row_count) == (ExportLog.Outcome.COMPLETE, 3, 3)


@pytest.mark.django_db(transaction=True)
def test_a_stream_whose_database_connection_drops_fails_loudly_and_logs_the_rows_actually_sent(monkeypatch):
    monkeypatch.setattr(export_selectors, "CHUNK_SIZE", 5)  # the server-side cursor fetches 5 rows at a time
    quotes_of_one_article(12)
    entry, lines = export_start(user=editor(), filters=ExportFilters(), format="jsonl")
    sent = [next(lines) for _ in range(3)]
    pid = connection.connection.info.backend_pid
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    other.close()
    with pytest.raises(DatabaseError):  # raised on, so the server aborts the transfer
        sent.extend(lines)
    entry.refresh_from_db()
    assert (entry.outcome, entry.rows_sent, entry.row_count) == (ExportLog.Outcome.FAILED, len(sent), 12)
    assert len(sent) < 12
    assert entry.error


def test_a_client_that_stops_reading_is_logged_failed():
    quotes_of_one_article(3)
    entry, lines = export_start(user=editor(), filters=ExportFilters(), format="csv")
    next(lines), next(lines)
    lines.close()  # what the server does when the client goes away
    entry.refresh_from_db()
    assert (entry.outcome, entry.rows_sent, entry.error) == (
        ExportLog.Outcome.FAILED,
        1,  # the header and one row were handed over
        "The client closed the connection.",
    )
