import pytest
from django.urls import reverse

from attribution.models import Article, Publisher
from attribution.services.ingest import article_create
from tests.factories import editor

pytestmark = pytest.mark.django_db

BODY = "Ferry services across Calder Bay were suspended on Friday, the operator said."


def test_an_editor_finds_two_forms_of_one_outlet_and_merges_them(client):
    article_create(title="One", body=BODY, publisher="Eastmere Gazette", extract=False)
    article_create(title="Two", body=BODY + " Two.", publisher="The Eastmere Gazette", extract=False)
    client.force_login(editor())
    listing = client.get(reverse("publisher_list"), {"q": "eastmere"}).content.decode()
    assert "Eastmere Gazette" in listing
    assert "The Eastmere Gazette" in listing
    target = Publisher.objects.get(name="Eastmere Gazette")
    source = Publisher.objects.get(name="The Eastmere Gazette")
    options = client.get(reverse("publisher_entry_suggestions"), {"q": "eastm"}).content.decode()
    assert f'value="{source.pk}"' in options or f"{source.pk}" in options
    url = reverse("publisher_merge", kwargs={"pk": target.pk})
    confirm = client.get(url, {"source": source.pk}).content.decode()
    assert "1 article named The Eastmere Gazette will be Eastmere Gazette" in " ".join(confirm.split())
    assert Publisher.objects.filter(pk=source.pk).exists()  # nothing changes before the Editor confirms
    response = client.post(url, {"source": source.pk, "confirm": "on"}, follow=True)
    assert "The Eastmere Gazette merged into Eastmere Gazette: 1 article renamed." in response.content.decode()
    assert set(Article.objects.values_list("publisher", flat=True)) == {"Eastmere Gazette"}


def test_a_bad_merge_is_a_message_not_an_error(client):
    client.force_login(editor())
    entry = Publisher.objects.get(name="Reuters")
    url = reverse("publisher_merge", kwargs={"pk": entry.pk})
    own = client.post(url, {"source": entry.pk, "confirm": "on"}, follow=True).content.decode()
    assert "A publisher cannot be merged into itself." in own
    missing = client.get(url, {"source": "999999"}, follow=True).content.decode()
    assert "is not a publisher in the registry" in missing
