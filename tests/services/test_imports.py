"""Storing an import file in chunked transactions: resuming, racing runs, the storing task and its retry."""

import json
import tempfile
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.models import Article, ImportBatch
from attribution.services import imports, ingest
from attribution.services.extract import extract_articles
from attribution.services.imports import (
    already_stored,
    batch_retry,
    batch_run,
    batch_store,
    batches_resume,
    import_path,
    import_upload,
    store_import,
)
from attribution.services.ingest import article_create
from attribution.services.readers import SUPPORTED, FileRows
from tests.factories import admin_user
from tests.strategies import ARTICLE_RECORDS, JSON_RECORDS, csv_bytes, jsonl_bytes
from tests.workers import write_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(imports, "ROWS_PER_TRANSACTION", 3)


def fail_on_title(monkeypatch, title: str):
    """Make storing the row with this title die as a killed process would: with an error no row handler expects."""
    real = article_create  # what imports calls until patched

    def create(**fields):
        if fields["title"] == title:
            raise RuntimeError("worker lost")
        return real(**fields)

    monkeypatch.setattr(imports, "article_create", create)


def upload(path, user=None, publisher=""):
    return import_upload(upload=SimpleUploadedFile(path.name, path.read_bytes()), imported_by=user, publisher=publisher)


def test_a_run_that_dies_mid_chunk_loses_that_chunk_whole_and_resumes_there(tmp_path, small_chunks, monkeypatch):
    path = tmp_path / "feed.jsonl"
    write_feed(path, 8, extra="{broken\n")
    fail_on_title(monkeypatch, "Story 4")  # row 5, in the second chunk (rows 4-6)
    batch = ImportBatch.objects.create(source_name=path.name)
    with pytest.raises(RuntimeError):
        batch_store(batch=batch, path=path)
    batch.refresh_from_db()
    assert (batch.rows, batch.created_count, Article.objects.count()) == (3, 3, 3)
    queued = {pk for task in DBTaskResult.objects.all() for pk in task.args_kwargs["args"][0]}
    assert queued == set(Article.objects.values_list("id", flat=True))  # tasks commit with their chunk
    assert 0.3 < batch.fraction_read < 0.4  # 3 of 8 like-sized lines (and a short broken one)

    monkeypatch.undo()
    batch = batch_store(batch=batch, path=path)
    assert (
        batch.state,
        batch.rows,
        batch.created_count,
        batch.duplicate_count,
        batch.failed_count,
        batch.fraction_read,
    ) == ("stored", 9, 8, 0, 1, 1.0)
    assert sorted(batch.articles.values_list("title", flat=True)) == sorted(f"Story {n}" for n in range(8))


def test_a_second_run_of_a_batch_stops_where_another_has_gone_ahead(tmp_path, small_chunks):
    path = tmp_path / "feed.jsonl"
    write_feed(path, 6)
    batch = ImportBatch.objects.create(source_name=path.name, extract=False)
    stale_copy = ImportBatch.objects.get(pk=batch.pk)  # read before the other run stored anything
    batch_store(batch=batch, path=path)
    batch_store(batch=stale_copy, path=path)
    batch.refresh_from_db()
    assert (batch.rows, batch.created_count, batch.duplicate_count, Article.objects.count()) == (6, 6, 0, 6)


