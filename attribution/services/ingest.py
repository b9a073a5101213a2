"""Bringing one article in: validation, normalisation, duplicate detection."""

import hashlib
import unicodedata
from datetime import UTC, datetime, time

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from attribution.models import Article, ImportBatch
from attribution.services.errors import IngestError
from attribution.services.extract import article_extract
from attribution.text import fold_whitespace


class DuplicateArticle(IngestError):
    def __init__(self, message: str, *, existing: Article):
        super().__init__(message)
        self.existing = existing


def normalise_body(body: str) -> str:
    """Newlines to \\n and NFC, so the same article pasted from two places gets the same offsets and hash."""
    return unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n")).strip()


def content_hash(body: str) -> str:
    """Hash of the text with whitespace folded: reflowed copies of one article are duplicates."""
    folded = fold_whitespace(body).lower()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def _moment(text: str) -> datetime | None:
    """An ISO 8601 date-time, or a date as its midnight; None for anything else."""
    try:
        moment = parse_datetime(text)
        day = None if moment else parse_date(text)
    except ValueError:
        return None
    return moment or (datetime.combine(day, time.min) if day else None)


def parse_published_at(value: object) -> datetime | None:
    """A row's publication date as an aware date-time (UTC where it names no zone), None where it is empty."""
    if value in (None, ""):
        return None
    moment = value if isinstance(value, datetime) else _moment(str(value).strip())
    if moment is None:
        raise IngestError(
            f"published_at: {str(value).strip()!r} is not an ISO 8601 date or date-time.", field="published_at"
        )
    return timezone.make_aware(moment, UTC) if timezone.is_naive(moment) else moment


def _too_long(field: str, value: str) -> bool:
    column = Article._meta.get_field(field)
    return isinstance(column, models.CharField) and column.max_length is not None and len(value) > column.max_length


def _validate(title: str, body: str, url: str, external_id: str) -> None:
    if not body:
        raise IngestError("body: the article text is empty.", field="body")
    size = len(body.encode("utf-8"))
    if size > settings.ARTICLE_MAX_BYTES:
        raise IngestError(
            f"body: the article is {size:,} bytes; the limit is {settings.ARTICLE_MAX_BYTES:,}.", field="body"
        )
    if not title:
        raise IngestError("title: the article has no title.", field="title")
    if _too_long("title", title):
        raise IngestError("title: longer than 500 characters.", field="title")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise IngestError(f"url: {url!r} is not an http(s) URL.", field="url") from None
    if _too_long("external_id", external_id):
        raise IngestError("external_id: longer than 200 characters.", field="external_id")


def article_create(
    *,
    title: str,
    body: str,
    url: str = "",
    publisher: str = "",
    published_at: object = None,
    external_id: str = "",
    imported_by: User | None = None,
    import_batch: ImportBatch | None = None,
    extract: bool = True,
) -> Article:
    """Store one article (and, by default, extract its quotes) or raise IngestError having written nothing."""
    title = fold_whitespace(title)
    body = normalise_body(body or "")
    url = (url or "").strip()
    external_id = (external_id or "").strip()
    _validate(title, body, url, external_id)
    published = parse_published_at(published_at)
    digest = content_hash(body)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is None and url:
        existing = Article.objects.filter(url=url).first()
    if existing is not None:
        raise DuplicateArticle(f"duplicate of article {existing.pk} ({existing.title!r}).", existing=existing)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                title=title,
                body=body,
                url=url,
                publisher=(publisher or "").strip(),
                published_at=published,
                external_id=external_id,
                content_hash=digest,
                imported_by=imported_by,
                import_batch=import_batch,
            )
            if extract:
                article_extract(article=article)
    except IntegrityError:
        # Another import stored the same article between the lookup and the insert.
        existing = Article.objects.filter(Q(content_hash=digest) | (Q(url=url) & ~Q(url=""))).first()
        if existing is None:
            raise
        raise DuplicateArticle(f"duplicate of article {existing.pk} ({existing.title!r}).", existing=existing) from None
    return article
