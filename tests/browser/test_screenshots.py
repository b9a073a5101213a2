"""`make screenshots`: the review desk as an editor sees it, saved to docs/screenshots/ for the README.
Marked so the default test run leaves the committed pictures alone."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from attribution.services.demo import demo_seed

pytestmark = [pytest.mark.screenshots, pytest.mark.django_db(transaction=True)]

OUT = Path(settings.BASE_DIR) / "docs" / "screenshots"


def test_review_page_screenshot(browser, live_server):
    demo_seed(password="shot-pw", articles_file=Path(settings.BASE_DIR) / "fixtures" / "demo_articles.jsonl")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto("/login/?next=/articles/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("shot-pw")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Harbour ferry crews walk out over night-shift rota").click()
    # Keys pressed before desk.js has selected the first card would do nothing.
    expect(page.locator(".card.selected")).to_have_count(1)
    # Each key waits for the answer to the one before: keys pressed meanwhile are ignored.
    page.keyboard.press("a")
    expect(page.locator("#progress")).to_contain_text("1 of")
    page.keyboard.press("a")
    expect(page.locator("#progress")).to_contain_text("2 of")
    page.keyboard.press("j")
    page.evaluate("window.scrollTo(0, 0)")
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=OUT / "review.png")
    page.keyboard.press("?")
    page.screenshot(path=OUT / "shortcuts.png")
    context.close()
