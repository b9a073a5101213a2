"""Import batches: a file's rows read as a stream and stored in chunked transactions that resume where a
killed run stopped, in this process (the import command) or by a task worker (uploads)."""

import itertools
import logging
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.db import DataError, IntegrityError, transaction
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.tasks import task
from django.utils import timezone

from attribution.models import Article, ImportBatch, SkippedRow
from attribution.selectors.tasks import queued_arguments
from attribution.services.errors import IngestError
from attribution.services.extract import articles_extract, batch_retry_failed, extraction_queue
from attribution.services.ingest import DuplicateArticle, article_create, content_hash
from attribution.services.readers import FileRows, Record, check_supported
from attribution.webpages.page import Page

log = logging.getLogger(__name__)


EXTERNAL_ID_KEYS = ("external_id", "external id", "externalid")


def _record_fields(record: dict[str, Any], default_publisher: str) -> dict[str, Any]:
    external_id = next((record[key] for key in EXTERNAL_ID_KEYS if record.get(key) not in (None, "")), "")
    fields = {
        "title": record.get("title"),
        "body": record.get("text", record.get("body")),
        "url": record.get("url") or "",
        "publisher": record.get("publisher") or default_publisher,
        "published_at": record.get("published_at"),
        # A JSON feed may give its ids as numbers.
        "external_id": str(external_id) if isinstance(external_id, int) else external_id,
    }
    for name in ("title", "body", "url", "publisher", "external_id"):
        if fields[name] is not None and not isinstance(fields[name], str):
            raise IngestError(f"{name}: must be a string.", field=name)
    if isinstance(page := record.get("page"), Page):
        # The page's own names for its publisher come before the import's, which is for rows that name none.
        fields |= {
            "publisher": "",
            "publisher_names": [*page.metadata.publisher_names, default_publisher],
            "site": page.metadata.host,
            "dropped": page.dropped,
        }
    return fields


# Rows per transaction while storing a file: few enough that a chunk commits in well under a second (workers
# start extracting while the file is read), enough that commits do not dominate.
ROWS_PER_TRANSACTION = 100


class ImportSuperseded(Exception):
    """Another run of the same batch stored this chunk first (a resumed task racing a slow one)."""


def import_upload(*, upload: UploadedFile[bytes], imported_by: User | None, publisher: str = "") -> ImportBatch:
    """Keep an uploaded file and queue a worker to store its rows, so the request returns at once; raises
    IngestError, having kept nothing, for a file type no reader handles."""
    name = Path(upload.name or "").name
    check_supported(name)
    batch = ImportBatch(source_name=name, created_by=imported_by, publisher=publisher.strip())
    batch.upload.save(name, upload, save=False)
    with transaction.atomic():  # the task row commits with the batch's (see extraction_queue)
        batch.save()
        store_import.enqueue(batch.pk)
    return batch


def import_path(
    path: Path, *, imported_by: User | None = None, extract: bool = True, publisher: str = "", background: bool = False
) -> ImportBatch:
    """Import an article file (see readers.py for the formats) as one ImportBatch, storing its rows in this
    process. Quotes are extracted after each chunk of rows commits, or with background by the task workers."""
    check_supported(path.name)
    batch = ImportBatch.objects.create(
        source_name=path.name,
        created_by=imported_by,
        publisher=publisher.strip(),
        extract=extract,
        state=ImportBatch.State.STORING,
    )
    with _stopped_on_failure(batch):
        return batch_store(batch=batch, path=path, background=background)


def already_stored(path: Path) -> bool:
    """Whether every article of the file is stored already, as duplicate detection sees them (by their text):
    importing it again would record a batch of duplicates and nothing else."""
    hashes = {
        content_hash(body)
        for _, record in FileRows(path)
        if isinstance(record, dict) and isinstance(body := _record_fields(record, "")["body"], str)
    }
    return bool(hashes) and Article.objects.filter(content_hash__in=hashes).count() == len(hashes)


def batch_store(*, batch: ImportBatch, path: Path, background: bool = True) -> ImportBatch:
    """Store the rows of batch's file from where an earlier run stopped (batch.rows). Each chunk of rows
    commits together with the batch's counters, so a run killed at any point resumes exactly where it
    stopped: no row is lost or stored twice. Each row commits or fails on its own within its chunk."""
    rows = FileRows(path, name=batch.source_name)
    _set_state(batch, ImportBatch.State.STORING)
    position = batch.rows
    for chunk in itertools.batched(itertools.islice(rows, position, None), ROWS_PER_TRANSACTION):
        try:
            with transaction.atomic():
                created = _store_chunk(batch, chunk, position, rows.fraction_read)
                if batch.extract and background:
                    extraction_queue(created)
        except ImportSuperseded:
            log.warning("import batch %s: another run is storing it; this one stops", batch.pk)
            break
        position += len(chunk)
        if batch.extract and not background:
            articles_extract(article_ids=created)
    else:
        _set_state(batch, ImportBatch.State.STORED, fraction_read=1.0)
    batch.refresh_from_db()
    return batch


