"""Two editors on one quote in two real browser sessions: the second save is refused, visibly."""

import pytest
from playwright.sync_api import expect

from attribution.models import Quote
from attribution.services.ingest import article_create
from tests.factories import editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORY = 'Ferry fares rise\n\n"Fares will go up by a tenth in April," said ferry operator Mila Brandt.'


def open_as(browser, live_server, username, article):
    user = editor(username)
    user.set_password("pw-" + username)
    user.save()
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.goto(f"/login/?next=/articles/{article.pk}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw-" + username)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".card")).to_have_count(1)
    return context, page


def test_second_editor_is_told_and_nothing_is_overwritten(browser, live_server):
    article = article_create(title="Ferry fares rise", body=STORY)
    first_context, first = open_as(browser, live_server, "anna", article)
    second_context, second = open_as(browser, live_server, "ben", article)
    try:
        first.get_by_role("button", name="Confirm", exact=True).click()
        expect(first.locator(".card .badge")).to_have_text("Confirmed")

        second.get_by_role("button", name="Reject").click()  # from a page loaded before Anna's confirmation
        alert = second.get_by_role("alert")
        expect(alert).to_contain_text("anna changed this quote first")
        expect(second.locator(".card .badge")).to_have_text("Confirmed")  # the other version is shown

        quote = Quote.objects.get()
        assert quote.reviewed_by is not None
        assert (quote.status, quote.reviewed_by.username) == ("confirmed", "anna")
        second.get_by_role("button", name="Reject").click()  # now deliberately, on the current version
        expect(second.locator(".card .badge")).to_have_text("Rejected")
    finally:
        first_context.close()
        second_context.close()
