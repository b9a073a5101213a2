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
