"""The filter fields searched as you type: a few matches for what was typed, never the whole list."""

import pytest
from django.urls import reverse

from attribution.models import ImportBatch, Speaker
from attribution.selectors.suggestions import LIMIT
from tests.factories import ArticleFactory, QuoteFactory, editor

pytestmark = pytest.mark.django_db


def options(client, name, typed):
    return client.get(reverse(name), {"q": typed}).content.decode()


def test_publishers_containing_what_was_typed_those_starting_with_it_first(client):
    for publisher in ("Evening Courier", "Courier Mail", "Gazette", "Courier Mail"):
        ArticleFactory.create(publisher=publisher)
    client.force_login(editor())
    found = options(client, "publisher_suggestions", "courier")
    assert found.index("Courier Mail") < found.index("Evening Courier")
    assert found.count("Courier Mail") == 2  # its value and its label: one option
    assert "Gazette" not in found
    assert "Gazette" in options(client, "publisher_suggestions", "")  # the first ones, as the field is reached
    assert "No match." in options(client, "publisher_suggestions", "zeppelin")


def test_at_most_a_few_of_many(client):
    for n in range(LIMIT + 5):
        ArticleFactory.create(publisher=f"Gazette {n}")
        ImportBatch.objects.create(source_name=f"feed-{n}.jsonl")
    client.force_login(editor())
    assert options(client, "publisher_suggestions", "gazette").count('role="option"') == LIMIT
    assert options(client, "import_batch_suggestions", "feed").count('role="option"') == LIMIT


def test_articles_by_words_of_their_title_or_quotes_or_by_number(client):
    harbour = ArticleFactory.create(title="Harbour reopens after storm")
    QuoteFactory.create(article=ArticleFactory.create(title="Council meeting"))  # "We had no choice but to close..."
    client.force_login(editor())
    found = options(client, "article_suggestions", "harbour reopened")  # stemmed
    assert f'data-value="{harbour.pk}">Harbour reopens after storm #{harbour.pk}' in found
    assert "Council" not in found
    assert "Council meeting" in options(client, "article_suggestions", "choice")  # a word of its quote
    assert "Harbour" in options(client, "article_suggestions", f"#{harbour.pk}")
    assert "No match." in options(client, "article_suggestions", "zeppelin")
    assert "Type 1 letter or more." in options(client, "article_suggestions", "")
    assert "No match." in options(client, "article_suggestions", "&:*! (")  # no word: nothing the query breaks on


def test_import_batches_by_file_name_or_number(client):
    wanted = ImportBatch.objects.create(source_name="wire.jsonl")
    other = ImportBatch.objects.create(source_name="feed.csv")
    client.force_login(editor())
    by_name = options(client, "import_batch_suggestions", "WIRE")
    assert f'data-value="{wanted.pk}"' in by_name
    assert f'data-value="{other.pk}"' not in by_name
    assert f'data-value="{other.pk}"' in options(client, "import_batch_suggestions", f"#{other.pk}")


def test_speakers_by_name_or_by_id_for_the_merge_form(client):
    ann = Speaker.objects.create(name="Ann Lee", aliases=["A. Lee"])
    Speaker.objects.create(name="Lee Ann Moss", merged_into=ann)  # merged: not offered
    client.force_login(editor())
    assert 'data-value="Ann Lee"' in options(client, "speaker_name_suggestions", "a. lee")
    keyed = options(client, "speaker_suggestions_keyed", "lee")
    assert f'data-value="{ann.pk}">Ann Lee (person)' in keyed
    assert "Moss" not in keyed
    assert "Type 2 letters or more." in options(client, "speaker_suggestions_keyed", "l")
