import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from attribution.services.demo import demo_seed

DEFAULT_PASSWORD = "attribution-demo"


class Command(BaseCommand):
    help = (
        "Create the demo users (admin, editor) if they are missing and load the demo articles. Safe to run again: "
        "existing users, their passwords above all, are never changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="seed even with DEBUG off (new demo users get the demo password, which is public)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "DEBUG is off, so this looks like production: demo users would get a public password. "
                "Pass --allow-production to seed anyway."
            )
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        seeded = demo_seed(
            password=password, articles_file=Path(settings.BASE_DIR) / "fixtures" / "demo_articles.jsonl"
        )
        if seeded.created_users:
            self.stdout.write(f"Demo users created: {', '.join(seeded.created_users)}, password {password!r}.")
        if seeded.existing_users:
            self.stdout.write(f"Users already there, left as they were: {', '.join(seeded.existing_users)}.")
        self.stdout.write(f"{seeded.new_articles} new demo article(s).")
