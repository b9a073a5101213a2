import json
from datetime import UTC, datetime

import pytest

from attribution.models import Article, Quote
from attribution.services.ingest import DuplicateArticle, IngestError, article_create, import_path
from tests.factories import ARTICLE_BODY

pytestmark = pytest.mark.django_db


def test_create_stores_article_and_extracts_its_quotes():
    article = article_create(title="Bridge closed", body=ARTICLE_BODY, url="https://example.org/a",
                             publisher="Gazette", published_at="2026-01-05")
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
    report = import_path(path, extract=False)
    assert [a.title for a in report.created] == ["One"]
    assert len(report.duplicates) == 1 and "line 5" in report.duplicates[0]
    assert [e.split(":", 1)[0] for e in report.errors] == [
        "batch.jsonl line 2", "batch.jsonl line 3", "batch.jsonl line 4", "batch.jsonl line 6", "batch.jsonl line 7",
    ]
    assert "published_at" in report.errors[2] and "UTF-8" in report.errors[4]
    assert Article.objects.count() == 1
    batch = report.batch
    assert (batch.source_name, batch.rows, batch.created_count, batch.duplicate_count, batch.failed_count) == (
        "batch.jsonl", 7, 1, 1, 5)
    assert batch.errors[0]["where"] == "batch.jsonl line 2" and batch.articles.get().title == "One"


def test_txt_import_takes_the_first_line_as_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Bridge closed\n\n" + ARTICLE_BODY, encoding="utf-8-sig")
    report = import_path(path, extract=False)
    article = report.created[0]
    assert article.title == "Bridge closed"
    assert article.body.startswith("Officials confirmed")


def test_undecodable_txt_is_reported(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 title\n\nBody".encode("latin-1"))
    report = import_path(path, extract=False)
    assert report.created == [] and "UTF-8" in report.errors[0]


def test_unsupported_file_type_is_refused(tmp_path):
    path = tmp_path / "story.docx"
    path.write_bytes(b"PK")
    with pytest.raises(IngestError, match="unsupported"):
        import_path(path)