def _store_chunk(
    batch: ImportBatch, chunk: Sequence[tuple[str, Record]], position: int, fraction_read: float
) -> list[int]:
    """Store one chunk of rows and advance the batch's counters past it; returns the new articles' ids."""
    if ImportBatch.objects.select_for_update().values_list("rows", flat=True).get(pk=batch.pk) != position:
        raise ImportSuperseded
    created, skipped = [], []
    for number, (where, record) in enumerate(chunk, start=position + 1):
        try:
            created.append(_store_row(batch, record).pk)
        except IngestError as exc:
            duplicate_of = exc.existing if isinstance(exc, DuplicateArticle) else None
            skipped.append(
                SkippedRow(
                    batch=batch,
                    position=number,
                    where=_fitted(where, SkippedRow._meta.get_field("where").max_length),
                    kind=SkippedRow.Kind.DUPLICATE if duplicate_of else SkippedRow.Kind.ERROR,
                    message=_printable(exc.message),
                    duplicate_of=duplicate_of,
                )
            )
    SkippedRow.objects.bulk_create(skipped)
    duplicates = sum(row.kind == SkippedRow.Kind.DUPLICATE for row in skipped)
    ImportBatch.objects.filter(pk=batch.pk).update(
        rows=position + len(chunk),
        created_count=F("created_count") + len(created),
        duplicate_count=F("duplicate_count") + duplicates,
        failed_count=F("failed_count") + len(skipped) - duplicates,
        fraction_read=fraction_read,
        updated_at=timezone.now(),
    )
    return created


def _store_row(batch: ImportBatch, record: Record) -> Article:
    """One row as an article, in a savepoint of its own: whatever the database refuses of it (IngestError says
    why), the rows before and after it in the chunk still store."""
    if isinstance(record, IngestError):
        raise record
    try:
        with transaction.atomic():
            return article_create(
                **_record_fields(record, batch.publisher),
                imported_by=batch.created_by,
                import_batch=batch,
                extract=False,
            )
    except (DataError, IntegrityError) as exc:
        # The service checks everything it knows the database refuses; this is for what it does not know yet.
        reason = str(exc).partition("\n")[0] or type(exc).__name__
        raise IngestError(f"the database refused the row ({_printable(reason)}).") from exc


def _printable(text: str) -> str:
    """text as PostgreSQL can store it: a reason may quote the row's own characters."""
    return text.replace("\x00", "\\x00").encode("utf-8", "backslashreplace").decode("utf-8")


def _fitted(text: str, length: int | None) -> str:
    """text cut to length characters in its middle, keeping both ends: a ZIP member's folders and its name."""
    if length is None or len(text) <= length:
        return text
    keep = (length - 1) // 2
    return f"{text[:keep]}…{text[len(text) - (length - 1 - keep) :]}"


def _set_state(batch: ImportBatch, state: str, message: str = "", **fields: Any) -> None:
    ImportBatch.objects.filter(pk=batch.pk).update(state=state, message=message, updated_at=timezone.now(), **fields)


@task()
def store_import(batch_id: int) -> None:
    """The background task (run by `manage.py worker`) storing an uploaded file: batch_run."""
    batch_run(batch_id=batch_id)


def batch_run(*, batch_id: int) -> None:
    """The storing task's work: store an uploaded file's rows, then delete the file. A batch that cannot go
    on is marked stopped with the reason; its file is kept so a retry resumes it."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if not batch.in_progress:
        return  # a copy of a task that already finished, or a batch stopped until someone retries it
    with _stopped_on_failure(batch), _upload_on_disk(batch.upload) as path:
        batch = batch_store(batch=batch, path=path)
    if batch.state == ImportBatch.State.STORED:
        batch.upload.delete(save=False)
        ImportBatch.objects.filter(pk=batch.pk).update(upload="")


@contextmanager
def _stopped_on_failure(batch: ImportBatch) -> Iterator[None]:
    """A batch whose storing fails is marked stopped with the reason, not left "storing", and the error raised on."""
    try:
        yield
    except Exception as exc:
        _set_state(batch, ImportBatch.State.FAILED, _printable(f"{type(exc).__name__}: {exc}"))
        raise


@contextmanager
def _upload_on_disk(upload: FieldFile) -> Iterator[Path]:
    """The uploaded file as a local path: the file itself when storage is a local directory, else a copy."""
    if isinstance(upload.storage, FileSystemStorage):
        yield Path(upload.path)
        return
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / Path(upload.name or "upload").name
        with upload.open("rb") as source, copy.open("wb") as target:
            shutil.copyfileobj(source, target)
        yield copy


def batch_retry(*, batch: ImportBatch) -> tuple[bool, int]:
    """Resume storing a stopped batch and queue its failed articles for extraction again; returns whether
    storing resumed and how many articles were queued."""
    resumed = batch.state == ImportBatch.State.FAILED and bool(batch.upload)
    with transaction.atomic():
        if resumed:
            _set_state(batch, ImportBatch.State.QUEUED)
            store_import.enqueue(batch.pk)
        return resumed, batch_retry_failed(batch=batch)


def batches_resume(*, stale_after: timedelta) -> int:
    """Queue storing again for uploaded batches left unfinished that no queued task covers and that nothing
    touched for stale_after (a backstop for a task that failed or went missing; tasks of dead workers are
    requeued by attribution.workers), as extraction_resume does for articles. A batch the import command was
    storing when it was killed cannot be resumed from here (the file is the caller's): it is marked stopped, to
    be imported again (the rows already stored are then skipped as duplicates). Returns how many were queued."""
    covered = set(queued_arguments(store_import))
    stranded = ImportBatch.objects.filter(
        state__in=[ImportBatch.State.QUEUED, ImportBatch.State.STORING],
        updated_at__lte=timezone.now() - stale_after,
    ).exclude(pk__in=covered)
    stranded.filter(upload="").update(
        state=ImportBatch.State.FAILED,
        message="The import command stopped before the end; run it again.",
        updated_at=timezone.now(),
    )
    ids = list(stranded.exclude(upload="").values_list("id", flat=True))
    for batch_id in ids:
        store_import.enqueue(batch_id)
    return len(ids)
