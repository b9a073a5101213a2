"""Gold articles as the benchmarks that review them use them: read from a gold file (../shared/eval/README.md's
format) into the database, judged by the shared scorer's rules, and what an editor who knows the gold does to
each prediction. Import after bench_django: it reads the database."""

import importlib.util
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from django.db import connection

from attribution.models import Article, ArticleOpen, ExportLog, ImportBatch, Outlet, Quote, ReviewEvent, Speaker
from attribution.services.errors import IngestError
from attribution.services.ingest import article_create

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer() -> ModuleType:
    """../shared/eval/score.py, whose rules for names, roles and outlets both the editor and the export check
    apply, so this bench judges exactly as the published scores do."""
    if not SCORER.is_file():
        sys.exit(f"{SCORER} not found: the benchmark judges with the shared scorer beside the project.")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"{SCORER} cannot be loaded as a Python module.")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORE = load_scorer()


@dataclass(frozen=True)
class Values:
    """A quote's span and attribution, as the desk holds it or as the gold gives it."""

    start: int
    end: int
    speaker: str
    role: str
    outlet: str
    kind: str


@dataclass(frozen=True)
class GoldQuote(Values):
    speaker_kind: str
    optional: bool


@dataclass(frozen=True)
class GoldArticle:
    doc: str
    article_id: int
    body: str
    quotes: list[GoldQuote]

    @property
    def required(self) -> int:
        return sum(not quote.optional for quote in self.quotes)


@dataclass
class Plan:
    """What the editor does on one article: the predictions to confirm, to reject and to correct (into which
    gold quote), and the gold quotes to add."""

    confirms: set[int]
    rejects: set[int]
    corrections: dict[int, GoldQuote]
    missed: list[GoldQuote]


def overlap(a: Values, b: Values) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def span_ok(quote: Values, gold: Values) -> bool:
    """The scorer counts the span correct (half of it lies inside the gold quote) and finds the gold quote
    through it (it covers half of it): a span only a fragment of a long quote must move too, or the export
    would lack that quote."""
    shared = 2 * overlap(quote, gold)
    return shared >= max(1, gold.end - gold.start) and shared >= max(1, quote.end - quote.start)


def attribution_wrong(quote: Values, gold: GoldQuote) -> list[tuple[str, str]]:
    """(field, the gold's value) for the speaker, role and outlet the scorer would count wrong."""
    checks = (
        ("speaker", gold.speaker, bool(SCORE.speaker_ok(quote.speaker, gold.speaker, kind=gold.speaker_kind))),
        ("role", gold.role, bool(SCORE.role_ok(quote.role, gold.role))),
        ("outlet", gold.outlet, bool(SCORE.outlet_ok(quote.outlet, gold.outlet))),
    )
    return [(name, value) for name, value, ok in checks if not ok]


def wrong_fields(quote: Values, gold: GoldQuote) -> list[tuple[str, str]]:
    """(form field, the gold's value) for each value the editor must change, in the form's order."""
    wrong = attribution_wrong(quote, gold)
    if quote.kind != gold.kind:
        wrong.append(("kind", gold.kind))
    if not span_ok(quote, gold):
        wrong.append(("span", f"{gold.start}:{gold.end}"))
    return wrong


def plan(predictions: dict[int, Values], gold: list[GoldQuote]) -> Plan:
    """Each prediction belongs to the gold quote it overlaps most; of a gold quote's predictions the one
    overlapping it most is kept, the others rejected like those overlapping none."""
    claims: dict[int, list[int]] = defaultdict(list)
    result = Plan(set(), set(), {}, [])
    for pk, quote in predictions.items():
        best = max(range(len(gold)), key=lambda i: overlap(quote, gold[i]), default=None)
        if best is None or not overlap(quote, gold[best]):
            result.rejects.add(pk)
        else:
            claims[best].append(pk)
    for index, pks in claims.items():
        quote = gold[index]
        kept, *others = sorted(pks, key=lambda pk: -overlap(predictions[pk], quote))
        result.rejects.update(others)
        if not wrong_fields(predictions[kept], quote):
            result.confirms.add(kept)
        elif quote.optional:  # the gold neither requires nor penalises it: not worth a correction
            result.rejects.add(kept)
        else:
            result.corrections[kept] = quote
    result.missed = [quote for index, quote in enumerate(gold) if index not in claims and not quote.optional]
    return result


def empty_database() -> None:
    """Earlier runs' articles, reviews and registry names would change what the editor has to do."""
    models = (Article, Quote, ReviewEvent, ArticleOpen, Speaker, Outlet, ImportBatch, ExportLog)
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} CASCADE")


def gold_quote(record: dict[str, object], shift: int) -> GoldQuote:
    def text(key: str) -> str:
        return str(record.get(key) or "")

    return GoldQuote(
        start=int(str(record["start"])) - shift,
        end=int(str(record["end"])) - shift,
        speaker=text("speaker"),
        role=text("role"),
        outlet=text("outlet"),
        kind=text("kind"),
        speaker_kind=text("speaker_kind") or "person",
        optional=bool(record.get("optional")),
    )


def import_gold(path: Path, limit: int | None) -> list[GoldArticle]:
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    articles = []
    for record in records[:limit]:
        doc, text = record["doc"], record["text"]
        title = next((line.strip() for line in text.splitlines() if line.strip()), doc)
        try:
            article = article_create(title=title[:500], body=text, extract=True)
        except IngestError as error:
            print(f"warning: {doc} not imported: {error.message}")
            continue
        # Ingest strips the text and normalises its newlines and Unicode; the gold's offsets refer to the text.
        shift = text.find(article.body)
        if shift < 0:
            print(f"warning: {doc} skipped: its stored body is not the gold text (normalised), so offsets differ")
            article.delete()
            continue
        quotes = [gold_quote(quote, shift) for quote in record.get("quotes", [])]
        inside = [quote for quote in quotes if 0 <= quote.start < quote.end <= len(article.body)]
        if len(inside) < len(quotes):
            print(f"warning: {doc}: {len(quotes) - len(inside)} gold quotes lie outside the stored body, skipped")
        articles.append(GoldArticle(doc, article.pk, article.body, inside))
    return articles
