import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from attribution.models import Article, ImportBatch
from tests.factories import ARTICLE_BODY, ArticleFactory, admin_user, editor

pytestmark = pytest.mark.django_db


def jsonl(*titles):
    lines = [json.dumps({"title": t, "text": f"{ARTICLE_BODY}\n\n{t}."}) for t in titles] + ["{broken"]
    return SimpleUploadedFile("feed.jsonl", "\n".join(lines).encode())


@pytest.mark.parametrize("name", ["import_list", "import_new"])
def test_editors_cannot_reach_imports(client, name):
    client.force_login(editor())
    assert client.get(reverse(name)).status_code == 403


def test_upload_stores_articles_queues_extraction_and_shows_the_batch(client, django_capture_on_commit_callbacks):
    client.force_login(admin_user())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("import_new"), {"file": jsonl("One", "Two"), "publisher": "Wire"})
    batch = ImportBatch.objects.get()
    assert response.url == reverse("import_detail", args=[batch.pk])
    assert (batch.source_name, batch.created_count, batch.failed_count) == ("feed.jsonl", 2, 1)
    assert set(Article.objects.values_list("extraction_status", "publisher")) == {("pending", "Wire")}
    assert DBTaskResult.objects.filter(task_path="attribution.tasks.extract_articles").count() == 1
    page = client.get(response.url).content.decode()
    assert "Extracting quotes: 0 of 2 articles" in page and 'hx-trigger="every 1s"' in page and "not valid JSON" in page
    errors = client.get(reverse("import_errors_csv", args=[batch.pk])).content.decode()
    assert errors.startswith("where,message") and "feed.jsonl line 3" in errors


def test_oversize_and_unsupported_uploads_are_refused_clearly(client, settings):
    settings.IMPORT_MAX_BYTES = 10
    client.force_login(admin_user())
    page = client.post(reverse("import_new"), {"file": jsonl("One")}).content.decode()
    assert "the limit is 0 MB" in page or "limit is" in page
    settings.IMPORT_MAX_BYTES = 10_000
    page = client.post(reverse("import_new"), {"file": SimpleUploadedFile("a.docx", b"PK")}).content.decode()
    assert "unsupported file type" in page
    assert not ImportBatch.objects.exists()


def test_retry_failed_requeues(client, django_capture_on_commit_callbacks):
    batch = ImportBatch.objects.create(source_name="feed.jsonl")
    ArticleFactory(import_batch=batch, extraction_status="failed", extraction_error="RuntimeError: boom")
    client.force_login(admin_user())
    page = client.get(reverse("import_detail", args=[batch.pk])).content.decode()
    assert "Retry failed" in page and "1 failed" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("import_retry", args=[batch.pk]))
    assert batch.articles.get().extraction_status == "pending"
    assert DBTaskResult.objects.count() == 1
