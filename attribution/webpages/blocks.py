"""The article's blocks as trafilatura finds them: paragraphs, subheadings and list items with their text and
how much of it is link text, after hidden parts of the page (hover cards, tooltips, screen-reader copies) are
taken out of the markup, where trafilatura would keep their text inside a sentence."""

import enum
import re
from dataclasses import dataclass
from typing import Any

import trafilatura

from attribution.webpages.metadata import element_text

# Elements a reader does not see in the flow of the text: hover cards and tooltips over a name, and copies
# meant for screen readers or scripts.
_HIDDEN = (
    "//*[@hidden] | //*[@aria-hidden='true'] | //template | //noscript"
    " | //*[contains(translate(@style, 'DISPLAYNOE :', 'displaynoe'), 'display:none')]"
    " | //*[contains(translate(@style, 'VISIBLTYHDEN :', 'visiblthden'), 'visibility:hidden')]"
    " | //*[@role='tooltip'] | //figcaption"
)
# How long a standfirst is, in words: a sentence or two, not a byline, a date or the story itself.
_STANDFIRST_WORDS = (6, 70)
_STANDFIRST_PROSE = 4
# A subheading is a few words; a longer h2 over a paragraph is a teaser's headline.
_HEADING_WORDS = 15
_CARD_CLASSES = ("tooltip", "hovercard", "hover-card", "popover", "preview-card", "link-preview", "card-popup")


# Boxes inside an article that are the site's, not the story's, by the names sites give them.
_BOX_CLASSES = (
    "newsletter",
    "signup",
    "sign-up",
    "subscribe",
    "promo",
    "recirc",
    "outbrain",
    "taboola",
    "advert",
    "most-read",
    "mostread",
    "read-more",
    "readmore",
    "related",
    "share-bar",
    "sharebar",
    "social-share",
    "caption",
    "breadcrumb",
    # A post embedded from a social network: the post's own words and its author's handle, not the story's.
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
    # What a video player says about its clip, a teaser for the broadcast beside the text.
    "video__desc",
    "video-desc",
)
_BOX_CHARS = 600


class Kind(enum.StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    # Characters of text that are the text of links.
    link_chars: int = 0
    # The number of items in the list the block belongs to (0 outside a list).
    list_size: int = 0
    # How many of that list's items are links through and through.
    linked_items: int = 0

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def _drop(element: Any) -> None:
    """Remove element and its text, keeping the text that follows it (the rest of the sentence)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


# The attributes sites name a part of the page by, in lower case.
_NAMING = (
    "translate(concat(@class, ' ', @id, ' ', @data-component, ' ', @data-testid), "
    "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
)


def _class_contains(names: tuple[str, ...]) -> str:
    return " | ".join(f"//*[contains({_NAMING}, '{name}')]" for name in names)


_CARDS = _class_contains(_CARD_CLASSES)
# Classes that hide an element by the conventions of CSS frameworks and CMSs.
_HIDDEN_CLASSES = " | ".join(
    f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    for name in ("hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text", "d-none")
)
_BOXES = _class_contains(_BOX_CLASSES)


# A note that a summary was written by a machine ("Summary is AI-generated, newsroom-reviewed").
_MACHINE_SUMMARY = re.compile(
    r"\b(?:ai[- ]generated|generated (?:by|with|using) (?:ai|artificial intelligence)|summari[sz]ed (?:by|with) ai)\b",
    re.IGNORECASE,
)
_NOTE_WORDS = 15


def _machine_summaries(tree: Any) -> list[Any]:
    """The boxes that hold a list a machine wrote to sum the story up ("Quick Read" bullets), found by their note
    saying so: the page's reading aid, whose points the story makes in its own words. A list is asked for, so a
    short live-blog post that reports an image was AI-generated stays."""
    notes = [
        element
        for element in tree.xpath("//body//p | //body//div | //body//span")
        if not element.xpath(".//p | .//div")
        and len(element_text(element).split()) <= _NOTE_WORDS
        and _MACHINE_SUMMARY.search(element_text(element))
    ]
    boxes = [note.getparent() for note in notes]
    return [
        box
        for box in boxes
        if box is not None and box.xpath("./ul | ./ol | ./*/ul | ./*/ol") and len(box.text_content()) <= _BOX_CHARS
    ]


def remove_hidden(tree: Any) -> None:
    """Take out what a reader does not see in the text's flow (hover cards, hidden copies), and the boxes a page
    sets inside its article (a newsletter sign-up, links to other stories): named so by nearly every site's
    markup, and short; an element that long is the article itself, whatever its class says."""
    # A card's innermost named element, found before anything is taken out: its wrapper ("glossary-tooltip")
    # holds the linked name that is part of the sentence.
    cards = tree.xpath(_CARDS)
    inside = {ancestor for card in cards for ancestor in card.iterancestors()}
    for element in tree.xpath(f"{_HIDDEN} | {_HIDDEN_CLASSES}"):
        _drop(element)
    for element in cards:
        # A link is the name the card is about, and a "tooltip-trigger" what opens it: both are the sentence's.
        if element not in inside and element.tag != "a" and "trigger" not in (element.get("class") or ""):
            _drop(element)
    for element in tree.xpath(_BOXES):
        if element.getparent() is not None and len(element.text_content()) <= _BOX_CHARS:
            _drop(element)
    for element in _machine_summaries(tree):
        if element.getparent() is not None:
            _drop(element)


def _folded(element: Any) -> str:
    """The element's text, whitespace folded, a line break (trafilatura's lb) read as a space: "Media
    contact:<br>Dana Reyes" is two words apart, not "contact:Dana"."""
    for line_break in element.iter("lb"):
        line_break.text = " "
    return " ".join("".join(element.itertext()).split())


