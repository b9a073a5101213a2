import pytest

from attribution.models import Outlet, Quote, ReviewEvent, Speaker
from attribution.services.review import ReviewConflict, quote_confirm, quote_edit, quote_reject
from tests.factories import QuoteFactory, editor

pytestmark = pytest.mark.django_db


def test_confirm_records_reviewer_event_and_registry_link():
    quote, user = QuoteFactory(), editor()
    quote = quote_confirm(quote=quote, user=user, expected_version=1)
    assert (quote.status, quote.version, quote.reviewed_by) == (Quote.Status.CONFIRMED, 2, user)
    assert quote.speaker == Speaker.objects.get(name="Hannah Price")
    event = ReviewEvent.objects.get(quote=quote)
    assert event.action == "confirm" and event.before["status"] == "pending" and event.after["status"] == "confirmed"


def test_stale_version_is_refused_and_nothing_is_overwritten():
    quote = QuoteFactory()
    first, second = editor("first"), editor("second")
    quote_edit(quote=quote, user=first, expected_version=1, speaker="Hannah J. Price", role="chief engineer",
               outlet="", kind="direct")
    with pytest.raises(ReviewConflict) as caught:
        quote_reject(quote=quote, user=second, expected_version=1)
    assert caught.value.current.speaker_text == "Hannah J. Price"
    quote.refresh_from_db()
    assert (quote.status, quote.reviewed_by) == (Quote.Status.CORRECTED, first)
    assert ReviewEvent.objects.filter(quote=quote).count() == 1


def test_edit_without_changes_counts_as_confirmation():
    quote = QuoteFactory()
    quote = quote_edit(quote=quote, user=editor(), expected_version=1, speaker=quote.speaker_text,
                       role=quote.role, outlet="", kind="direct")
    assert quote.status == Quote.Status.CONFIRMED


def test_edit_links_outlet_by_alias():
    outlet = Outlet.objects.create(name="Associated Press", aliases=["AP"])
    quote = quote_edit(quote=QuoteFactory(), user=editor(), expected_version=1, speaker="Hannah Price",
                       role="engineer", outlet="AP", kind="direct")
    assert quote.outlet == outlet and quote.status == Quote.Status.CORRECTED
    assert quote.extracted_role == "county's chief engineer"
