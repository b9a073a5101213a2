"""Web pages in, articles out: how much of each saved page's article text is kept, how much of its boilerplate
is not, and whether its headline, publication time and address are the ones a reader sees.

Reads pages with their expected result (PAGE.html beside PAGE.json: title, published_at, url, body blocks with
their kind, boilerplate lines; tests/pages/ has the format), and prints figures; asserts nothing.
    python bench/pages.py [DIR ...]   (default: tests/pages)
"""

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, Python puts bench/ on the path, not the project the reader belongs to.
sys.path.insert(0, str(ROOT))

from attribution.text import HEADING_MARK, ITEM_MARK  # noqa: E402
from attribution.webpages.page import read_page  # noqa: E402

MARKS = {"heading": HEADING_MARK, "item": ITEM_MARK, "paragraph": ""}
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[\"“A-Z0-9])")


def folded(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Tally:
    pages: int = 0
    sentences: int = 0
    sentences_kept: int = 0
    blocks: int = 0
    blocks_marked: int = 0
    boilerplate: int = 0
    boilerplate_kept: int = 0
    titles_right: int = 0
    times_given: int = 0
    times_right: int = 0
    urls_right: int = 0
    misses: list[str] = field(default_factory=list)


def same_moment(expected: str | None, found: str) -> bool:
    if not expected:
        return not found
    if not found:
        return False
    if len(expected) == 10 or len(found) == 10:
        return expected[:10] == found[:10] and len(expected) == len(found)
    return datetime.fromisoformat(expected) == datetime.fromisoformat(found)


def measure(html_path: Path, expected: dict[str, Any], tally: Tally) -> None:
    page = read_page(html_path.read_text(encoding="utf-8"))
    body = page.body
    stored_blocks = {folded(block) for block in body.split("\n\n")}
    name = html_path.stem
    tally.pages += 1
    for block in expected["body"]:
        text = folded(block["text"])
        tally.blocks += 1
        tally.blocks_marked += MARKS[block["kind"]] + text in stored_blocks
        for sentence in _SENTENCE_END.split(text):
            tally.sentences += 1
            if sentence in folded(body):
                tally.sentences_kept += 1
            else:
                tally.misses.append(f"{name}: body sentence lost: {sentence[:90]!r}")
    # A line counts as kept only where the body holds it outside the article's own words: a tag ("Maine") is
    # not kept because a sentence names the state.
    article = [folded(block["text"]) for block in expected["body"]]
    for line in expected["boilerplate"]:
        tally.boilerplate += 1
        if folded(line) in folded(body) and not any(folded(line) in text for text in article):
            tally.boilerplate_kept += 1
            tally.misses.append(f"{name}: boilerplate kept: {line[:90]!r}")
    tally.titles_right += page.title == expected["title"]
    if page.title != expected["title"]:
        tally.misses.append(f"{name}: title {page.title!r}, expected {expected['title']!r}")
    if expected.get("published_at"):
        tally.times_given += 1
        if same_moment(expected["published_at"], page.metadata.published):
            tally.times_right += 1
        else:
            tally.misses.append(f"{name}: published {page.metadata.published!r}, expected {expected['published_at']!r}")
    tally.urls_right += page.metadata.url == expected["url"]
    if page.metadata.url != expected["url"]:
        tally.misses.append(f"{name}: url {page.metadata.url!r}, expected {expected['url']!r}")


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "tests" / "pages"])
    parser.add_argument("--quiet", action="store_true", help="figures only, not each miss")
    options = parser.parse_args()
    tally = Tally()
    for directory in options.dirs:
        for expected_path in sorted(directory.glob("*.json")):
            html_path = expected_path.with_suffix(".html")
            if html_path.exists():
                measure(html_path, json.loads(expected_path.read_text(encoding="utf-8")), tally)
    if not options.quiet:
        print("\n".join(tally.misses))
    print(f"pages: {tally.pages}")
    print(f"body sentences kept: {share(tally.sentences_kept, tally.sentences)}")
    print(f"blocks kept with their kind: {share(tally.blocks_marked, tally.blocks)}")
    print(f"boilerplate lines kept: {share(tally.boilerplate_kept, tally.boilerplate)}")
    print(f"headline right: {tally.titles_right}/{tally.pages}")
    print(f"publication time right: {tally.times_right}/{tally.times_given}")
    print(f"canonical address right: {tally.urls_right}/{tally.pages}")


if __name__ == "__main__":
    main()
