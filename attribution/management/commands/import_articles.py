from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from attribution.models import SkippedRow
from attribution.selectors.imports import batch_skipped_rows
from attribution.services.errors import IngestError
from attribution.services.imports import import_path


class Command(BaseCommand):
    help = (
        "Import articles from JSONL, CSV (header: title, text or body, url, publisher, published_at, external_id), "
        ".txt (first line the title), .html, or a ZIP of .txt and .html files; their quotes are extracted unless "
        "--no-extract."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--no-extract", action="store_true", help="store the articles without extracting")
        parser.add_argument("--publisher", default="", help="publisher for rows that name none")
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue extraction for the task workers (python manage.py worker) instead of extracting now",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        created = duplicates = failed = 0
        for path in options["paths"]:
            if not path.is_file():
                raise CommandError(f"{path}: no such file.")
            try:
                batch = import_path(
                    path,
                    extract=not options["no_extract"],
                    publisher=options["publisher"],
                    background=options["background"],
                )
            except IngestError as exc:
                raise CommandError(exc.message) from None
            for row in batch_skipped_rows(batch):
                if row.kind == SkippedRow.Kind.DUPLICATE:
                    self.stdout.write(f"skipped {row}")
                else:
                    self.stderr.write(f"error {row}")
            created += batch.created_count
            duplicates += batch.duplicate_count
            failed += batch.failed_count
        self.stdout.write(self.style.SUCCESS(f"{created} imported, {duplicates} duplicates skipped, {failed} failed."))
        if failed:
            raise CommandError(f"{failed} article(s) could not be imported; see the errors above.")
