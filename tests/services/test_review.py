import pytest

from attribution.models import Article, Outlet, Quote, ReviewEvent, Speaker
from attribution.services.review import (
    Correction,
    InvalidSpan,
    NotDeletable,
    NothingToUndo,
    ReviewConflict,
    article_confirm_remaining,
    quote_add,
    quote_confirm,
    quote_delete,
    quote_edit,
    quote_reject,
    quote_undo,
)
from tests.factories import ARTICLE_BODY, QuoteFactory, editor

pytestmark = pytest.mark.django_db


def test_confirm_records_reviewer_event_and_registry_link():
    quote, user = QuoteFactory(), editor()
    quote = quote_confirm(quote=quote, user=user, expected_version=1)
    assert (quote.status, quote.version, quote.reviewed_by) == (Quote.Status.CONFIRMED, 2, user)
    assert quote.speaker == Speaker.objects.get(name="Hannah Price")
    event = ReviewEvent.objects.get(quote=quote)
    assert event.action == "confirm"
    assert event.before["status"] == "pending"
    assert event.after["status"] == "confirmed"


def test_stale_version_is_refused_and_nothing_is_overwritten():
    quote = QuoteFactory()
    first, second = editor("first"), editor("second")
    quote_edit(
        quote=quote,
        user=first,
        expected_version=1,
        correction=Correction(
            speaker="Hannah J. Price",
            role="chief engineer",
            outlet="",
            kind="direct",
            new_speaker=True,
            new_outlet=True,
        ),
    )
    with pytest.raises(ReviewConflict) as caught:
        quote_reject(quote=quote, user=second, expected_version=1)
    assert caught.value.current.speaker_text == "Hannah J. Price"
    quote.refresh_from_db()
    assert (quote.status, quote.reviewed_by) == (Quote.Status.CORRECTED, first)
    assert ReviewEvent.objects.filter(quote=quote).count() == 1


def test_edit_without_changes_counts_as_confirmation():
    quote = QuoteFactory()
    quote = quote_edit(
        quote=quote,
        user=editor(),
        expected_version=1,
        correction=Correction(speaker=quote.speaker_text, role=quote.role, outlet="", kind="direct"),
    )
    assert quote.status == Quote.Status.CONFIRMED


def test_edit_links_outlet_by_alias():
    outlet = Outlet.objects.create(name="Associated Press", aliases=["AP"])
    quote = quote_edit(
        quote=QuoteFactory(),
        user=editor(),
        expected_version=1,
        correction=Correction(speaker="Hannah Price", role="engineer", outlet="AP", kind="direct"),
    )
    assert quote.outlet == outlet
    assert quote.status == Quote.Status.CORRECTED
    assert quote.extracted_role == "county's chief engineer"


def test_undo_restores_previous_values_and_is_audited():
    quote = QuoteFactory()
    first, second = editor("first"), editor("second")
    quote = quote_confirm(quote=quote, user=first, expected_version=1)
    quote = quote_edit(
        quote=quote,
        user=second,
        expected_version=2,
        correction=Correction(
            speaker="Someone Else", role="", outlet="Radio X", kind="indirect", new_speaker=True, new_outlet=True
        ),
    )
    quote = quote_undo(quote=quote, user=second, expected_version=3)
    assert (quote.status, quote.speaker_text, quote.kind, quote.reviewed_by, quote.version) == (
        Quote.Status.CONFIRMED,
        "Hannah Price",
        "direct",
        first,
        4,
    )
    assert quote.outlet is None
    assert quote.speaker.name == "Hannah Price"
    quote = quote_undo(quote=quote, user=second, expected_version=4)
    assert quote.speaker_text == "Someone Else"  # undoing the undo puts the edit back
    actions = list(ReviewEvent.objects.filter(quote=quote).order_by("id").values_list("action", flat=True))
    assert actions == ["confirm", "edit", "undo", "undo"]


def test_undo_back_to_pending_clears_the_review():
    quote = quote_reject(quote=QuoteFactory(), user=editor(), expected_version=1)
    quote = quote_undo(quote=quote, user=editor(), expected_version=2)
    assert (quote.status, quote.reviewed_by, quote.reviewed_at) == (Quote.Status.PENDING, None, None)


def test_nothing_to_undo():
    with pytest.raises(NothingToUndo):
        quote_undo(quote=QuoteFactory(), user=editor(), expected_version=1)


def test_confirm_remaining_records_each_quote():
    done = quote_reject(quote=QuoteFactory(), user=editor(), expected_version=1)
    second = QuoteFactory(
        article=done.article, start=ARTICLE_BODY.index("The cracks"), end=ARTICLE_BODY.index("record,") + 7
    )
    assert article_confirm_remaining(article=done.article, user=editor()) == 1
    second.refresh_from_db()
    done.refresh_from_db()
    assert (second.status, done.status) == (Quote.Status.CONFIRMED, Quote.Status.REJECTED)
    assert ReviewEvent.objects.filter(quote=second, action="confirm").count() == 1


def test_add_a_missed_quote_and_delete_it_with_a_record():
    existing = QuoteFactory()
    article = existing.article
    start = ARTICLE_BODY.index("The cracks")
    added = quote_add(
        article=article,
        user=editor(),
        correction=Correction(
            start=start,
            end=start + 10,
            speaker="Hannah Price",
            role="engineer",
            outlet="",
            kind="direct",
            new_speaker=True,
            new_outlet=True,
        ),
    )
    assert (added.text, added.status, added.speaker.name) == ("The cracks", Quote.Status.ADDED, "Hannah Price")
    with pytest.raises(InvalidSpan):
        quote_add(
            article=article,
            user=editor(),
            correction=Correction(
                start=start,
                end=start + 10,
                speaker="",
                role="",
                outlet="",
                kind="direct",
                new_speaker=True,
                new_outlet=True,
            ),
        )
    with pytest.raises(NotDeletable):
        quote_delete(quote=existing, user=editor(), expected_version=1)
    quote_delete(quote=added, user=editor(), expected_version=added.version)
    assert not Quote.objects.filter(pk=added.pk).exists()
    event = ReviewEvent.objects.get(action="delete")
    assert event.quote is None
    assert event.article == Article.objects.get(pk=article.pk)
    assert event.before["text"] == "The cracks"
