"""The dev sets scored with the project's judge, ../shared/eval/score.py. Fails on a large regression:
below the issue's targets minus five points."""

import importlib.util
import json

import pytest

from attribution.extraction import ExtractionError, read_many

# (set, row, metric) -> target; the test allows five points below each.
TARGETS = {
    ("bbc-dev", "all", "precision"): 92,
    ("bbc-dev", "all", "recall"): 91,
    ("bbc-dev", "direct", "recall"): 97,
    ("bbc-dev", "all", "speaker"): 92,
    ("bbc-dev", "all", "role"): 87,
    ("bbc-dev", "all", "outlet"): 95,
    ("bbc-dev", "all", "fully_correct"): 78,
    # A second BBC set; issue 13's rules were written looking at its errors, so its figures flatter the engine
    # (measured last: 98.9 / 95.5 / 98.6 / 94.0 / 91.3 / 95.2 / 79.9).
    ("bbc-dev2", "all", "precision"): 96,
    ("bbc-dev2", "all", "recall"): 93,
    ("bbc-dev2", "direct", "recall"): 96,
    ("bbc-dev2", "all", "speaker"): 91,
    ("bbc-dev2", "all", "role"): 88,
    ("bbc-dev2", "all", "outlet"): 92,
    ("bbc-dev2", "all", "fully_correct"): 77,
    ("seed", "all", "fully_correct"): 100 * 10 / 11,
    ("polnear-dev", "direct", "recall"): 92,
    ("polnear-dev", "all", "precision"): 85,
}
SLACK = 5


@pytest.fixture(scope="module")
def scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(path):
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predictions = {}
    for record, found in zip(records, read_many(r["text"] for r in records), strict=True):
        if isinstance(found, ExtractionError):
            pytest.fail(f"{record['doc']}: {found}")
        predictions[record["doc"]] = [a.as_dict() for a in found.quotes]
    return predictions


@pytest.mark.parametrize("name", sorted({name for name, _, _ in TARGETS}))
def test_dev_set_scores_hold(name, shared_dir, scorer):
    gold_path = shared_dir / "eval" / f"{name}.jsonl"
    rows = {row["set"]: row for row in scorer.report(scorer.load(gold_path), predict(gold_path))}
    # The figures are what this test is for: shown with -s, and beside a failure.
    print(name, json.dumps(rows))  # noqa: T201
    for (set_name, row, metric), target in TARGETS.items():
        if set_name == name:
            assert rows[row][metric] >= target - SLACK, (name, row, metric, rows[row][metric], target)
