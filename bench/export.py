"""Export throughput: N synthetic verified quotes in PostgreSQL streamed out as CSV through the export service.

Uses its own database (the configured one with "_bench" appended), created and migrated on first use, so the
app's data is never touched. Prints figures; asserts nothing.
    python bench/export.py [--rows 1000000]
"""

import argparse
import os
import resource
import time

from common import bench_django

bench_django()

from django.db import connection  # noqa: E402

from attribution.selectors.export import ExportFilters, csv_lines, quotes_for_export  # noqa: E402

ARTICLES = 1000

# Synthetic rows straight in SQL: a million inserts through the ORM would measure the ORM, not the export.
FILL = """
INSERT INTO attribution_article (title, body, url, publisher, published_at, external_id, content_hash,
                                 extraction_status, extraction_error, created_at, updated_at)
SELECT 'Bench article ' || n, repeat('Quoted words, "with marks", and more. ', %(per_article)s), '',
       'Bench Gazette', now(), '', md5('bench' || n) || md5('x' || n), 'done', '', now(), now()
FROM generate_series(1, %(articles)s) AS n;

INSERT INTO attribution_quote (article_id, start, "end", text, kind, cue, confidence, extracted_speaker,
    extracted_speaker_kind, extracted_role, extracted_outlet, speaker_text, role, outlet_text, status, version,
    reviewed_at, created_at)
SELECT a.id, q.n * 38, q.n * 38 + 37, 'Quoted words, "with marks", and more.', 'direct', 'said', 0.9,
       'Speaker ' || q.n, 'person', 'chief executive', 'Bench Radio', 'Speaker ' || q.n, 'chief executive',
       'Bench Radio', 'confirmed', 2, now(), now()
FROM attribution_article a CROSS JOIN generate_series(0, %(per_article)s - 1) AS q(n);
"""


def ensure_rows(rows: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM attribution_quote")
        if cursor.fetchone()[0] == rows:
            return
        cursor.execute("TRUNCATE attribution_quote, attribution_article CASCADE")
        print(f"filling {rows:,} quotes...", flush=True)
        cursor.execute(FILL, {"articles": ARTICLES, "per_article": rows // ARTICLES})
        # Fresh planner statistics, as autovacuum would gather them on a live database.
        cursor.execute("ANALYZE attribution_article, attribution_quote")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    ensure_rows(args.rows)
    started = time.perf_counter()
    written = rows = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for line in csv_lines(quotes_for_export(ExportFilters())):
            sink.write(line)
            written += len(line)
            rows += 1
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"export csv: {rows - 1:,} rows, {written / 1e6:,.0f} MB in {seconds:.1f} s = "
        f"{(rows - 1) / seconds:,.0f} rows/s, peak RSS {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
