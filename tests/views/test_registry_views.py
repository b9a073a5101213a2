import pytest
from django.urls import reverse

from tests.factories import QuoteFactory, editor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("article", ["abc", "1.5", "²", ""])
def test_role_suggestions_ignore_an_article_that_is_not_an_id(client, article):
    QuoteFactory.create(speaker_text="Hannah Price", role="chief engineer")
    client.force_login(editor())
    response = client.get(reverse("role_search"), {"speaker": "Hannah Price", "role": "", "article": article})
    assert response.status_code == 200
    assert 'data-value="chief engineer"' in response.content.decode()
