import json
import zipfile
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from attribution.models import Article, ImportBatch, Quote
from attribution.services import readers
from attribution.services.errors import IngestError
from attribution.services.imports import import_path
from attribution.services.ingest import DuplicateArticle, article_create
from attribution.services.readers import FileRows
from tests.factories import ARTICLE_BODY

pytestmark = pytest.mark.django_db


def skipped(batch, kind="error") -> list[str]:
    return [str(row) for row in batch.skipped_rows.filter(kind=kind)]


def created(batch) -> list[Article]:
    return list(batch.articles.order_by("id"))


def test_create_stores_article_and_extracts_its_quotes():
    article = article_create(
        title="Bridge closed",
        body=ARTICLE_BODY,
        url="https://example.org/a",
        publisher="Gazette",
        published_at="2026-01-05",
    )
    assert article.published_at == datetime(2026, 1, 5, tzinfo=UTC)
    speakers = list(article.quotes.values_list("speaker_text", flat=True))
    assert speakers == ["Hannah Price", "Hannah Price"]
    assert all(q.status == Quote.Status.PENDING for q in article.quotes.all())


def test_newlines_are_normalised_before_offsets_are_taken():
    article = article_create(title="T", body=ARTICLE_BODY.replace("\n", "\r\n"))
    for quote in article.quotes.all():
        assert article.body[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"body": "  "}, "body"),
        ({"body": "x" * 1_000_001}, "body"),
        ({"published_at": "next Tuesday"}, "published_at"),
        ({"url": "ftp://example.org/x"}, "url"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(fields, field):
    values = {"title": "T", "body": ARTICLE_BODY} | fields
    with pytest.raises(IngestError) as caught:
        article_create(**values)
    assert caught.value.field == field
    assert field in caught.value.message
    assert not Article.objects.exists()


def test_duplicates_by_reflowed_text_and_by_url_are_refused():
    first = article_create(title="T", body=ARTICLE_BODY, url="https://example.org/a", extract=False)
    with pytest.raises(DuplicateArticle) as by_text:
        article_create(title="Other", body=ARTICLE_BODY.replace("\n\n", "\n\n\n  "), extract=False)
    with pytest.raises(DuplicateArticle) as by_url:
        article_create(title="Other", body="Different text.", url="https://example.org/a", extract=False)
    assert by_text.value.existing == first == by_url.value.existing
    assert Article.objects.count() == 1


def test_jsonl_import_reports_each_bad_line_and_keeps_the_good(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"title": "One", "text": ARTICLE_BODY, "publisher": "Gazette"}),
        "{not json",
        json.dumps({"title": "Two", "body": ""}),
        json.dumps({"title": "Three", "text": "Another story.", "published_at": "31/02/2026"}),
        json.dumps({"title": "One again", "text": ARTICLE_BODY}),
        json.dumps(["a list"]),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"title": "bad bytes \xff"}\n')
    batch = import_path(path, extract=False)
    assert [a.title for a in created(batch)] == ["One"]
    (duplicate,) = batch.skipped_rows.filter(kind="duplicate")
    assert duplicate.where == "batch.jsonl line 5"
    assert duplicate.duplicate_of == batch.articles.get()
    errors = skipped(batch)
    assert [e.split(":", 1)[0] for e in errors] == [
        "batch.jsonl line 2",
        "batch.jsonl line 3",
        "batch.jsonl line 4",
        "batch.jsonl line 6",
        "batch.jsonl line 7",
    ]
    assert "published_at" in errors[2]
    assert "UTF-8" in errors[4]
    assert Article.objects.count() == 1
    assert (
        batch.source_name,
        batch.state,
        batch.rows,
        batch.created_count,
        batch.duplicate_count,
        batch.failed_count,
    ) == ("batch.jsonl", "stored", 7, 1, 1, 5)


def test_txt_import_takes_the_first_line_as_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Bridge closed\n\n" + ARTICLE_BODY, encoding="utf-8-sig")
    (article,) = created(import_path(path, extract=False))
    assert article.title == "Bridge closed"
    assert article.body.startswith("Officials confirmed")


