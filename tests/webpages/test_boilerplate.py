import pytest

from attribution.webpages.blocks import Block, Kind
from attribution.webpages.boilerplate import author_reason, boilerplate_reason, page_reasons


def paragraph(text: str, linked: int = 0) -> Block:
    return Block(Kind.PARAGRAPH, text, linked)


@pytest.mark.parametrize(
    "text",
    [
        "Related: Council rejects second flood plan",
        "READ MORE: The towns where the river rose fastest",
        "More on this story",
        "Follow Jane Doe on Twitter",
        "Follow AP\u2019s full coverage of the elections at https://apnews.com/hub/elections",
        "Listen to our daily podcast on Apple or Spotify",
        "Sign up for our morning briefing newsletter",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Written by: Jane Doe",
        "Reporting by Jane Doe in Lagos; Editing by John Roe",
        "Additional reporting by Ana Silva",
        "This article originally appeared on The Conversation.",
        "\u00a9 2020 The Associated Press. All rights reserved.",
        "Copyright 2021 Northgate Courier. This material may not be published, broadcast or redistributed.",
        "By Jane Doe and John Roe, BBC News",
        "Show all 50",
        "3 of 12",
        "Advertisement",
        "Image caption, Crowds gathered outside the court",
        "Photo: Jane Doe/Getty Images",
        "If you or someone you know is affected by these issues, call Samaritans on 116 123.",
        "Published 4 March 2021",
        "Correction: An earlier version of this story misstated the date of the vote.",
        "Update, February 5, 8:00 am ET: This story has been updated with new figures.",
        "This article originally misstated the distance to the nearest pharmacy.",
        "Get unlimited access to the Courier",
        "If you share our vision, please consider supporting our work by becoming a member.",
        "When you buy a book using a link on this page, we receive a commission.",
        "(FRANCE 24 with AFP)",
        "\u2014 With assistance from Ana Silva",
        "If you or anyone you know needs support, call Lifeline on 13 11 14.",
        "Photos: Water main break on Jefferson Avenue",
        "Healthline: 0800 611 116",
        "With files from Northern Morning",
        "Priya Vance is a transport reporter for The Sydney Morning Herald.",
        "Our reporting is made possible by our members.",
        "This article was originally written in Spanish.",
        "This story was reported by the Harbour Ledger's Lisbon desk and first published on our Portuguese site.",
        "Our articles are free to republish under a Creative Commons license.",
        "Disclosure: The Valley Growers Association has been a financial supporter of the Ledger.",
        "Local Democracy Reporting is journalism co-funded by the Pell Foundation.",
        "Perhaps you noticed: this story, like everything we publish, is free to read.",
        "The Ledger is a non-profit, and our work depends on the generous support of readers.",
        "Together with Millbrook Outfitters",
        "Got a tip? Just reply to this email.",
        "FEEDBACK: Use this form to send a message to the author of this post.",
        ">>Download the Channel 7 app to stay up to date",
        "Banner image: A heron over the marsh. Image by Ola Brandt via Wikimedia Commons.",
        "Published in The Valley Ledger, May 4th, 2024",
        "\u2013 Harbourledger.com",
        "Okafor, R., & Brandt, O. (2021). Marsh loss near gravel quarries. Coastal Studies, 12, 44-59.",
        "(If you or someone you know is in distress, please call the Harbour helpline at 14416, free and open 24x7.)",
        "Summary",
        "Nidhi Varma and Karan Sethi, Reuters",
        "This report by The Canadian Press was first published June 3, 2025.",
        "This story was produced with the support of the Harbour Water Fund.",
        "(Except for the headline, this story has not been edited by Courier staff.)",
        "(This story is published from a syndicated feed.)",
        "Users with a Courier account can leave comments on our news stories. Our guidelines on commenting are here.",
        "Watch the latest news from around the bay in our YouTube playlist:",
        "Track Latest News Live on Courier.com and get news updates from around the world",
        "TEXT AD: Advertise your business here. Call 0803 555 0142.",
        "Become a paid subscriber for unlimited, ad-free articles.",
        "Support the Courier\u2019s journalism of integrity and credibility",
        "Courier journalism is free for all.",
        "Readers like you are keeping these stories free for everyone",
        "Also worth reading",
        "You may also like",
        "3:27",
        "This reporting is part of the Courier\u2019s series \u201cLow Water,\u201d on the county\u2019s rivers.",
        "This article is published through the Valley Press Collaborative, a partnership of newsrooms.",
        "Related news",
        "Support The Courier",
        "The Courier is free to read, forever. If you like what we do, chip in a few bucks to keep it that way.",
        "Type of Story: News",
        "Based on facts, either observed and verified directly by the reporter, or reported and verified.",
        (
            "Dana Reyes is a Report for America corps member and writes about the river for the Courier. Your gift "
            "to match our grant keeps her reporting; please consider a donation today."
        ),
    ],
)
def test_boilerplate_is_dropped(text):
    assert boilerplate_reason(paragraph(text))


