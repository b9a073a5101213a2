"""A saved news page read into the article an editor expects: kept blocks as the body, what was dropped with
its reason, and the page's metadata."""

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from attribution.text import HEADING_MARK, ITEM_MARK
from attribution.webpages.blocks import Block, Kind, article_blocks
from attribution.webpages.boilerplate import page_reasons
from attribution.webpages.metadata import Metadata, element_text, parse, read_metadata

_MARKS = {Kind.HEADING: HEADING_MARK, Kind.ITEM: ITEM_MARK, Kind.PARAGRAPH: ""}
# A page's headline repeated as a body block is looked for among its first blocks only.
_HEADLINE_REACH = 8
# A block is the site's, not the story's, when it is on at least this many of a site's pages in one import and
# on at least this share of them (a background paragraph shared by two versions of one story is not).
REPEATED_PAGES = 3
REPEATED_SHARE = 0.5
_BLOCK_ELEMENTS = "//p | //li | //h2 | //h3 | //h4 | //h5 | //h6 | //blockquote"


@dataclass(frozen=True)
class Dropped:
    text: str
    reason: str


@dataclass(frozen=True)
class Page:
    metadata: Metadata
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...] = field(default=())

    @property
    def title(self) -> str:
        return self.metadata.headline or next((block.text for block in self.blocks), "")

    @property
    def body(self) -> str:
        """The kept blocks as the stored text: one paragraph each, subheadings and list items marked."""
        return "\n\n".join(_MARKS[block.kind] + block.text for block in self.blocks)


def fingerprint(text: str) -> str:
    """A block's text as lines repeated across pages are compared: case, spacing and punctuation aside."""
    return hashlib.blake2b(_plain(text).encode(), digest_size=8).hexdigest()


def _same_text(one: str, other: str) -> bool:
    return fingerprint(one) == fingerprint(other)


def site_furniture(pages: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each site (host) among pages (HTML documents read together, an archive's), the fingerprints of
    the blocks repeated on many of its pages: a sign-off, a promotion, a standing note no rule knows."""
    counts: dict[str, Counter[str]] = {}
    pages_of: Counter[str] = Counter()
    for html in pages:
        tree = parse(html)
        host = read_metadata(tree).host
        pages_of[host] += 1
        texts = {element_text(element) for element in tree.xpath(_BLOCK_ELEMENTS)}
        counts.setdefault(host, Counter()).update(fingerprint(text) for text in texts if text)
    return {
        host: frozenset(
            mark for mark, count in found.items() if count >= max(REPEATED_PAGES, REPEATED_SHARE * pages_of[host])
        )
        for host, found in counts.items()
        if host
    }


def read_page(html: str, *, url: str = "", repeated: Mapping[str, frozenset[str]] | None = None) -> Page:
    """The page's article. repeated is site_furniture's finding for the pages read with this one: blocks
    repeated on many pages of its site are dropped too."""
    tree = parse(html)
    metadata = read_metadata(tree, url)
    furniture = (repeated or {}).get(metadata.host, frozenset())
    kept: list[Block] = []
    dropped: list[Dropped] = []
    seen: set[str] = set()
    blocks = article_blocks(tree, metadata.url or url)
    for place, (block, by_form) in enumerate(zip(blocks, page_reasons(blocks, metadata.authors), strict=True)):
        mark = fingerprint(block.text)
        reason = by_form
        if not reason and place < _HEADLINE_REACH and _is_headline(block, metadata):
            reason = "headline repeated"
        elif not reason and mark in furniture:
            reason = "repeated on other pages of the site"
        elif not reason and mark in seen and len(block.text.split()) > 3:
            reason = "repeated in the page"
        if reason:
            dropped.append(Dropped(block.text, reason))
        else:
            kept.append(block)
            seen.add(mark)
    pulled = [block for block in kept if _pull_quote(block, kept)]
    dropped += [Dropped(block.text, "pull quote") for block in pulled]
    return Page(metadata, tuple(block for block in kept if block not in pulled), tuple(dropped))


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


# The quoted words of a block, and what stands beside them (a pull quote's name and role).
_QUOTED = re.compile(r"^[\"\u201c](?P<words>[^\"\u201c\u201d]{20,})[\"\u201d](?P<rest>.*)$", re.DOTALL)


def _pull_quote(block: Block, kept: list[Block]) -> bool:
    """A quotation set apart from the text that repeats words the story quotes elsewhere, with at most its
    speaker's name beside it: the page's display, said once already."""
    found = _QUOTED.match(block.text.strip()) if block.kind is Kind.PARAGRAPH else None
    if found is None or len(found["rest"].split()) > 10 or re.search(r"\b(?:said|says|told|added)\b", found["rest"]):
        return False
    words = _plain(found["words"])
    # Said once already in a longer block: the story's own paragraph, never another display of the same words.
    return any(len(other.text) > len(block.text) and words in _plain(other.text) for other in kept)


def _is_headline(block: Block, metadata: Metadata) -> bool:
    return any(_same_text(block.text, title) for title in (metadata.headline, *metadata.titles) if title)
