import pytest
from django.urls import reverse

from tests.factories import QuoteFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["article", "quote", "speaker", "outlet", "reviewevent"])
def test_admin_pages_render(client, model):
    quote = QuoteFactory()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get(reverse(f"admin:attribution_{model}_changelist")).status_code == 200
    if model in ("article", "quote"):
        obj = quote if model == "quote" else quote.article
        assert client.get(reverse(f"admin:attribution_{model}_change", args=[obj.pk])).status_code == 200


def test_admin_cannot_insert_articles_around_the_ingest_service(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:attribution_article_add")).status_code == 403