@pytest.mark.parametrize(
    "text",
    [
        "Follow-up talks are due on Monday, the union said.",
        "By Tuesday, the river had risen by two metres and the bridge was closed to traffic.",
        "He posted the video on Twitter, where it was viewed 2m times.",
        "The newsletter was sent to 3,000 members last week.",
        '"Follow the money," the inspector told the committee.',
        "Copyright lawyers say the ruling will change how music is sampled.",
        "Getty Images said it would appeal against the decision.",
        "Published figures show the number of crossings fell by a third.",
        "The Samaritans helpline took 5,000 calls on 116 123 last month, the charity said.",
        "Watch the skies tonight, the observatory advised, as the meteor shower peaks at 02:00.",
        "Listen to people on the ground and you hear a different story, she said.",
        "The story originally appeared in the Sun, she told the inquiry.",
        "The company previously said it would cut 300 jobs at the plant.",
        "Support grew at the meeting as more residents arrived.",
        "Photos taken by residents show the water reaching the first floor.",
        "For the latest figures, the council relied on a survey of 2,000 homes.",
        "Updates to the timetable will be published in March.",
        "Priya Vance is a transport reporter who grew up in Parramatta and still rides the ferry every day.",
        "In an emergency the council can close the bridge within ten minutes.",
        "City officials plan five more underground schools, some funded by international partners.",
        "The project was written off by the council, which said it was first published in error.",
        "Residents rely on the ferry for work, school and the weekly market.",
        "The novel was first published in 1949 and has never been out of print.",
        "The project is funded by the European Union and will run until 2027.",
        "The magazine republished the cartoons in 2012, prompting protests.",
        "The report was produced by a team at the University of Oxford.",
        "The Harbour Trust is a non-profit organisation that runs more than 1,200 food banks.",
        "The hospice relies on donations from the public for most of its income.",
        "Photos were released under a Creative Commons licence by the agency.",
        "Published in the journal Nature on Wednesday, the study tracked 4,000 children.",
        "Posted in Kabul since 2019, the diplomat knew the city well.",
        "Together with his brother, he founded the company in 1998.",
        "In partnership with local councils, the government will build 300,000 homes.",
        "More than 300 migrants were rescued from a boat in distress in the Mediterranean.",
        "Washington, D.C. recorded its highest turnout in decades (2022).",
        "Follow the money, he said.",
        "About 300 people attended.",
        "Newman, Tom Price and Karratha, Pilbara",
        "Residents can leave comments on the plan until Friday.",
        "Officials track the latest cases on a public dashboard.",
        "Watch parties were held in three towns on Sunday.",
        "Ad revenue fell by a fifth in the quarter.",
        "Support for local journalism has fallen by a third since 2015.",
        "The report was first published in 2019 and revised twice since.",
        "The clinic was produced with the support of the county as a pilot.",
        "Sponsored by the council, the scheme will fund 40 new bus shelters.",
        "Entry to the museum will be free for all residents from May.",
        "Worth reading the small print, the regulator warned, before signing.",
        "The vote was 3:2 in favour of the new rota.",
        "This report is part of a wider inquiry into the county\u2019s finances, the auditor said.",
        "The mayor is a former fellow of the institute and writes about housing policy.",
        "Support for the plan fell to 40%.",
        "Related news outlets reported the same figures.",
        "Neighbours chipped in to pay for the repairs, the council said.",
    ],
)
def test_story_sentences_are_kept(text):
    assert boilerplate_reason(paragraph(text)) == ""


def test_a_paragraph_that_is_a_link_is_dropped_and_one_with_a_link_in_it_is_not():
    linked = "Ferry strike: what you need to know"
    assert boilerplate_reason(paragraph(linked, linked=len(linked))) == "mostly a link"
    sentence = "The mayor of Example Town defended her housing plan on Tuesday."
    assert boilerplate_reason(paragraph(sentence, linked=len("Example Town"))) == ""


