import json

import pytest
from django.urls import reverse

from attribution.models import Article, Outlet, Quote, ReviewEvent, Speaker
from attribution.review_actions import ACTIONS, COMMANDS, card_actions
from attribution.selectors.review import quote_for_card
from tests.factories import ARTICLE_BODY, ArticleFactory, QuoteFactory, UserFactory, admin_user, editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def quote():
    return QuoteFactory.create()


@pytest.mark.parametrize("name", ["article_list", "article_new", "export_csv"])
def test_anonymous_users_are_sent_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("action", ["quote_confirm", "quote_reject"])
def test_partial_endpoints_check_permissions_themselves(client, quote, action):
    client.force_login(UserFactory.create(username="nobody"))
    response = client.post(reverse(action, args=[quote.pk]), {"version": 1}, headers={"HX-Request": "true"})
    assert response.status_code == 403
    quote.refresh_from_db()
    assert quote.status == Quote.Status.PENDING


def test_editor_cannot_add_articles(client):
    client.force_login(editor())
    assert client.get(reverse("article_new")).status_code == 403


def test_confirm_swaps_the_card_and_the_progress_counter(client, quote):
    client.force_login(editor())
    response = client.post(reverse("quote_confirm", args=[quote.pk]), {"version": 1}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert f'id="quote-{quote.pk}"' in html
    assert "Confirmed" in html
    assert 'id="progress"' in html
    assert 'hx-swap-oob="true"' in html
    assert "1 of 1 reviewed" in html
    assert ReviewEvent.objects.filter(quote=quote, action="confirm").exists()


def test_stale_confirm_shows_a_conflict_instead_of_overwriting(client, quote):
    client.force_login(editor())
    client.post(reverse("quote_reject", args=[quote.pk]), {"version": 1})
    response = client.post(reverse("quote_confirm", args=[quote.pk]), {"version": 1})
    assert "changed this quote first" in response.content.decode()
    quote.refresh_from_db()
    assert quote.status == Quote.Status.REJECTED


def test_edit_form_then_save(client, quote):
    client.force_login(editor())
    form = client.get(reverse("quote_edit", args=[quote.pk])).content.decode()
    for label in ("Speaker", "Role", "Outlet", "Kind", "Save"):
        assert label in form
    assert ">Start<" not in form  # the span is moved by word or onto selected words, never typed as offsets
    fields = {
        "speaker": "Hannah Price",
        "role": "chief engineer",
        "outlet": "Radio Kent",
        "kind": "direct",
        "start": quote.start,
        "end": quote.end,
        "version": 1,
    }
    refused = client.post(reverse("quote_edit", args=[quote.pk]), fields).content.decode()
    assert "“Radio Kent” is not in the outlet registry" in refused
    quote.refresh_from_db()
    assert quote.status == Quote.Status.PENDING
    response = client.post(reverse("quote_edit", args=[quote.pk]), fields | {"new_outlet": "on"})
    assert "Radio Kent" in response.content.decode()
    quote.refresh_from_db()
    assert (quote.status, quote.outlet.name) == (Quote.Status.CORRECTED, "Radio Kent")


def test_invalid_edit_is_rerendered_with_errors(client, quote):
    client.force_login(editor())
    response = client.post(reverse("quote_edit", args=[quote.pk]), {"kind": "poetry", "version": 1})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_article_page_highlights_quotes_and_shows_progress(client, quote):
    client.force_login(editor())
    html = client.get(reverse("article_detail", args=[quote.article.pk])).content.decode()
    assert f'<mark id="hl-{quote.pk}"' in html
    assert "0 of 1 reviewed" in html
    for button in (">Confirm<", ">Reject<", ">Edit<"):
        assert button in html


def test_list_shows_review_progress(client, quote):
    client.force_login(editor())
    html = client.get(reverse("article_list")).content.decode()
    assert quote.article.title in html
    assert "0 of 1" in html


def test_admin_pastes_an_article(client):
    client.force_login(admin_user())
    response = client.post(
        reverse("article_new"),
        {
            "title": "Dam inspection",
            "publisher": "Gazette",
            "url": "",
            "body": 'Work stopped.\n\n"We found a leak in the north wall," said inspector Maya Roth.',
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("article_detail", args=[article.pk])
    assert article.quotes.get().speaker_text == "Maya Roth"


def test_paste_with_bad_body_shows_the_error_and_stores_nothing(client):
    client.force_login(admin_user())
    response = client.post(reverse("article_new"), {"title": "Too big", "body": "x" * 1_000_001})
    assert response.status_code == 200
    assert "the limit is" in response.content.decode()
    assert not Article.objects.exists()


def test_csv_export_streams_verified_rows(client, quote):
    client.force_login(editor())
    client.post(reverse("quote_confirm", args=[quote.pk]), {"version": 1})
    response = client.get(reverse("export_csv"))
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith("article_id,article_title")
    assert "Hannah Price" in body


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("quote_undo", "post"),
        ("quote_history", "get"),
        ("quote_card", "get"),
        ("quote_edit", "get"),
    ],
)
def test_every_partial_checks_review_permission(client, quote, name, method):
    client.force_login(UserFactory.create(username="nobody"))
    response = getattr(client, method)(reverse(name, args=[quote.pk]), {"version": 1})
    assert response.status_code == 403


def test_confirm_remaining_needs_permission_and_swaps_the_card_list(client, quote):
    url = reverse("article_confirm_remaining", args=[quote.article.pk])
    client.force_login(UserFactory.create(username="nobody"))
    assert client.post(url).status_code == 403
    client.force_login(editor())
    html = client.post(url, headers={"HX-Request": "true"}).content.decode()
    assert html.lstrip().startswith('<aside class="cards" id="cards">')
    assert "1 of 1 reviewed" in html
    quote.refresh_from_db()
    assert quote.status == Quote.Status.CONFIRMED


def test_undo_and_history(client, quote):
    client.force_login(editor())
    client.post(reverse("quote_reject", args=[quote.pk]), {"version": 1})
    html = client.post(reverse("quote_undo", args=[quote.pk]), {"version": 2}).content.decode()
    assert "Pending" in html
    assert "0 of 1 reviewed" in html
    history = client.get(reverse("quote_history", args=[quote.pk])).content.decode()
    assert "Undone" in history
    assert "Rejected" in history
    assert "status: “Rejected” → “Pending”" in history
    assert "speaker_text" not in history


def test_undo_with_nothing_to_undo_says_so(client, quote):
    client.force_login(editor())
    html = client.post(reverse("quote_undo", args=[quote.pk]), {"version": 1}).content.decode()
    assert "Nothing to undo" in html


def test_edit_moves_the_span_within_the_article(client, quote):
    client.force_login(editor())
    fields = {"speaker": "Hannah Price", "role": "", "outlet": "", "kind": "direct", "version": 1}
    too_far = client.post(reverse("quote_edit", args=[quote.pk]), fields | {"start": 0, "end": 10_000})
    assert "end within the article" in too_far.content.decode()
    client.post(reverse("quote_edit", args=[quote.pk]), fields | {"start": quote.start, "end": quote.start + 6})
    quote.refresh_from_db()
    assert (quote.text, quote.status) == ("We had", Quote.Status.CORRECTED)


def test_speaker_and_outlet_suggestions_come_from_the_registries(client, quote):
    Speaker.objects.create(name="Hannah Price", aliases=["H. Price"])
    Speaker.objects.create(name="Joanna Hanley")
    Outlet.objects.create(name="Associated Press", aliases=["AP"])
    client.force_login(editor())
    speakers = client.get(reverse("speaker_search"), {"speaker": "han"}).content.decode()
    assert speakers.index("Hannah Price") < speakers.index("Joanna Hanley")
    assert 'value="Associated Press"' in client.get(reverse("outlet_search"), {"outlet": "AP"}).content.decode()
    client.force_login(UserFactory.create(username="nobody"))
    assert client.get(reverse("speaker_search"), {"speaker": "han"}).status_code == 403


def test_add_and_delete_need_review_permission(client, quote):
    client.force_login(UserFactory.create(username="nobody"))
    assert client.get(reverse("quote_add", args=[quote.article.pk]), {"start": 0, "end": 5}).status_code == 403
    assert client.post(reverse("quote_delete", args=[quote.pk]), {"version": 1}).status_code == 403


def test_add_form_prefills_the_selection_and_saves_into_both_panes(client, quote):
    client.force_login(editor())
    form = client.get(reverse("quote_add", args=[quote.article.pk]), {"start": 0, "end": 9}).content.decode()
    assert 'name="start" value="0"' in form
    assert 'name="end" value="9"' in form
    response = client.post(
        reverse("quote_add", args=[quote.article.pk]),
        {
            "start": 0,
            "end": 9,
            "speaker": "Officials",
            "role": "",
            "outlet": "",
            "kind": "indirect",
            "new_speaker": "on",
        },
        headers={"HX-Request": "true"},
    )
    assert response["HX-Retarget"] == "#review"
    assert "Added by editor" in response.content.decode()
    bad = client.post(
        reverse("quote_add", args=[quote.article.pk]),
        {"start": 5, "end": 2, "speaker": "", "role": "", "outlet": "", "kind": "direct"},
    )
    assert "must start before it ends" in bad.content.decode()


def test_undo_after_adding_a_quote_removes_it_and_redraws_both_panes(client, quote):
    client.force_login(editor())
    start = quote.article.body.index("The cracks")
    fields = {"start": start, "end": start + 10, "speaker": "", "role": "", "outlet": "", "kind": "direct"}
    client.post(reverse("quote_add", args=[quote.article.pk]), fields, headers={"HX-Request": "true"})
    added = Quote.objects.get(status=Quote.Status.ADDED)
    response = client.post(reverse("quote_undo", args=[added.pk]), {"version": added.version})
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#review"
    html = response.content.decode()
    assert f'id="quote-{quote.pk}"' in html
    assert f'id="quote-{added.pk}"' not in html
    assert not Quote.objects.filter(pk=added.pk).exists()


def test_cards_and_help_show_the_declared_actions(client, quote):
    client.force_login(editor())
    html = client.get(reverse("article_detail", args=[quote.article.pk])).content.decode()
    for action in card_actions(quote_for_card(quote.pk)["quote"]):
        assert f'data-action="{action.name}"' in html
        assert reverse(action.url_name, args=[quote.pk]) in html
    for action in ACTIONS.values():
        if action.key:
            assert f"<kbd>{action.key}</kbd>" in html
            assert action.help in html
    assert 'data-action="undo"' not in html  # nothing to undo yet
    keys = json.loads(html.split('<script id="desk-keys" type="application/json">')[1].split("</script>")[0])
    assert keys["a"] == {"action": "confirm", "advances": True}
    assert keys["u"] == {"command": "undo-mine"}
    for command in COMMANDS.values():
        assert f'data-command="{command.name}"' in html
        assert reverse(command.url_name, args=[quote.article.pk]) in html


def test_a_refused_edit_shows_every_problem_once(client, quote):
    client.force_login(editor())
    fields = {"speaker": "Hanah Price", "role": "", "outlet": "", "kind": "direct", "version": 1}
    html = client.post(reverse("quote_edit", args=[quote.pk]), fields | {"start": 0, "end": 10_000}).content.decode()
    assert html.count("end within the article") == 1
    assert html.count("“Hanah Price” is not in the speaker registry") == 1
    quote.refresh_from_db()
    assert (quote.status, quote.version) == (Quote.Status.PENDING, 1)


def test_quotes_whose_events_name_no_article_still_offer_undo(client, quote):
    # Events recorded before events named their article have none of their own.
    ReviewEvent.objects.create(quote=quote, article=None, action="confirm", before={}, after={})
    client.force_login(editor())
    html = client.get(reverse("article_detail", args=[quote.article.pk])).content.decode()
    assert f'hx-post="{reverse("quote_undo", args=[quote.pk])}"' in html


def test_role_suggestions_are_the_speakers_roles_most_used_first(client, quote):
    QuoteFactory.create(speaker_text="Hannah Price", role="chief engineer")
    QuoteFactory.create(speaker_text="hannah price", role="chief engineer")
    QuoteFactory.create(speaker_text="Someone Else", role="chief executive")
    client.force_login(editor())
    html = client.get(reverse("role_search"), {"speaker": "Hannah  Price", "role": ""}).content.decode()
    assert html.index('data-value="chief engineer"') < html.index('data-value="county&#x27;s chief engineer"')
    assert "chief executive" not in html
    assert "data-new" not in html


def test_the_highlighted_text_is_escaped(client):
    article = ArticleFactory.create(body=ARTICLE_BODY + '\n\n<script>alert("x")</script> & <b>more</b>')
    quote = QuoteFactory.create(article=article)
    client.force_login(editor())
    html = client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert '<script>alert("x")' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;" in html
    assert f'<mark id="hl-{quote.pk}" class="hl c0 status-pending" data-quote="{quote.pk}">We had' in html


def test_the_add_form_proposes_the_speaker_around_the_words_and_their_kind(client, quote):
    client.force_login(editor())
    body = quote.article.body
    cracks = body.index("The cracks we found")  # quoted, in the paragraph after Hannah Price's quote
    form = client.get(reverse("quote_add", args=[quote.article.pk]), {"start": cracks, "end": cracks + 19})
    html = form.content.decode()
    assert 'name="speaker" value="Hannah Price"' in html  # the last quote before it is hers
    assert 'name="role" value="county&#x27;s chief engineer"' in html
    assert '<option value="direct" selected>' in html
    opening = client.get(reverse("quote_add", args=[quote.article.pk]), {"start": 0, "end": 9}).content.decode()
    assert '<option value="indirect" selected>' in opening  # no quote marks around "Officials"


def test_a_name_the_article_gives_needs_no_tick_a_typo_does(client, quote):
    client.force_login(editor())
    fields = {"start": 0, "end": 9, "role": "", "outlet": "", "kind": "indirect"}
    typo = client.post(reverse("quote_add", args=[quote.article.pk]), fields | {"speaker": "Hanah Price"})
    assert "is not in the speaker registry" in typo.content.decode()
    url = reverse("quote_add", args=[quote.article.pk])
    named = client.post(url, fields | {"speaker": "hannah price"}, headers={"HX-Request": "true"})
    assert "Added by editor" in named.content.decode()


@pytest.mark.parametrize("action", ["confirm", "reject", "undo", "delete"])
def test_an_action_on_a_quote_that_is_gone_is_not_found(client, quote, action):
    client.force_login(editor())
    url = reverse(ACTIONS[action].url_name, args=[quote.pk])
    quote.delete()
    response = client.post(url, {"version": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 404
