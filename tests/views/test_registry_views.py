import re

import pytest
from django.urls import reverse

from attribution.services.review import quote_confirm
from tests.factories import ArticleFactory, QuoteFactory, editor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("article", ["abc", "1.5", "²", ""])
def test_role_suggestions_ignore_an_article_that_is_not_an_id(client, article):
    QuoteFactory.create(speaker_text="Hannah Price", role="chief engineer")
    client.force_login(editor())
    response = client.get(reverse("role_search"), {"speaker": "Hannah Price", "role": "", "article": article})
    assert response.status_code == 200
    assert 'data-value="chief engineer"' in response.content.decode()


def options(response):
    """(value, whether choosing it adds a new registry name) for each suggestion."""
    html = response.content.decode()
    return [(value, new == " data-new") for value, new in re.findall(r'data-value="([^"]*)"( data-new)?', html)]


def test_names_the_article_gives_are_suggested_new_or_known(client):
    article = ArticleFactory.create(
        entities=[
            {"name": "Delta Airlines", "kind": "organization", "role": "", "mentions": [[0, 5]]},
            {"name": "Della Reese", "kind": "person", "role": "singer", "mentions": [[9, 14]]},
        ]
    )
    quote_confirm(quote=QuoteFactory.create(speaker_text="Della Reese"), user=editor(), expected_version=1)
    client.force_login(editor())
    speakers = client.get(reverse("speaker_search"), {"speaker": "del", "article": article.pk})
    # The article's names first; the one the registry lacks is an entry that adds it.
    assert options(speakers) == [("Della Reese", False), ("Delta Airlines", True), ("del", True)]
    outlets = client.get(reverse("outlet_search"), {"outlet": "del", "article": article.pk})
    assert options(outlets) == [("Delta Airlines", True), ("del", True)]  # no people among outlets
