"""Reading saved pages: the original pages under tests/pages/ (each imitating a real site's markup and its kinds
of boilerplate, with the article it should give beside it) and small pages made here for one behaviour each."""

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from attribution.text import HEADING_MARK, ITEM_MARK
from attribution.webpages.page import Page, read_page, site_furniture

PAGES = Path(__file__).resolve().parents[1] / "pages"
EXPECTED = sorted(PAGES.glob("*.json"))
MARKS = {"heading": HEADING_MARK, "item": ITEM_MARK, "paragraph": ""}


def folded(text: str) -> str:
    return " ".join(text.split())


def read_saved(path: Path) -> tuple[Page, dict[str, Any]]:
    expected = json.loads(path.read_text(encoding="utf-8"))
    return read_page(path.with_suffix(".html").read_text(encoding="utf-8")), expected


@pytest.fixture(params=EXPECTED, ids=lambda path: path.stem, scope="module")
def saved(request):
    return read_saved(request.param)


def body_blocks(page: Page, expected: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The expected body blocks (with their marks), and those of them the stored body has, in its order."""
    stored = [folded(block) for block in page.body.split("\n\n")]
    wanted = [MARKS[block["kind"]] + folded(block["text"]) for block in expected["body"]]
    return wanted, [block for block in stored if block in wanted]


def kept_boilerplate(page: Page, expected: dict[str, Any]) -> list[str]:
    """The boilerplate lines the body holds outside the article's own words, as bench/pages.py counts them: a
    line that is a word of the story ("Privacy", the site's name) is not kept because a sentence says it."""
    body = folded(page.body)
    article = [folded(block["text"]) for block in expected["body"]]
    return [
        line
        for line in expected["boilerplate"]
        if folded(line) in body and not any(folded(line) in text for text in article)
    ]


def test_body_blocks_keep_their_order_and_kind(saved):
    page, expected = saved
    wanted, found = body_blocks(page, expected)
    assert found == [block for block in wanted if block in found]


def test_the_headline_time_and_address_are_the_pages_own(saved):
    page, expected = saved
    assert page.title == expected["title"]
    assert page.metadata.url == expected["url"]
    published = expected["published_at"]
    if published and len(published) > 10:
        assert datetime.fromisoformat(page.metadata.published) == datetime.fromisoformat(published)
    else:
        assert page.metadata.published == (published or "")


def test_the_issues_goals_hold_over_every_saved_page():
    """Every body block kept save a handful across all pages (a list trafilatura leaves out of one page), and at
    most 2% of the boilerplate lines: the figures bench/pages.py prints, held as a floor."""
    lost, kept, blocks, lines = [], [], 0, 0
    for path in EXPECTED:
        page, expected = read_saved(path)
        wanted, found = body_blocks(page, expected)
        lost += [f"{path.stem}: {block[:60]}" for block in wanted if block not in found]
        kept += [f"{path.stem}: {line[:60]}" for line in kept_boilerplate(page, expected)]
        blocks, lines = blocks + len(wanted), lines + len(expected["boilerplate"])
    assert len(lost) <= 0.01 * blocks, lost
    assert len(kept) <= 0.02 * lines, kept


STORY = [
    "Ferry services across Calder Bay were suspended on Friday after crews refused to work a new rota.",
    '"We remain ready to talk at any hour," the operator\'s spokeswoman said.',
    "Union organiser Declan Farris said the rota had been imposed without consultation.",
    "Passengers queued at the terminal for much of the morning, and some gave up and went home.",
]


def page_html(paragraphs, *, head="", before=""):
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f"<html><head><title>Ferry crews walk out | Courier</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Ferry crews walk out</h1>{before}{body}</article></body></html>"
    )


def test_a_hover_card_inside_the_first_sentence_is_not_kept():
    card = "<span class='hovercard'><span>Latest: Ferry fares to rise</span><span>Bay bridge closes</span></span>"
    first = f"Ferry services run by <a href='/t/cbf'>Calder Bay Ferries</a>{card} were suspended on Friday."
    page = read_page(page_html([first, *STORY[1:]]))
    assert page.body.split("\n\n")[0] == "Ferry services run by Calder Bay Ferries were suspended on Friday."
    assert "fares" not in page.body


def test_hidden_text_is_not_kept():
    hidden = "<span style='display: none'>Subscribe now</span><span aria-hidden='true'>Share</span>"
    page = read_page(page_html([STORY[0] + hidden, *STORY[1:]]))
    assert page.body.split("\n\n")[0] == STORY[0]


def test_the_headline_repeated_as_the_first_paragraph_is_dropped_once():
    page = read_page(page_html(["Ferry crews walk out", *STORY]))
    assert page.body.split("\n\n")[0] == STORY[0]
    assert "headline repeated" in {part.reason for part in page.dropped}


def test_what_is_dropped_says_why():
    page = read_page(page_html([*STORY, "Follow Jane Doe on Twitter", "\u00a9 2026 Courier. All rights reserved."]))
    assert [(part.text, part.reason) for part in page.dropped if part.reason != "headline repeated"] == [
        ("Follow Jane Doe on Twitter", "promotion"),
        ("\u00a9 2026 Courier. All rights reserved.", "byline or credit"),
    ]


def test_subheadings_and_list_items_are_marked():
    html = page_html(STORY[:2], before="").replace(
        "</article>",
        "<h2>What the union wants</h2><ul><li>A relief skipper</li><li>No four-night runs</li></ul></article>",
    )
    blocks = read_page(html).body.split("\n\n")
    assert blocks[-3:] == ["## What the union wants", "- A relief skipper", "- No four-night runs"]


def test_a_line_on_most_pages_of_a_site_is_dropped_and_a_line_on_two_is_kept():
    canonical = "<link rel='canonical' href='https://courier.example/news/{n}'>"
    standing = "The Courier is owned by a reader trust and takes no money from the ferry company."
    shared = "The rota was first proposed in January, when talks broke down over pay."
    pages = [
        page_html(
            [f"Story {n} begins with its own sentence, as every story does.", standing, *STORY[2:]],
            head=canonical.format(n=n),
        )
        for n in range(5)
    ]
    pages[0] = pages[0].replace(STORY[2], shared)
    pages[1] = pages[1].replace(STORY[2], shared)
    furniture = site_furniture(pages)
    page = read_page(pages[0], repeated=furniture)
    assert standing not in page.body
    assert shared in page.body
    assert ("repeated on other pages of the site") in {part.reason for part in page.dropped}
    # Pages of another site are read as they are.
    other = read_page(pages[2].replace("courier.example", "other.example"), repeated=furniture)
    assert standing in other.body


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "\x01\x02<<<>>>",
        '<html><head><script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script></head></html>",
        "<html><body>" + "<div>" * 20_000 + "<p>Deep.</p>" + "</div>" * 20_000 + "</body></html>",
        '<html><head><meta property="article:published_time" content="99999-99-99T99:99"></head><body></body></html>',
    ],
    ids=["empty", "blank", "garbage", "json-nested-50000-deep", "divs-nested-20000-deep", "impossible-date"],
)
def test_hostile_pages_read_as_what_they_hold_without_failing(html):
    page = read_page(html)
    assert page.metadata.published == ""
    assert isinstance(page.body, str)


