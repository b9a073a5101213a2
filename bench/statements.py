"""Statements across the BBC corpus: how many statements span two articles or more, how many are flagged, and
what matching one quote costs; prints a sample of each to check by hand.

Its own `_bench_statements` database: the corpus is imported and extracted once (kept; `--rebuild` starts
again), then every quote is matched as the background task would match it, in id order (each against those
stored before it: the incremental case). Prints figures; asserts nothing.
    python bench/statements.py [--corpus PATH] [--sample N] [--rebuild]
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import bench_django  # noqa: E402

bench_django("_bench_statements")

from django.db.models import Count  # noqa: E402

from attribution.models import Article, Quote, Statement  # noqa: E402
from attribution.services.imports import import_path  # noqa: E402
from attribution.services.statements import statement_match  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=20, help="statements of each kind printed to check by hand")
    parser.add_argument("--rebuild", action="store_true", help="import the corpus again")
    options = parser.parse_args()
    if options.rebuild:
        Article.objects.all().delete()
        Statement.objects.all().delete()
    if not Article.objects.exists():
        started = time.perf_counter()
        batch = import_path(options.corpus)
        print(f"imported {batch.created_count:,} articles in {time.perf_counter() - started:.0f} s")
    Quote.objects.update(statement=None, words="")
    Statement.objects.all().delete()
    timings = []
    for pk in Quote.objects.order_by("pk").values_list("pk", flat=True):
        started = time.perf_counter()
        statement_match(pk)
        timings.append((time.perf_counter() - started) * 1000)
    statements = Statement.objects.annotate(articles=Count("quotes__article", distinct=True)).filter(articles__gte=2)
    flagged = statements.filter(conflict=True)
    quotes = Quote.objects.count()
    print(
        f"{quotes:,} quotes ({Quote.objects.exclude(words='').count():,} of six words or more) in "
        f"{Article.objects.count():,} articles"
    )
    print(
        f"match per quote: median {statistics.median(timings):.1f} ms, "
        f"p95 {statistics.quantiles(timings, n=20)[-1]:.1f} ms, max {max(timings):.1f} ms"
    )
    print(
        f"statements over two articles or more: {statements.count():,} "
        f"({Quote.objects.filter(statement__isnull=False).count():,} quotes); flagged: {flagged.count():,}"
    )
    rng = random.Random(17)
    for title, chosen in (("statements", statements.filter(conflict=False)), ("flagged", flagged)):
        ids = list(chosen.values_list("pk", flat=True))
        print(f"\n--- a sample of {title} ({min(options.sample, len(ids))} of {len(ids)})")
        for pk in sorted(rng.sample(ids, min(options.sample, len(ids)))):
            statement = Statement.objects.get(pk=pk)
            print(f"[{pk}] {statement.conflict_reason or 'agree'}")
            for quote in statement.quotes.select_related("article").order_by("article_id"):
                print(f"    {quote.article_id:>5} {quote.speaker_text or '-':<28} {quote.text[:110]!r}")


if __name__ == "__main__":
    main()
