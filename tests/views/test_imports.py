import csv
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from attribution.models import Article, ImportBatch
from attribution.services.extract import extract_articles
from attribution.services.imports import batch_run, store_import
from tests.factories import ARTICLE_BODY, ArticleFactory, UserFactory, admin_user, editor

pytestmark = pytest.mark.django_db


def jsonl(*titles):
    lines = [json.dumps({"title": t, "text": f"{ARTICLE_BODY}\n\n{t}."}) for t in titles] + ["{broken"]
    return SimpleUploadedFile("feed.jsonl", "\n".join(lines).encode())


@pytest.mark.parametrize("name", ["import_list", "import_new"])
def test_editors_cannot_reach_imports(client, name):
    client.force_login(editor())
    assert client.get(reverse(name)).status_code == 403


def test_upload_queues_the_file_and_the_batch_page_follows_it(client):
    client.force_login(admin_user())
    response = client.post(reverse("import_new"), {"file": jsonl("One", "Two"), "publisher": "Wire"})
    batch = ImportBatch.objects.get()
    assert response.url == reverse("import_detail", args=[batch.pk])
    assert (batch.source_name, batch.state, batch.publisher) == ("feed.jsonl", "queued", "Wire")
    assert not Article.objects.exists()  # the request only kept the file
    page = client.get(response.url).content.decode()
    assert "Waiting for a worker" in page
    assert 'hx-trigger="every 1s"' in page

    (task,) = DBTaskResult.objects.filter(task_path=store_import.module_path)
    batch_run(batch_id=task.args_kwargs["args"][0])
    assert set(Article.objects.values_list("extraction_status", "publisher")) == {("pending", "Wire")}
    assert DBTaskResult.objects.filter(task_path=extract_articles.module_path).count() == 1
    poll = client.get(response.url, headers={"HX-Request": "true"}).content.decode()
    assert poll.lstrip().startswith('<div id="batch-progress"')
    assert "<html" not in poll
    assert "3 rows read: 2 created" in poll
    assert "Extracting quotes: 0 of 2 articles" in poll
    assert "not valid JSON" in poll
    errors = errors_csv(client, batch)
    assert errors.startswith("where,message")
    assert "feed.jsonl line 3" in errors


def errors_csv(client, batch):
    return b"".join(client.get(reverse("import_errors_csv", args=[batch.pk])).streaming_content).decode()


def test_the_errors_csv_neutralises_formulas_a_file_name_smuggles_in(client):
    client.force_login(admin_user())
    name = "=cmd|' calc'!A0.jsonl"
    batch = ImportBatch.objects.create(source_name=name, state="stored")
    batch.skipped_rows.create(position=1, where=f"{name} line 1", kind="error", message="-not valid JSON")
    ArticleFactory.create(
        import_batch=batch, title="@SUM(A1)", extraction_status="failed", extraction_error="+RuntimeError: boom"
    )
    rows = list(csv.reader(io.StringIO(errors_csv(client, batch), newline="")))
    assert rows == [
        ["where", "message"],
        ["'=cmd|' calc'!A0.jsonl line 1", "'-not valid JSON"],
        ["extraction of '@SUM(A1)'", "'+RuntimeError: boom"],
    ]


def test_a_finished_batch_stops_polling_and_a_stopped_one_offers_to_resume(client):
    client.force_login(admin_user())
    storing = ImportBatch.objects.create(source_name="big.jsonl", state="storing", rows=1200, fraction_read=0.4567)
    page = client.get(reverse("import_detail", args=[storing.pk])).content.decode()
    assert "Storing articles: 1200 rows read (46% of the file)" in page
    assert 'value="0.457"' in page
    assert 'hx-trigger="every 1s"' in page
    done = ImportBatch.objects.create(source_name="done.jsonl", state="stored", duplicate_count=1)
    ArticleFactory.create(import_batch=done, extraction_status="done")
    earlier = ArticleFactory.create(title="Bridge closed")
    done.skipped_rows.create(
        position=2, where="done.jsonl line 2", kind="duplicate", message="duplicate", duplicate_of=earlier
    )
    page = client.get(reverse("import_detail", args=[done.pk])).content.decode()
    assert "Extraction finished: 1 of 1 articles" in page
    assert "hx-trigger" not in page
    assert "1 row skipped as already imported" in page
    assert f'<a href="{reverse("article_detail", args=[earlier.pk])}">Bridge closed</a>' in page
    stopped = ImportBatch.objects.create(
        source_name="big.jsonl",
        state="failed",
        rows=300,
        upload="imports/big.jsonl",
        message="OperationalError: connection lost",
    )
    page = client.get(reverse("import_detail", args=[stopped.pk])).content.decode()
    assert "Storing stopped after 300 rows: OperationalError: connection lost" in page
    assert "Resume storing" in page


