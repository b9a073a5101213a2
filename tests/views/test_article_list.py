from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from attribution.models import ArticleOpen, ImportBatch
from attribution.selectors import articles
from attribution.selectors.articles import ArticleFilters, articles_matching, next_article_to_review
from attribution.services.review import quote_confirm
from tests.factories import ArticleFactory, QuoteFactory, UserFactory, editor

pytestmark = pytest.mark.django_db


def titles(**filters):
    return sorted(a.title for a in articles_matching(ArticleFilters(**filters)))


def test_filters_and_full_text_search():
    batch = ImportBatch.objects.create(source_name="feed.jsonl")
    bridge = QuoteFactory.create(
        article=ArticleFactory.create(
            title="Bridge closed", publisher="Gazette", published_at=datetime(2026, 1, 2, tzinfo=UTC)
        )
    )
    QuoteFactory.create(
        article=ArticleFactory.create(
            title="Ferry strike", publisher="Courier", import_batch=batch, published_at=datetime(2026, 3, 2, tzinfo=UTC)
        ),
        confidence=0.3,
    )
    quote_confirm(quote=bridge, user=editor(), expected_version=1)
    assert titles(search="ferry") == ["Ferry strike"]  # title
    assert titles(search="surveys") == ["Bridge closed", "Ferry strike"]  # quote text, stemmed
    assert titles(review="pending") == ["Ferry strike"]
    assert titles(review="done") == ["Bridge closed"]
    assert titles(publisher="Gazette") == ["Bridge closed"]
    assert titles(date_from=date(2026, 2, 1)) == ["Ferry strike"]
    assert titles(date_to=date(2026, 2, 1)) == ["Bridge closed"]
    assert titles(import_batch=batch.pk) == ["Ferry strike"]
    assert titles(low_confidence=True) == ["Ferry strike"]


def test_list_page_filters_by_query_string_and_as_htmx_partial(client):
    QuoteFactory.create(article=ArticleFactory.create(title="Ferry strike"))
    QuoteFactory.create(article=ArticleFactory.create(title="Bridge closed"))
    client.force_login(editor())
    page = client.get(reverse("article_list"), {"q": "ferry"}).content.decode()
    assert "Ferry strike" in page
    assert "Bridge closed" not in page
    assert "{#" not in page
    assert "{%" not in page
    partial = client.get(reverse("article_list"), {"q": "bridge"}, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<div id="results">')
    assert "Bridge closed" in partial


def test_queue_skips_articles_another_editor_has_open(client):
    older = QuoteFactory.create(article=ArticleFactory.create(title="Older")).article
    newer = QuoteFactory.create(article=ArticleFactory.create(title="Newer")).article
    someone, me = editor("someone"), editor("me")
    assert next_article_to_review(me) == older
    ArticleOpen.objects.create(article=older, user=someone, opened_at=timezone.now())
    assert next_article_to_review(me) == newer
    ArticleOpen.objects.filter(article=older).update(opened_at=timezone.now() - timedelta(minutes=10))
    assert next_article_to_review(me) == older
    client.force_login(me)
    response = client.get(reverse("next_article"))
    assert response.url == reverse("article_detail", args=[older.pk])
    client.get(response.url)  # opening it claims it for a while
    assert next_article_to_review(someone) == newer


def test_queue_says_when_nothing_is_left(client):
    client.force_login(editor())
    response = client.get(reverse("next_article"), follow=True)
    assert "Nothing is waiting for review." in response.content.decode()


def test_the_queue_keeps_to_an_import_and_skips_the_article_left(client):
    batch = ImportBatch.objects.create(source_name="feed.jsonl")
    outside = QuoteFactory.create().article
    first = QuoteFactory.create(article=ArticleFactory.create(import_batch=batch)).article
    second = QuoteFactory.create(article=ArticleFactory.create(import_batch=batch)).article
    me = editor()
    assert next_article_to_review(me) == outside
    assert next_article_to_review(me, batch=batch.pk) == first
    assert next_article_to_review(me, batch=batch.pk, leaving=first.pk) == second
    client.force_login(me)
    response = client.get(reverse("next_article_after", args=[first.pk]), {"batch": batch.pk})
    assert response.url == reverse("article_detail", args=[second.pk]) + f"?batch={batch.pk}"
    page = client.get(response.url).content.decode()
    # The page's own queue links keep the scope.
    assert reverse("next_article_after", args=[second.pk]) + f"?batch={batch.pk}" in page


def test_a_user_in_no_group_sees_no_titles(client):
    ArticleFactory.create(title="Bridge closed")
    client.force_login(UserFactory.create(username="nobody"))
    response = client.get(reverse("article_list"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Bridge closed" not in page
    assert "ask an Admin to add you" in page


def test_a_date_past_the_calendar_is_a_message_not_a_500(client):
    client.force_login(editor())
    response = client.get(reverse("article_list"), {"date_to": "9999-12-31"})
    assert response.status_code == 200
    assert "Choose a date from 01 January 1800 to 31 December 9998." in response.content.decode()


def test_a_search_lists_only_the_newest_of_very_many_and_says_so(client, monkeypatch):
    monkeypatch.setattr(articles, "SEARCH_CAP", 3)
    made = [ArticleFactory.create(title=f"Ferry strike {n}") for n in range(5)]
    client.force_login(editor())
    page = client.get(reverse("article_list"), {"q": "ferry"}).content.decode()
    assert "More than 3 articles match: these are the newest 3." in page
    assert made[-1].title in page
    assert made[0].title not in page
    exact = client.get(reverse("article_list"), {"q": "ferry strike 4"}).content.decode()
    assert "More than" not in exact