def test_upload_is_kept_until_a_worker_stores_it_then_deleted(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_feed(path, 2)
    batch = upload(path, user=admin_user(), publisher="Wire")
    assert (batch.state, batch.rows) == ("queued", 0)
    assert batch.upload.storage.exists(batch.upload.name)
    (task,) = DBTaskResult.objects.filter(task_path=store_import.module_path)
    assert task.args_kwargs["args"] == [batch.pk]

    batch_run(batch_id=batch.pk)
    stored = ImportBatch.objects.get(pk=batch.pk)
    assert (stored.state, stored.created_count, stored.upload.name) == ("stored", 2, "")
    assert not batch.upload.storage.exists(batch.upload.name)
    assert set(Article.objects.values_list("publisher", "imported_by", "extraction_status")) == {
        ("Wire", batch.created_by_id, "pending")
    }
    assert DBTaskResult.objects.filter(task_path=extract_articles.module_path).count() == 1


def test_uploads_work_from_storage_that_is_not_a_local_folder(tmp_path, settings):
    settings.STORAGES = settings.STORAGES | {"default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    path = tmp_path / "feed.jsonl"
    write_feed(path, 3)
    batch = upload(path)
    batch_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.state, batch.created_count) == ("stored", 3), list(batch.skipped_rows.all())


def test_a_stopped_upload_shows_why_and_a_retry_resumes_it(tmp_path, small_chunks, monkeypatch):
    path = tmp_path / "feed.jsonl"
    write_feed(path, 5)
    batch = upload(path)
    fail_on_title(monkeypatch, "Story 3")
    with pytest.raises(RuntimeError):
        batch_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.state, batch.message, batch.rows) == ("failed", "RuntimeError: worker lost", 3)
    batch_run(batch_id=batch.pk)  # a stray task does not restart a stopped batch on its own
    assert ImportBatch.objects.get(pk=batch.pk).rows == 3

    monkeypatch.undo()
    assert batch_retry(batch=batch) == (True, 0)
    assert ImportBatch.objects.get(pk=batch.pk).state == "queued"
    assert DBTaskResult.objects.filter(task_path=store_import.module_path).count() == 2  # upload, retry
    batch_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.state, batch.message, batch.rows, batch.created_count) == ("stored", "", 5, 5)


def test_resume_queues_stranded_uploads_and_stops_stranded_command_imports(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_feed(path, 1)
    stranded = upload(path)
    DBTaskResult.objects.all().delete()  # its task went missing (pruned by hand, say)
    waiting = upload(path)  # its task is still queued: nothing to do
    command = ImportBatch.objects.create(source_name="cli.jsonl", state="storing")
    ImportBatch.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    assert batches_resume(stale_after=timedelta(minutes=10)) == 1
    args = [t.args_kwargs["args"] for t in DBTaskResult.objects.filter(task_path=store_import.module_path)]
    assert sorted(args) == sorted([[stranded.pk], [waiting.pk]])
    command.refresh_from_db()
    assert command.state == "failed"
    assert "run it again" in command.message


def test_external_ids_are_kept_from_jsonl_numbers_and_checked(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"title": "A", "text": "First story.", "external_id": 1234},
        {"title": "B", "text": "Second story.", "external id": "x" * 201},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows))
    batch = import_path(path, extract=False)
    assert batch.articles.get().external_id == "1234"
    assert "external_id: longer than 200" in batch.skipped_rows.get().message


def test_rows_postgresql_cannot_store_are_row_errors_and_the_rest_of_their_chunk_stores(tmp_path):
    rows = [
        {"title": "First", "text": "Story one."},
        {"title": "Nul\x00 title", "text": "Story\x00 two."},
        {"title": "Half a pair", "text": "Story \ud800 three."},
        {"title": "Year 10000", "text": "Story four.", "published_at": "9999-12-31T23:00:00-05:00"},
        {"title": "Long publisher", "text": "Story five.", "publisher": "P" * 201},
        {"title": "Long link", "text": "Story six.", "url": "https://example.org/" + "a" * 1990},
        {"title": "Last", "text": "Story seven."},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl_bytes(rows))
    batch = import_path(path, extract=False)
    assert (batch.state, batch.rows, batch.created_count, batch.failed_count) == ("stored", 7, 3, 4)
    assert list(batch.articles.order_by("id").values_list("title", "body")) == [
        ("First", "Story one."),
        ("Nul title", "Story two."),
        ("Last", "Story seven."),
    ]
    assert [str(row) for row in batch.skipped_rows.all()] == [
        "feed.jsonl line 3: body: invalid character at position 7 (a lone surrogate, U+D800).",
        (
            "feed.jsonl line 4: published_at: '9999-12-31T23:00:00-05:00' is not a plausible publication date "
            f"(it must be from 1800-01-01 to {timezone.now() + timedelta(days=1):%Y-%m-%d})."
        ),
        "feed.jsonl line 5: publisher: longer than 200 characters.",
        "feed.jsonl line 6: url: longer than 2000 characters.",
    ]


