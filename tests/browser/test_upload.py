"""The upload page in a real Chromium, with a real task worker storing and extracting in the background."""

import pytest
from playwright.sync_api import expect

from tests.factories import admin_user
from tests.workers import running_worker, write_feed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_shows_live_progress_to_completion(page, tmp_path):
    user = admin_user("chief")
    user.set_password("chief-pw")
    user.save()
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, 20, extra="{broken\n")
    page.goto("/login/?next=/imports/new")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("chief-pw")
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("File").set_input_files(feed)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", name="feed.jsonl")).to_be_visible()
    expect(page.locator("#batch-progress")).to_contain_text("Waiting for a worker")
    with running_worker():
        expect(page.locator("#batch-progress")).to_contain_text(
            "Extraction finished: 20 of 20 articles", timeout=60_000
        )
    expect(page.locator("#batch-progress")).to_contain_text("21 rows read: 20 created, 0 duplicates skipped, 1 failed")
    expect(page.get_by_text("feed.jsonl line 21")).to_be_visible()
    page.get_by_role("link", name="The imported articles").click()
    expect(page.locator("table.articles tbody tr")).to_have_count(20)
