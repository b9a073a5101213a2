import threading
import time
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction

from attribution.models import Article, Outlet, Quote, ReviewEvent, Speaker
from attribution.services.review import (
    Correction,
    CorrectionRefused,
    NotDeletable,
    NothingToUndo,
    ReviewConflict,
    article_claim,
    article_confirm_remaining,
    article_redo,
    article_undo,
    quote_add,
    quote_confirm,
    quote_correct,
    quote_delete,
    quote_edit,
    quote_reject,
    quote_undo,
)
from tests.factories import ARTICLE_BODY, ArticleFactory, QuoteFactory, editor

pytestmark = pytest.mark.django_db


def test_confirm_records_reviewer_event_and_registry_link():
    quote, user = QuoteFactory.create(), editor()
    quote = quote_confirm(quote=quote, user=user, expected_version=1)
    assert (quote.status, quote.version, quote.reviewed_by) == (Quote.Status.CONFIRMED, 2, user)
    assert quote.speaker == Speaker.objects.get(name="Hannah Price")
    event = ReviewEvent.objects.get(quote=quote)
    assert event.action == "confirm"
    assert event.before["status"] == "pending"
    assert event.after["status"] == "confirmed"


def test_stale_version_is_refused_and_nothing_is_overwritten():
    quote = QuoteFactory.create()
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
    quote = QuoteFactory.create()
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
        quote=QuoteFactory.create(),
        user=editor(),
        expected_version=1,
        correction=Correction(speaker="Hannah Price", role="engineer", outlet="AP", kind="direct"),
    )
    assert quote.outlet == outlet
    assert quote.status == Quote.Status.CORRECTED
    assert quote.extracted_role == "county's chief engineer"


def test_undo_restores_previous_values_and_is_audited():
    quote = QuoteFactory.create()
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
    restored = quote_undo(quote=quote, user=second, expected_version=3)
    assert restored is not None
    assert (restored.status, restored.speaker_text, restored.kind, restored.reviewed_by, restored.version) == (
        Quote.Status.CONFIRMED,
        "Hannah Price",
        "direct",
        first,
        4,
    )
    assert restored.outlet is None
    assert restored.speaker is not None
    assert restored.speaker.name == "Hannah Price"
    redone = quote_undo(quote=restored, user=second, expected_version=4)
    assert redone is not None
    assert redone.speaker_text == "Someone Else"  # undoing the undo puts the edit back
    actions = list(ReviewEvent.objects.filter(quote=redone).order_by("id").values_list("action", flat=True))
    assert actions == ["confirm", "edit", "undo", "undo"]


