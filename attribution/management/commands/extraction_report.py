import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from attribution.models import ImportBatch
from attribution.selectors.insights import Accuracy, Filters, accuracy, reviewed_quotes


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date (YYYY-MM-DD).") from None


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def report_text(found: Accuracy, filters: Filters) -> str:
    scope = []
    if filters.batch is not None:
        scope.append(f"import batch {filters.batch}")
    if filters.since is not None:
        scope.append(f"reviewed since {filters.since:%Y-%m-%d}")
    counts = (
        f"{found.kept} extracted quotes kept ({found.unchanged} as found), {found.false_positives} false positives "
        f"(rejected), {found.misses} misses (added by editors)"
    )
    lines = [
        f"Extraction accuracy from editors' verdicts{' (' + ', '.join(scope) + ')' if scope else ''}",
        counts,
        "",
        f"{'field':<10} {'checked':>8} {'right':>8} {'accuracy':>9}",
    ]
    lines += [
        f"{entry.field:<10} {entry.checked:>8} {entry.right:>8} {_percent(entry.accuracy):>9}"
        for entry in (*found.fields, found.all_right)
    ]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "How often the extractor was right, field by field, by editors' verdicts (what /insights/ shows)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, help="one import batch's quotes")
        parser.add_argument("--since", type=_day, help="quotes reviewed on or after this day (YYYY-MM-DD)")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch"] is not None and not ImportBatch.objects.filter(pk=options["batch"]).exists():
            raise CommandError(f"No import batch {options['batch']}.")
        filters = Filters(batch=options["batch"], since=options["since"])
        found = accuracy(reviewed_quotes(filters))
        if options["format"] == "json":
            scope = {"batch": filters.batch, "since": filters.since.isoformat() if filters.since else None}
            self.stdout.write(json.dumps({**found.as_dict(), **scope}, indent=2))
        else:
            self.stdout.write(report_text(found, filters))
