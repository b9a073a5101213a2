"""What the database keeps for the models by itself: the review queue's count of pending quotes per article, and
each article's search document."""

import pytest
from django.db.models import Count

from attribution.models import Article, PendingArticle, Quote
from attribution.selectors.articles import ArticleFilters, articles_matching
from attribution.services.extract import article_extract
from attribution.services.review import (
    article_confirm_remaining,
    quote_confirm,
    quote_reject,
    quote_undo,
)
from tests.factories import ArticleFactory, QuoteFactory, editor

pytestmark = pytest.mark.django_db


def pending_rows() -> dict[int, tuple[int, object]]:
    return {row.article_id: (row.pending, row.created_at) for row in PendingArticle.objects.all()}


def counted() -> dict[int, tuple[int, object]]:
    """What the rows must say: every article with pending quotes, how many, and when the article came."""
    pending = Quote.objects.filter(status=Quote.Status.PENDING).values("article_id", "article__created_at")
    return {row["article_id"]: (row["n"], row["article__created_at"]) for row in pending.annotate(n=Count("id"))}


def kept() -> dict[int, tuple[int, object]]:
    """The rows, having checked that they are what the quotes say."""
    rows = pending_rows()
    assert rows == counted()
    return rows


def test_every_change_of_status_moves_the_articles_count():
    user = editor()
    article = ArticleFactory.create()
    first = QuoteFactory.create(article=article)
    second = QuoteFactory.create(article=article, start=0, end=9)
    other = QuoteFactory.create()
    assert kept() == {article.pk: (2, article.created_at), other.article_id: (1, other.article.created_at)}
    confirmed = quote_confirm(quote=first, user=user, expected_version=first.version)
    assert kept()[article.pk][0] == 1
    quote_reject(quote=second, user=user, expected_version=second.version)
    assert article.pk not in kept()
    quote_undo(quote=confirmed, user=user, expected_version=confirmed.version)  # pending again
    assert kept()[article.pk][0] == 1
    article_confirm_remaining(article=article, user=user)
    Quote.objects.filter(pk=other.pk).update(status=Quote.Status.CONFIRMED)  # a bulk update, as the admin makes
    assert kept() == {}
    Quote.objects.filter(pk=other.pk).update(status=Quote.Status.PENDING)
    moved = QuoteFactory.create(article=other.article, start=0, end=8)
    Quote.objects.filter(pk=moved.pk).update(article=article)
    assert kept()[article.pk][0] == 1
    Article.objects.filter(pk=other.article_id).delete()
    Quote.objects.filter(pk=moved.pk).delete()
    assert kept() == {}


def test_re_extraction_replaces_the_count_of_the_quotes_it_replaces():
    article = ArticleFactory.create()
    article_extract(article=article)
    found = article.quotes.count()
    assert found
    assert kept() == {article.pk: (found, article.created_at)}
    article_extract(article=article)  # the untouched quotes deleted and found again
    assert kept() == {article.pk: (found, article.created_at)}


def searchable(words: str) -> list[str]:
    return sorted(articles_matching(ArticleFilters(search=words)).values_list("title", flat=True))


def test_the_search_document_follows_the_title_and_every_change_of_a_quotes_text():
    article = ArticleFactory.create(title="Harbour reopens")
    assert searchable("harbour") == ["Harbour reopens"]
    assert searchable("cracks") == []  # the body alone is not searched
    quote = QuoteFactory.create(article=article)  # "We had no choice but to close the bridge ..."
    assert searchable("choices") == ["Harbour reopens"]  # stemmed
    start = article.body.index('"The cracks') + 1
    Quote.objects.filter(pk=quote.pk).update(start=start, end=start + 10, text=article.body[start : start + 10])
    assert searchable("cracks") == ["Harbour reopens"]
    assert searchable("choice") == []
    quote_confirm(quote=Quote.objects.get(pk=quote.pk), user=editor(), expected_version=1)  # no text changed
    assert searchable("cracks") == ["Harbour reopens"]
    Article.objects.filter(pk=article.pk).update(title="Ferry strike")
    assert searchable("harbour") == []
    assert searchable("ferry cracks") == ["Ferry strike"]  # title and quotes are one document
    Quote.objects.filter(pk=quote.pk).delete()
    assert searchable("cracks") == []
