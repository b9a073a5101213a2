import pytest
from django.urls import reverse

from attribution.models import Speaker, SpeakerMerge
from attribution.services.review import quote_confirm
from tests.factories import QuoteFactory, UserFactory, admin_user, editor

pytestmark = pytest.mark.django_db


def test_speaker_page_lists_quotes_across_articles_and_merges(client):
    first = quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    assert first.speaker is not None
    other = Speaker.objects.create(name="Hannah J. Price")
    client.force_login(admin_user())
    page = client.get(reverse("speaker_detail", args=[first.speaker.pk])).content.decode()
    assert "2 quotes" in page
    assert first.article.title in page
    merge_url = reverse("speaker_merge", args=[first.speaker.pk])
    # The speaker page's form asks first, saying what would change; nothing has yet.
    confirm = client.get(merge_url, {"source": other.pk}).content.decode()
    assert "Merge Hannah J. Price into Hannah Price?" in confirm
    assert "0 quotes linked to Hannah J. Price will be Hannah Price's" in confirm
    assert "also be known as Hannah J. Price" in confirm
    assert 'name="confirm"' in confirm
    client.post(merge_url, {"source": other.pk})  # a post without the confirmation is asked again
    assert Speaker.objects.get(pk=other.pk).merged_into is None
    client.post(merge_url, {"source": other.pk, "confirm": "on"})
    assert Speaker.objects.get(pk=other.pk).merged_into == first.speaker
    # The merged speaker's page leads to the one it was merged into.
    response = client.get(reverse("speaker_detail", args=[other.pk]))
    assert response.url == reverse("speaker_detail", args=[first.speaker.pk])
    assert "Hannah J. Price" in client.get(reverse("speaker_list")).content.decode()
    # ...which offers to undo it.
    merge = SpeakerMerge.objects.get()
    page = client.get(response.url).content.decode()
    assert reverse("speaker_merge_undo", args=[merge.pk]) in page
    page = client.post(reverse("speaker_merge_undo", args=[merge.pk]), follow=True).content.decode()
    assert "Merge undone: Hannah J. Price is a speaker of its own again" in page
    assert Speaker.objects.get(pk=other.pk).merged_into is None


def test_merges_are_for_admins_only(client):
    target = Speaker.objects.create(name="Ann Lee")
    source = Speaker.objects.create(name="Bo Chan")
    for user in (UserFactory.create(username="nobody"), editor()):
        client.force_login(user)
        assert (
            client.post(reverse("speaker_merge", args=[target.pk]), {"source": source.pk, "confirm": "on"}).status_code
            == 403
        )
        assert "Merge another speaker" not in client.get(reverse("speaker_detail", args=[target.pk])).content.decode()
    assert client.get(reverse("speaker_list")).status_code == 200
    source.refresh_from_db()
    assert source.merged_into is None


@pytest.mark.parametrize("value", ["abc", "1.5", "", "-1", "99999999", "1e3", "²"])
def test_a_bad_source_is_a_clear_message_not_a_500(client, value):
    target = Speaker.objects.create(name="Ann Lee")
    client.force_login(admin_user())
    for method in (client.get, client.post):
        response = method(reverse("speaker_merge", args=[target.pk]), {"source": value, "confirm": "on"}, follow=True)
        assert response.status_code == 200
        page = response.content.decode()
        expected = "Choose the speaker to merge." if not value else f"“{value}” is not a speaker in the registry"
        assert expected in page
    assert not SpeakerMerge.objects.exists()


def test_a_crafted_post_cannot_merge_into_a_merged_speaker(client):
    kept, merged, third = (Speaker.objects.create(name=name) for name in ("Ann Lee", "A. Lee", "Bo Chan"))
    client.force_login(admin_user())
    client.post(reverse("speaker_merge", args=[kept.pk]), {"source": merged.pk, "confirm": "on"})
    page = client.post(
        reverse("speaker_merge", args=[merged.pk]), {"source": third.pk, "confirm": "on"}, follow=True
    ).content.decode()
    assert "A. Lee was itself merged into Ann Lee: merge into that one." in page
    third.refresh_from_db()
    assert third.merged_into is None
    assert SpeakerMerge.objects.count() == 1


def test_speaker_page_shows_quotes_still_pending_under_their_names(client):
    confirmed = quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    assert confirmed.speaker is not None
    Speaker.objects.filter(pk=confirmed.speaker.pk).update(aliases=["H. Price"])
    pending = QuoteFactory.create(speaker_text="h. price")
    QuoteFactory.create(speaker_text="Someone Else")
    client.force_login(editor())
    page = client.get(reverse("speaker_detail", args=[confirmed.speaker.pk])).content.decode()
    assert "2 quotes" in page
    assert pending.article.title in page
    assert "Pending" in page


def test_speaker_list_is_searchable_and_paginated(client):
    Speaker.objects.bulk_create(Speaker(name=f"Speaker {n:03}") for n in range(120))
    Speaker.objects.create(name="Joanna Hanley", aliases=["Jo Hanley"])
    client.force_login(editor())
    found = client.get(reverse("speaker_list"), {"q": "jo  hanley"}).content.decode()
    assert "Joanna Hanley" in found
    assert "Speaker 001" not in found
    first = client.get(reverse("speaker_list")).content.decode()
    assert "Page 1 of 2" in first
    assert 'href="?page=2"' in first
    assert "Speaker 119" in client.get(reverse("speaker_list"), {"page": 2}).content.decode()


def test_the_speaker_list_counts_each_speakers_linked_quotes(client):
    ann, bo = Speaker.objects.create(name="Ann Lee"), Speaker.objects.create(name="Bo Kim")
    for _ in range(2):
        QuoteFactory.create(speaker=ann)
    client.force_login(editor())
    page = client.get(reverse("speaker_list")).content.decode()
    rows = {name: page.split(name, 1)[1].split("</tr>", 1)[0] for name in (ann.name, bo.name)}
    assert rows["Ann Lee"].rstrip().endswith("<td>2</td>")
    assert rows["Bo Kim"].rstrip().endswith("<td>0</td>")


@pytest.mark.parametrize("url_name", ["speaker_search", "outlet_search"])
def test_a_name_search_with_a_nul_character_is_answered(client, url_name):
    quote_confirm(quote=QuoteFactory.create(outlet_text="Harbour Radio"), user=editor(), expected_version=1)
    client.force_login(editor())
    field = url_name.split("_")[0]
    answer = client.get(reverse(url_name), {field: "Ha\x00"})
    assert answer.status_code == 200
    assert ("Hannah Price" if field == "speaker" else "Harbour Radio") in answer.content.decode()