def _link_chars(element: Any) -> int:
    return sum(len(_folded(link)) for link in element.iter("ref"))


def _list_blocks(element: Any) -> list[Block]:
    items = [item for item in element.iter("item") if _folded(item)]
    linked = sum(1 for item in items if _link_chars(item) >= 0.8 * len(_folded(item)))
    return [Block(Kind.ITEM, _folded(item), _link_chars(item), len(items), linked) for item in items]


def _headings_before(tree: Any) -> dict[str, str]:
    """Each subheading of the page by the paragraph it stands over (that paragraph's folded text)."""
    found: dict[str, str] = {}
    for heading in tree.xpath("//h2 | //h3 | //h4"):
        following = heading.getnext()
        title = element_text(heading)
        if following is not None and following.tag == "p" and title and len(title.split()) <= _HEADING_WORDS:
            found.setdefault(element_text(following), title)
    return found


# Labels over a list that sums the story up before it starts ("Key Points"), which trafilatura leaves out with
# the page's header.
_SUMMARY_LABELS = frozenset({"key points", "summary", "in summary", "key takeaways", "takeaways", "at a glance"})
# A list item of prose, not a link: this many words at the least, links under half of its text.
_PROSE_ITEM_WORDS = 5


def _prose_items(element: Any) -> list[str]:
    """The items of a list (ul, ol) if they read as the story's sentences, else none."""
    elements = element.xpath("./li")
    items = [element_text(item) for item in elements]
    prose = all(
        len(text.split()) >= _PROSE_ITEM_WORDS and _linked_length(item) < 0.5 * len(text)
        for text, item in zip(items, elements, strict=True)
    )
    return items if len(items) >= 2 and prose else []


def _linked_length(element: Any) -> int:
    """How many characters of an element's text are the text of its links."""
    return sum(len(element_text(link)) for link in element.iter("a"))


def _lists(tree: Any) -> tuple[list[str], dict[str, list[str]]]:
    """The story's lists that trafilatura may leave out: a summary under a label like "Key Points", and each
    list of prose by the paragraph it follows ("If you are just joining us, here is where things stand:")."""
    summary: list[str] = []
    after: dict[str, list[str]] = {}
    for element in tree.xpath("//ul | //ol"):
        items = _prose_items(element)
        if not items:
            continue
        before = element.getprevious()
        if before is not None and before.tag == "p":
            after.setdefault(element_text(before), items)
        label = element.xpath("preceding::*[self::h2 or self::h3 or self::h4 or self::strong][1]")
        if not summary and label and element_text(label[0]).lower().strip(":") in _SUMMARY_LABELS:
            summary = items
    return summary, after


def _with_lists(blocks: list[Block], summary: list[str], after: dict[str, list[str]]) -> list[Block]:
    """blocks with the story's lists put back where trafilatura left them out: the summary first, each other
    list after the paragraph that leads into it."""
    present = {block.text for block in blocks if block.kind is Kind.ITEM}
    restored = [Block(Kind.ITEM, item, 0, len(summary)) for item in summary if item not in present]
    for block in blocks:
        restored.append(block)
        items = after.get(block.text, []) if block.kind is Kind.PARAGRAPH else []
        restored += [Block(Kind.ITEM, item, 0, len(items)) for item in items if item not in present]
    return restored


