from datetime import timedelta

from django.core.management.base import BaseCommand

from attribution.services.extract import extraction_resume


class Command(BaseCommand):
    help = (
        "Queue extraction again for articles left pending by a worker that died mid-task (their task never "
        "finishes). Safe to run at any time; make run does so before starting its worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stale-after", type=float, default=10.0, help="minutes untouched (default 10)")

    def handle(self, *args, **options):
        count = extraction_resume(stale_after=timedelta(minutes=options["stale_after"]))
        self.stdout.write(f"{count} article(s) queued for extraction again.")
