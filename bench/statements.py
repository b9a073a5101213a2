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

from attribution.models import Article, Quote, Shingle, Statement  # noqa: E402
from attribution.services.imports import import_path  # noqa: E402
from attribution.services.statements import normalised, shingle_keys, statement_match  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc.jsonl"


# The archive's quotes folded as services.statements.normalised folds them, near enough for timing its lookups
# (British spellings aside), and their four-word runs hashed as shingle_keys hashes them, in two statements over the
# 1,100,000.
FOLD_ARCHIVE = r"""
UPDATE attribution_quote SET words = folded.words
FROM (
    SELECT id, btrim(regexp_replace(regexp_replace(lower(text), '[^a-z0-9 ]+', ' ', 'g'), '\s+', ' ', 'g')) AS words
    FROM attribution_quote WHERE words = ''
) AS folded
WHERE folded.id = attribution_quote.id AND array_length(string_to_array(folded.words, ' '), 1) >= 6
"""
ARCHIVE_RUNS = r"""
INSERT INTO attribution_shingle (key, quote_id)
SELECT DISTINCT ('x' || substr(md5(array_to_string(tokens[i:i + 3], ' ')), 1, 8))::bit(32)::int, id
FROM (
    SELECT id, string_to_array(words, ' ') AS tokens FROM attribution_quote quote
    WHERE words <> '' AND NOT EXISTS (SELECT 1 FROM attribution_shingle run WHERE run.quote_id = quote.id)
) AS folded,
     generate_series(1, array_length(tokens, 1) - 3) AS i
ON CONFLICT DO NOTHING
"""


def archive() -> None:
    """One quote's match among the archive's 1,100,000, each in a transaction rolled back (the archive stays)."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(FOLD_ARCHIVE)
        print(f"folded {cursor.rowcount:,} quotes' words in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        cursor.execute(ARCHIVE_RUNS)  # the runs of quotes not yet indexed
        print(f"indexed {cursor.rowcount:,} four-word runs in {time.perf_counter() - started:.0f} s")
        cursor.execute("VACUUM ANALYZE attribution_quote")
        cursor.execute("VACUUM ANALYZE attribution_shingle")
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
    Quote.objects.update(statement=None, words="")
    Shingle.objects.all().delete()
    Statement.objects.all().delete()
    # Every quote's words and runs first, then the tables analysed, as an archive's would be.
    folded = [Quote(pk=pk, words=normalised(text)) for pk, text in Quote.objects.values_list("pk", "text")]
    Quote.objects.bulk_update(folded, ["words"], batch_size=2000)
    runs = (Shingle(key=key, quote=quote) for quote in folded for key in shingle_keys(quote.words))
    Shingle.objects.bulk_create(runs, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE attribution_quote")
        cursor.execute("VACUUM ANALYZE attribution_shingle")
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
