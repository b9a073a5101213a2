"""What editors settle feeds the next extraction (services/learning.py), through the real engine."""

import pytest

from attribution.models import Outlet, Quote, Speaker
from attribution.services.extract import article_extract
from attribution.services.review import Correction, quote_edit
from tests.factories import ArticleFactory, editor

pytestmark = pytest.mark.django_db

FIRST = (
    "The port reopened on Monday.\n\n"
    '"We will not close it again this winter," said Harbourmaster Ruth Okafor, speaking to Bay Radio.'
)
LATER = '"The dredging starts next week," Ms Okafor told Bayside Wire news agency.'
OTHER = 'Anita Okafor, a ferry passenger, waited for two hours.\n\n"Nobody told us anything," Ms Okafor said.'


def settle(quote: Quote, **values: str) -> Quote:
    correction = Correction(
        speaker=values.get("speaker", quote.speaker_text),
        role=values.get("role", quote.role),
        outlet=values.get("outlet", quote.outlet_text),
        kind=quote.kind,
        new_speaker=True,
        new_outlet=True,
    )
    return quote_edit(quote=quote, user=editor(), expected_version=quote.version, correction=correction)


def test_a_linked_surface_form_its_role_and_an_outlet_alias_come_from_the_registry():
    (first,) = article_extract(article=ArticleFactory.create(body=FIRST))
    settle(first, speaker="Ruth Okafor", role="harbourmaster", outlet="Bay Radio")
    # Editors once corrected the engine's "Okafor" to her, and know the agency by a shorter name.
    (once,) = article_extract(article=ArticleFactory.create(body=LATER.replace("Ms ", "")))
    settle(once, speaker="Ruth Okafor", outlet="Bayside Wire")
    Outlet.objects.filter(name="Bayside Wire").update(aliases=["Bayside Wire news agency"])
    (later,) = article_extract(article=ArticleFactory.create(body=LATER))
    assert (later.speaker_text, later.role, later.outlet_text) == ("Ruth Okafor", "harbourmaster", "Bayside Wire")
    assert later.learned == ["speaker", "role", "outlet"]
    assert (later.extracted_speaker, later.extracted_role) == ("Ruth Okafor", "harbourmaster")
    # An article that names another Okafor in full keeps its own.
    quotes = article_extract(article=ArticleFactory.create(body=OTHER))
    assert "Ruth Okafor" not in {quote.speaker_text for quote in quotes}


def test_a_verified_kind_replaces_the_guess_and_the_card_says_where_values_came_from(client):
    (first,) = article_extract(article=ArticleFactory.create(body=FIRST))
    settle(first, speaker="Ruth Okafor", role="harbourmaster")
    Speaker.objects.filter(name="Ruth Okafor").update(kind=Speaker.Kind.ORGANIZATION, aliases=["Okafor"])
    article = ArticleFactory.create(body=LATER)
    (later,) = article_extract(article=article)
    assert later.extracted_speaker_kind == Speaker.Kind.ORGANIZATION
    assert "speaker_kind" in later.learned
    client.force_login(editor("reader"))
    page = client.get(f"/articles/{article.pk}/").content.decode()
    assert page.count("from the registry</span>") == 2  # the speaker and the role; the outlet is the article's
