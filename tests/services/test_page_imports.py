"""Saved web pages imported as files: the article each gives, what it drops, its publisher and address."""

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from attribution.models import Article
from attribution.services.imports import import_path
from attribution.services.ingest import article_create
from attribution.services.readers import html_record

pytestmark = pytest.mark.django_db

PAGES = Path(__file__).resolve().parents[1] / "pages"
STANDING = "The Courier is owned by a reader trust and takes no money from any ferry company."


def courier_page(number: int, *, scheme: str = "https") -> str:
    return f"""<html><head><title>Crossing {number} cancelled | Northgate Courier</title>
<link rel="canonical" href="{scheme}://www.courier.example/news/crossing-{number}/">
<meta property="og:site_name" content="COURIER.EXAMPLE">
<meta property="article:published_time" content="2026-03-1{number}T08:30:00+01:00">
<meta property="article:modified_time" content="2026-03-2{number}T09:00:00+01:00">
<script type="application/ld+json">{{"@type": "NewsArticle", "publisher": {{"name": "Northgate Courier"}}}}</script>
</head><body><article><h1>Crossing {number} cancelled</h1>
<p>Crossing {number} across Calder Bay was cancelled on Friday after crews refused a new rota.</p>
<p>"We remain ready to talk at any hour," the operator's spokeswoman, Miriam Okonkwo, said of crossing {number}.</p>
<p>{STANDING}</p>
<p>Follow the Courier on Twitter</p>
</article></body></html>"""


def test_a_zip_of_pages_gives_clean_articles_with_what_each_dropped(tmp_path):
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        for number in range(4):
            packed.writestr(f"crossing-{number}.html", courier_page(number))
    batch = import_path(archive, extract=False)
    articles = list(batch.articles.order_by("title"))
    assert [article.title for article in articles] == [f"Crossing {number} cancelled" for number in range(4)]
    first = articles[0]
    assert first.body.split("\n\n") == [
        "Crossing 0 across Calder Bay was cancelled on Friday after crews refused a new rota.",
        '"We remain ready to talk at any hour," the operator\'s spokeswoman, Miriam Okonkwo, said of crossing 0.',
    ]
    assert {(part["text"], part["reason"]) for part in first.dropped} == {
        ("Crossing 0 cancelled", "headline repeated"),
        (STANDING, "repeated on other pages of the site"),
        ("Follow the Courier on Twitter", "promotion"),
    }
    assert first.published_at == datetime(2026, 3, 10, 7, 30, tzinfo=UTC)
    assert first.url == "https://www.courier.example/news/crossing-0/"
    assert {article.publisher for article in articles} == {"Northgate Courier"}


def test_the_same_page_saved_by_http_and_by_https_is_one_article(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_text(courier_page(1))
    second.write_text(courier_page(1, scheme="http").replace("Follow the Courier", "Like the Courier"))
    import_path(first, extract=False)
    batch = import_path(second, extract=False)
    assert batch.duplicate_count == 1
    assert Article.objects.count() == 1


def test_a_saved_page_of_a_known_outlet_takes_the_registry_name(tmp_path):
    page = PAGES / "reuters-salmon-sea-lice-rules.html"
    article = import_path(page, extract=False).articles.get()
    assert article.publisher == "Reuters"
    assert article.published_at is not None


@pytest.mark.parametrize("expected_path", sorted(PAGES.glob("*.json")), ids=lambda path: path.stem)
def test_every_saved_page_gets_its_outlets_one_name(expected_path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    article = article_create(**_fields(expected_path.with_suffix(".html")), extract=False)
    assert article.publisher == expected["publisher"]


def _fields(path: Path) -> dict[str, Any]:
    record = html_record(path.read_bytes())
    page = record.pop("page")
    return record | {"publisher_names": page.metadata.publisher_names, "site": page.metadata.host}
