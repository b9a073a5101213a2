import pytest

from attribution.webpages.metadata import date_in_address, parse, parse_moment, read_metadata, without_site_suffix

PAGE = """<html><head>
<title>{title}</title>
<meta property="og:title" content="{og_title}">
<meta property="og:site_name" content="{site_name}">
{head}
</head><body><header><h1 class="logo">{site_name}</h1></header>
<article><h1>{headline}</h1><p>Text of the story, long enough to be one.</p></article></body></html>"""


def metadata(headline="Harbour ferry crews walk out", title="", og_title="", site_name="Northgate Courier", head=""):
    html = PAGE.format(
        headline=headline, title=title or headline, og_title=og_title or headline, site_name=site_name, head=head
    )
    return read_metadata(parse(html))


def test_the_headline_is_the_visible_h1_not_the_social_title_or_the_logo():
    found = metadata(og_title="You won't believe what ferry crews did", title="Ferry strike | Northgate Courier")
    assert found.headline == "Harbour ferry crews walk out"


def test_without_an_h1_the_title_loses_its_site_suffix():
    html = (
        "<html><head><title>Talks resume | DW | 19.01.2020</title><meta property='og:site_name' content='DW.COM'>"
        "</head><body><p>Text.</p></body></html>"
    )
    assert read_metadata(parse(html)).headline == "Talks resume"


@pytest.mark.parametrize(
    ("title", "forms", "headline"),
    [
        ("Talks resume - BBC News", {"bbcnews", "bbc"}, "Talks resume"),
        ("Talks resume | DW | 19.01.2020", {"dw", "dwcom"}, "Talks resume"),
        ("Brexit: what happens next", {"bbcnews"}, "Brexit: what happens next"),
        ("Left - right - centre: a guide", {"gazette"}, "Left - right - centre: a guide"),
    ],
)
def test_site_suffixes(title, forms, headline):
    assert without_site_suffix(title, forms) == headline


def test_the_publication_time_keeps_its_time_and_zone_and_is_never_the_modified_one():
    head = """<meta property="article:modified_time" content="2021-03-06T08:00:00Z">
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "@id": "https://x.example/#site", "name": "X"},
      {"@type": "NewsArticle", "datePublished": "2021-03-04T10:15:00+01:00", "dateModified": "2021-03-05T09:15:00Z",
       "publisher": {"@id": "https://x.example/#org"}},
      {"@type": "Organization", "@id": "https://x.example/#org", "name": "Example Gazette"}]}</script>"""
    found = metadata(head=head)
    assert found.published == "2021-03-04T10:15:00+01:00"
    assert found.publisher_names[0] == "Example Gazette"


def test_meta_tags_give_the_time_when_there_is_no_json_ld():
    head = """<meta property="article:modified_time" content="2021-03-06T08:00:00Z">
    <meta property="article:published_time" content="2021-03-04T10:15:00-05:00">"""
    assert metadata(head=head).published == "2021-03-04T10:15:00-05:00"


def test_broken_json_ld_is_passed_over():
    head = """<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>
    <meta name="pubdate" content="2021-03-04">"""
    assert metadata(head=head).published == "2021-03-04"


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("2020-01-19T14:05:00Z", "2020-01-19T14:05:00+00:00"),
        ("Sun, 19 Jan 2020 14:05:00 GMT", "2020-01-19T14:05:00+00:00"),
        ("2020-01-19", "2020-01-19"),
        ("20200119T140500+0100", "2020-01-19T14:05:00+01:00"),
        ("yesterday", ""),
        ("", ""),
        ("9" * 400, ""),
    ],
)
def test_moments(written, moment):
    assert parse_moment(written) == moment


def test_the_canonical_link_is_preferred_and_normalised():
    head = """<link rel="canonical" href="https://www.example.com/news/ferry-strike/">
    <meta property="og:url" content="http://example.com/news/ferry-strike?utm_source=twitter">"""
    found = metadata(head=head)
    assert found.url == "https://www.example.com/news/ferry-strike/"
    assert found.host == "example.com"


def test_without_metadata_the_articles_own_time_element_gives_the_time_and_never_an_update():
    html = """<html><head><title>Storm</title></head><body><article><h1>Storm</h1>
    <p class="dateline">Updated <time datetime="2021-03-05T09:00:00Z">5 March</time></p>
    <p class="dateline">Published <time datetime="2021-03-04T10:15:00+01:00">4 March</time></p>
    <p>The storm hit.</p><footer>\u00a9 2024 Courier</footer></article></body></html>"""
    assert read_metadata(parse(html)).published == "2021-03-04T10:15:00+01:00"


def test_a_page_that_gives_no_time_has_none():
    html = "<html><body><article><h1>Storm</h1><p>The storm hit on 4 March 2021.</p><p>\u00a9 2024</p></article></body>"
    assert read_metadata(parse(html)).published == ""


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://courier.example/2025/05/14/ferry-crews-walk-out/", "2025-05-14"),
        ("https://courier.example/news/2025-05-14-ferry-crews-walk-out/", "2025-05-14"),
        ("https://courier.example/news/2025/0514/1517244-ferry/", ""),
        ("https://courier.example/news/11232874/ferry-crews/", ""),
        ("https://courier.example/2025/13/40/ferry/", ""),
        ("https://courier.example/ferry?from=2025/05/14/", ""),
        ("https://courier.example/cities/2026/Feb/10/lake-weeds-choke-fishers-2551234.html", "2026-02-10"),
        ("https://courier.example/2026/Fab/10/ferry/", ""),
    ],
)
def test_a_date_in_the_address(url, date):
    assert date_in_address(url) == date


def test_the_address_gives_the_date_only_where_the_page_gives_none():
    canonical = '<link rel="canonical" href="https://courier.example/2025/05/14/ferry-crews-walk-out/">'
    assert metadata(head=canonical).published == "2025-05-14"
    stamped = canonical + '<meta property="article:published_time" content="2025-05-15T09:00:00Z">'
    assert metadata(head=stamped).published == "2025-05-15T09:00:00+00:00"