def test_a_row_the_database_refuses_is_a_row_error_in_a_savepoint_of_its_own(tmp_path, monkeypatch):
    # As if the service did not know that PostgreSQL cannot store NUL.
    monkeypatch.setattr(ingest, "storable_text", lambda field, value: value or "")
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl_bytes([{"title": f"Story {n}", "text": f"Text {n}" + "\x00" * (n == 1)} for n in range(3)]))
    batch = import_path(path, extract=False)
    assert (batch.state, batch.created_count, batch.failed_count) == ("stored", 2, 1)
    assert batch.skipped_rows.get().message == (
        "the database refused the row (PostgreSQL text fields cannot contain NUL (0x00) bytes)."
    )


def test_a_zip_member_name_too_long_to_keep_is_shortened_in_its_middle(tmp_path):
    folders = "folder/" * 200
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{folders}story.txt", "Story\nA story in a deep folder.")
        archive.writestr(f"{folders}photo.jpg", b"\xff\xd8\xff")
    batch = import_path(path, extract=False)
    assert batch.articles.get().title == "Story"
    row = batch.skipped_rows.get()
    assert len(row.where) == 1000
    assert row.where.startswith("batch.zip: folder/folder/")
    assert row.where.endswith("/folder/photo.jpg")
    assert "…" in row.where


def test_a_command_import_that_fails_is_marked_stopped_not_left_storing(tmp_path, monkeypatch):
    path = tmp_path / "feed.jsonl"
    write_feed(path, 3)
    fail_on_title(monkeypatch, "Story 1")
    with pytest.raises(RuntimeError):
        import_path(path, extract=False)
    assert ImportBatch.objects.values_list("state", "message").get() == ("failed", "RuntimeError: worker lost")


FILES = st.one_of(
    st.tuples(st.sampled_from(SUPPORTED), st.binary(max_size=2_000)),
    st.tuples(st.just(".jsonl"), st.lists(ARTICLE_RECORDS | JSON_RECORDS, max_size=12).map(jsonl_bytes)),
    st.tuples(st.just(".csv"), st.lists(ARTICLE_RECORDS, max_size=12).map(csv_bytes)),
)


@settings(max_examples=40, deadline=None)
@given(file=FILES)
def test_every_row_read_is_stored_as_an_article_a_duplicate_or_an_error(file):
    suffix, data = file
    with tempfile.TemporaryDirectory() as folder, transaction.atomic():
        path = Path(folder) / f"feed{suffix}"
        path.write_bytes(data)
        read = len(list(FileRows(path)))
        batch = import_path(path, extract=False)
        assert batch.state == "stored"
        assert batch.rows == read == batch.created_count + batch.duplicate_count + batch.failed_count
        assert batch.articles.count() == batch.created_count
        assert batch.skipped_rows.count() == batch.duplicate_count + batch.failed_count
        transaction.set_rollback(True)


def test_a_file_is_already_stored_only_when_every_article_of_it_is(tmp_path):
    rows = [
        {"title": f"Ferry timetable {n}", "text": f"The ferry timetable changes on day {n}.\n\nMore."} for n in (1, 2)
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    assert not already_stored(path)
    article_create(title=rows[0]["title"], body=rows[0]["text"], extract=False)
    assert not already_stored(path)
    import_path(path, extract=False)
    assert already_stored(path)
