"""Running the extraction engine over stored articles."""

import itertools
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone

from attribution.extraction import ENGINE_VERSION, Attribution, Entity, ExtractionError, Reading, read, read_many
from attribution.models import Article, ExtractionRun, ImportBatch, Outlet, Quote
from attribution.selectors.tasks import queued_arguments
from attribution.services.calibration import Calibration, calibration_current, pattern
from attribution.services.learning import RegistryKnowledge
from attribution.services.statements import statements_queue
from attribution.text import fold_whitespace

log = logging.getLogger(__name__)


def _quote_from(article: Article, found: Attribution, knowledge: RegistryKnowledge, calibration: Calibration) -> Quote:
    # Names as the registry stores and compares them: "\n\nAnna Kovacs" from the text is "Anna Kovacs".
    settled = knowledge.settle(
        speaker=fold_whitespace(found.speaker)[:300],
        speaker_kind=found.speaker_kind,
        role=fold_whitespace(found.role)[:500],
        outlet=fold_whitespace(found.outlet)[:200],
    )
    speaker, role, outlet = settled.speaker[:300], settled.role[:500], settled.outlet[:200]
    return Quote(
        article=article,
        start=found.start,
        end=found.end,
        text=found.text,
        kind=found.kind,
        cue=(found.cue or "")[:100],
        confidence=calibration.confidence(pattern(found.cue or "", found.kind, speaker), found.confidence),
        extracted_speaker=speaker,
        extracted_speaker_kind=settled.speaker_kind if speaker else "",
        extracted_role=role,
        extracted_outlet=outlet,
        extracted_start=found.start,
        extracted_end=found.end,
        extracted_kind=found.kind,
        engine_version=ENGINE_VERSION,
        learned=list(settled.learned),
        speaker_text=speaker,
        role=role,
        outlet_text=outlet,
        outlet=Outlet.objects.matching(outlet),
    )


def _knowledge(result: Reading) -> RegistryKnowledge:
    return RegistryKnowledge(
        speakers=(found.speaker or "" for found in result.quotes),
        outlets=(found.outlet or "" for found in result.quotes),
        fuller_forms=(entity.name for entity in result.entities),
    )


def _entity_record(entity: Entity) -> dict[str, object]:
    return {"name": entity.name, "kind": entity.kind, "role": entity.role or "", "mentions": entity.mentions}


# What re-extraction refreshes on a quote nobody has touched: everything the engine says about it.
REFRESHED_FIELDS = (
    "text",
    "kind",
    "cue",
    "confidence",
    "extracted_speaker",
    "extracted_speaker_kind",
    "extracted_role",
    "extracted_outlet",
    "extracted_start",
    "extracted_end",
    "extracted_kind",
    "engine_version",
    "learned",
    "speaker_text",
    "role",
    "outlet_text",
    "outlet",
)


@dataclass(frozen=True)
class Stored:
    """One article's extraction as stored: its untouched quotes as they now are, and how they changed."""

    quotes: list[Quote] = field(default_factory=list)
    refreshed: int = 0
    added: int = 0
    removed: int = 0
    failed: bool = False


@transaction.atomic
def _store(article_id: int, result: Reading | ExtractionError, calibration: Calibration) -> Stored:
    """Store a fresh extraction of an article, or record why it failed. Quotes nobody has touched (pending, no
    review event) take the new values in place where the engine finds the same span again (so their ids, and
    any link to them, stay), are removed where it no longer finds them, and new spans are added; a quote an
    editor touched is never changed, nor is a span it holds taken again. Running it twice changes nothing."""
    article = Article.objects.select_for_update().only("id", "body").get(pk=article_id)
    if isinstance(result, ExtractionError):
        log.warning("extraction failed for article %s: %s", article_id, result)
        Article.objects.filter(pk=article_id).update(
            extraction_status=Article.ExtractionStatus.FAILED, extraction_error=str(result)
        )
        return Stored(failed=True)
    untouched = {(q.start, q.end): q for q in article.quotes.filter(status=Quote.Status.PENDING, events__isnull=True)}
    touched = set(article.quotes.exclude(pk__in=[q.pk for q in untouched.values()]).values_list("start", "end"))
    refreshed, added = [], []
    knowledge = _knowledge(result)
    for found in result.quotes:
        if (found.start, found.end) in touched or found.end > len(article.body):
            continue
        fresh = _quote_from(article, found, knowledge, calibration)
        if (current := untouched.pop((found.start, found.end), None)) is None:
            added.append(fresh)
            continue
        for name in REFRESHED_FIELDS:
            setattr(current, name, getattr(fresh, name))
        refreshed.append(current)
    Quote.objects.filter(pk__in=[quote.pk for quote in untouched.values()]).delete()
    Quote.objects.bulk_update(refreshed, REFRESHED_FIELDS)
    added = Quote.objects.bulk_create(added)
    Article.objects.filter(pk=article_id).update(
        extraction_status=Article.ExtractionStatus.DONE,
        extraction_error="",
        entities=[_entity_record(entity) for entity in result.entities],
    )
    quotes = sorted([*refreshed, *added], key=lambda quote: (quote.start, quote.end))
    statements_queue(quote.pk for quote in quotes)
    return Stored(quotes, refreshed=len(refreshed), added=len(added), removed=len(untouched))


