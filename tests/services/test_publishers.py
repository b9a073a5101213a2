import pytest

from attribution.models import Article, ImportBatch, Publisher
from attribution.services.ingest import article_create
from attribution.services.publishers import PublisherMergeError, publisher_merge, publisher_resolve

pytestmark = pytest.mark.django_db

BODY = "Ferry services across Calder Bay were suspended on Friday, the operator said."


def test_the_seeded_registry_names_one_outlet_one_way_whatever_form_is_given():
    forms = [(["NYTimes"], ""), (["The New York Times"], ""), (["nytimes"], "www.nytimes.com"), ([], "nytimes.com")]
    assert {publisher_resolve(names, site) for names, site in forms} == {"The New York Times"}
    assert publisher_resolve(["Hosted"], "hosted.ap.org") == "The Associated Press"
    assert publisher_resolve(["DW.COM"], "") == "DW"
    assert publisher_resolve(["Timesofisrael"], "") == "The Times of Israel"


def test_a_site_the_registry_knows_decides_over_the_name_its_page_gives():
    assert publisher_resolve(["BBC World Service Online"], "bbc.co.uk") == "BBC News"
    assert publisher_resolve(["Whatever"], "edition.cnn.com") == "CNN"


def test_a_new_outlet_becomes_an_entry_and_its_site_an_alias():
    assert publisher_resolve(["Northgate Courier", "NORTHGATECOURIER.EXAMPLE"], "courier.example") == (
        "Northgate Courier"
    )
    entry = Publisher.objects.get(name="Northgate Courier")
    assert entry.aliases == ["courier.example"]
    # The next page of the site needs no name, and a differently cased name is the same entry.
    assert publisher_resolve([], "www.courier.example") == "Northgate Courier"
    assert publisher_resolve(["northgate courier"]) == "Northgate Courier"
    assert Publisher.objects.filter(name__iexact="northgate courier").count() == 1


def test_a_site_is_named_by_its_address_when_its_pages_give_no_other_name():
    assert publisher_resolve(["gazette.example"], "gazette.example") == "gazette.example"
    assert publisher_resolve(["Hosted"], "") == ""
    assert publisher_resolve([], "") == ""


def test_articles_carry_the_registry_name():
    article = article_create(title="Ferry strike", body=BODY, publisher="NYTimes", extract=False)
    assert article.publisher == "The New York Times"


def test_merging_renames_every_article_and_import_and_keeps_the_names():
    one = article_create(title="One", body=BODY, publisher="Eastmere Gazette", extract=False)
    two = article_create(title="Two", body=BODY + " Again.", publisher="The Eastmere Gazette", extract=False)
    batch = ImportBatch.objects.create(source_name="feed.jsonl", publisher="The Eastmere Gazette")
    target = Publisher.objects.get(name="Eastmere Gazette")
    source = Publisher.objects.get(name="The Eastmere Gazette")
    source.aliases = ["gazette.example"]
    source.save()
    assert publisher_merge(target=target, source=source) == 1
    assert set(Article.objects.filter(pk__in=[one.pk, two.pk]).values_list("publisher", flat=True)) == {
        "Eastmere Gazette"
    }
    batch.refresh_from_db()
    assert batch.publisher == "Eastmere Gazette"
    target.refresh_from_db()
    assert target.aliases == ["The Eastmere Gazette", "gazette.example"]
    assert not Publisher.objects.filter(pk=source.pk).exists()
    # Later rows naming the merged form come in under the kept one.
    three = article_create(title="Three", body=BODY + " Third.", publisher="The Eastmere Gazette", extract=False)
    assert three.publisher == "Eastmere Gazette"


def test_merge_refuses_nonsense():
    entry = Publisher.objects.get(name="Reuters")
    with pytest.raises(PublisherMergeError):
        publisher_merge(target=entry, source=entry)
    gone = Publisher.objects.create(name="Gone")
    Publisher.objects.filter(pk=gone.pk).delete()
    with pytest.raises(PublisherMergeError):
        publisher_merge(target=entry, source=gone)
