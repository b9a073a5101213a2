import pytest
from django.urls import reverse

from attribution.services.statements import statement_match
from tests.factories import editor
from tests.services.test_statements import WORDS, quote

pytestmark = pytest.mark.django_db


def test_the_card_shows_the_other_appearances_with_their_wording_and_offers_a_verified_attribution(client):
    first = quote(WORDS, "Ruth Okafor", lead="The port reopened.")
    trimmed = WORDS.replace(", whatever the storms bring to the bay", "")
    second = quote(trimmed, "Declan Farris", lead="The harbour reopened.")
    for one in (first, second):
        statement_match(one.pk)
    first.refresh_from_db()
    first.status, first.speaker_text = "confirmed", "Ruth Okafor"
    first.save()
    client.force_login(editor())
    page = " ".join(client.get(reverse("article_detail", args=[second.article_id])).content.decode().split())
    assert "Also in 1 other article" in page
    assert "named as Declan Farris / Ruth Okafor" in page
    assert "<ins>whatever the storms bring to the bay</ins>" in page or "<del>" in page
    assert "Use the verified attribution: Ruth Okafor" in page
    conflicts = " ".join(client.get(reverse("statement_conflicts")).content.decode().split())
    assert "Named as Declan Farris / Ruth Okafor" in conflicts
    assert "First reported by" in conflicts
