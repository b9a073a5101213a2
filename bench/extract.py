"""Extraction throughput: the engine against bare `nlp.pipe` of the same model over the BBC corpus.

Each side runs in its own process so peak RSS is its own. Prints figures; asserts nothing.
    python bench/extract.py [--limit N] [--corpus PATH]
"""

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc.jsonl"


def texts(path: Path, limit: int | None):
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)["text"]


def measure(mode: str, path: Path, limit: int | None) -> dict:
    sys.path.insert(0, str(ROOT))
    from attribution.extraction import extract_many
    from attribution.extraction.pipeline import load_nlp

    nlp = load_nlp()
    words = sum(len(t.split()) for t in texts(path, limit))
    started = time.perf_counter()
    quotes = 0
    if mode == "bare":
        for _ in nlp.pipe(texts(path, limit), batch_size=32):
            pass
    else:
        for found in extract_many(texts(path, limit), batch_size=32):
            quotes += len(found)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "words": words, "seconds": seconds, "quotes": quotes, "peak_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--mode", choices=["bare", "engine"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(measure(args.mode, args.corpus, args.limit)))
        return
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus} not found: the benchmark reads the shared BBC corpus beside the project.")
    results = {}
    for mode in ("bare", "engine"):
        command = [sys.executable, __file__, "--mode", mode, "--corpus", str(args.corpus)]
        if args.limit:
            command += ["--limit", str(args.limit)]
        results[mode] = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    for r in results.values():
        print(f"{r['mode']:7} {r['words']:>9,} words  {r['seconds']:7.1f} s  {r['words'] / r['seconds']:9,.0f} words/s"
              f"  peak RSS {r['peak_mb']:6.0f} MB" + (f"  {r['quotes']:,} quotes" if r["mode"] == "engine" else ""))
    ratio = results["bare"]["seconds"] / results["engine"]["seconds"]
    print(f"engine throughput = {ratio:.2f}x bare spaCy")


if __name__ == "__main__":
    main()
