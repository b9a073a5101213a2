import sys
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from attribution.selectors.export import ExportFilters
from attribution.services.export import export_start


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date (YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = "Export attributions as CSV or JSON Lines, with the filters of the /export/ page."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["csv", "jsonl"], default="csv")
        parser.add_argument("-o", "--output", help="file to write; standard output when omitted")
        parser.add_argument("--all", action="store_true", help="every quote, not only verified ones")
        parser.add_argument("--from", dest="date_from", type=_day, help="articles published on or after")
        parser.add_argument("--to", dest="date_to", type=_day, help="articles published on or before")
        parser.add_argument("--publisher", default="")
        parser.add_argument("--import-batch", type=int)
        parser.add_argument("--speaker", default="")
        parser.add_argument("--article", type=int)
        parser.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 byte-order mark (Excel)")
        parser.add_argument("--user", help="username recorded in the export log")

    def handle(self, *args: Any, **options: Any) -> None:
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        filters = ExportFilters(
            status="all" if options["all"] else "verified",
            date_from=options["date_from"],
            date_to=options["date_to"],
            publisher=options["publisher"],
            import_batch=options["import_batch"],
            speaker=options["speaker"],
            article=options["article"],
        )
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            raise CommandError("--from is after --to.")
        log, lines = export_start(user=user, filters=filters, format=options["format"], bom=options["bom"])
        if options["output"]:
            # newline="" keeps the CSV's CRLF line ends as written.
            with open(options["output"], "w", encoding="utf-8", newline="") as handle:
                handle.writelines(lines)
            log.refresh_from_db(fields=["rows_sent"])
            self.stderr.write(f"{log.rows_sent} rows written to {options['output']}.")
        else:
            for line in lines:
                sys.stdout.write(line)
