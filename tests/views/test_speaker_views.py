import pytest
from django.urls import reverse

from attribution.models import Speaker
from attribution.services.review import quote_confirm
from tests.factories import QuoteFactory, UserFactory, editor

pytestmark = pytest.mark.django_db


def test_speaker_page_lists_quotes_across_articles_and_merges(client):
    first = quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    assert first.speaker is not None
    other = Speaker.objects.create(name="Hannah J. Price")
    client.force_login(editor())
    page = client.get(reverse("speaker_detail", args=[first.speaker.pk])).content.decode()
    assert "2 quotes" in page
    assert first.article.title in page
    client.post(reverse("speaker_merge", args=[first.speaker.pk]), {"source": other.pk})
    assert Speaker.objects.get(pk=other.pk).merged_into == first.speaker
    # The merged speaker's page leads to the one it was merged into.
    response = client.get(reverse("speaker_detail", args=[other.pk]))
    assert response.url == reverse("speaker_detail", args=[first.speaker.pk])
    assert "Hannah J. Price" in client.get(reverse("speaker_list")).content.decode()


def test_merge_needs_permission(client):
    target = Speaker.objects.create(name="Ann Lee")
    source = Speaker.objects.create(name="Bo Chan")
    client.force_login(UserFactory.create(username="nobody"))
    assert client.post(reverse("speaker_merge", args=[target.pk]), {"source": source.pk}).status_code == 403
    assert client.get(reverse("speaker_list")).status_code == 403


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
