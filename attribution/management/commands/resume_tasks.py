from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from attribution.workers import unfinished_work_requeue


class Command(BaseCommand):
    help = (
        "Put back in the queue what background work was left unfinished: tasks of workers that died, uploads "
        "half stored and articles still pending that no task covers. Safe at any time; every worker does it "
        "when it starts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--stale-after",
            type=float,
            default=10.0,
            help="minutes an upload or article must be untouched to count as left behind (default 10)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = unfinished_work_requeue(stale_after=timedelta(minutes=options["stale_after"]))
        self.stdout.write(
            f"{counts['tasks']} task(s) of workers that died, {counts['imports']} import(s) and "
            f"{counts['articles']} article(s) queued again."
        )
