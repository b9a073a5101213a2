import csv
import io
import json

import pytest
from django.urls import reverse

from attribution.models import ExportLog, ImportBatch
from attribution.services.review import quote_confirm
from tests.factories import ArticleFactory, QuoteFactory, UserFactory, editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def verified():
    return [
        quote_confirm(
            quote=QuoteFactory.create(article=ArticleFactory.create(publisher=p)),
            user=editor("rev"),
            expected_version=1,
        )
        for p in ("Gazette", "Courier")
    ]


@pytest.mark.parametrize("name", ["export", "export_download", "export_csv"])
def test_login_required(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_users_without_review_rights_cannot_export(client):
    client.force_login(UserFactory.create(username="visitor"))
    assert client.get(reverse("export_download")).status_code == 403


def test_page_shows_the_row_count_and_htmx_updates_it(client, verified):
    client.force_login(editor())
    assert "<strong>2</strong> rows will be exported" in client.get(reverse("export")).content.decode()
    partial = client.get(reverse("export"), {"publisher": "Courier"}, headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert "<form" not in html
    assert "<strong>1</strong> row will be exported" in html


def test_download_csv_with_filters_is_logged(client, verified):
    client.force_login(editor())
    response = client.get(reverse("export_download"), {"publisher": "Gazette", "format": "csv", "bom": "on"})
    body = b"".join(response.streaming_content).decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"), newline="")))
    assert [int(r["quote_id"]) for r in rows] == [verified[0].pk]
    assert body.startswith("\ufeff")
    log = ExportLog.objects.get()
    assert log.row_count == 1
    assert log.filters["publisher"] == "Gazette"


def test_download_jsonl(client, verified):
    client.force_login(editor())
    response = client.get(reverse("export_download"), {"format": "jsonl"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert [json.loads(line)["quote_id"] for line in lines] == [q.pk for q in verified]


def test_bad_dates_are_refused_clearly(client, verified):
    client.force_login(editor())
    response = client.get(reverse("export_download"), {"date_from": "2026-02-01", "date_to": "2026-01-01"})
    assert response.status_code == 400
    assert "start date is after the end date" in response.content.decode()
    assert not ExportLog.objects.exists()


@pytest.mark.parametrize("name", ["export", "export_download"])
def test_a_date_past_the_calendar_is_a_message_not_a_500(client, verified, name):
    client.force_login(editor())
    response = client.get(reverse(name), {"date_to": "9999-12-31"})
    assert response.status_code in (200, 400)
    assert "Choose a date from 01 January 1800 to 31 December 9998." in response.content.decode()
    assert not ExportLog.objects.exists()


@pytest.mark.django_db
def test_the_export_page_lists_no_articles_batches_or_publishers(client):
    client.force_login(editor())
    articles = ArticleFactory.create_batch(3, publisher="Gazette")
    batches = [ImportBatch.objects.create(source_name=f"feed-{n}.jsonl") for n in range(3)]
    page = client.get(reverse("export")).content.decode()
    assert all(article.title not in page for article in articles)
    assert "feed-" not in page
    assert "Gazette" not in page
    assert page.count("<option") == 2 + len(ExportLog.Format.choices)  # the status and format, nothing else
    named = client.get(reverse("export"), {"import_batch": batches[0].pk}).content.decode()
    assert f'name="import_batch" value="{batches[0].pk}"' in named  # the filter's batch, by its id and name
    assert f"feed-0.jsonl ({batches[0].created_at:%Y-%m-%d %H:%M}) #{batches[0].pk}" in named


@pytest.mark.django_db
def test_one_articles_export_names_the_article_and_counts_only_its_quotes(client):
    client.force_login(editor())
    mine, other = QuoteFactory.create(), QuoteFactory.create()
    detail = client.get(reverse("article_detail", args=[mine.article_id])).content.decode()
    assert f"{reverse('export')}?article={mine.article_id}&amp;status=all" in detail
    page = client.get(reverse("export"), {"article": mine.article_id, "status": "all"}).content.decode()
    assert mine.article.title in page
    assert other.article.title not in page
    assert "<strong>1</strong> row will be exported" in page
    assert f'href="{reverse("export")}?status=all">every article' in page
