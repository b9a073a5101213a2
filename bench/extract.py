"""Extraction throughput: the engine against bare `nlp.pipe` of the same model over the BBC corpus.

Bare is the model as installed (`spacy.load`), every component as it ships; the engine is its own loading of
it (its components, the model's attribute rules applied in bulk) and everything it reads off each article.

Each side runs in its own process so peak RSS is its own. Prints figures; asserts nothing.
    python bench/extract.py [--limit N] [--corpus PATH]
"""

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TypedDict

import spacy

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, Python puts bench/ on the path, not the project the engine belongs to.
sys.path.insert(0, str(ROOT))

from attribution.extraction import ExtractionError, read_many  # noqa: E402
from attribution.extraction.pipeline import DEFAULT_MODEL, load_nlp  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc.jsonl"


class Measurement(TypedDict):
    mode: str
    processes: int
    words: int
    seconds: float
    quotes: int
    failed: int
    peak_mb: float
    workers_mb: float


def texts(path: Path, limit: int | None) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)["text"]


def measure(mode: str, path: Path, limit: int | None, processes: int) -> Measurement:
    nlp = spacy.load(DEFAULT_MODEL) if mode == "bare" else load_nlp()
    words = sum(len(t.split()) for t in texts(path, limit))
    started = time.perf_counter()
    quotes = failed = 0
    if mode == "bare":
        for _ in nlp.pipe(texts(path, limit), batch_size=32, n_process=processes):
            pass
    else:
        for found in read_many(texts(path, limit), batch_size=32, n_process=processes):
            if isinstance(found, ExtractionError):
                failed += 1
            else:
                quotes += len(found.quotes)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "mode": mode,
        "processes": processes,
        "words": words,
        "seconds": seconds,
        "quotes": quotes,
        "failed": failed,
        "peak_mb": peak_mb,
        "workers_mb": workers_mb,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--processes", type=int, default=2, help="also run the engine with this many processes")
    parser.add_argument("--mode", choices=["bare", "engine"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(measure(args.mode, args.corpus, args.limit, args.processes)))
        return
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus} not found: the benchmark reads the shared BBC corpus beside the project.")
    runs = [("bare", 1), ("engine", 1)] + ([("engine", args.processes)] if args.processes > 1 else [])
    results: list[Measurement] = []
    for mode, processes in runs:
        command = [
            sys.executable,
            __file__,
            "--mode",
            mode,
            "--corpus",
            str(args.corpus),
            "--processes",
            str(processes),
        ]
        if args.limit:
            command += ["--limit", str(args.limit)]
        results.append(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))
    for r in results:
        workers = f" (+ workers {r['workers_mb']:.0f} MB each at most)" if r["processes"] > 1 else ""
        print(
            f"{r['mode']:6} x{r['processes']}  {r['words']:>9,} words  {r['seconds']:7.1f} s  "
            f"{r['words'] / r['seconds']:9,.0f} words/s  peak RSS {r['peak_mb']:6.0f} MB{workers}"
            + (f"  {r['quotes']:,} quotes, {r['failed']} failed" if r["mode"] == "engine" else "")
        )
    print(f"engine throughput = {results[0]['seconds'] / results[1]['seconds']:.2f}x bare spaCy (one process each)")


if __name__ == "__main__":
    main()