def article_extract(*, article: Article) -> list[Quote]:
    """(Re-)extract one article now."""
    result: Reading | ExtractionError
    try:
        result = read(article.body, model=settings.SPACY_MODEL)
    except Exception as exc:  # the engine must never take a caller down with it; the article records why
        result = ExtractionError(f"{type(exc).__name__}: {exc}")
    return _store(article.pk, result, calibration_current()).quotes


def extraction_preview(text: str) -> list[Quote]:
    """The quotes an extraction of text would store now (the registry's knowledge applied), unsaved: what the
    learning benchmark scores without touching stored articles."""
    result = read(text, model=settings.SPACY_MODEL)
    knowledge = _knowledge(result)
    article = Article(body=text)
    calibration = calibration_current()
    return [_quote_from(article, found, knowledge, calibration) for found in result.quotes]


def _extract_many(article_ids: list[int], batch_size: int) -> Iterator[Stored]:
    """Each article extracted through one nlp.pipe pass and stored in its own transaction, so one failure marks
    that article and the rest go on."""
    articles = list(Article.objects.filter(pk__in=article_ids).only("id", "body").order_by("id"))
    results = read_many((a.body for a in articles), model=settings.SPACY_MODEL, batch_size=batch_size)
    calibration = calibration_current()  # once for the chunk: verdicts given meanwhile wait for the next one
    for article, result in zip(articles, results, strict=True):
        yield _store(article.pk, result, calibration)


def articles_extract(*, article_ids: list[int], batch_size: int = 16) -> int:
    """Extract many articles (the background task's work; see _extract_many). Returns how many failed."""
    return sum(stored.failed for stored in _extract_many(article_ids, batch_size))


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


# Articles re-extracted between two saves of a run's counters.
REEXTRACT_CHUNK = 64


def reextract_start(
    *, batch: ImportBatch | None = None, user: User | None = None, background: bool = False
) -> ExtractionRun:
    """Re-extract every article (or an import's) with the engine as it now is: quotes nobody has touched take
    its new values and newly found quotes are added; reviewed quotes never change (see _store). The run is
    recorded (ExtractionRun) with what it changed; with background a task worker does it."""
    with transaction.atomic():  # the task row commits with the run's (see extraction_queue)
        run = ExtractionRun.objects.create(batch=batch, started_by=user, engine_version=ENGINE_VERSION)
        if background:
            reextract_articles.enqueue(run.pk)
    return run if background else reextract_run(run_id=run.pk)


def reextract_run(*, run_id: int) -> ExtractionRun:
    """Do (or resume, from its position) a re-extraction, saving its counters as each chunk is stored."""
    run = ExtractionRun.objects.get(pk=run_id)
    articles = Article.objects.filter(pk__gt=run.position).order_by("pk")
    if run.batch_id is not None:
        articles = articles.filter(import_batch_id=run.batch_id)
    for chunk in itertools.batched(articles.values_list("pk", flat=True).iterator(), REEXTRACT_CHUNK):
        done = list(_extract_many(list(chunk), batch_size=16))
        ExtractionRun.objects.filter(pk=run_id).update(
            position=chunk[-1],
            articles=F("articles") + len(done),
            refreshed=F("refreshed") + sum(stored.refreshed for stored in done),
            added=F("added") + sum(stored.added for stored in done),
            removed=F("removed") + sum(stored.removed for stored in done),
            failed=F("failed") + sum(stored.failed for stored in done),
        )
    ExtractionRun.objects.filter(pk=run_id).update(finished_at=timezone.now())
    return ExtractionRun.objects.get(pk=run_id)


@task()
def reextract_articles(run_id: int) -> int:
    """The background task: reextract_run. Returns how many articles it re-extracted."""
    return reextract_run(run_id=run_id).articles
