from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from attribution.models import ImportBatch
from attribution.services.extract import reextract_start


class Command(BaseCommand):
    help = (
        "Re-extract stored articles with the engine as it now is: quotes nobody has reviewed take its new values, "
        "newly found quotes are added, reviewed quotes never change. Recorded as an extraction run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, help="one import batch's articles (default: every article)")
        parser.add_argument("--background", action="store_true", help="queue it for a task worker and return")

    def handle(self, *args: Any, **options: Any) -> None:
        batch = None
        if options["batch"] is not None:
            batch = ImportBatch.objects.filter(pk=options["batch"]).first()
            if batch is None:
                raise CommandError(f"No import batch {options['batch']}.")
        run = reextract_start(batch=batch, background=options["background"])
        if options["background"]:
            self.stdout.write(f"Queued extraction run {run.pk}: a task worker (manage.py worker) does it.")
            return
        self.stdout.write(
            f"Extraction run {run.pk} with {run.engine_version}: {run.articles} articles, {run.refreshed} quotes "
            f"refreshed, {run.added} added, {run.removed} no longer found, {run.failed} articles failed; "
            "reviewed quotes unchanged."
        )
