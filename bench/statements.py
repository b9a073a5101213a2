"""Statements across the BBC corpus: how many statements span two articles or more, how many are flagged, and
what matching one quote costs; prints a sample of each to check by hand.

Its own `_bench_statements` database: the corpus is imported and extracted once (kept; `--rebuild` starts
again), every quote's words folded and the table analysed, then every quote matched as the background task
would match it, in id order. Prints figures; asserts nothing.
    python bench/statements.py [--corpus PATH] [--sample N] [--rebuild]
    python bench/statements.py --archive   (bench/archive.py's database: one quote's match at 1,100,000 quotes)
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

bench_django("_bench_archive" if "--archive" in sys.argv else "_bench_statements")

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402

from attribution.models import Article, Quote, Statement  # noqa: E402
from attribution.services.imports import import_path  # noqa: E402
from attribution.services.statements import normalised, shingle_keys, statement_match  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc.jsonl"


# The archive's quotes folded as services.statements.normalised folds them, near enough for timing its lookups
# (British spellings aside), in one statement over the 1,100,000.
FOLD_ARCHIVE = r"""
WITH folded AS (
    SELECT id, regexp_split_to_array(btrim(regexp_replace(lower(text), '[^a-z0-9 ]+', ' ', 'g')), '\s+') AS t
    FROM attribution_quote WHERE words = ''
)
UPDATE attribution_quote quote
SET words = array_to_string(folded.t, ' '),
    shingles = (
        SELECT array_agg(DISTINCT ('x' || substr(md5(array_to_string(folded.t[i:i + 3], ' ')), 1, 8))::bit(32)::int)
        FROM generate_series(1, array_length(folded.t, 1) - 3) i
    )
FROM folded WHERE folded.id = quote.id AND array_length(folded.t, 1) >= 6
"""


def archive() -> None:
    """One quote's match among the archive's 1,100,000, each in a transaction rolled back (the archive stays)."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(FOLD_ARCHIVE)
        print(f"folded {cursor.rowcount:,} quotes' words in {time.perf_counter() - started:.0f} s")
        cursor.execute("ANALYZE attribution_quote")
    rng = random.Random(17)
    top = Quote.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    timings = []
    for pk in rng.sample(range(1, top + 1), 200):
        with transaction.atomic():
            started = time.perf_counter()
            statement_match(pk)
            timings.append((time.perf_counter() - started) * 1000)
            transaction.set_rollback(True)
    print(
        f"{Quote.objects.count():,} quotes: one quote's match (its candidates from the shingle index, confirmed, "
        f"stored), 200 at random: median {statistics.median(timings):.1f} ms, "
        f"p95 {statistics.quantiles(timings, n=20)[-1]:.1f} ms, max {max(timings):.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=20, help="statements of each kind printed to check by hand")
    parser.add_argument("--rebuild", action="store_true", help="import the corpus again")
    parser.add_argument("--archive", action="store_true", help="time one match in bench/archive.py's database")
    options = parser.parse_args()
    if options.archive:
        archive()
        return
    if options.rebuild:
        Article.objects.all().delete()
        Statement.objects.all().delete()
    if not Article.objects.exists():
        started = time.perf_counter()
        batch = import_path(options.corpus)
        print(f"imported {batch.created_count:,} articles in {time.perf_counter() - started:.0f} s")
    Quote.objects.update(statement=None, words="", shingles=[])
    Statement.objects.all().delete()
    # Every quote's words first, then the table analysed, as an archive's would be: the planner then reads the
    # trigram index (on a table it believes empty it scans instead).
    folded = [Quote(pk=pk, words=normalised(text)) for pk, text in Quote.objects.values_list("pk", "text")]
    for quote in folded:
        quote.shingles = shingle_keys(quote.words)
    Quote.objects.bulk_update(folded, ["words", "shingles"], batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE attribution_quote")
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
