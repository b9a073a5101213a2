import pytest
from django.db import IntegrityError

from attribution.models import Article, Quote
from attribution.services import extract as extract_service
from attribution.services.extract import article_extract
from attribution.services.review import quote_confirm
from tests.factories import ArticleFactory, QuoteFactory, editor

pytestmark = pytest.mark.django_db


def test_extraction_is_idempotent_and_keeps_reviewed_quotes():
    article = ArticleFactory.create()
    first = article_extract(article=article)
    assert len(first) == 2
    reviewed = quote_confirm(quote=first[0], user=editor(), expected_version=first[0].version)
    article_extract(article=article)
    assert article.quotes.count() == 2
    assert Quote.objects.get(pk=reviewed.pk).status == Quote.Status.CONFIRMED


def test_engine_failure_marks_the_article_failed(monkeypatch):
    def broken(text, model):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(extract_service, "read", broken)
    article = ArticleFactory.create(extraction_status=Article.ExtractionStatus.PENDING)
    assert article_extract(article=article) == []
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.FAILED
    assert "parser exploded" in article.extraction_error


def test_database_refuses_offsets_outside_the_body():
    article = ArticleFactory.create()
    with pytest.raises(IntegrityError, match="outside article"):
        QuoteFactory.create(article=article, start=0, end=len(article.body) + 1)
