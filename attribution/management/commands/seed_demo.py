import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from attribution.services.demo import demo_seed

DEFAULT_PASSWORD = "attribution-demo"


class Command(BaseCommand):
    help = "Create the demo users (admin, editor) and load the demo articles. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        created = demo_seed(
            password=password, articles_file=Path(settings.BASE_DIR) / "fixtures" / "demo_articles.jsonl"
        )
        self.stdout.write(f"Demo users: admin / editor, password {password!r}. {created} new demo article(s).")
