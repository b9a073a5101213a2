import json
import sys
from typing import Any, TextIO

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from attribution.extraction import ExtractionError, read_many


class Command(BaseCommand):
    help = (
        "Run the extraction engine over a JSONL file of articles ({'doc', 'text'} per line) and print one JSON "
        "line of predictions per article, in the format ../shared/eval/score.py reads. Needs no database."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", help="JSONL file, or - for standard input")
        parser.add_argument("--batch-size", type=int, default=32)

    def handle(self, *args: Any, **options: Any) -> None:
        handle = sys.stdin if options["input"] == "-" else self._open(options["input"])
        records = []
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"] if "text" in record else record["body"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise CommandError(f"line {number}: expected a JSON object with 'text' ({exc}).") from None
            records.append((record.get("doc", number), text))
        found = read_many((text for _, text in records), model=settings.SPACY_MODEL, batch_size=options["batch_size"])
        for (doc, _), result in zip(records, found, strict=True):
            line = {"doc": doc, "quotes": []}
            if isinstance(result, ExtractionError):
                line["error"] = str(result)
                self.stderr.write(f"{doc}: extraction failed: {result}")
            else:
                line["quotes"] = [a.as_dict() for a in result.quotes]
            self.stdout.write(json.dumps(line, ensure_ascii=False))

    @staticmethod
    def _open(path: str) -> TextIO:
        try:
            return open(path, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}.") from None
