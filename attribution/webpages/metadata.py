"""What a page says about its article beside the text: the visible headline, when it was published, who
published it and its canonical address, read from the page's markup (JSON-LD, meta tags, h1) before any
cleaning changes it."""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from dateutil import parser as dateparser
from lxml import html as lxml_html

from attribution.webpages.urls import is_web_address, normalise

# JSON-LD types that are the article itself (a page also describes its site, breadcrumbs, authors, videos).
_ARTICLE_TYPE = re.compile(r"Article|BlogPosting|Report|LiveBlog", re.IGNORECASE)
# Meta tags that give the first publication, in the order they are trusted; never a modified or updated date.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "publish-date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
)
# Elements a page names as its date line, whose text is the date where no <time> gives it ("Feb 27, 2024").
_STAMPED = " | ".join(
    f"//*[contains(translate(concat(@class, ' ', @data-cy, ' ', @data-testid, ' ', @itemprop), "
    f"'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{name}')]"
    for name in ("timestamp", "publish", "pubdate", "dateline", "time-rubric", "article-date", "story-date")
)
# Words that mark a time as a later edit's, not the publication's.
_UPDATE = re.compile(r"updat|modif|edited|revised", re.IGNORECASE)
# Between a headline and the site's name or section in a <title> or og:title.
_TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014\u00b7\u2022:\-]{1,2}\s+")
_DATE_LIKE = re.compile(r"^[\d\s./\-:]+$|^\d{1,2} \w+ \d{4}$")


@dataclass(frozen=True)
class Metadata:
    headline: str = ""
    # ISO 8601 as the page gives it (with its time and zone where it has them), else "".
    published: str = ""
    # Names the page gives its publisher, most trusted first; host is the page's own (www. dropped).
    publisher_names: tuple[str, ...] = ()
    host: str = ""
    url: str = ""
    # Other headlines the page carries (og:title, <title>), the text body paragraphs must not repeat.
    titles: tuple[str, ...] = field(default=())
    # The people the page names as the article's authors (JSON-LD, meta author), whose bio a page may add.
    authors: tuple[str, ...] = field(default=())


def element_text(element: Any) -> str:
    """An element's visible text with its whitespace folded, as the reader compares and keeps it."""
    return " ".join(element.text_content().split())


def _folded(text: str) -> str:
    """text as its letters and digits in lower case: how a site's name is recognised in its titles."""
    return re.sub(r"[\W_]", "", text.lower())


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, @graph members and nested lists flattened."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        source = (script.text or "").strip().removeprefix("<!--").removesuffix("-->")
        try:
            pending = [json.loads(source)]
        except (ValueError, RecursionError):  # not JSON, or nested deeper than any page's metadata is
            continue
        while pending:
            value = pending.pop()
            if isinstance(value, list):
                pending += reversed(value)
            elif isinstance(value, dict):
                found.append(value)
                pending.append(value.get("@graph"))
    return found


def _types(node: dict[str, Any]) -> str:
    kind = node.get("@type", "")
    return " ".join(kind) if isinstance(kind, list) else str(kind)


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> Iterator[str]:
    """The name(s) a JSON-LD publisher or author value gives: a string, an object, a reference by @id, or a list."""
    if isinstance(value, list):
        for item in value:
            yield from _names(item, by_id)
    elif isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        node = by_id.get(str(value.get("@id")), value) if "name" not in value else value
        if isinstance(node.get("name"), str):
            yield node["name"]


def _meta(tree: Any) -> dict[str, str]:
    """Meta tags by their property, name or itemprop in lower case (the first of each)."""
    tags: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and key not in tags:
                tags[key] = meta.get("content").strip()
    return tags


def parse_moment(text: str) -> str:
    """An ISO 8601 form of a date or date-time as a page writes it ("2020-01-19T14:05:00Z", "Sun, 19 Jan 2020
    14:05:00 GMT"), its time and zone kept where it gives them; "" for anything that is not one."""
    text = text.strip()
    if not text or not re.search(r"\d{4}", text):
        return ""
    try:
        moment = dateparser.isoparse(text)
    except ValueError:
        try:
            moment = dateparser.parse(text)
        except (ValueError, OverflowError):
            return ""
    has_time = bool(re.search(r"\d:\d\d|T\d{4}", text))
    return moment.isoformat() if has_time else moment.date().isoformat()


def _visible_times(tree: Any) -> list[str]:
    """The article's own <time> elements, first the ones marked as the publication, then any not marked as an
    update (a page without metadata shows "Published 4 March 2021, 10:15" in one)."""
    marked = tree.xpath('//time[@itemprop="datePublished"]/@datetime | //time[@pubdate]/@datetime')
    shown = [
        time.get("datetime")
        for time in tree.xpath("//article//time[@datetime] | //main//time[@datetime]")
        if not _UPDATE.search(f"{time.get('class', '')} {time.get('itemprop', '')} {element_text(time.getparent())}")
    ]
    stamps = [
        element_text(element)
        for element in tree.xpath(_STAMPED)
        if len(element_text(element)) <= 60
        and not _UPDATE.search(f"{element.get('class', '')} {element_text(element)}")
    ]
    return [*marked, *shown, *stamps]


# A date in an address's path, as many sites file their stories: /2025/05/14/, /2025-05-14-slug/.
# Or with the month's name: /2026/Feb/10/.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PATH_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2]|" + "|".join(_MONTHS) + r")[/-](0[1-9]|[12]\d|3[01])(?=[/-]|$)",
    re.IGNORECASE,
)