def test_an_embedded_post_and_a_video_teaser_are_not_kept():
    tweet = (
        "<blockquote class='twitter-tweet'><p>No ferries until noon.</p>\u2014 Bay Ferries (@bayferries)</blockquote>"
    )
    video = "<div class='video__description'><p>Crews walked out at dawn. Jane Doe reports. \u2013 Jun 9</p></div>"
    page = read_page(page_html(STORY, before=video).replace("</article>", f"{tweet}</article>"))
    assert page.body == "\n\n".join(STORY)


def test_a_summary_a_machine_wrote_is_dropped_and_a_key_points_list_is_kept():
    box = (
        "<div class='quick'><div>Quick Read</div><div>Summary is AI-generated, newsroom-reviewed</div>"
        "<ul><li>Ferries halted across the bay.</li><li>Union says rota was imposed.</li></ul></div>"
    )
    assert read_page(page_html(STORY, before=box)).body == "\n\n".join(STORY)
    first = "Ferries halted across the bay today."
    points = f"<h2>Key Points</h2><ul><li>{first}</li><li>The union says rota was imposed.</li></ul>"
    assert read_page(page_html(STORY, before=points)).body.startswith(f"{ITEM_MARK}{first}")


def test_a_short_post_saying_an_image_was_ai_generated_is_kept():
    post = "Police said the photo of the ferry on fire was AI-generated."
    html = page_html(STORY).replace("</article>", f"<div class='post'><p>{post}</p></div></article>")
    assert post in read_page(html).body


