"""Bulk import at scale, on the "_bench" database (emptied before each run); prints figures, asserts nothing.

1. ../shared/corpus/bbc.jsonl end to end with 1, then 2 `worker` processes: uploaded (the workers store its
   rows and extract their quotes), then through `import_articles --background` (which stores them while the
   workers extract). Prints wall time, articles/s, quotes stored and the peak RSS of each worker and of the
   importer.
2. The importer's memory as the file grows: `import_articles --no-extract` storing the corpus repeated 1, 4
   and 16 times (each copy's texts made distinct, so every row is stored), peak RSS of that process each time.

    python bench/import.py [--workers 1 2] [--via upload command] [--scales 1 4 16] [--limit N]
"""

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, bench_django

bench_django()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402

from attribution.models import Article, ImportBatch, Quote  # noqa: E402
from attribution.services.imports import import_upload  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc.jsonl"
MANAGE = [sys.executable, "manage.py"]


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def empty_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE attribution_article, attribution_importbatch, django_tasks_database_dbtaskresult CASCADE"
        )


def manage(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        MANAGE + list(args), cwd=ROOT, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def end_to_end(workers: int, corpus: Path, via: str) -> None:
    """via "upload": the request keeps the file and the workers store and extract it; via "command":
    `import_articles --background` stores it in its own process while the workers extract."""
    empty_database()
    started = time.perf_counter()
    importer = importer_mb = stored_after = None
    if via == "upload":
        import_upload(upload=SimpleUploadedFile(corpus.name, corpus.read_bytes()), imported_by=None)
    else:
        importer = manage("import_articles", "--background", str(corpus))
    processes = [manage("worker", "--no-startup-delay", "--interval", "0.5") for _ in range(workers)]
    try:
        while True:
            if importer is not None and importer_mb is None:
                pid, status, usage = os.wait4(importer.pid, os.WNOHANG)
                if pid:  # reaped here for its rusage, so Popen is told the exit code
                    importer.returncode = os.waitstatus_to_exitcode(status)
                    importer_mb = usage.ru_maxrss / 1024
            batch = ImportBatch.objects.first()
            if stored_after is None and batch and not batch.in_progress and (importer is None or importer_mb):
                stored_after = time.perf_counter() - started
            if stored_after is not None and not Article.objects.filter(extraction_status="pending").exists():
                break
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
        worker_mb = [peak_mb(p.pid) for p in processes]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=60)
    assert batch is not None  # the loop only ends once the batch is stored
    articles = batch.created_count
    importer_figure = f"importer peak RSS {importer_mb:.0f} MB" if importer else "stored by the workers"
    print(
        f"{workers} worker(s), via {via}: {articles:,} articles in {elapsed:.1f} s = {articles / elapsed:.1f} "
        f"articles/s ({batch.state} after {stored_after:.1f} s, {batch.duplicate_count} duplicates skipped, "
        f"{batch.failed_count} bad rows), {Quote.objects.count():,} quotes, "
        f"{Article.objects.filter(extraction_status='failed').count()} extractions failed; {importer_figure}, "
        f"worker peak RSS {', '.join(f'{mb:.0f}' for mb in worker_mb)} MB",
        flush=True,
    )


def importer_memory(scale: int, corpus: Path, folder: Path) -> None:
    empty_database()
    path = folder / f"bbc-x{scale}.jsonl"
    with path.open("w", encoding="utf-8") as target:
        for copy in range(scale):
            with corpus.open(encoding="utf-8") as source:
                for line in source:
                    record = json.loads(line)
                    target.write(
                        json.dumps(
                            {"title": f"{record['title']} ({copy})", "text": f"{record['text']}\n\nCopy {copy}."}
                        )
                        + "\n"
                    )
    started = time.perf_counter()
    process = manage("import_articles", "--no-extract", str(path))
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    batch = ImportBatch.objects.get()
    print(
        f"importer, x{scale} ({path.stat().st_size / 2**20:.0f} MB, {batch.rows:,} rows): {batch.created_count:,} "
        f"stored in {elapsed:.1f} s = {batch.created_count / elapsed:.0f} rows/s; "
        f"peak RSS {usage.ru_maxrss / 1024:.0f} MB (exit {process.returncode})",
        flush=True,
    )
    path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--via", nargs="*", choices=["upload", "command"], default=["upload", "command"])
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 4, 16])
    parser.add_argument("--limit", type=int, help="only the first N articles of the corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = CORPUS
        if args.limit:
            corpus = Path(folder) / "bbc.jsonl"
            with CORPUS.open(encoding="utf-8") as source, corpus.open("w", encoding="utf-8") as target:
                target.writelines(itertools.islice(source, args.limit))
        for via in args.via:
            for workers in args.workers:
                end_to_end(workers, corpus, via)
        for scale in args.scales:
            importer_memory(scale, corpus, Path(folder))


if __name__ == "__main__":
    main()