def test_a_list_of_links_is_dropped_and_a_list_of_points_is_kept():
    links = [Block(Kind.ITEM, f"Story {number}", 7, list_size=4, linked_items=4) for number in range(4)]
    points = [Block(Kind.ITEM, f"Point {number} of the plan", 0, list_size=4, linked_items=0) for number in range(4)]
    assert all(boilerplate_reason(block) == "list of links" for block in links)
    assert not any(boilerplate_reason(block) for block in points)


def heading(text: str) -> Block:
    return Block(Kind.HEADING, text)


STORY = [
    paragraph("Ferry services across Calder Bay were suspended on Friday after crews refused to work a new rota."),
    paragraph("Union organiser Declan Farris said the rota had been imposed without consultation."),
]


def test_a_heading_over_the_pages_furniture_takes_its_section_at_the_end_of_the_story():
    tail = [heading("About the author"), paragraph("A reporter on the bay since 2009."), heading("Contact")]
    tail.append(Block(Kind.ITEM, "Dana Reyes", list_size=1))
    reasons = page_reasons([*STORY, *tail])
    assert reasons[:2] == ["", ""]
    assert all(reasons[2:])


def test_notes_to_editors_run_to_the_end_of_a_press_release():
    tail = [heading("Notes to editors"), paragraph("Spokespeople are available for interview.")]
    tail += [heading("About Harbour Aid"), paragraph("Harbour Aid works in 12 countries.")]
    assert page_reasons([*STORY, *tail])[2:] == ["notes and sections after the story"] * 4


def test_a_furniture_heading_with_the_story_still_to_come_is_kept():
    quoted = paragraph('"We will not sail short-handed," Farris said.')
    early = [heading("Contact"), paragraph("Crews were contacted by text on Thursday night."), quoted]
    assert page_reasons([*STORY, *early]) == [""] * 5
    story_section = [heading("Contact tracing"), paragraph("Crews who met the skipper were told to stay home.")]
    assert page_reasons([*STORY, *story_section]) == [""] * 4


def test_the_authors_name_and_bio_are_dropped_and_a_sentence_on_someone_else_is_kept():
    authors = ("Owen Lindqvist",)
    assert author_reason(paragraph("Owen Lindqvist"), authors) == "byline or credit"
    assert author_reason(paragraph("Owen Lindqvist covers parks and City Hall."), authors) == "author's note"
    assert author_reason(paragraph("Becka Thorson covers the parks budget as committee chair."), authors) == ""
    assert author_reason(paragraph("Owen Lindqvist covers parks."), ()) == ""
    assert author_reason(paragraph('Owen Lindqvist is "a reporter who asks," the mayor said.'), authors) == ""


def test_the_labels_of_a_byline_box_go_with_its_bylines():
    box = ["World News", "Nidhi Varma and Karan Sethi, Reuters", "Updated: June 10, 2025 14:05 IST"]
    reasons = page_reasons([Block(Kind.ITEM, text, list_size=3) for text in box])
    assert reasons == ["byline or credit"] * 3
    points = ["Two new berths", "A rice terminal", "Updated: June 10, 2025 14:05 IST"]
    assert page_reasons([Block(Kind.ITEM, text, list_size=3) for text in points])[:2] == ["", ""]


@pytest.mark.parametrize(
    "sentence",
    ["Reuters was unable to independently verify the footage.", "Associated Press is reporting that talks stalled."],
)
def test_a_newsrooms_own_sentence_is_no_authors_note(sentence):
    assert author_reason(Block(Kind.PARAGRAPH, sentence, 0), ("Reuters", "Associated Press")) == ""


@pytest.mark.parametrize("credit", ["AAP", "AFP/Reuters", "Source: CNA/rg(zl)"])
def test_a_wires_credit_as_the_last_line_is_dropped(credit):
    assert page_reasons([*STORY, paragraph(credit)]) == ["", "", "byline or credit"]


@pytest.mark.parametrize(
    "blocks",
    [
        [paragraph("AAP"), *STORY],
        [*STORY, paragraph("The figures were compiled by AAP for the inquiry.")],
        [*STORY, heading("NASA")],
    ],
)
def test_an_acronym_in_the_story_or_before_its_end_is_kept(blocks):
    assert page_reasons(blocks) == [""] * len(blocks)