def test_the_django_admin_imports_through_the_same_service(client):
    client.force_login(UserFactory.create(username="chief", group="Admins", is_staff=True))
    url = reverse("admin:attribution_importbatch_add")
    assert "Import articles" in client.get(url).content.decode()
    response = client.post(url, {"file": jsonl("One"), "publisher": ""})
    batch = ImportBatch.objects.get()
    assert response.url == reverse("import_detail", args=[batch.pk])
    assert batch.state == "queued"
    assert DBTaskResult.objects.filter(task_path=store_import.module_path).count() == 1
    page = client.post(url, {"file": SimpleUploadedFile("a.docx", b"PK")}).content.decode()
    assert "unsupported file type" in page
    assert ImportBatch.objects.count() == 1
    client.force_login(UserFactory.create(username="desk", group="Editors", is_staff=True))
    assert client.get(url).status_code == 403


def test_oversize_and_unsupported_uploads_are_refused_clearly(client, settings):
    settings.IMPORT_MAX_BYTES = 10
    client.force_login(admin_user())
    page = client.post(reverse("import_new"), {"file": jsonl("One")}).content.decode()
    assert "the limit is 0 MB" in page or "limit is" in page
    settings.IMPORT_MAX_BYTES = 10_000
    page = client.post(reverse("import_new"), {"file": SimpleUploadedFile("a.docx", b"PK")}).content.decode()
    assert "unsupported file type" in page
    assert not ImportBatch.objects.exists()


def test_retry_failed_requeues(client):
    batch = ImportBatch.objects.create(source_name="feed.jsonl", state="stored")
    ArticleFactory.create(import_batch=batch, extraction_status="failed", extraction_error="RuntimeError: boom")
    client.force_login(admin_user())
    page = client.get(reverse("import_detail", args=[batch.pk])).content.decode()
    assert "Retry failed" in page
    assert "1 failed" in page
    client.post(reverse("import_retry", args=[batch.pk]))
    assert batch.articles.get().extraction_status == "pending"
    assert DBTaskResult.objects.count() == 1


PAGE = """<html><head><title>Ferry crews walk out | Courier</title>
<link rel="canonical" href="https://courier.example/news/ferry-{n}"></head><body><article>
<h1>Ferry crews walk out</h1>
<p>Ferry services across Calder Bay were suspended on Friday after crews refused a new rota, story {n}.</p>
<p>"We remain ready to talk at any hour," the operator's spokeswoman said.</p>
<p>Follow the Courier on Twitter</p>
</article></body></html>"""


def test_the_batch_page_shows_what_reading_each_page_dropped(client):
    client.force_login(admin_user())
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as packed:
        for number in range(2):
            packed.writestr(f"ferry-{number}.html", PAGE.format(n=number))
    upload = SimpleUploadedFile("pages.zip", archive.getvalue())
    response = client.post(reverse("import_new"), {"file": upload})
    (task,) = DBTaskResult.objects.filter(task_path=store_import.module_path)
    batch_run(batch_id=task.args_kwargs["args"][0])
    page = " ".join(client.get(response.url).content.decode().split())
    assert "2 pages cleaned of boilerplate" in page
    assert "2 paragraphs</summary>" in page
    assert "promotion:</span> Follow the Courier on Twitter" in page
    assert "headline repeated:</span> Ferry crews walk out" in page
    article = Article.objects.order_by("pk").first()
    assert article is not None
    shown = " ".join(client.get(reverse("article_detail", args=[article.pk])).content.decode().split())
    assert "2 paragraphs of its page left out" in shown
    assert "promotion:</span> Follow the Courier on Twitter" in shown
