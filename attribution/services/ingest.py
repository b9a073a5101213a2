"""Bringing one article in: validation, normalisation, duplicate detection."""

import hashlib
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from attribution.models import PUBLISHED_AT_EARLIEST, Article, ImportBatch
from attribution.services.errors import IngestError
from attribution.services.extract import article_extract
from attribution.services.publishers import publisher_resolve
from attribution.text import fold_whitespace
from attribution.webpages import urls
from attribution.webpages.page import Dropped

# How far ahead of now a publication date may be: time zones east of UTC and a post scheduled for tonight. Later
# dates, like those before PUBLISHED_AT_EARLIEST, are placeholders or typing slips (9999-12-31, 0202 for 2020).
PUBLISHED_AT_AHEAD = timedelta(days=1)


class DuplicateArticle(IngestError):
    def __init__(self, message: str, *, existing: Article):
        super().__init__(message)
        self.existing = existing


def storable_text(field: str, value: str | None) -> str:
    """value without NUL characters, which PostgreSQL cannot store and no article means as text (they come from
    binary junk or a broken export); IngestError for a lone surrogate (half of a UTF-16 pair, from a JSON escape
    such as \\ud800), which has no UTF-8 form at all: guessing the character meant would change the text."""
    value = value or ""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise IngestError(
            f"{field}: invalid character at position {exc.start + 1} "
            f"(a lone surrogate, U+{ord(value[exc.start]):04X}).",
            field=field,
        ) from None
    return value.replace("\x00", "")


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
    """A row's publication date as an aware date-time (UTC where it names no zone), None where it is empty;
    IngestError for one that is not a date or is implausible (see PUBLISHED_AT_AHEAD)."""
    if value in (None, ""):
        return None
    shown = str(value).strip()[:100]
    moment = value if isinstance(value, datetime) else _moment(shown)
    if moment is None:
        raise IngestError(f"published_at: {shown!r} is not an ISO 8601 date or date-time.", field="published_at")
    moment = timezone.make_aware(moment, UTC) if timezone.is_naive(moment) else moment
    latest = timezone.now() + PUBLISHED_AT_AHEAD
    if not PUBLISHED_AT_EARLIEST <= moment <= latest:
        raise IngestError(
            f"published_at: {shown!r} is not a plausible publication date (it must be from "
            f"{PUBLISHED_AT_EARLIEST:%Y-%m-%d} to {latest:%Y-%m-%d}).",
            field="published_at",
        )
    return moment


def _check_length(field: str, value: str) -> None:
    column = Article._meta.get_field(field)
    if isinstance(column, models.CharField) and column.max_length is not None and len(value) > column.max_length:
        raise IngestError(f"{field}: longer than {column.max_length} characters.", field=field)


def _validate(title: str, body: str, url: str, publisher: str, external_id: str) -> None:
    if not body:
        raise IngestError("body: the article text is empty.", field="body")
    size = len(body.encode("utf-8"))
    if size > settings.ARTICLE_MAX_BYTES:
        raise IngestError(
            f"body: the article is {size:,} bytes; the limit is {settings.ARTICLE_MAX_BYTES:,}.", field="body"
        )
    if not title:
        raise IngestError("title: the article has no title.", field="title")
    for field, value in (("title", title), ("url", url), ("publisher", publisher), ("external_id", external_id)):
        _check_length(field, value)
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise IngestError(f"url: {url[:100]!r} is not an http(s) URL.", field="url") from None


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
    publisher_names: Sequence[str] = (),
    site: str = "",
    dropped: Sequence[Dropped] = (),
) -> Article:
    """Store one article (and, by default, extract its quotes) or raise IngestError having written nothing.
    The publisher is the registry's name for publisher, else for publisher_names (other names tried in turn),
    on site (the host of the page it came from; see publisher_resolve). dropped is what reading its page left
    out."""
    title = fold_whitespace(storable_text("title", title))
    body = normalise_body(storable_text("body", body))
    url = urls.normalise(storable_text("url", url))
    publisher = storable_text("publisher", publisher).strip()
    external_id = storable_text("external_id", external_id).strip()
    _validate(title, body, url, publisher, external_id)
    published = parse_published_at(published_at)
    digest = content_hash(body)
    url_key = urls.identity(url)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is None and url_key:
        existing = Article.objects.filter(url_key=url_key).first()
    if existing is not None:
        raise DuplicateArticle(f"duplicate of article {existing.pk} ({existing.title!r}).", existing=existing)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                title=title,
                body=body,
                url=url,
                url_key=url_key,
                publisher=publisher_resolve([publisher, *publisher_names], site),
                dropped=[{"text": part.text, "reason": part.reason} for part in dropped],
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
        existing = Article.objects.filter(Q(content_hash=digest) | (Q(url_key=url_key) & ~Q(url_key=""))).first()
        if existing is None:
            raise
        raise DuplicateArticle(f"duplicate of article {existing.pk} ({existing.title!r}).", existing=existing) from None
    return article
