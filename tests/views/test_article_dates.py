"""Publication dates: the database holds none that a page could not show, and every page shows the extremes it
holds; the article form refuses an implausible date as the import does, on its field."""

from datetime import UTC, datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from attribution.models import Article
from tests.factories import ARTICLE_BODY, QuoteFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(client):
    client.force_login(UserFactory.create(username="chief", is_staff=True, is_superuser=True))


def test_the_database_refuses_a_date_no_page_could_show():
    article = QuoteFactory.create().article
    refused = pytest.raises(IntegrityError, match="article_published_at_plausible")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE attribution_article SET published_at = '10000-01-01T04:00:00Z' WHERE id = %s", [article.pk]
        )


@pytest.mark.parametrize("published_at", [datetime(1800, 1, 1, tzinfo=UTC), datetime(9998, 12, 31, 23, 59, tzinfo=UTC)])
def test_the_earliest_and_latest_dates_stored_show_on_every_page(client, chief, published_at):
    article = QuoteFactory.create(article__published_at=published_at).article
    day = f"{published_at:%Y-%m-%d}"
    assert day in client.get(reverse("article_list")).content.decode()
    assert client.get(reverse("article_detail", args=[article.pk])).status_code == 200
    assert article.title in client.get(reverse("admin:attribution_article_changelist")).content.decode()
    for filters in ({}, {"date_from": day, "date_to": day}):
        export = client.get(reverse("export_download"), {"status": "all", "format": "csv"} | filters)
        assert article.title in b"".join(export.streaming_content).decode()


def test_the_article_form_refuses_an_implausible_date_on_its_field(client, chief):
    fields = {"title": "Bridge closed", "body": ARTICLE_BODY, "published_at": "9999-12-31T23:00"}
    page = client.post(reverse("article_new"), fields).content.decode()
    assert "is not a plausible publication date (it must be from 1800-01-01 to" in page
    assert (
        "Null characters are not allowed."
        in client.post(
            reverse("article_new"), fields | {"published_at": "", "title": "Bridge\x00 closed"}
        ).content.decode()
    )
    assert not Article.objects.exists()