def test_undo_back_to_pending_clears_the_review():
    rejected = quote_reject(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    quote = quote_undo(quote=rejected, user=editor(), expected_version=2)
    assert quote is not None
    assert (quote.status, quote.reviewed_by, quote.reviewed_at) == (Quote.Status.PENDING, None, None)


def test_nothing_to_undo():
    with pytest.raises(NothingToUndo):
        quote_undo(quote=QuoteFactory.create(), user=editor(), expected_version=1)


def test_confirm_remaining_records_each_quote():
    done = quote_reject(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    second = QuoteFactory.create(
        article=done.article, start=ARTICLE_BODY.index("The cracks"), end=ARTICLE_BODY.index("record,") + 7
    )
    assert article_confirm_remaining(article=done.article, user=editor()) == 1
    second.refresh_from_db()
    done.refresh_from_db()
    assert (second.status, done.status) == (Quote.Status.CONFIRMED, Quote.Status.REJECTED)
    assert ReviewEvent.objects.filter(quote=second, action="confirm").count() == 1


CRACKS = ARTICLE_BODY.index("The cracks")


def add_cracks(
    article: Article, *, speaker: str = "", role: str = "", new_speaker: bool = False, user: User | None = None
) -> Quote:
    """The words "The cracks", which the engine did not take for a quote, added by an editor."""
    correction = Correction(
        speaker=speaker, role=role, outlet="", kind="direct", start=CRACKS, end=CRACKS + 10, new_speaker=new_speaker
    )
    return quote_add(article=article, user=user or editor(), correction=correction)


def test_add_a_missed_quote_and_delete_it_with_a_record():
    existing = QuoteFactory.create()
    article = existing.article
    added = add_cracks(article, speaker="Hannah Price", role="engineer", new_speaker=True)
    assert added.speaker is not None
    assert (added.text, added.status, added.speaker.name) == ("The cracks", Quote.Status.ADDED, "Hannah Price")
    with pytest.raises(CorrectionRefused, match="Another quote of this article has exactly that span"):
        add_cracks(article)
    with pytest.raises(NotDeletable):
        quote_delete(quote=existing, user=editor(), expected_version=1)
    quote_delete(quote=added, user=editor(), expected_version=added.version)
    assert not Quote.objects.filter(pk=added.pk).exists()
    event = ReviewEvent.objects.get(action="delete")
    assert event.quote is None
    assert event.article == Article.objects.get(pk=article.pk)
    assert event.before["text"] == "The cracks"


def test_undo_of_an_added_quote_deletes_it_with_a_record():
    article = QuoteFactory.create().article
    added = add_cracks(article)
    assert quote_undo(quote=added, user=editor(), expected_version=added.version) is None
    assert not Quote.objects.filter(pk=added.pk).exists()
    undone = ReviewEvent.objects.get(action="undo")
    assert (undone.quote, undone.article_id, undone.before["text"], undone.after) == (
        None,
        article.pk,
        "The cracks",
        {},
    )


def test_undo_of_an_edited_added_quote_restores_it_and_keeps_it():
    added = add_cracks(QuoteFactory.create().article)
    edited = quote_edit(
        quote=added,
        user=editor(),
        expected_version=added.version,
        correction=Correction(speaker="", role="surveyor", outlet="", kind="direct"),
    )
    restored = quote_undo(quote=edited, user=editor(), expected_version=edited.version)
    assert restored is not None
    assert (restored.status, restored.role) == (Quote.Status.ADDED, "")


def test_a_name_new_to_the_registry_enters_it_only_on_purpose():
    Speaker.objects.create(name="Joanna Hanley", aliases=["Jo Hanley"])
    quote = QuoteFactory.create()
    with pytest.raises(CorrectionRefused) as caught:
        quote_edit(
            quote=quote,
            user=editor(),
            expected_version=1,
            correction=Correction(speaker="Hanah Price", role="", outlet="Radio Kent", kind="direct"),
        )
    assert dict(caught.value.field_messages()).keys() == {"speaker", "outlet"}
    assert not Speaker.objects.filter(name="Hanah Price").exists()
    assert not ReviewEvent.objects.exists()
    # A name the registry knows (by alias too), or the quote's own, needs no say-so.
    known = quote_edit(
        quote=quote,
        user=editor(),
        expected_version=1,
        correction=Correction(speaker="Jo  Hanley", role="", outlet="", kind="direct"),
    )
    assert known.speaker is not None
    assert known.speaker.name == "Joanna Hanley"
    same = quote_edit(
        quote=known,
        user=editor(),
        expected_version=known.version,
        correction=Correction(speaker="Jo Hanley", role="", outlet="Radio Kent", kind="direct", new_outlet=True),
    )
    assert same.outlet is not None
    assert same.outlet.name == "Radio Kent"


def run_together(*requests: Callable[[], None]) -> None:
    """Each in a thread of its own (and so a database connection of its own), all at once."""
    threads = [threading.Thread(target=request) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)


@pytest.mark.django_db(transaction=True)
def test_confirming_two_quotes_of_one_new_speaker_at_once_makes_one_registry_entry():
    # The desk sends a second confirmation (another quote, same speaker) before the first has committed: the
    # second insert of "Hannah Price" waits on the unique constraint, fails when the first commits, and finds
    # the entry the first made.
    first, second = QuoteFactory.create(), QuoteFactory.create()
    user = editor()
    first_made_speaker, failures = threading.Event(), []

    def confirm_first_slowly() -> None:
        try:
            with transaction.atomic():
                quote_confirm(quote=first, user=user, expected_version=1)
                first_made_speaker.set()
                time.sleep(0.5)
        except Exception as exc:
            failures.append(exc)
        finally:
            connection.close()

    def confirm_second() -> None:
        first_made_speaker.wait(10)
        try:
            quote_confirm(quote=second, user=user, expected_version=1)
        except Exception as exc:
            failures.append(exc)
        finally:
            connection.close()

    run_together(confirm_first_slowly, confirm_second)
    assert failures == []
    (speaker,) = Speaker.objects.filter(name="Hannah Price")
    assert set(Quote.objects.values_list("speaker", "status")) == {(speaker.pk, Quote.Status.CONFIRMED)}


@pytest.mark.django_db(transaction=True)
def test_two_editors_adding_the_same_missed_words_at_once_get_one_quote_and_a_message():
    article = ArticleFactory.create()
    start = article.body.index("Officials")
    correction = Correction(speaker="", role="", outlet="", kind="indirect", start=start, end=start + 19)
    one, two = editor("one"), editor("two")
    first_added, outcomes = threading.Event(), []

    def add_slowly() -> None:
        try:
            with transaction.atomic():
                quote_add(article=article, user=one, correction=correction)
                first_added.set()
                time.sleep(0.5)
            outcomes.append("added")
        finally:
            connection.close()

    def add_too() -> None:
        first_added.wait(10)
        try:
            quote_add(article=article, user=two, correction=correction)
            outcomes.append("added")
        except CorrectionRefused as refused:
            outcomes.append(refused.message)
        finally:
            connection.close()

    run_together(add_slowly, add_too)
    assert sorted(outcomes) == ["Another quote of this article has exactly that span.", "added"]
    assert article.quotes.count() == 1


def test_a_name_the_text_gives_with_line_breaks_is_stored_and_registered_folded():
    broken = QuoteFactory.create(speaker_text="\n\nHannah  Price\n", extracted_speaker="\n\nHannah  Price\n")
    first = quote_confirm(quote=broken, user=editor(), expected_version=1)
    second = quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    assert first.speaker is not None
    assert (first.speaker.name, first.speaker, Speaker.objects.count()) == ("Hannah Price", second.speaker, 1)


def test_an_editors_undo_walks_back_their_own_actions_on_the_article_then_redo_walks_forward():
    first = QuoteFactory.create()
    article = first.article
    second = QuoteFactory.create(article=article, start=CRACKS, end=CRACKS + 10, text="The cracks")
    me, other = editor("me"), editor("other")
    quote_confirm(quote=first, user=me, expected_version=1)
    quote_reject(quote=second, user=other, expected_version=1)
    edited = quote_edit(
        quote=first,
        user=me,
        expected_version=2,
        correction=Correction(speaker="Hannah Price", role="surveyor", outlet="", kind="direct"),
    )
    assert edited.role == "surveyor"

    undone = article_undo(article=article, user=me)  # the edit
    assert undone.quote is not None
    assert (undone.quote.role, undone.quote.status) == ("county's chief engineer", Quote.Status.CONFIRMED)
    assert undone.message().startswith("Undone: edited, “We had no choice but to close the bridge")
    undone = article_undo(article=article, user=me)  # then the confirmation; the other editor's reject stays
    assert undone.quote is not None
    assert undone.quote.status == Quote.Status.PENDING
    second.refresh_from_db()
    assert second.status == Quote.Status.REJECTED
    with pytest.raises(NothingToUndo):
        article_undo(article=article, user=me)

    redone = article_redo(article=article, user=me)  # the confirmation again, then the edit
    assert redone.quote is not None
    assert redone.quote.status == Quote.Status.CONFIRMED
    assert redone.message().startswith("Redone: confirmed")
    redone = article_redo(article=article, user=me)
    assert redone.quote is not None
    assert redone.quote.role == "surveyor"
    with pytest.raises(NothingToUndo):
        article_redo(article=article, user=me)
    # Undo after a redo takes the redone edit back; a fresh action then leaves nothing to redo.
    again = article_undo(article=article, user=me).quote
    assert again is not None
    assert again.role == "county's chief engineer"
    quote_reject(quote=again, user=me, expected_version=again.version)
    with pytest.raises(NothingToUndo):
        article_redo(article=article, user=me)


def test_undo_brings_back_a_deleted_quote_with_its_history_and_takes_back_an_addition():
    article = QuoteFactory.create().article
    me = editor("me")
    added = add_cracks(article, user=me)
    quote_delete(quote=added, user=me, expected_version=added.version)
    back = article_undo(article=article, user=me).quote
    assert back is not None
    assert (back.pk, back.text, back.status) == (added.pk, "The cracks", Quote.Status.ADDED)
    assert list(back.events.order_by("id").values_list("action", flat=True)) == ["add", "undo"]
    assert article_undo(article=article, user=me).quote is None  # the addition itself
    assert not Quote.objects.filter(pk=added.pk).exists()


def test_undo_stops_where_another_editor_changed_the_quote_since():
    quote = QuoteFactory.create()
    me, other = editor("me"), editor("other")
    quote_confirm(quote=quote, user=me, expected_version=1)
    quote_reject(quote=quote, user=other, expected_version=2)
    with pytest.raises(NothingToUndo, match="changed since"):
        article_undo(article=quote.article, user=me)
    quote.refresh_from_db()
    assert quote.status == Quote.Status.REJECTED


def test_a_one_step_correction_keeps_the_other_values_and_takes_a_picked_name_into_the_registry():
    quote = QuoteFactory.create(outlet_text="Harbour Radio")
    corrected = quote_correct(quote=quote, user=editor(), expected_version=1, changes={"speaker": "Ines  Dahl"})
    assert corrected.speaker is not None
    # Another person: the role described Hannah Price, and the article gives Ines Dahl none.
    assert (corrected.speaker.name, corrected.role, corrected.outlet_text, corrected.status) == (
        "Ines Dahl",
        "",
        "Harbour Radio",
        Quote.Status.CORRECTED,
    )
    with pytest.raises(CorrectionRefused, match="not a kind of quote"):
        quote_correct(quote=quote, user=editor(), expected_version=corrected.version, changes={"kind": "poetry"})


def test_a_picked_speaker_brings_the_role_the_article_gives_them():
    article = ArticleFactory.create(
        entities=[
            {"name": "Hannah Price", "kind": "person", "role": "county's chief engineer", "mentions": [[90, 102]]},
            {"name": "Ines Dahl", "kind": "person", "role": "harbour master", "mentions": [[200, 209]]},
        ]
    )
    quote = QuoteFactory.create(article=article, speaker_text="Price", role="")
    fuller = quote_correct(quote=quote, user=editor(), expected_version=1, changes={"speaker": "Hannah Price"})
    assert fuller.role == "county's chief engineer"
    other = quote_correct(quote=quote, user=editor(), expected_version=fuller.version, changes={"speaker": "ines dahl"})
    assert other.role == "harbour master"
    given = quote_correct(
        quote=quote,
        user=editor(),
        expected_version=other.version,
        changes={"speaker": "Hannah Price", "role": "pundit"},
    )
    assert given.role == "pundit"


def test_the_same_person_named_more_fully_keeps_the_role():
    quote = QuoteFactory.create(speaker_text="Price")
    assert (
        quote_correct(quote=quote, user=editor(), expected_version=1, changes={"speaker": "Hannah Price"}).role
        == "county's chief engineer"
    )


def test_an_editor_says_what_a_speaker_is_for_all_their_quotes():
    first = quote_confirm(
        quote=QuoteFactory.create(extracted_speaker_kind="organization"), user=editor(), expected_version=1
    )
    second = quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    assert first.speaker is not None
    assert first.speaker == second.speaker
    assert first.speaker.kind == Speaker.Kind.ORGANIZATION
    edited = quote_edit(
        quote=first,
        user=editor(),
        expected_version=first.version,
        correction=Correction(speaker="Hannah Price", role="", outlet="", kind="direct", speaker_kind="person"),
    )
    assert edited.speaker is not None
    assert edited.speaker.kind == Speaker.Kind.PERSON
    second.refresh_from_db()
    assert second.speaker == edited.speaker  # the registry entry changed, for every quote linked to it
    assert [change for change in edited.events.latest("id").changes() if change[0] == "speaker is"] == [
        ("speaker is", "Organization", "Person")
    ]
    undone = quote_undo(quote=edited, user=editor(), expected_version=edited.version)
    assert undone is not None
    assert undone.speaker is not None
    assert undone.speaker.kind == Speaker.Kind.ORGANIZATION  # the undo gave the registry its kind back
    assert Speaker.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_editors_asking_the_queue_at_once_get_different_articles():
    first, second = QuoteFactory.create().article, QuoteFactory.create().article
    one, two = editor("one"), editor("two")
    first_claimed, handed = threading.Event(), {}

    def claim_slowly() -> None:
        try:
            with transaction.atomic():
                handed["one"] = article_claim(user=one)
                first_claimed.set()
                time.sleep(0.5)  # still handing it out when the other asks
        finally:
            connection.close()

    def claim_too() -> None:
        first_claimed.wait(10)
        try:
            handed["two"] = article_claim(user=two)
        finally:
            connection.close()

    run_together(claim_slowly, claim_too)
    assert {handed["one"], handed["two"]} == {first, second}
