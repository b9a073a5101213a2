import io

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django_tasks_db.models import DBTaskResult

from attribution.extraction import ENGINE_VERSION
from attribution.models import Article, ImportBatch, Quote
from attribution.services import extract as extract_service
from attribution.services.extract import article_extract, reextract_articles, reextract_run, reextract_start
from attribution.services.review import Correction, quote_confirm, quote_edit
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


def test_reextraction_refreshes_untouched_quotes_adds_new_ones_and_never_changes_reviewed_ones():
    batch = ImportBatch.objects.create(source_name="feed.jsonl")
    article = ArticleFactory.create(import_batch=batch)
    first, second = article_extract(article=article)
    reviewed = quote_edit(
        quote=first,
        user=editor(),
        expected_version=first.version,
        correction=Correction(speaker="H. Price", role="engineer", outlet="", kind=first.kind, new_speaker=True),
    )
    before = Quote.objects.filter(pk=reviewed.pk).values().get()
    # As an older engine left them: the untouched quote with other values, one span it no longer finds, and one
    # quote it would find missing.
    old = {"speaker_text": "Old guess", "extracted_speaker": "Old guess", "engine_version": ""}
    Quote.objects.filter(pk=second.pk).update(**old)
    stale = QuoteFactory.create(article=article, start=0, end=9, text=article.body[0:9], extracted_speaker="Nobody")
    run = reextract_start(batch=batch)
    assert (run.articles, run.refreshed, run.added, run.removed, run.failed) == (1, 1, 0, 1, 0)
    assert run.finished_at is not None
    assert run.engine_version == ENGINE_VERSION
    assert Quote.objects.filter(pk=reviewed.pk).values().get() == before  # never touched
    refreshed = Quote.objects.get(pk=second.pk)  # the same row, with the engine's values now, and what the
    # editor's correction taught: the engine's "Hannah Price" is the registry's H. Price
    assert (refreshed.speaker_text, refreshed.engine_version, refreshed.learned) == (
        "H. Price",
        ENGINE_VERSION,
        ["speaker"],
    )
    assert not Quote.objects.filter(pk=stale.pk).exists()
    Quote.objects.filter(pk=second.pk).delete()
    again = reextract_start(batch=batch)
    assert (again.refreshed, again.added, again.removed) == (0, 1, 0)  # found anew; the reviewed one kept
    assert article.quotes.count() == 2


def test_reextraction_in_the_background_and_from_the_command():
    article = ArticleFactory.create()
    article_extract(article=article)
    run = reextract_start(background=True)
    assert run.finished_at is None
    (task,) = DBTaskResult.objects.filter(task_path=reextract_articles.module_path)
    assert task.args_kwargs["args"] == [run.pk]
    assert reextract_run(run_id=run.pk).refreshed == 2
    out = io.StringIO()
    call_command("reextract", stdout=out)
    assert "1 articles, 2 quotes refreshed, 0 added, 0 no longer found, 0 articles failed" in out.getvalue()
    with pytest.raises(CommandError, match="No import batch 999999"):
        call_command("reextract", "--batch", "999999")