def date_in_address(url: str) -> str:
    """The date an address's path gives (ISO 8601), else ""."""
    found = _PATH_DATE.search(re.sub(r"^https?://[^/]+|[?#].*$", "", url))
    if not found:
        return ""
    year, month, day = found.groups()
    if month.lower() in _MONTHS:
        month = f"{_MONTHS.index(month.lower()) + 1:02d}"
    return f"{year}-{month}-{day}"


def _published(articles: list[dict[str, Any]], meta: dict[str, str], tree: Any, urls: tuple[str, ...]) -> str:
    candidates = [str(node.get("datePublished") or "") for node in articles]
    candidates += [meta.get(key, "") for key in PUBLISHED_META]
    candidates += _visible_times(tree)
    found = next((moment for moment in map(parse_moment, candidates) if moment), "")
    # The address is the last resort: it names the day a story was filed, never a time, and no page's own
    # markup is as sure of it.
    return found or next((date for date in map(date_in_address, urls) if date), "")


def _host(url: str) -> str:
    match = re.match(r"https?://([^/:?#]+)", url, re.IGNORECASE)
    return match.group(1).lower().removeprefix("www.") if match else ""


def _canonical(tree: Any, meta: dict[str, str], given: str) -> str:
    """The canonical link, else og:url, else the address given; in https where any of them gives the same
    address so (a canonical link left in http:// by an old template)."""
    candidates = [
        normalise(url)
        for url in (*tree.xpath('//link[@rel="canonical"]/@href'), meta.get("og:url", ""), given)
        if is_web_address(url)
    ]
    if not candidates:
        return ""
    chosen = candidates[0]
    secure = "https://" + chosen.removeprefix("http://")
    return secure if chosen.startswith("http://") and secure in candidates else chosen


def _site_forms(names: tuple[str, ...], host: str) -> set[str]:
    """The ways a site's name can appear in its titles, folded to letters and digits: each name, without a
    leading "The" and, for a name that is an address ("DW.COM"), its first part; the host's too."""
    forms: set[str] = set()
    for given in (*names, host):
        name = given.lower().removeprefix("www.")
        forms |= {_folded(name), _folded(name.removeprefix("the ")), _folded(name.split(".")[0])}
    return forms - {""}


def without_site_suffix(title: str, site_forms: set[str]) -> str:
    """A <title> or og:title without the site's name, a date or a section after a separator ("Talks resume |
    DW | 19.01.2020", "Talks resume - BBC News"); the title itself where no part is the site's."""
    parts = _TITLE_SEPARATOR.split(title.strip())
    folded = [_folded(part) for part in parts]
    if len(parts) < 2 or not any(form in site_forms for form in folded):
        return title.strip()
    kept = [
        part for part, form in zip(parts, folded, strict=True) if form not in site_forms and not _DATE_LIKE.match(part)
    ]
    return max(kept, key=len) if kept else title.strip()


def _overlap(one: str, other: str) -> float:
    a, b = set(re.findall(r"\w+", one.lower())), set(re.findall(r"\w+", other.lower()))
    return len(a & b) / len(a | b) if a and b else 0.0


def _headline(tree: Any, titles: list[str], site_forms: set[str]) -> str:
    """The h1 a reader sees as the headline: the one most like the page's own titles (a page may have a logo or
    a section name in an h1 too), else the first title without the site's suffix."""
    h1s = [
        text
        for text in map(element_text, tree.xpath("//h1"))
        if text and re.sub(r"[\W_]", "", text.lower()) not in site_forms
    ]
    cleaned = [without_site_suffix(title, site_forms) for title in titles if title]
    if h1s:
        best = max(h1s, key=lambda text: max((_overlap(text, title) for title in cleaned), default=0.0))
        if not cleaned or max(_overlap(best, title) for title in cleaned) > 0.2:
            return best
        article_h1 = [text for text in map(element_text, tree.xpath("//article//h1 | //main//h1")) if text]
        return article_h1[0] if article_h1 else h1s[0]
    return cleaned[0] if cleaned else ""


def read_metadata(tree: Any, url: str = "") -> Metadata:
    """The page's metadata from its parsed tree (lxml.html), which this leaves as it was."""
    nodes = _json_ld(tree)
    by_id = {str(node["@id"]): node for node in nodes if "@id" in node}
    articles = [node for node in nodes if _ARTICLE_TYPE.search(_types(node))]
    meta = _meta(tree)
    canonical = _canonical(tree, meta, url)
    host = _host(canonical)
    names = [name for node in articles for name in _names(node.get("publisher"), by_id)]
    names += [meta.get(key, "") for key in ("og:site_name", "application-name", "twitter:site")]
    publisher_names = tuple(dict.fromkeys(" ".join(name.split()).removeprefix("@") for name in names if name.strip()))
    titles = [str(node.get("headline") or "") for node in articles]
    titles += [meta.get("og:title", ""), meta.get("twitter:title", ""), *map(element_text, tree.xpath("//head/title"))]
    titles = [" ".join(title.split()) for title in titles if title.strip()]
    site_forms = _site_forms(publisher_names, host)
    authors = [name for node in articles for name in _names(node.get("author"), by_id)]
    authors.append(meta.get("author", ""))
    return Metadata(
        headline=_headline(tree, titles, site_forms),
        published=_published(articles, meta, tree, (canonical, url)),
        publisher_names=publisher_names,
        host=host,
        url=canonical,
        titles=tuple(dict.fromkeys(without_site_suffix(title, site_forms) for title in titles)),
        authors=tuple(dict.fromkeys(" ".join(name.split()) for name in authors if name.strip())),
    )


def parse(html: str) -> Any:
    """The page's tree; an empty one for a file with no markup or text at all (lxml refuses those)."""
    return lxml_html.document_fromstring(html) if html.strip() else lxml_html.document_fromstring("<html></html>")
