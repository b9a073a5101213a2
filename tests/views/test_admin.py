import pytest
from django.urls import reverse

from attribution.models import ImportBatch
from tests.factories import QuoteFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["article", "quote", "speaker", "outlet", "reviewevent", "importbatch", "speakermerge"]
)
def test_admin_pages_render(client, model):
    quote = QuoteFactory.create(article__import_batch=ImportBatch.objects.create(source_name="feed.jsonl"))
    client.force_login(UserFactory.create(username="root", is_staff=True, is_superuser=True))
    assert client.get(reverse(f"admin:attribution_{model}_changelist")).status_code == 200
    if model in ("article", "quote", "importbatch"):
        batch = quote.article.import_batch
        assert batch is not None
        obj = {"quote": quote, "article": quote.article, "importbatch": batch}[model]
        assert client.get(reverse(f"admin:attribution_{model}_change", args=[obj.pk])).status_code == 200


def test_admin_cannot_insert_articles_around_the_ingest_service(client):
    client.force_login(UserFactory.create(username="root", is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:attribution_article_add")).status_code == 403