def test_a_bold_line_of_its_own_is_a_subheading_and_a_bold_dateline_is_not():
    html = page_html([*STORY[:2], "<strong>Talks resume</strong>", f"<b>Calder Bay:</b> {STORY[2]}"])
    assert read_page(html).body.split("\n\n")[2:] == [f"{HEADING_MARK}Talks resume", f"Calder Bay: {STORY[2]}"]


def test_the_authors_bio_named_by_the_metadata_is_dropped():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Owen Lindqvist"}}</script>'
    bio = "<div class='bio'><p>Owen Lindqvist</p><p>Owen Lindqvist covers ferries and the harbour.</p></div>"
    page = read_page(page_html(STORY, head=head).replace("</article>", f"{bio}</article>"))
    assert page.body == "\n\n".join(STORY)


def test_a_fact_box_set_aside_in_the_story_is_kept_and_a_rail_of_links_is_not():
    points = ["Crossings cancelled on Friday: 42 of 58", "Passengers affected: about 9,000, the operator estimates"]
    box = "<aside><h3>By the numbers</h3><ul>" + "".join(f"<li>{point}</li>" for point in points) + "</ul></aside>"
    rail = "<aside><h3>Latest</h3><ul><li><a href='/a'>Bridge closes for repairs tonight</a></li></ul></aside>"
    html = page_html(STORY).replace(f"<p>{STORY[2]}</p>", f"{box}{rail}<p>{STORY[2]}</p>")
    assert read_page(html).body.split("\n\n")[2:5] == [f"{HEADING_MARK}By the numbers"] + [
        f"{ITEM_MARK}{point}" for point in points
    ]
    assert "Bridge closes" not in read_page(html).body


def test_a_dek_set_in_an_h3_under_the_headline_is_the_lead():
    dek = "Crews say the new rota leaves them too few hands on the late crossings."
    html = page_html(STORY).replace("</h1>", f"</h1><h3 class='dek'>{dek}</h3>")
    assert read_page(html).body.split("\n\n")[0] == dek


def test_an_appeal_a_sponsors_slot_and_a_players_labels_are_not_kept():
    appeal = "<div class='donate-inline'><p>Looking for news you can trust?</p><p>Become a member today.</p></div>"
    slot = "<div class='Sponsored_unit'><span>Sponsored</span></div>"
    player = "<div class='video-player-wrap'><p>Weather Center: flood threat continues</p><p>3:27</p></div>"
    page = read_page(page_html(STORY, before=player).replace(f"<p>{STORY[1]}</p>", f"{appeal}{slot}<p>{STORY[1]}</p>"))
    assert page.body == "\n\n".join(STORY)


def test_a_summary_a_machine_wrote_is_dropped_when_its_note_is_a_named_box():
    note = "This summary was generated with the help of AI and reviewed by a Courier editor."
    box = (
        "<div class='ai-summary'><h2>Key takeaways</h2><ul><li>Ferries halted across the bay.</li>"
        f"<li>Union says rota was imposed.</li></ul><p class='ai-summary__disclaimer'>{note}</p></div>"
    )
    assert read_page(page_html(STORY, before=box)).body == "\n\n".join(STORY)
