"""Filter fields searched as you type, in a real Chromium: typing offers a few matches, choosing one filters."""

import pytest
from playwright.sync_api import expect

from attribution.models import ImportBatch, Publisher, Speaker
from tests.factories import ArticleFactory, QuoteFactory, admin_user, editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, path, user=None):
    user = user or editor("desk")
    user.set_password("desk-pw")
    user.save()
    page.goto(f"/login/?next={path}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("desk-pw")
    page.get_by_role("button", name="Log in").click()


def test_choosing_a_publisher_and_an_import_batch_filters_the_list(page):
    wire = ImportBatch.objects.create(source_name="wire.jsonl")
    ArticleFactory.create(title="Harbour reopens", publisher="Evening Courier", import_batch=wire)
    ArticleFactory.create(title="Ferry strike", publisher="Evening Courier")
    ArticleFactory.create(title="Bridge closed", publisher="Gazette")
    log_in(page, "/articles/")
    rows = page.locator("table.articles tbody tr")
    expect(rows).to_have_count(3)

    page.get_by_label("Publisher").press_sequentially("cour")
    option = page.get_by_role("option", name="Evening Courier")
    expect(option).to_be_visible()
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_count(1)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(rows).to_have_count(2)
    expect(page.get_by_label("Publisher")).to_have_value("Evening Courier")
    assert "publisher=Evening%20Courier" in page.url  # pushed: the filtered list has its own address

    page.get_by_label("Import batch").press_sequentially("wire")
    page.get_by_role("option", name="wire.jsonl").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Harbour reopens")
    assert f"import_batch={wire.pk}" in page.url
    page.reload()  # the URL keeps the choice, shown by its name
    expect(page.get_by_label("Import batch")).to_have_value(f"wire.jsonl ({wire.created_at:%Y-%m-%d %H:%M}) #{wire.pk}")

    label = page.get_by_label("Import batch").input_value()
    page.get_by_label("Import batch").press_sequentially("xyz")
    page.keyboard.press("Tab")  # typed, not chosen: the field shows the choice still in force
    expect(page.get_by_label("Import batch")).to_have_value(label)
    expect(rows).to_have_count(1)

    page.get_by_label("Import batch").fill("")  # cleared: no longer filtered by it
    expect(rows).to_have_count(2)


def test_the_merge_form_finds_the_speaker_to_merge_by_name(page):
    ann = Speaker.objects.create(name="Ann Lee")
    other = Speaker.objects.create(name="A. Lee")
    log_in(page, f"/speakers/{ann.pk}/", admin_user("chief"))
    page.get_by_label("Merge another speaker into Ann Lee").press_sequentially("a. l")
    page.get_by_role("option", name="A. Lee (person)").click()
    page.get_by_role("button", name="Merge…").click()
    expect(page.get_by_role("heading", name="Merge A. Lee into Ann Lee?")).to_be_visible()
    assert f"source={other.pk}" in page.url


def test_an_editor_merges_two_forms_of_one_publisher_and_the_list_shows_one(page):
    gazette = Publisher.objects.create(name="Eastmere Gazette")
    Publisher.objects.create(name="The Eastmere Gazette", aliases=["gazette.example"])
    ArticleFactory.create(title="Flood wall approved", publisher="Eastmere Gazette")
    ArticleFactory.create(title="Bridge closed", publisher="The Eastmere Gazette")
    log_in(page, f"/publishers/{gazette.pk}/")
    page.get_by_label("Merge another publisher into Eastmere Gazette").press_sequentially("gazette.ex")
    page.get_by_role("option", name="The Eastmere Gazette").click()
    page.get_by_role("button", name="Merge…").click()
    expect(page.get_by_role("heading", name="Merge The Eastmere Gazette into Eastmere Gazette?")).to_be_visible()
    page.get_by_role("button", name="Merge The Eastmere Gazette into Eastmere Gazette").click()
    expect(page.get_by_text("The Eastmere Gazette merged into Eastmere Gazette: 1 article renamed.")).to_be_visible()
    page.get_by_role("link", name="2 articles").click()
    expect(page.locator("table.articles tbody tr")).to_have_count(2)


def test_the_export_counts_the_rows_of_the_publisher_chosen(page):
    QuoteFactory.create(article=ArticleFactory.create(publisher="Gazette"))
    harbour = ArticleFactory.create(title="Harbour reopens", publisher="Evening Courier")
    QuoteFactory.create(article=harbour)
    QuoteFactory.create(article=harbour, start=0, end=9, text=harbour.body[0:9])
    log_in(page, "/export/")
    page.get_by_label("Status").select_option("all")
    expect(page.locator("#export-count")).to_contain_text("3 rows will be exported")
    page.get_by_label("Publisher").press_sequentially("gaz")
    page.get_by_role("option", name="Gazette").click()
    expect(page.locator("#export-count")).to_contain_text("1 row will be exported")
    page.get_by_label("Publisher").fill("")  # cleared: every publisher again
    expect(page.locator("#export-count")).to_contain_text("3 rows will be exported")
    page.get_by_label("Article").press_sequentially("harbour")
    page.get_by_role("option", name="Harbour reopens").click()
    expect(page.locator("#export-count")).to_contain_text("2 rows will be exported")