def _with_headings(blocks: list[Block], headings: dict[str, str]) -> list[Block]:
    """blocks with the subheadings trafilatura left out put back over the paragraphs they head (it drops some,
    by layout, where the paragraphs under them are kept)."""
    restored: list[Block] = []
    titles = set(headings.values())
    for block in blocks:
        # A subheading trafilatura gave as a paragraph is one.
        as_read = Block(Kind.HEADING, block.text) if block.kind is Kind.PARAGRAPH and block.text in titles else block
        title = headings.get(as_read.text) if as_read.kind is Kind.PARAGRAPH else None
        if title and not (restored and restored[-1].text == title):
            restored.append(Block(Kind.HEADING, title))
        restored.append(as_read)
    return restored


def _standfirst(tree: Any) -> str:
    """The sentence a page sets right under its headline (dek, standfirst, summary), which trafilatura leaves
    out with the page's header though it is the article's lead, as BBC texts keep it; else the element of the
    page that opens with the summary its metadata gives (a teaser set under the picture, a summary box)."""
    headlines = tree.xpath("//article//h1 | //main//h1") or tree.xpath("//h1")
    following = headlines[0].getnext() if headlines else None
    found = _lead_text(following)
    return found or _lead_text(_described(tree))


def _described(tree: Any) -> Any:
    """The first element in the page's body whose text opens with the page's own description."""
    summaries = tree.xpath("//head/meta[@property='og:description' or @name='description']/@content")
    summary = " ".join(str(summaries[0]).split()) if summaries else ""
    if len(summary.split()) < _STANDFIRST_WORDS[0]:
        return None
    return next(
        (
            element
            for element in tree.xpath("//body//p | //body//div | //body//h2")
            if element_text(element).startswith(summary) and not element.xpath(".//p | .//div | .//li | .//h3")
        ),
        None,
    )


def _lead_text(following: Any) -> str:
    """The text of an element if it reads as a standfirst: a sentence or two of prose, not links."""
    if following is None or following.tag not in ("p", "div", "h2", "span"):
        return ""
    if following.xpath(".//p | .//div | .//li | .//h3"):
        return ""
    text = element_text(following)
    links = _linked_length(following)
    words = text.split()
    if not _STANDFIRST_WORDS[0] <= len(words) <= _STANDFIRST_WORDS[1] or links > 0.5 * len(text):
        return ""
    # Prose, not a byline or a date line ("Rohan Kulkarni / TNN / Updated: Jul 9"): words in lower case.
    return text if sum(word[0].islower() for word in words) >= _STANDFIRST_PROSE else ""


def _bold_title(element: Any, text: str) -> bool:
    """Whether a paragraph is a subheading set in bold ("<p><strong>Government response</strong></p>"), as
    sites without h2s in their editor mark one: a few words, all of them bold, not ending as a sentence does."""
    bold = element.xpath("./hi[@rend='#b']")
    return (
        element.tag == "p"
        and len(bold) == 1
        and len(element) == 1
        and not (element.text or "").strip()
        and not (bold[0].tail or "").strip()
        and len(text.split()) <= _HEADING_WORDS
        and text[-1] not in '.!?:"\u201d'
    )


def article_blocks(tree: Any, url: str = "") -> list[Block]:
    """The article's blocks in reading order, from a parsed page (which this changes: hidden parts removed)."""
    remove_hidden(tree)
    headings = _headings_before(tree)
    standfirst = _standfirst(tree)
    summary, lists = _lists(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url or None,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=True,
        include_formatting=True,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    blocks: list[Block] = []
    for element in body if body is not None else ():
        if element.tag == "list":
            blocks += _list_blocks(element)
        elif (text := _folded(element)) and element.tag in ("p", "quote", "head"):
            kind = Kind.HEADING if element.tag == "head" or _bold_title(element, text) else Kind.PARAGRAPH
            blocks.append(Block(kind, text, _link_chars(element)))
    if standfirst:
        # The lead as a paragraph, where trafilatura left it out or took its h2 for a subheading.
        blocks = [Block(Kind.PARAGRAPH, block.text) if block.text == standfirst else block for block in blocks]
        if not any(standfirst in block.text for block in blocks):
            blocks.insert(0, Block(Kind.PARAGRAPH, standfirst))
    return _with_headings(_with_lists(blocks, summary, lists), headings)
