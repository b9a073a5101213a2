"""What the desk shows when a request fails: a server error, no network, a refusal, an expired session."""

import re

import pytest
from playwright.sync_api import expect

from attribution.models import Quote
from tests.browser.test_keyboard_review import STORY, open_desk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def desk(page, live_server):
    return open_desk(page, "Storm closes coastal road", STORY)


def failure(page):
    return page.locator("#request-failed")


@pytest.mark.parametrize(
    ("status", "said"), [(500, "The server failed on this request"), (403, "Not allowed"), (404, "Not found")]
)
def test_a_refused_or_failed_request_says_so_and_the_next_one_clears_it(page, desk, status, said):
    # Every confirm fails until the route is lifted (a route good for one request raced the desk under load).
    page.route("**/confirm/", lambda route: route.fulfill(status=status, body="<h1>boom</h1>"))
    page.keyboard.press("a")
    expect(failure(page)).to_be_visible()
    expect(failure(page)).to_contain_text(said)
    expect(page.locator(".cards")).not_to_contain_text("boom")
    assert not Quote.objects.exclude(status="pending").exists()
    page.unroute("**/confirm/")
    page.keyboard.press("k")
    page.keyboard.press("a")  # the desk takes keys again, and a request that succeeds clears the message
    expect(page.locator(".cards .card").first.locator(".badge")).to_have_text("Confirmed")
    expect(failure(page)).to_be_hidden()


def test_no_connection_says_nothing_was_saved(page, desk):
    page.route("**/confirm/", lambda route: route.abort("internetdisconnected"))
    page.keyboard.press("a")
    expect(failure(page)).to_contain_text("No connection to the server: nothing was saved")
    assert not Quote.objects.exclude(status="pending").exists()
    failure(page).get_by_role("button", name="Dismiss").click()
    expect(failure(page)).to_be_hidden()


def test_an_expired_session_goes_to_log_in_and_back(page, desk):
    page.context.clear_cookies(name="sessionid")  # the session ends; the CSRF cookie lives on
    page.keyboard.press("a")
    expect(page).to_have_url(re.compile(rf"/login/\?next=%2Farticles%2F{desk.pk}%2F"))
    expect(page.locator(".cards")).to_have_count(0)  # not the login page pasted into the card list
    page.get_by_label("Username").fill("kb")
    page.get_by_label("Password").fill("kb-pw")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(rf"/articles/{desk.pk}/$"))
