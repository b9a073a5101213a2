"""Running the extraction engine over stored articles."""

import logging

from django.conf import settings
from django.db import transaction

from attribution.extraction import Attribution, extract
from attribution.models import Article, Outlet, Quote

log = logging.getLogger(__name__)


def _quote_from(article: Article, found: Attribution) -> Quote:
    return Quote(
        article=article,
        start=found.start,
        end=found.end,
        text=found.text,
        kind=found.kind,
        cue=(found.cue or "")[:100],
        confidence=found.confidence,
        extracted_speaker=(found.speaker or "")[:300],
        extracted_speaker_kind=found.speaker_kind if found.speaker else "",
        extracted_role=(found.role or "")[:500],
        extracted_outlet=(found.outlet or "")[:200],
        speaker_text=(found.speaker or "")[:300],
        role=(found.role or "")[:500],
        outlet_text=(found.outlet or "")[:200],
        outlet=Outlet.objects.matching(found.outlet),
    )


@transaction.atomic
def article_extract(*, article: Article) -> list[Quote]:
    """(Re-)extract an article's quotes. Editors' work is kept: only untouched pending quotes are replaced."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    try:
        found = extract(article.body, model=settings.SPACY_MODEL)
    except Exception as exc:  # the engine must never take a batch down with it; the article records why
        log.exception("extraction failed for article %s", article.pk)
        article.extraction_status = Article.ExtractionStatus.FAILED
        article.extraction_error = f"{type(exc).__name__}: {exc}"
        article.save(update_fields=["extraction_status", "extraction_error", "updated_at"])
        return []
    article.quotes.filter(status=Quote.Status.PENDING, events__isnull=True).delete()
    kept = set(article.quotes.values_list("start", "end"))
    quotes = Quote.objects.bulk_create(
        _quote_from(article, f) for f in found if (f.start, f.end) not in kept and f.end <= len(article.body)
    )
    article.extraction_status = Article.ExtractionStatus.DONE
    article.extraction_error = ""
    article.save(update_fields=["extraction_status", "extraction_error", "updated_at"])
    return quotes
