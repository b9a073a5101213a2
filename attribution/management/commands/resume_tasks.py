from datetime import timedelta

from django.core.management.base import BaseCommand

from attribution.services.extract import extraction_resume
from attribution.services.imports import batches_resume


class Command(BaseCommand):
    help = (
        "Queue again the background work a worker that died mid-task left unfinished (its task never finishes): "
        "uploads half stored, articles still pending extraction. Safe at any time; make run does it before "
        "starting its worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stale-after", type=float, default=10.0, help="minutes untouched (default 10)")

    def handle(self, *args, **options):
        stale_after = timedelta(minutes=options["stale_after"])
        batches = batches_resume(stale_after=stale_after)
        articles = extraction_resume(stale_after=stale_after)
        self.stdout.write(f"{batches} import(s) queued to finish storing, {articles} article(s) queued for extraction.")
