"""The import command reports every row it could not store, in words, and stores the rest."""

import io

import pytest
from django.core.management import CommandError, call_command

from attribution.models import Article
from tests.strategies import jsonl_bytes

pytestmark = pytest.mark.django_db


def test_rows_postgresql_cannot_store_are_reported_by_line_and_the_rest_imported(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"title": "First", "text": "Story one."},
        {"title": "Nul\x00 title", "text": "Story two."},
        {"title": "Half a pair", "text": "Story \ud800 three."},
        {"title": "Year 10000", "text": "Story four.", "published_at": "9999-12-31T23:00:00-05:00"},
        {"title": "Last", "text": "Story five."},
    ]
    path.write_bytes(jsonl_bytes(rows))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="2 article"):
        call_command("import_articles", str(path), "--no-extract", stdout=out, stderr=err)
    assert "3 imported, 0 duplicates skipped, 2 failed." in out.getvalue()
    assert [line.split(":")[:2] for line in err.getvalue().splitlines()] == [
        ["error feed.jsonl line 3", " body"],
        ["error feed.jsonl line 4", " published_at"],
    ]
    assert sorted(Article.objects.values_list("title", flat=True)) == ["First", "Last", "Nul title"]
