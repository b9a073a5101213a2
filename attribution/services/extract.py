"""Running the extraction engine over stored articles."""

import itertools
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from attribution.extraction import ENGINE_VERSION, Attribution, Entity, ExtractionError, Reading, read, read_many
from attribution.models import Article, ImportBatch, Outlet, Quote
from attribution.selectors.tasks import queued_arguments
from attribution.text import fold_whitespace

log = logging.getLogger(__name__)


def _quote_from(article: Article, found: Attribution) -> Quote:
    # Names as the registry stores and compares them: "\n\nAnna Kovacs" from the text is "Anna Kovacs".
    speaker, role, outlet = (
        fold_whitespace(found.speaker)[:300],
        fold_whitespace(found.role)[:500],
        fold_whitespace(found.outlet)[:200],
    )
    return Quote(
        article=article,
        start=found.start,
        end=found.end,
        text=found.text,
        kind=found.kind,
        cue=(found.cue or "")[:100],
        confidence=found.confidence,
        extracted_speaker=speaker,
        extracted_speaker_kind=found.speaker_kind if speaker else "",
        extracted_role=role,
        extracted_outlet=outlet,
        extracted_start=found.start,
        extracted_end=found.end,
        extracted_kind=found.kind,
        engine_version=ENGINE_VERSION,
        speaker_text=speaker,
        role=role,
        outlet_text=outlet,
        outlet=Outlet.objects.matching(outlet),
    )


def _entity_record(entity: Entity) -> dict[str, object]:
    return {"name": entity.name, "kind": entity.kind, "role": entity.role or "", "mentions": entity.mentions}


@transaction.atomic
def _store(article_id: int, result: Reading | ExtractionError) -> list[Quote]:
    """Replace an article's untouched pending quotes with a fresh extraction, or record why it failed.
    Editors' work is kept, and running it twice gives the same quotes (safe when a worker dies mid-batch)."""
    article = Article.objects.select_for_update().only("id", "body").get(pk=article_id)
    if isinstance(result, ExtractionError):
        log.warning("extraction failed for article %s: %s", article_id, result)
        Article.objects.filter(pk=article_id).update(
            extraction_status=Article.ExtractionStatus.FAILED, extraction_error=str(result)
        )
        return []
    article.quotes.filter(status=Quote.Status.PENDING, events__isnull=True).delete()
    kept = set(article.quotes.values_list("start", "end"))
    quotes = Quote.objects.bulk_create(
        _quote_from(article, f) for f in result.quotes if (f.start, f.end) not in kept and f.end <= len(article.body)
    )
    Article.objects.filter(pk=article_id).update(
        extraction_status=Article.ExtractionStatus.DONE,
        extraction_error="",
        entities=[_entity_record(entity) for entity in result.entities],
    )
    return quotes


def article_extract(*, article: Article) -> list[Quote]:
    """(Re-)extract one article now."""
    result: Reading | ExtractionError
    try:
        result = read(article.body, model=settings.SPACY_MODEL)
    except Exception as exc:  # the engine must never take a caller down with it; the article records why
        result = ExtractionError(f"{type(exc).__name__}: {exc}")
    return _store(article.pk, result)


def articles_extract(*, article_ids: list[int], batch_size: int = 16) -> int:
    """Extract many articles through one nlp.pipe pass (the background task's work); each article is stored
    in its own transaction, so one failure marks that article and the rest go on. Returns how many failed."""
    articles = list(Article.objects.filter(pk__in=article_ids).only("id", "body").order_by("id"))
    results = read_many((a.body for a in articles), model=settings.SPACY_MODEL, batch_size=batch_size)
    failed = 0
    for article, result in zip(articles, results, strict=True):
        _store(article.pk, result)
        failed += isinstance(result, ExtractionError)
    return failed


@task()
def extract_articles(article_ids: list[int]) -> int:
    """The background task (run by `manage.py worker`): articles_extract over one chunk of articles."""
    return articles_extract(article_ids=article_ids)


# Articles per background extraction task: enough to batch through nlp.pipe, few enough to spread over workers.
TASK_CHUNK = 16


def extraction_queue(article_ids: list[int]) -> None:
    """Queue background extraction of these articles, TASK_CHUNK to a task. The database backend writes the
    tasks in the caller's transaction, so they exist exactly when the articles do: a process killed just after
    a commit cannot leave articles without a task, as an on_commit callback could."""
    with transaction.atomic():
        for chunk in itertools.batched(article_ids, TASK_CHUNK):
            extract_articles.enqueue(list(chunk))


def extraction_resume(*, stale_after: timedelta = timedelta(minutes=10)) -> int:
    """Queue extraction again for articles still pending that no queued task covers and that nothing touched
    for stale_after: a backstop for a task that failed or went missing (tasks of dead workers are requeued by
    attribution.workers). Safe to run any time, since extracting an article twice gives the same quotes.
    Returns how many were queued."""
    covered = {pk for article_ids in queued_arguments(extract_articles) for pk in article_ids}
    cutoff = timezone.now() - stale_after
    stranded = list(
        Article.objects.filter(extraction_status=Article.ExtractionStatus.PENDING, updated_at__lte=cutoff)
        .exclude(pk__in=covered)
        .order_by("id")
        .values_list("id", flat=True)
    )
    extraction_queue(stranded)
    return len(stranded)


@transaction.atomic
def batch_retry_failed(*, batch: ImportBatch) -> int:
    """Queue the batch's failed articles for extraction again."""
    failed = list(batch.articles.filter(extraction_status=Article.ExtractionStatus.FAILED).values_list("id", flat=True))
    Article.objects.filter(pk__in=failed).update(
        extraction_status=Article.ExtractionStatus.PENDING, extraction_error=""
    )
    extraction_queue(failed)
    return len(failed)
