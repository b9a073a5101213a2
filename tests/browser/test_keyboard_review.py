"""The review desk driven from the keyboard alone, in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from attribution.models import Article, ImportBatch, Quote, ReviewEvent, Speaker
from attribution.services.ingest import article_create
from tests.factories import editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORY = (
    "Storm closes coastal road\n\n"
    # Her post is in the text for an editor to select, but not where the engine reads a role from.
    '"The sea wall took the worst of it overnight," said Ines Dahl. The harbour master\'s office stayed shut.\n\n'
    '"We will not reopen the road until engineers have checked every metre," she added.\n\n'
    "Council leader Piet Graaf told Radio Kestrel that repairs would start on Monday.\n\n"
    '"Nobody should drive down there tonight," Graaf said.'
)


def open_desk(page, title: str, body: str) -> Article:
    """The article, stored through the ingest service, open on the desk of an editor who just logged in."""
    article = article_create(title=title, body=body)
    user = editor("kb")
    user.set_password("kb-pw")
    user.save()
    page.goto(f"/login/?next=/articles/{article.pk}/")
    page.get_by_label("Username").fill("kb")
    page.get_by_label("Password").fill("kb-pw")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".card.selected")).to_have_count(1)
    return article


@pytest.fixture
def desk(page, live_server):
    return open_desk(page, "Storm closes coastal road", STORY)


def status_of(card):
    return card.locator(".badge")


def test_confirm_reject_edit_undo_and_help_from_the_keyboard(page, desk):
    cards = page.locator(".cards .card")
    expect(cards).to_have_count(4)

    ids = [cards.nth(i).get_attribute("data-quote") for i in range(4)]
    page.keyboard.press("a")  # confirm the first, move to the second
    expect(status_of(cards.nth(0))).to_have_text("Confirmed")
    expect(page.locator(".card.selected")).to_have_attribute("id", f"quote-{ids[1]}")
    expect(page.locator(f"#hl-{ids[0]}")).to_have_class(re.compile("status-confirmed"))

    page.keyboard.press("x")  # reject the second, move to the third
    expect(status_of(cards.nth(1))).to_have_text("Rejected")
    page.keyboard.press("u")  # undo the rejection
    expect(status_of(cards.nth(1))).to_have_text("Pending")

    page.keyboard.press("j")
    page.keyboard.press("k")
    expect(page.locator(".card.selected")).to_have_attribute("id", f"quote-{ids[1]}")
    page.keyboard.press("j")  # the third: Piet Graaf's reported speech
    page.keyboard.press("e")
    speaker = page.get_by_label("Speaker", exact=True)
    expect(speaker).to_be_focused()
    speaker.fill("Ine")  # active search offers the registry's names (Ines Dahl entered it when confirmed)
    expect(page.locator(f"#speaker-options-{ids[2]} [role=option]").first).to_have_attribute("data-value", "Ines Dahl")
    speaker.fill("j k a x")  # shortcuts never fire while typing
    page.keyboard.press("Escape")  # cancel
    expect(page.get_by_label("Speaker", exact=True)).to_have_count(0)
    page.keyboard.press("e")
    page.get_by_label("Outlet", exact=True).fill("Radio Kestrel FM")
    page.keyboard.press("Enter")  # save: refused, the outlet is new to the registry
    expect(page.get_by_text("“Radio Kestrel FM” is not in the outlet registry")).to_be_visible()
    page.get_by_label("Add as a new outlet").check()
    page.get_by_label("Outlet", exact=True).press("Enter")
    third = cards.nth(2)
    expect(status_of(third)).to_have_text("Corrected")
    expect(third.locator(".outlet")).to_have_text("Radio Kestrel FM")

    page.locator(f"#hl-{ids[3]}").click()  # a highlight in the text selects its card, and the other way round
    expect(page.locator(".card.selected")).to_have_attribute("id", f"quote-{ids[3]}")
    cards.nth(0).locator("blockquote").click()
    expect(page.locator(f"#hl-{ids[0]}")).to_have_class(re.compile("selected"))

    page.keyboard.press("?")
    expect(page.locator("#shortcut-help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#shortcut-help")).to_be_hidden()
    expect(page.locator("#progress")).to_contain_text("2 of 4 reviewed")

    statuses = dict(Quote.objects.values_list("speaker_text", "status").order_by("start")[:1])
    assert statuses == {"Ines Dahl": "confirmed"}
    assert ReviewEvent.objects.filter(action="undo").count() == 1


def test_confirm_all_remaining_asks_first(page, desk):
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Confirm all remaining").click()
    expect(page.locator("#progress")).to_contain_text("4 of 4 reviewed")
    assert set(Quote.objects.values_list("status", flat=True)) == {"confirmed"}


SELECT_WORDS = """([words]) => {
  const body = document.querySelector('.article-text .body');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.textContent.indexOf(words);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}"""


def test_add_a_missed_quote_by_selecting_text_then_delete_it(page, desk):
    assert page.evaluate(SELECT_WORDS, ["took the worst of it overnight"])
    page.keyboard.press("n")
    page.get_by_label("Speaker", exact=True).fill("Ines Dahl")
    page.get_by_label("Kind", exact=True).select_option("indirect")
    page.get_by_label("Add as a new speaker").check()
    page.get_by_label("Speaker", exact=True).press("Enter")
    added = page.locator(".card").filter(has_text="Added by editor")
    expect(added).to_have_count(1)
    expect(added.locator("blockquote")).to_have_text("took the worst of it overnight")
    assert Quote.objects.get(status="added").text == "took the worst of it overnight"

    page.once("dialog", lambda dialog: dialog.accept())
    added.get_by_role("button", name="Delete").click()
    expect(page.locator(".card").filter(has_text="Added by editor")).to_have_count(0)
    assert ReviewEvent.objects.filter(action="delete").count() == 1


def test_undoing_an_added_quote_removes_it_and_the_desk_selects_the_quote_in_its_place(page, desk):
    assert page.evaluate(SELECT_WORDS, ["took the worst of it overnight"])
    page.keyboard.press("n")
    page.get_by_label("Speaker", exact=True).press("Enter")
    added = page.locator(".card").filter(has_text="Added by editor")
    expect(added).to_have_count(1)
    cards = page.locator(".cards .card")
    index = [cards.nth(i).get_attribute("data-quote") for i in range(cards.count())].index(
        added.get_attribute("data-quote")
    )
    following = cards.nth(index + 1).get_attribute("data-quote")
    added.locator("blockquote").click()
    page.keyboard.press("u")
    expect(added).to_have_count(0)
    expect(page.locator(".card.selected")).to_have_attribute("data-quote", following or "")
    page.keyboard.press("a")
    expect(page.locator(f"#quote-{following} .badge")).to_have_text("Confirmed")
    assert ReviewEvent.objects.filter(action="undo", quote=None).count() == 1


def test_typing_into_outlet_while_speaker_suggestions_arrive_saves_exactly_what_was_typed(page, desk):
    Speaker.objects.create(name="Ines Dahl")
    Speaker.objects.create(name="Ines Dahlberg")
    cards = page.locator(".cards .card")
    card = cards.nth(2)  # Piet Graaf's reported speech
    card.locator("blockquote").click()
    page.keyboard.press("e")
    speaker = page.get_by_label("Speaker", exact=True)
    expect(speaker).to_be_focused()
    expect(speaker).to_have_js_property("selectionEnd", len("Piet Graaf"))  # the old name is selected
    # Typed at 4 characters a second, replacing what each field held, while the suggestions for each name
    # arrive (~200 ms after a pause in typing).
    page.keyboard.type("Ines Dahl", delay=250)
    page.keyboard.press("Tab")
    page.keyboard.type("Harbour master", delay=250)
    page.keyboard.press("Tab")
    page.keyboard.type("Radio Kestrel North", delay=250)
    page.get_by_label("Add as a new outlet").check()
    page.get_by_label("Outlet", exact=True).press("Enter")
    expect(status_of(card)).to_have_text("Corrected")
    quote = Quote.objects.get(pk=card.get_attribute("data-quote"))
    assert (quote.speaker_text, quote.role, quote.outlet_text) == ("Ines Dahl", "Harbour master", "Radio Kestrel North")
    assert not Speaker.objects.filter(name__icontains="Radio").exists()
    # Saving moves on to the next quote.
    expect(page.locator(".card.selected")).to_have_attribute(
        "data-quote", cards.nth(3).get_attribute("data-quote") or ""
    )


# Every request the page makes leaves 400 ms late, as over a slow network.
SLOW_NETWORK = """
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (body) { setTimeout(() => send.call(this, body), 400); };
"""


def test_keys_pressed_while_a_request_is_in_flight_change_nothing(page, desk):
    page.add_init_script(SLOW_NETWORK)
    page.reload()
    cards = page.locator(".cards .card")
    expect(page.locator(".card.selected")).to_have_count(1)
    page.keyboard.press("a")  # confirm the first quote and move to the second...
    page.keyboard.press("x")  # ...where this would reject a card whose state has not come back yet
    expect(status_of(cards.nth(0))).to_have_text("Confirmed")
    page.keyboard.press("e")  # the edit form for the second quote, typed into before it arrives:
    page.keyboard.type("alan")
    expect(page.get_by_label("Speaker", exact=True)).to_be_focused()
    assert list(ReviewEvent.objects.values_list("action", flat=True)) == ["confirm"]
    assert Quote.objects.filter(status=Quote.Status.PENDING).count() == 3


def test_u_after_a_reload_undoes_the_editors_last_edit_and_says_so_then_shift_u_redoes_it(page, desk):
    cards = page.locator(".cards .card")
    page.keyboard.press("a")  # confirm the first quote
    expect(status_of(cards.nth(0))).to_have_text("Confirmed")
    page.keyboard.press("e")  # edit the second
    expect(page.get_by_label("Speaker", exact=True)).to_be_focused()
    page.keyboard.type("Ines M. Dahl")
    page.get_by_label("Add as a new speaker").check()
    page.get_by_label("Speaker", exact=True).press("Enter")
    expect(cards.nth(1).locator(".speaker")).to_have_text("Ines M. Dahl")
    page.reload()
    expect(page.locator(".card.selected")).to_have_count(1)
    page.keyboard.press("u")
    expect(cards.nth(1).locator(".speaker")).to_have_text("Ines Dahl")
    expect(page.locator("#desk-status")).to_contain_text("Undone: edited")
    expect(page.locator(".card.selected")).to_have_attribute(
        "data-quote", cards.nth(1).get_attribute("data-quote") or ""
    )
    page.keyboard.press("u")  # then the confirmation before it
    expect(status_of(cards.nth(0))).to_have_text("Pending")
    expect(page.locator("#desk-status")).to_contain_text("Undone: confirmed")
    page.keyboard.press("Shift+U")
    expect(status_of(cards.nth(0))).to_have_text("Confirmed")
    expect(page.locator("#desk-status")).to_contain_text("Redone: confirmed")
    page.keyboard.press("u")  # the redone confirmation, once more
    expect(status_of(cards.nth(0))).to_have_text("Pending")
    page.keyboard.press("u")
    expect(page.locator("#desk-status")).to_contain_text("Nothing of yours to undo")


def test_a_quote_added_after_an_emoji_and_selected_a_letter_short_takes_exactly_its_words(page, live_server):
    body = 'Fans cheered 😀🎉 at the pier.\n\n"It was the best night of the summer," said skipper Ana Ruiz.'
    open_desk(page, "Pier night", body)
    assert page.evaluate(SELECT_WORDS, ["at the pi"])
    page.keyboard.press("n")
    expect(page.locator("#add-quote blockquote")).to_have_text("at the pier")  # words, not offsets
    page.get_by_label("Speaker", exact=True).press("Enter")
    expect(page.locator(".card").filter(has_text="Added by editor")).to_have_count(1)
    assert Quote.objects.get(status="added").text == "at the pier"


def test_the_desk_fits_a_390_pixel_screen(page, desk):
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator(".card.selected")).to_have_count(1)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    text, cards = page.locator(".article-text").bounding_box(), page.locator(".cards").bounding_box()
    assert text is not None
    assert cards is not None
    assert text["width"] > 300  # the article keeps the screen's width...
    assert cards["y"] >= text["y"] + text["height"]  # ...above its cards


def test_a_correction_repaints_the_text_and_a_conflict_keeps_its_card_selected(page, desk):
    cards = page.locator(".cards .card")
    first = cards.nth(0).get_attribute("data-quote")
    page.keyboard.press("Shift+ArrowLeft")  # the span loses its last word
    expect(page.locator(f"#hl-{first}")).to_have_text("The sea wall took the worst of it")
    page.keyboard.press("j")
    # Another editor rejects the second quote; ours, a moment later, is refused and its card stays selected.
    second = cards.nth(1).get_attribute("data-quote")
    Quote.objects.filter(pk=second).update(status=Quote.Status.REJECTED, version=5)
    expect(page.locator(".card.selected")).to_have_attribute("data-quote", second or "")
    page.keyboard.press("a")
    expect(page.locator(f"#quote-{second} .conflict")).to_be_visible()
    expect(page.locator(".card.selected")).to_have_attribute("data-quote", second or "")


def test_space_skips_to_the_next_pending_quote_then_the_next_article_in_the_same_import(page, desk):
    batch = ImportBatch.objects.create(source_name="feed.jsonl")
    Article.objects.filter(pk=desk.pk).update(import_batch=batch)
    elsewhere = article_create(title="Elsewhere", body='"We are elsewhere today," said Ann Lee.')
    same = article_create(title="Same feed", body='"We are in the same feed," said Bo Kim.', import_batch=batch)
    assert elsewhere.pk < same.pk  # the oldest pending article outside the import is not the one offered
    page.goto(f"/articles/?import_batch={batch.pk}")
    page.get_by_role("link", name="Review this import").click()
    expect(page).to_have_url(re.compile(f"/articles/{desk.pk}/\\?batch={batch.pk}"))
    cards = page.locator(".cards .card")
    expect(page.locator(".card.selected")).to_have_count(1)
    page.keyboard.press("a")  # confirm the first; the second is selected
    expect(status_of(cards.nth(0))).to_have_text("Confirmed")
    page.keyboard.press("k")  # back to the confirmed first: Space passes over what is reviewed
    page.keyboard.press(" ")
    expect(page.locator(".card.selected")).to_have_attribute(
        "data-quote", cards.nth(1).get_attribute("data-quote") or ""
    )
    for _ in range(3):
        page.keyboard.press(" ")
    expect(page).to_have_url(re.compile(f"/articles/{same.pk}/\\?batch={batch.pk}"))
    assert Quote.objects.filter(article=desk, status=Quote.Status.PENDING).count() == 3  # skipping records nothing


CLICK_WORD = """([words, alt]) => {
  const body = document.querySelector('.article-text .body');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (node.parentElement.closest('mark')) continue;
    const at = node.textContent.indexOf(words);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 1);
      const rect = range.getBoundingClientRect();
      return [rect.left + 1, rect.top + rect.height / 2];
    }
  }
  return null;
}"""


def test_names_are_taken_from_the_text_by_a_click_or_a_picker_and_kinds_by_a_digit(page, desk):
    cards = page.locator(".cards .card")
    third = cards.nth(2)  # "repairs would start on Monday", Piet Graaf's
    third.locator("blockquote").click()
    x, y = page.evaluate(CLICK_WORD, ["Ines Dahl", False])
    page.mouse.click(x, y)  # one click: the speaker is the name clicked
    expect(third.locator(".speaker")).to_have_text("Ines Dahl")
    expect(status_of(cards.nth(2))).to_have_text("Corrected")
    page.keyboard.press("p")  # the picker offers the article's names, nearest first, by digit
    options = page.locator(".picker [role=option]")
    expect(options.first).to_be_visible()
    names = options.evaluate_all("options => options.map(option => option.dataset.value)")
    page.keyboard.press(str(names.index("Piet Graaf") + 1))
    expect(cards.nth(2).locator(".speaker")).to_have_text("Piet Graaf")
    page.keyboard.press("3")  # the kind by its digit
    expect(cards.nth(2)).to_contain_text("Mixed")
    first = cards.nth(0)
    first.locator("blockquote").click()
    x, y = page.evaluate(CLICK_WORD, ["Radio Kestrel", False])
    page.keyboard.down("Alt")
    page.mouse.click(x, y)  # Alt+click: the outlet
    page.keyboard.up("Alt")
    expect(cards.nth(0).locator(".outlet")).to_have_text("Radio Kestrel")
    quote = Quote.objects.get(pk=cards.nth(2).get_attribute("data-quote"))
    assert (quote.speaker_text, quote.kind, quote.status) == ("Piet Graaf", "mixed", "corrected")


def test_a_name_new_to_the_registry_is_an_entry_among_the_suggestions_not_a_failed_save(page, desk):
    cards = page.locator(".cards .card")
    page.keyboard.press("e")
    speaker = page.get_by_label("Speaker", exact=True)
    expect(speaker).to_be_focused()
    page.keyboard.type("Ines M. Dahl")
    new = page.locator("[role=option][data-new]")
    expect(new).to_have_text("New speaker: “Ines M. Dahl”")
    page.keyboard.press("ArrowUp")  # the last entry: the new name
    expect(new).to_be_focused()
    page.keyboard.press("Enter")  # chosen: the field keeps the name, the say-so is given
    expect(speaker).to_be_focused()
    page.keyboard.press("Enter")  # saved at once
    expect(cards.nth(0).locator(".speaker")).to_have_text("Ines M. Dahl")
    assert Speaker.objects.filter(name="Ines M. Dahl").exists()


def test_the_span_is_adjusted_by_words_from_the_keyboard(page, desk):
    first = page.locator(".cards .card").nth(0).get_attribute("data-quote")
    page.keyboard.press("Shift+ArrowLeft")  # "The sea wall took the worst of it overnight," loses a word
    expect(page.locator(f"#hl-{first}")).to_have_text("The sea wall took the worst of it")
    page.keyboard.press("]")
    expect(page.locator(f"#hl-{first}")).to_have_text("sea wall took the worst of it")
    expect(page.locator("#desk-status")).to_contain_text("now reads “sea wall took the worst of it”")
    assert Quote.objects.get(pk=first).text == "sea wall took the worst of it"


def test_a_speakers_role_is_typed_once_then_chosen(page, desk):
    cards = page.locator(".cards .card")
    page.keyboard.press("e")  # the first quote: Ines Dahl, no role yet
    expect(page.get_by_label("Speaker", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.type("Harbour master of Kestrel")
    page.keyboard.press("Enter")
    expect(cards.nth(0).locator(".role")).to_have_text("Harbour master of Kestrel")
    page.keyboard.press("e")  # the second, hers too: her role is offered as its field is reached
    expect(page.get_by_label("Speaker", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    offered = page.locator("#role-options-" + (cards.nth(1).get_attribute("data-quote") or "") + " [role=option]")
    expect(offered.first).to_have_attribute("data-value", "Harbour master of Kestrel")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")  # chosen
    page.keyboard.press("Enter")  # saved
    expect(cards.nth(1).locator(".role")).to_have_text("Harbour master of Kestrel")


def test_a_picked_speaker_brings_the_role_the_text_gives_and_is_marked_where_the_text_names_them(page, desk):
    first = page.locator(".cards .card").nth(0)  # Ines Dahl's
    page.keyboard.press("p")
    option = page.locator(".picker [role=option][data-value='Piet Graaf']")
    expect(option).to_contain_text("Council leader")  # the role the article gives him, beside the name
    page.keyboard.press(option.inner_text().split()[0])
    expect(first.locator(".speaker")).to_have_text("Piet Graaf")
    assert Quote.objects.get(pk=first.get_attribute("data-quote")).role == "Council leader"
    expect(page.locator(".desk-status")).to_contain_text("role Council leader")
    # The text marks where it names him (a CSS custom highlight over each place).
    marked = page.evaluate("() => Array.from(CSS.highlights.get('speaker-mention') || [], r => r.toString())")
    assert marked == ["Piet Graaf", "Graaf"]


def test_m_moves_the_quote_onto_the_words_selected_in_the_text(page, desk):
    first = page.locator(".cards .card").nth(0)
    pk = first.get_attribute("data-quote")
    assert page.evaluate(SELECT_WORDS, ["wall took the wor"])  # a word cut in two is taken whole
    page.keyboard.press("m")
    expect(page.locator(f"#hl-{pk}")).to_have_text("wall took the worst")
    assert Quote.objects.get(pk=pk).text == "wall took the worst"


def test_the_add_form_offers_the_role_the_text_gives_the_speaker(page, desk):
    assert page.evaluate(SELECT_WORDS, ["closes coastal road"])
    page.keyboard.press("n")
    speaker = page.get_by_label("Speaker", exact=True)
    expect(speaker).to_be_focused()
    speaker.fill("Piet Graaf")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Role", exact=True)).to_be_focused()
    expect(page.locator("#role-options-0 [role=option]").first).to_have_attribute("data-value", "Council leader")


def test_r_makes_the_words_selected_in_the_text_the_role(page, desk):
    first = page.locator(".cards .card").nth(0)  # Ines Dahl's
    assert page.evaluate(SELECT_WORDS, ["harbour master"])
    page.keyboard.press("r")
    expect(first.locator(".role")).to_have_text("harbour master")
    assert Quote.objects.get(pk=first.get_attribute("data-quote")).role == "harbour master"
