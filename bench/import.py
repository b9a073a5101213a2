"""Bulk import end to end: ../shared/corpus/bbc.jsonl stored, extracted by N task workers, quotes saved.

Runs on the "_bench" database (emptied first), with 1 and then 2 `db_worker` processes. Prints wall time,
articles/s, quotes stored and peak RSS of the importer and of each worker; asserts nothing.
    python bench/import.py [--workers 1 2] [--limit N]
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, bench_django

bench_django()

import os  # noqa: E402

from django.db import connection  # noqa: E402

from attribution.models import Article, Quote  # noqa: E402
from attribution.services.ingest import import_path  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc.jsonl"


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run(workers: int, corpus: Path) -> None:
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE attribution_article, attribution_importbatch, django_tasks_database_dbtaskresult CASCADE")
    started = time.perf_counter()
    report = import_path(corpus, background=True)
    stored = time.perf_counter() - started
    processes = [
        subprocess.Popen([sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload",
                          "--interval", "0.5"], cwd=ROOT, env=os.environ.copy(),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(workers)
    ]
    try:
        while Article.objects.filter(extraction_status="pending").exists():
            time.sleep(1)
        elapsed = time.perf_counter() - started
        worker_mb = [peak_mb(p.pid) for p in processes]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=60)
    articles = len(report.created)
    print(f"{workers} worker(s): {articles:,} articles in {elapsed:.1f} s = {articles / elapsed:.1f} articles/s "
          f"(stored in {stored:.1f} s), {Quote.objects.count():,} quotes, "
          f"{Article.objects.filter(extraction_status='failed').count()} failed; "
          f"importer peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"worker peak RSS {', '.join(f'{mb:.0f}' for mb in worker_mb)} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, help="only the first N articles of the corpus")
    args = parser.parse_args()
    corpus = CORPUS
    if args.limit:
        folder = tempfile.mkdtemp()
        corpus = Path(folder) / "bbc.jsonl"
        with CORPUS.open(encoding="utf-8") as source, corpus.open("w", encoding="utf-8") as target:
            for n, line in enumerate(source):
                if n >= args.limit:
                    break
                record = json.loads(line)
                target.write(json.dumps({"title": record["title"], "text": record["text"]}) + "\n")
    for workers in args.workers:
        run(workers, corpus)


if __name__ == "__main__":
    main()
