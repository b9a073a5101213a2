"""The insights' figures against a hand count over verdicts given through the review services."""

import io
import json
from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from attribution.models import ImportBatch, Quote
from attribution.selectors.insights import (
    Filters,
    accuracy,
    accuracy_by,
    calibration,
    decisions_by_week,
    reviewed_quotes,
    speaker_kinds,
    top_speakers,
)
from attribution.services.review import Correction, quote_add, quote_confirm, quote_edit, quote_reject
from tests.factories import ArticleFactory, QuoteFactory, editor

pytestmark = pytest.mark.django_db


def as_found(quote: Quote) -> Correction:
    return Correction(
        speaker=quote.speaker_text, role=quote.role, outlet=quote.outlet_text, kind=quote.kind, new_speaker=True
    )


@pytest.fixture
def verdicts():
    """Eight quotes of two batches, decided by two editors:
    1 confirmed as found (confidence 0.9);       2 speaker corrected (0.9);
    3 role and kind corrected (0.7);             4 span moved, outlet given (0.3);
    5 rejected (0.3);                            6 added by an editor (a miss);
    7 confirmed as found, engine v2 (0.1);       8 still pending (no verdict)."""
    wire, feed = (ImportBatch.objects.create(source_name=name) for name in ("wire.jsonl", "feed.jsonl"))
    ann, bo = editor("ann"), editor("bo")

    def quote(batch, confidence, version="v1"):
        return QuoteFactory.create(
            article=ArticleFactory.create(import_batch=batch, publisher="Gazette" if batch == wire else "Courier"),
            confidence=confidence,
            engine_version=version,
        )

    quote_confirm(quote=quote(wire, 0.9), user=ann, expected_version=1)
    second = quote(wire, 0.9)
    quote_edit(quote=second, user=ann, expected_version=1, correction=replace(as_found(second), speaker="H. Price"))
    third = quote(wire, 0.7)
    quote_edit(
        quote=third, user=bo, expected_version=1, correction=replace(as_found(third), role="engineer", kind="indirect")
    )
    fourth = quote(feed, 0.3)
    moved = replace(as_found(fourth), start=fourth.start + 4, end=fourth.end, outlet="Radio Bay", new_outlet=True)
    quote_edit(quote=fourth, user=bo, expected_version=1, correction=moved)
    quote_reject(quote=quote(feed, 0.3), user=bo, expected_version=1)
    article = ArticleFactory.create(import_batch=feed, publisher="Courier")
    start = article.body.index("The cracks")
    added = replace(as_found(second), start=start, end=start + 10, speaker="Hannah Price")
    quote_add(article=article, user=ann, correction=added)
    quote_confirm(quote=quote(feed, 0.1, version="v2"), user=bo, expected_version=1)
    quote(feed, 0.9)
    return wire, feed


def test_each_field_is_right_as_often_as_editors_kept_it(verdicts):
    found = accuracy(reviewed_quotes())
    by_field = {entry.field: (entry.checked, entry.right) for entry in found.fields}
    # Kept: 1, 2, 3, 4, 7. Speaker wrong on 2; role and kind on 3; span and outlet on 4.
    assert by_field == {"span": (5, 4), "kind": (5, 4), "speaker": (5, 4), "role": (5, 4), "outlet": (5, 4)}
    assert (found.kept, found.unchanged, found.false_positives, found.misses) == (5, 2, 1, 1)
    assert (found.all_right.checked, found.all_right.right) == (5, 2)  # 1 and 7
    assert found.as_dict()["speaker"] == {"checked": 5, "right": 4, "accuracy": 0.8}


def test_figures_per_batch_publisher_version_and_week(verdicts):
    wire, feed = verdicts
    by_batch = {group.key: group.accuracy for group in accuracy_by(reviewed_quotes(), "batch")}
    assert (by_batch[wire.pk].kept, by_batch[wire.pk].false_positives, by_batch[wire.pk].misses) == (3, 0, 0)
    assert (by_batch[feed.pk].kept, by_batch[feed.pk].false_positives, by_batch[feed.pk].misses) == (2, 1, 1)
    by_version = {group.label: group.accuracy.kept for group in accuracy_by(reviewed_quotes(), "engine_version")}
    assert by_version == {"v1": 4, "v2": 1, "before versions were recorded": 0}
    by_publisher = {group.label: group.accuracy.unchanged for group in accuracy_by(reviewed_quotes(), "publisher")}
    assert by_publisher == {"Courier": 1, "Gazette": 1}
    (week,) = accuracy_by(reviewed_quotes(), "week")
    assert week.label.startswith("week of ")
    assert accuracy(reviewed_quotes(Filters(batch=wire.pk))).kept == 3
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert accuracy(reviewed_quotes(Filters(since=tomorrow))).kept == 0


def test_calibration_is_the_share_accepted_unchanged_per_confidence_band(verdicts):
    bands = {(band.low, band.high): (band.reviewed, band.unchanged) for band in calibration(reviewed_quotes())}
    # 0.9: 1 (unchanged) and 2 (corrected); 0.7: 3; 0.3: 4 (corrected) and 5 (rejected); 0.1: 7 (unchanged).
    assert bands == {(0.0, 0.2): (1, 1), (0.2, 0.4): (2, 0), (0.4, 0.6): (0, 0), (0.6, 0.8): (1, 0), (0.8, 1.0): (2, 1)}


def test_review_progress_counts_every_decision_per_editor_and_batch(verdicts):
    wire, feed = verdicts
    rows = decisions_by_week()
    per_editor: dict[str, int] = {}
    per_batch: dict[int, int] = {}
    for row in rows:
        per_editor[row["user__username"]] = per_editor.get(row["user__username"], 0) + row["decisions"]
        batch = row["article__import_batch_id"]
        per_batch[batch] = per_batch.get(batch, 0) + row["decisions"]
    assert per_editor == {"ann": 3, "bo": 4}
    assert per_batch == {wire.pk: 3, feed.pk: 4}


def test_top_speakers_and_the_kinds_they_are(verdicts):
    # Verified: 1, 2 (as H. Price), 3, 4, 6 and 7, every one a person.
    assert [(row.label, row.count) for row in top_speakers(reviewed_quotes())] == [("Hannah Price", 5), ("H. Price", 1)]
    assert [(row.label, row.count) for row in speaker_kinds(reviewed_quotes())] == [("Person", 6)]


def test_the_report_command_prints_the_same_figures(verdicts):
    wire, _ = verdicts
    report = json.loads(run("extraction_report", "--format", "json"))
    assert report["role"] == {"checked": 5, "right": 4, "accuracy": 0.8}
    assert (report["false_positives"], report["misses"], report["batch"], report["since"]) == (1, 1, None, None)
    assert json.loads(run("extraction_report", "--format", "json", "--batch", str(wire.pk)))["span"]["checked"] == 3
    text = run("extraction_report", "--since", "2000-01-01")
    assert "5 extracted quotes kept (2 as found), 1 false positives (rejected), 1 misses" in text
    assert "speaker           5        4     80.0%" in text
    assert "all_fields        5        2     40.0%" in text
    with pytest.raises(CommandError, match="No import batch 999999"):
        run("extraction_report", "--batch", "999999")
    with pytest.raises(CommandError, match="is not a date"):
        run("extraction_report", "--since", "yesterday")


def run(*arguments: str) -> str:
    out = io.StringIO()
    call_command(*arguments, stdout=out)
    return out.getvalue()
