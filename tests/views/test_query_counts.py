"""Pages ask the database a fixed number of questions, however much there is to show: no query per row (N+1).
Each page is measured with a little data, then with more, and must ask no more the second time."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attribution.models import Article, ImportBatch, Quote, Speaker
from attribution.services.review import quote_confirm
from tests.factories import ArticleFactory, QuoteFactory, admin_user

pytestmark = pytest.mark.django_db

# Words of the factories' article body that make distinct spans, so one article can hold many quotes.
SPANS = [(0, 9), (0, 8), (0, 7), (10, 19), (10, 18), (10, 17), (20, 29), (20, 28), (20, 27), (30, 39), (30, 38)]


def grow(batch: ImportBatch, articles: int, quotes_each: int) -> None:
    """More articles of the batch, each with quotes of several speakers, some confirmed (with a reviewer,
    a registry speaker and an event)."""
    user = admin_user()
    for n in range(articles):
        article = ArticleFactory.create(import_batch=batch, publisher=f"Gazette {n}")
        for start, end in SPANS[:quotes_each]:
            quote = QuoteFactory.create(
                article=article, start=start, end=end, speaker_text=f"Speaker {n % 3}", extracted_speaker=""
            )
            if end % 2:
                quote_confirm(quote=quote, user=user, expected_version=quote.version)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


PAGES: dict[str, Callable[[ImportBatch], str]] = {
    "article list": lambda batch: reverse("article_list"),
    "pending articles": lambda batch: reverse("article_list") + "?review=pending",
    "search": lambda batch: reverse("article_list") + "?q=bridge",
    "review page": lambda batch: reverse("article_detail", args=[Article.objects.latest("id").pk]),
    "speaker list": lambda batch: reverse("speaker_list"),
    "speaker page": lambda batch: reverse("speaker_detail", args=[Speaker.objects.earliest("id").pk]),
    "export page": lambda batch: reverse("export"),
    "import list": lambda batch: reverse("import_list"),
    "import page": lambda batch: reverse("import_detail", args=[batch.pk]),
    "list by import batch": lambda batch: reverse("article_list") + f"?import_batch={batch.pk}",
    "list by publisher": lambda batch: reverse("article_list") + "?publisher=Gazette+1",
    "list, low confidence, by date": lambda batch: reverse("article_list") + "?low_confidence=on&date_from=2000-01-01",
    "list, done": lambda batch: reverse("article_list") + "?review=done",
    "export count by speaker": lambda batch: reverse("export") + "?status=all&speaker=Speaker+1",
    "publisher suggestions": lambda batch: reverse("publisher_suggestions") + "?q=gazette",
    "article suggestions": lambda batch: reverse("article_suggestions") + "?q=bridge",
    "import batch suggestions": lambda batch: reverse("import_batch_suggestions") + "?q=feed",
    "speaker suggestions": lambda batch: reverse("speaker_suggestions_keyed") + "?q=speaker",
}


@pytest.mark.parametrize("page", list(PAGES))
def test_a_page_asks_no_more_queries_for_more_rows(client, page):
    client.force_login(admin_user())
    batch = ImportBatch.objects.create(source_name="feed.jsonl")
    grow(batch, articles=2, quotes_each=3)
    few = queries(client, PAGES[page](batch))
    grow(batch, articles=6, quotes_each=len(SPANS))
    assert Quote.objects.count() > 60
    assert queries(client, PAGES[page](batch)) <= few
