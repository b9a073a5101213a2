import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from attribution.services.demo import demo_seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_confirms_a_quote_without_reload_and_exports_it(page):
    demo_seed(password="browser-pw", articles_file=Path(settings.BASE_DIR) / "fixtures" / "demo_articles.jsonl")

    page.goto("/articles/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("browser-pw")
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="Harbour ferry crews walk out over night-shift rota").click()
    card = page.locator(".card").filter(has_text="We are disappointed").first
    expect(card).to_contain_text("Miriam Okonkwo")
    progress = page.locator("#progress")
    expect(progress).to_contain_text("0 of")

    # A marker on window survives only if the page is never reloaded.
    page.evaluate("window.__noReload = true")
    card.get_by_role("button", name="Confirm").click()
    expect(card.locator(".badge")).to_have_text("Confirmed")
    expect(progress).to_contain_text("1 of")
    assert page.evaluate("window.__noReload") is True

    page.reload()
    card = page.locator(".card").filter(has_text="We are disappointed").first
    expect(card.locator(".badge")).to_have_text("Confirmed")
    expect(card).to_contain_text("by editor")

    page.get_by_role("link", name="Export", exact=True).click()  # the menu, not "export its quotes"
    expect(page.locator("#export-count")).to_contain_text("1 row will be exported")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download").click()
    rows = list(csv.DictReader(io.StringIO(Path(download_info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 1
    assert rows[0]["speaker"] == "Miriam Okonkwo"
    assert re.match(r"We are disappointed", rows[0]["quote_text"])
    assert rows[0]["status"] == "confirmed"
    assert rows[0]["reviewed_by"] == "editor"
