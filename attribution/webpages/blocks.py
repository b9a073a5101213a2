"""The article's blocks as trafilatura finds them: paragraphs, subheadings and list items with their text and
how much of it is link text, after hidden parts of the page (hover cards, tooltips, screen-reader copies) are
taken out of the markup, where trafilatura would keep their text inside a sentence."""

import enum
from dataclasses import dataclass
from typing import Any

import trafilatura

# Elements a reader does not see in the flow of the text: hover cards and tooltips over a name, and copies
# meant for screen readers or scripts.
_HIDDEN = (
    "//*[@hidden] | //*[@aria-hidden='true'] | //template | //noscript"
    " | //*[contains(translate(@style, 'DISPLAYNOE :', 'displaynoe'), 'display:none')]"
    " | //*[contains(translate(@style, 'VISIBLTYHDEN :', 'visiblthden'), 'visibility:hidden')]"
    " | //*[@role='tooltip'] | //figcaption"
)
_CARD_CLASSES = ("tooltip", "hovercard", "hover-card", "popover", "preview-card", "link-preview", "card-popup")


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


def remove_hidden(tree: Any) -> None:
    card = " | ".join(f"//*[contains(concat(' ', normalize-space(@class), ' '), '{name}')]" for name in _CARD_CLASSES)
    for element in tree.xpath(f"{_HIDDEN} | {card}"):
        _drop(element)


def _folded(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _link_chars(element: Any) -> int:
    return sum(len(_folded(link)) for link in element.iter("ref"))


def _list_blocks(element: Any) -> list[Block]:
    items = [item for item in element.iter("item") if _folded(item)]
    linked = sum(1 for item in items if _link_chars(item) >= 0.8 * len(_folded(item)))
    return [Block(Kind.ITEM, _folded(item), _link_chars(item), len(items), linked) for item in items]


def article_blocks(tree: Any, url: str = "") -> list[Block]:
    """The article's blocks in reading order, from a parsed page (which this changes: hidden parts removed)."""
    remove_hidden(tree)
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
            kind = Kind.HEADING if element.tag == "head" else Kind.PARAGRAPH
            blocks.append(Block(kind, text, _link_chars(element)))
    return blocks
