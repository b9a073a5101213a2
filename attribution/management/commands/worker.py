from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.core.management.base import CommandError
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from attribution.workers import Liveness, unfinished_work_requeue, watchdog_start


class Command(DBWorkerCommand):
    help = (
        "Run a background task worker (django-tasks-db's db_worker) that the others can tell is alive: on start "
        "it puts back in the queue whatever workers that died left unfinished, and while it runs it takes over "
        "the tasks of any that die. Start it N times, on one machine or several, for N workers."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--watch-interval",
            type=float,
            default=30.0,
            help="seconds between checks for tasks of workers that died (default 30)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # The liveness lock belongs to the process that runs the tasks; an autoreloader would run them in a
        # child process under another worker id.
        options["reload"] = False
        worker_id: str = options["worker_id"]
        liveness = Liveness(worker_id)
        if not liveness.hold():
            raise CommandError(f"Worker id {worker_id!r} is in use by a live worker; give each worker its own.")
        unfinished_work_requeue(stale_after=timedelta(minutes=10))
        watchdog_start(liveness, options.pop("watch_interval"))
        super().handle(*args, **options)
