"""Bringing articles in: validation, normalisation, duplicate detection."""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from attribution.models import Article, ImportBatch

from .errors import IngestError
from .extract import TASK_CHUNK, article_extract, extraction_queue
from .readers import read_records


class DuplicateArticle(IngestError):
    def __init__(self, message: str, *, existing: Article):
        super().__init__(message)
        self.existing = existing


@dataclass
class ImportReport:
    batch: ImportBatch
    created: list[Article] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.created) + len(self.duplicates) + len(self.errors)


def normalise_body(body: str) -> str:
    """Newlines to \\n and NFC, so the same article pasted from two places gets the same offsets and hash."""
    return unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n")).strip()


def content_hash(body: str) -> str:
    """Hash of the text with whitespace folded: reflowed copies of one article are duplicates."""
    folded = re.sub(r"\s+", " ", body).strip().lower()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def parse_published_at(value) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip()
        try:
            moment = parse_datetime(text)
            if moment is None:
                day = parse_date(text)
                moment = datetime.combine(day, time.min) if day else None
        except ValueError:
            moment = None
        if moment is None:
            raise IngestError(f"published_at: {text!r} is not an ISO 8601 date or date-time.", field="published_at")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.UTC)
    return moment


def _validate(title: str, body: str, url: str) -> None:
    if not body:
        raise IngestError("body: the article text is empty.", field="body")
    size = len(body.encode("utf-8"))
    if size > settings.ARTICLE_MAX_BYTES:
        raise IngestError(
            f"body: the article is {size:,} bytes; the limit is {settings.ARTICLE_MAX_BYTES:,}.", field="body"
        )
    if not title:
        raise IngestError("title: the article has no title.", field="title")
    if len(title) > Article._meta.get_field("title").max_length:
        raise IngestError("title: longer than 500 characters.", field="title")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise IngestError(f"url: {url!r} is not an http(s) URL.", field="url") from None


def article_create(
    *,
    title: str,
    body: str,
    url: str = "",
    publisher: str = "",
    published_at=None,
    imported_by=None,
    import_batch: ImportBatch | None = None,
    extract: bool = True,
) -> Article:
    """Store one article (and, by default, extract its quotes) or raise IngestError having written nothing."""
    title = " ".join((title or "").split())
    body = normalise_body(body or "")
    url = (url or "").strip()
    _validate(title, body, url)
    published = parse_published_at(published_at)
    digest = content_hash(body)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is None and url:
        existing = Article.objects.filter(url=url).first()
    if existing is not None:
        raise DuplicateArticle(f"duplicate of article {existing.pk} ({existing.title!r}).", existing=existing)
    with transaction.atomic():
        article = Article.objects.create(
            title=title,
            body=body,
            url=url,
            publisher=(publisher or "").strip(),
            published_at=published,
            content_hash=digest,
            imported_by=imported_by,
            import_batch=import_batch,
        )
        if extract:
            article_extract(article=article)
    return article


def _record_fields(record: dict) -> dict:
    body = record.get("text", record.get("body"))
    fields = {
        "title": record.get("title"),
        "body": body,
        "url": record.get("url") or "",
        "publisher": record.get("publisher") or "",
        "published_at": record.get("published_at"),
    }
    for name in ("title", "body", "url", "publisher"):
        if fields[name] is not None and not isinstance(fields[name], str):
            raise IngestError(f"{name}: must be a string.", field=name)
    return fields


def import_path(
    path: Path,
    *,
    imported_by=None,
    extract: bool = True,
    publisher: str = "",
    background: bool = False,
) -> ImportReport:
    """Import an article file (see readers.py for the formats) as one ImportBatch; each article commits or
    fails on its own, and the batch records the outcome of every row. publisher fills rows that name none.
    With background, quotes are extracted by the task workers, in chunks queued as the articles commit."""
    items = read_records(path)  # raises at once for a file type it cannot read
    report = ImportReport(batch=ImportBatch.objects.create(source_name=path.name, created_by=imported_by))
    failures = []
    queued: list[int] = []
    for where, record in items:
        try:
            if isinstance(record, IngestError):
                raise record
            fields = _record_fields(record)
            fields["publisher"] = fields["publisher"] or publisher
            inline = extract and not background
            article = article_create(**fields, imported_by=imported_by, import_batch=report.batch, extract=inline)
        except DuplicateArticle as exc:
            report.duplicates.append(f"{where}: {exc.message}")
        except IngestError as exc:
            report.errors.append(f"{where}: {exc.message}")
            failures.append({"where": where, "message": exc.message})
        else:
            report.created.append(article)
            if extract and background:
                queued.append(article.pk)
            if len(queued) == TASK_CHUNK:
                extraction_queue(queued)  # queued as the rows commit, so workers start while the file is read
                queued.clear()
    extraction_queue(queued)
    ImportBatch.objects.filter(pk=report.batch.pk).update(
        rows=report.rows,
        created_count=len(report.created),
        duplicate_count=len(report.duplicates),
        failed_count=len(report.errors),
        errors=failures,
    )
    report.batch.refresh_from_db()
    return report