def test_latin1_text_is_detected(tmp_path, shared_dir):
    # The one Latin-1 original in the BBC corpus (decoded in the JSONL), written back as Latin-1.
    record = next(
        json.loads(line)
        for line in (shared_dir / "corpus" / "bbc.jsonl").open(encoding="utf-8")
        if json.loads(line)["doc"] == "sport/199.txt"
    )
    path = tmp_path / "199.txt"
    path.write_bytes(record["text"].encode("latin-1"))
    (article,) = created(import_path(path, extract=False))
    assert article.title == record["text"].splitlines()[0]
    assert any(ord(ch) > 127 for ch in article.body)
    assert article.body in record["text"].replace("\r\n", "\n")


def test_csv_with_header_bom_quoted_newlines_and_bad_rows(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(
        "\ufefftitle,text,url,publisher,published_at,external_id\n"
        f'"Bridge closed","{ARTICLE_BODY.replace(chr(34), chr(34) * 2)}",https://example.org/b,,2026-01-05,A1\n'
        '"No text","",,,,A2\n'
        '"Bad date","Some story text.",,,"yesterday",A3\n',
        encoding="utf-8",
    )
    batch = import_path(path, extract=False, publisher="Wire")
    (article,) = created(batch)
    assert (article.title, article.publisher, article.url, article.external_id) == (
        "Bridge closed",
        "Wire",
        "https://example.org/b",
        "A1",
    )
    assert article.body == ARTICLE_BODY
    assert [e.split(":")[0] for e in skipped(batch)] == ["feed.csv line 7", "feed.csv line 8"]


def test_csv_without_the_needed_columns_is_refused(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("headline,content\nA,B\n", encoding="utf-8")
    batch = import_path(path, extract=False)
    assert created(batch) == []
    assert "title column" in skipped(batch)[0]


HTML = """<html><head><title>Dam repairs begin</title></head><body><nav>Home | News | Sport</nav>
<article><h1>Dam repairs begin</h1><p>Work started on Monday at the old reservoir on the edge of town.</p>
<p>"We found a leak in the north wall, and it is bigger than we thought," said inspector Maya Roth.</p></article>
<footer>Copyright 2026 Valley News</footer></body></html>"""


def test_html_is_reduced_to_its_text_with_paragraphs(tmp_path):
    path = tmp_path / "dam.html"
    path.write_text(HTML, encoding="cp1252")
    (article,) = created(import_path(path))
    assert article.title == "Dam repairs begin"
    assert article.body.startswith("Work started on Monday")
    assert '\n\n"We found a leak' in article.body
    assert "Home | News" not in article.body
    assert "Copyright" not in article.body
    assert article.quotes.get().speaker_text == "Maya Roth"


def test_zip_with_nested_folder_and_a_non_text_file(tmp_path):
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("stories/2026/bridge.txt", "Bridge closed\n\n" + ARTICLE_BODY)
        archive.writestr("stories/dam.html", HTML)
        archive.writestr("stories/photo.jpg", b"\xff\xd8\xff")
        archive.writestr("stories/", b"")
    rows = FileRows(path)
    fractions = [rows.fraction_read for _ in rows]
    assert fractions == sorted(fractions)
    assert fractions[0] > 0
    assert fractions[-1] <= 1
    batch = import_path(path, extract=False)
    assert sorted(a.title for a in created(batch)) == ["Bridge closed", "Dam repairs begin"]
    assert skipped(batch) == ["batch.zip: stories/photo.jpg: not a .txt or .html article; skipped."]


def test_unsupported_file_type_is_refused_before_anything_is_written(tmp_path):
    path = tmp_path / "story.docx"
    path.write_bytes(b"PK")
    with pytest.raises(IngestError, match="unsupported"):
        import_path(path)
    assert not ImportBatch.objects.exists()


def test_csv_that_changes_encoding_midway_loses_no_row(tmp_path):
    path = tmp_path / "mixed.csv"
    head = "title,text\n" + "".join(f"Story {n},Plain words number {n} {'x' * 900}\n" for n in range(1200))
    path.write_bytes(head.encode() + "Caf\u00e9 opens,Latin-1 text\n".encode("latin-1"))
    batch = import_path(path, extract=False)
    assert batch.created_count == 1201
    assert skipped(batch) == []
    assert created(batch)[-1].title == "Caf\u00e9 opens"


def test_every_kind_of_bad_row_is_reported_with_its_reason_and_the_good_rows_import(tmp_path, settings, monkeypatch):
    settings.ARTICLE_MAX_BYTES = 2_000
    rows = [
        {"title": "Good", "text": ARTICLE_BODY},
        {"title": "Huge", "text": "word " * 500},
        {"text": "No title here."},
        {"title": "Bad link", "text": "Some text.", "url": "javascript:alert(1)"},
        {"title": ["not", "a", "string"], "text": "Some text."},
        {"title": "Bad id", "text": "Other text.", "external_id": {"nested": True}},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows))
    batch = import_path(path, extract=False)
    assert [a.title for a in created(batch)] == ["Good"]
    reasons = [message.split(": ", 1)[1] for message in skipped(batch)]
    assert [reason.split(":")[0] for reason in reasons] == ["body", "title", "url", "title", "external_id"]
    assert "limit is 2,000" in reasons[0]

    csv_path = tmp_path / "rows.csv"
    csv_path.write_text('title,text\nOne,"Story one."\nTwo,"Story two.",extra cell\n')
    assert skipped(import_path(csv_path, extract=False)) == ["rows.csv line 3: the row has more cells than the header."]

    def broken(data, **options):
        raise ValueError("document is empty")

    monkeypatch.setattr(readers, "html_record", broken)
    html_path = tmp_path / "page.html"
    html_path.write_text("<html></html>")
    assert skipped(import_path(html_path, extract=False)) == ["page.html: unparsable (ValueError: document is empty)."]


def test_nul_characters_are_dropped_from_every_text_field():
    article = article_create(
        title="Bridge\x00 closed",
        body=ARTICLE_BODY.replace("confirmed", "con\x00firmed"),
        publisher="Gaz\x00ette",
        external_id="A\x001",
        extract=False,
    )
    assert (article.title, article.body, article.publisher, article.external_id) == (
        "Bridge closed",
        ARTICLE_BODY,
        "Gazette",
        "A1",
    )


@pytest.mark.parametrize("field", ["title", "body", "url", "publisher", "external_id"])
def test_a_lone_surrogate_is_refused_as_an_invalid_character(field):
    values: dict[str, Any] = {"title": "T", "body": ARTICLE_BODY, "url": "https://example.org/a"}
    values[field] = values.get(field, "x") + "\ud800"
    with pytest.raises(IngestError) as caught:
        article_create(**values, extract=False)
    assert caught.value.field == field
    assert caught.value.message.startswith(f"{field}: invalid character at position ")
    assert caught.value.message.endswith("(a lone surrogate, U+D800).")
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "published_at",
    [
        "9999-12-31T23:00:00-05:00",  # year 10000 in UTC
        "1799-12-31",
        "0202-06-01",
        pytest.param((timezone.now() + timedelta(days=2)).isoformat(), id="two days ahead"),
        pytest.param(datetime(1, 1, 1, tzinfo=UTC), id="year 1"),
    ],
)
def test_implausible_publication_dates_are_refused(published_at):
    with pytest.raises(IngestError) as caught:
        article_create(title="T", body=ARTICLE_BODY, published_at=published_at, extract=False)
    assert caught.value.field == "published_at"
    assert "is not a plausible publication date (it must be from 1800-01-01 to " in caught.value.message
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "published_at", ["1800-01-01", pytest.param((timezone.now() + timedelta(hours=20)).isoformat(), id="tonight")]
)
def test_publication_dates_from_1800_to_a_day_ahead_are_taken(published_at):
    assert article_create(title="T", body=ARTICLE_BODY, published_at=published_at, extract=False).published_at


@pytest.mark.parametrize(
    ("field", "value", "limit"),
    [("publisher", "P" * 201, 200), ("url", "https://example.org/" + "a" * 1990, 2000), ("title", "T" * 501, 500)],
)
def test_values_longer_than_their_column_are_refused_by_name(field, value, limit):
    fields: dict[str, Any] = {"title": "T", "body": ARTICLE_BODY, field: value}
    with pytest.raises(IngestError) as caught:
        article_create(**fields, extract=False)
    assert (caught.value.field, caught.value.message) == (field, f"{field}: longer than {limit} characters.")
