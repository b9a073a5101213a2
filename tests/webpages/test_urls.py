import pytest

from attribution.webpages.urls import identity, normalise


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("HTTP://WWW.Example.COM:80/news/story/#comments", "http://www.example.com/news/story/"),
        ("https://example.com/a?utm_source=x&id=3&fbclid=2&utm_medium=email", "https://example.com/a?id=3"),
        ("https://example.com/a?ocid=rss&b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("not a url", "not a url"),
        ("", ""),
    ],
)
def test_addresses_are_stored_without_what_does_not_name_the_page(given, stored):
    assert normalise(given) == stored


def test_the_forms_of_one_page_share_an_identity_and_other_pages_do_not():
    forms = [
        "http://www.example.com/news/story",
        "https://example.com/news/story/",
        "https://EXAMPLE.com/news/story?utm_campaign=spring#top",
    ]
    assert len({identity(url) for url in forms}) == 1
    assert identity("https://example.com/news/story-2") != identity(forms[0])
    assert identity("https://example.com/news/story?id=2") != identity("https://example.com/news/story?id=3")
    assert identity("https://other.example/news/story") != identity(forms[0])
    assert identity("") == ""
