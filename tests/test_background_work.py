"""Background work through django.tasks, with real worker processes (`manage.py worker`) against the test database."""

import signal
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from attribution.extraction import ExtractionError, read_many
from attribution.models import Article, ImportBatch, Quote
from attribution.services import extract as extract_service
from attribution.services.extract import articles_extract
from attribution.services.imports import ROWS_PER_TRANSACTION, import_path, import_upload
from tests.factories import ArticleFactory
from tests.workers import running_worker, start_worker, wait_until, write_feed


@pytest.mark.django_db
def test_batch_extraction_marks_a_failing_article_and_goes_on(monkeypatch):
    good, bad = ArticleFactory.create(extraction_status="pending"), ArticleFactory.create(extraction_status="pending")
    real = read_many  # what the service calls until patched

    def one_bad(texts, **kwargs):
        texts = list(texts)
        results = list(real(texts, **kwargs))
        results[1] = ExtractionError("RuntimeError: boom")
        return iter(results)

    monkeypatch.setattr(extract_service, "read_many", one_bad)
    assert articles_extract(article_ids=[good.pk, bad.pk]) == 1
    good.refresh_from_db()
    bad.refresh_from_db()
    assert (good.extraction_status, good.quotes.count()) == ("done", 2)
    assert (bad.extraction_status, bad.extraction_error) == ("failed", "RuntimeError: boom")
    monkeypatch.undo()
    articles_extract(article_ids=[bad.pk, good.pk])  # a retry; running twice gives the same quotes
    assert Quote.objects.filter(article__in=[good, bad]).count() == 4


def running_task_of(worker_id: str) -> bool:
    return DBTaskResult.objects.running().filter(worker_ids__contains=[worker_id]).exists()


def queued_feed(tmp_path, count: int) -> ImportBatch:
    """A stored import of count articles whose extraction waits for a worker."""
    path = tmp_path / "batch.jsonl"
    write_feed(path, count)
    return import_path(path, background=True)


def all_extracted() -> bool:
    return not Article.objects.filter(extraction_status="pending").exists()


def assert_extracted_once(batch, handover: list[str]) -> None:
    """Every article done, its quotes stored once, and the killed worker's task finished by the other."""
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {"done"}
    assert Quote.objects.count() == 2 * batch.created_count
    assert DBTaskResult.objects.filter(worker_ids=handover, status="SUCCESSFUL").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_and_started_again_finishes_it_without_duplicates(tmp_path):
    batch = queued_feed(tmp_path, 40)
    worker = start_worker("first")
    deadline = time.monotonic() + 120
    wait_until(
        lambda: Article.objects.filter(extraction_status="done").exists() and running_task_of("first"),
        deadline,
        pause=0.05,
    )
    worker.send_signal(signal.SIGKILL)  # mid-batch: its running task never finishes
    worker.wait()
    assert running_task_of("first")
    with running_worker("second"):
        wait_until(all_extracted, deadline)
    assert_extracted_once(batch, handover=["first", "second"])


@pytest.mark.django_db(transaction=True)
def test_a_live_worker_takes_over_the_task_of_one_that_dies(tmp_path):
    batch = queued_feed(tmp_path, 80)
    doomed = start_worker("doomed")
    deadline = time.monotonic() + 120
    with running_worker("survivor"):
        wait_until(
            lambda: (
                running_task_of("doomed") and DBTaskResult.objects.filter(worker_ids__contains=["survivor"]).exists()
            ),
            deadline,
            pause=0.05,
        )
        doomed.send_signal(signal.SIGKILL)
        doomed.wait()
        wait_until(all_extracted, deadline)
    assert_extracted_once(batch, handover=["doomed", "survivor"])


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_extracts_a_queued_import(tmp_path):
    batch = queued_feed(tmp_path, 40)
    assert Article.objects.filter(extraction_status="pending").count() == 40

    with running_worker():
        wait_until(all_extracted, time.monotonic() + 120)
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {"done"}
    assert Quote.objects.count() == 2 * batch.created_count


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_storing_an_upload_is_resumed_with_no_row_lost_or_doubled(tmp_path):
    rows = 500
    path = tmp_path / "feed.jsonl"
    write_feed(path, rows, extra="{broken\n")
    batch = import_upload(upload=SimpleUploadedFile(path.name, path.read_bytes()), imported_by=None)
    worker = start_worker()
    deadline = time.monotonic() + 180
    wait_until(lambda: ImportBatch.objects.get(pk=batch.pk).rows >= ROWS_PER_TRANSACTION, deadline, pause=0.05)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    batch.refresh_from_db()
    assert batch.state == "storing"
    assert batch.rows < rows

    with running_worker():  # started again, it finds the task orphaned and resumes the file
        wait_until(lambda: ImportBatch.objects.get(pk=batch.pk).state == "stored" and all_extracted(), deadline)
    batch.refresh_from_db()
    assert (batch.state, batch.rows, batch.created_count, batch.duplicate_count, batch.failed_count) == (
        "stored",
        rows + 1,
        rows,
        0,
        1,
    )
    assert Article.objects.count() == rows
    assert batch.upload.name == ""
    assert Quote.objects.count() == 2 * rows
