"""Which of an article's blocks are the page's furniture, not its text: link paragraphs, promotions, credits,
gallery and help-line boxes. Each rule names its reason, which the import shows beside what it dropped.

The rules read a block's form (a label opening it, how much of it is link text, how long it is), never a site's
markup, so they hold for pages of sites they were not written against; a sentence of the story is long, runs
on past such a label and is rarely a link through and through, which is what keeps every body sentence.
"""

import re

from attribution.webpages.blocks import Block, Kind

# A short block that opens with one of these labels points elsewhere: another story, the app, the newsletter.
_POINTER = re.compile(
    r"^(?:related(?: stories| articles| coverage| content| links| internet links| topics)?|read (?:more|also|next)"
    r"|related news|more on this(?: story)?|(?:also )?worth reading|you may also like"
    r"|also read|see also|recommended|more from|watch|listen|latest|top stories|most read|trending|editor's picks"
    r"|photos|pictures|in pictures|gallery|video)"
    r"\s*(?:[:|\u00bb\u203a>\-\u2013\u2014]|$)",
    re.IGNORECASE,
)
_PROMOTION = re.compile(
    r"^(?:follow .{0,60}(?:\bon (?:twitter|facebook|instagram|x|tiktok|threads|youtube|linkedin|bluesky)\b|coverage"
    r"|\blive\b|updates|@)|sign up\b|subscribe\b|listen (?:to|on|here)\b|download (?:the|our)\b"
    r"|get (?:the|our) (?:app|newsletter|latest)\b|join (?:us|our|the conversation)\b|like us\b|click here\b"
    r"|tap here\b|share this\b|share on\b|send us\b|do you have a (?:story|news)|got a (?:story|news tip)"
    r"|want more\b|don't miss\b|for more (?:news|stories|coverage)\b|our standards:|view original content"
    r"|watch\b[^.]{0,80}\b(?:playlist|channel)s?\s*:?$|(?:text |sponsored |paid )?ad(?:vert(?:isement)?)?\s*:"
    r"|(?:track|follow|get|read|watch) [^.]{0,60}\bon [\w-]+\.(?:com|net|org|in|tv|co)\b)",
    re.IGNORECASE,
)
_PROMOTION_ANYWHERE = re.compile(
    r"(?:(?:follow|find|join|like|connect with) (?:\S+ ){0,5}on (?:twitter|facebook|instagram|x|tiktok|threads"
    r"|youtube|linkedin|bluesky)\b|full coverage of|trust principles|in your inbox|(?:sign up|subscribe) (?:to|for"
    r"|here|now|today)\b)",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3}"
_CREDIT = re.compile(
    r"^(?:written by|reporting by|additional reporting|with (?:additional )?(?:assistance|reporting) from"
    r"|with files from|contributing:|research by"
    r"|(?:writing|editing|edited|compiled|produced|graphics|"
    r"video|photos?|photographs?|pictures?|illustrations?|images?) by|image (?:caption|source|copyright)\b"
    r"|photo(?:graph)?:|picture:|credit:|copyright (?:©|\(c\)|\d{4})|©|\(c\) \d{4}|more information:|provided by\b"
    r"|citation:|journal information:|doi:|privacy notice:|explore further$"
    r"|(?:banner|header|featured|lead|top|cover|main) (?:image|photo|picture):"
    r"|published in (?-i:[A-Z])[\w&' ]{1,40},? (?:on )?\w+ \d{1,2}\w{0,2},? \d{4}\.?$"
    r"|(?:published|updated|last updated|last modified|posted)(?::| on| at| \d| \w{3}, \w{3} \d))",
    re.IGNORECASE,
)
# How a press release or a story ends with whom to call: "Media contact: Dana Reyes, press@x.example".
_CONTACT = re.compile(
    r"^(?:media|press|investor|editorial)? ?(?:contacts?|enquiries|inquiries)\s*:|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|contact (?:this|the) (?:reporter|author|writer|newsroom)",
    re.IGNORECASE,
)
# A line on the author: "Priya Vance is a transport reporter for The Sydney Morning Herald."
_AUTHOR_NOTE = re.compile(
    rf"^{_NAME} is an? (?:[\w -]{{2,40}}(?:reporter|correspondent|editor|writer|columnist|journalist)"
    r" (?:for|at|with|on) |[\w -]{2,40}\b(?:corps member|fellow)\b[^.]{0,40}\band (?:writes|reports) (?:about|on)\b)"
)
# The story saying where it comes from: "This reporting is part of WBUR's series "Troubled Waters"", which may
# quote a title, so it is read before quotation marks count as a sign of the story's own words.
_SERIES_NOTE = re.compile(
    r"^this (?:article|story|report|reporting|piece|coverage) is (?:published|produced|part of)"
    r" (?:through|by|in partnership|with|an? (?:ongoing )?(?:series|project|collaborati)|(?:the )?[\w\u2019']+ series)",
    re.IGNORECASE,
)
# A help line's own line: "Healthline: 0800 611 116".
_SERVICE_NUMBER = re.compile(r"^[A-Z][\w' ]{2,40}: ?(?:\+?\d[\d ()-]{3,}\d)$")
# A wire's source line ("SOURCE Northwind Robotics"), or the agencies a story draws on ("(FRANCE 24 with AFP)").
_WIRE_SOURCE = re.compile(r"^SOURCE [A-Z]|^\(?[\w .&-]{2,30} (?:with|and) (?:AFP|AP|Reuters|agencies|dpa|EFE|PA)\)?$")
# A site signing its story off ("- Rappler.com"), and a paper's reference ("Hamid, S., & Laode, M. (2022).").
_SIGN_OFF = re.compile(r"^[-\u2013\u2014]\s*[\w.-]+\.(?:com|org|net|co|news|\w{2})$")
_REFERENCE = re.compile(
    r"^[A-Z][\w'-]+, [A-Z]\.(?:,? (?:&|and) [A-Z][\w'-]+, [A-Z]\.|, [A-Z][\w'-]+, [A-Z]\.| et al\.)[^()]{0,120}"
    r"\((?:19|20)\d\d[a-z]?\)\."
)
# A byline alone on its line: "By Jane Doe", "By Jane Doe and John Roe, BBC News".
_BYLINE = re.compile(rf"^By {_NAME}(?:(?:,| and| &) {_NAME})*(?:,? (?:in|for) {_NAME})?\.?$")
# Two or more authors and their agency, a wire's byline without its "By": "Nidhi Varma and Karan Sethi, Reuters".
# Each author has two or three names, so a list of places ("Newman, Tom Price and Karratha") is not one.
_PERSON = r"[A-Z][\w.'\u2019-]+ [A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+)?"
_WIRE_BYLINE = re.compile(rf"^{_PERSON}(?:, {_PERSON})*(?: and| &) {_PERSON}, {_NAME}$")
# Authors' initials and the agencies drawn on, as wire-fed sites sign a story off: "ab/sms (dpa, epd)".
_INITIALS = re.compile(r"^[a-z]{1,4}(?:/[a-z]{1,4})+(?:\s*\([\w ,./&-]+\))?$")
# A site's standing notes, which no story sentence says: checked in blocks up to 60 words.
_NOTICE = re.compile(
    r"(?:^(?:this|a version of this) (?:article|story|piece|post|report) (?:was )?(?:originally|first)"
    r" (?:appeared|published|ran)|all rights reserved|may not be (?:published|reproduced|broadcast|redistributed)"
    r"|not responsible for the content of external|contributed (?:reporting|research)\b"
    r"|contributed to this (?:report|story|article)|solely responsible for (?:all )?(?:the )?content"
    r"|receives? (?:financial )?support from .{0,80}(?:foundations|donors|funders)"
    r"|translation of an (?:original )?article"
    r"|^this (?:article|story|piece|report|text) (?:was|has been) (?:originally|first) (?:written|published) in"
    r"|first published (?:here )?on our|^this (?:story|article|report) was (?:reported|produced|written) by"
    r"|^this (?:story|article|report|series|project|coverage) was (?:produced|reported|made possible|supported"
    r"|funded) (?:with|through|thanks to) (?:the )?(?:support|funding|a grant|grants?|help) (?:of|from)\b"
    r"|^this (?:report|story|article)\b[^.]{0,60}\bwas (?:first|originally) published\b[^.]{0,20}\d{4}\.?$"
    r"|has not been edited by [^.]{0,30}staff|published from a syndicated feed"
    r"|comments? on our (?:news )?(?:stories|articles)|our (?:guidelines|policy|rules) (?:on|for) (?:commenting"
    r"|comments|moderation)"
    r"|republish this (?:story|article)|our (?:articles|stories|content|work) (?:are|is) (?:free|available) to"
    r" republish|^disclosures?:|journalism (?:is )?co-funded by|^(?:co-)?funded by"
    r"|^(?:this|our) (?:story|article|reporting|journalism|coverage|series)\b[^.]{0,40}(?:co-)?funded by"
    r"|^type of (?:story|work|article|content):|^based on facts, either observed and verified"
    r"|text-to-speech|made possible by (?:our )?(?:members|readers|supporters"
    r"|donors)|we want to hear from you|share your story)",
    re.IGNORECASE,
)
_CREDIT_ANYWHERE = re.compile(
    r"(?:(?:/|via |\()\s*getty images\b|getty images$|/ ?(?:reuters|ap|afp|epa|pa)$|\bap photo\b)",
    re.IGNORECASE,
)
# A clip's running time shown under its player: "3:27", "1:02:15".
_DURATION = re.compile(r"^\d{1,2}(?::\d{2}){1,2}$")
_GALLERY = re.compile(
    r"^(?:show all \d+|\d+ of \d+|view (?:all|gallery|\d+ (?:photos|images))|\d+ (?:photos|images)|open gallery"
    r"|(?:next|previous) (?:image|slide|photo)|enlarge (?:this )?image)$",
    re.IGNORECASE,
)
_HELP_LINE = re.compile(
    r"(?:if you(?:'re| are)? (?:or (?:someone|anyone) you know )?(?:are |is )?(?:affected|struggling|in crisis"
    r"|needs? (?:help|support)|have been affected)|(?:help|support) is available|samaritans|helpline"
    r"|crisis (?:line|text)|lifeline|(?:someone you know is|you are|you're) in distress|if it is an emergency"
    r"|in an emergency,? call|free call or text)",
    re.IGNORECASE,
)
# A telephone number as help lines give them: 116 123, 988, 13 11 14, 1-800-273-8255.
_PHONE = re.compile(r"\b\d{3,6}\b|\b\d{1,4}(?:[\s.-]\d{2,4}){1,3}\b")
# A note on the story rather than the story: a correction, an editor's note, a wire's update line.
_CORRECTION = re.compile(
    r"^(?:corrections?|clarifications?|editor['\u2019]?s note)\b\s*[:.\-\u2013\u2014]|^update\b[^.:]{0,40}:"
    r"|\b(?:originally|previously) (?:misstated|misidentified|misspelled|misattributed|misquoted)"
    r"|this (?:story|article) has been updated"
    r"|(?:a previous|an earlier|the original) version of this (?:story|article|report)"
    r"|^this (?:story|article|report) (?:was|has been) (?:amended|updated|corrected|changed)"
    r"|^\((?:updates|adds|recasts|corrects|changes|rewrites)\b",
    re.IGNORECASE,
)
# Asks for money or sign-ups that read like a sentence: "Help us keep journalism free".
_APPEAL = re.compile(
    r"^(?:support (?:our|local|independent|quality|trusted|[\w .&-]{2,30}['\u2019]s?) (?:\w+ )?(?:journalism"
    r"|reporting|newsroom)|help us keep|become an? (?:\w+ )?(?:member|subscriber|supporter|patron)|donate\b"
    r"|make a (?:donation|contribution)"
    r"|stay (?:updated|informed|tuned|connected)\b|get unlimited access|already (?:have an account|a subscriber)"
    r"|you['\u2019]ve read \d+|for the latest (?:news|updates|headlines)\b|support \w+ at [A-Z][\w ]{1,40}$)"
    r"|contribution of any size|a one-off (?:contribution|donation)|please consider (?:supporting|donating|becoming)"
    r"|becoming an? \w+ (?:member|supporter)|we accept credit card|contribute via"
    r"|(?:we|the \w+) (?:may )?(?:receive|earn) an? (?:small )?(?:commission|share of sales)"
    r"|affiliate (?:links?|commission)|(?:our (?:work|journalism|reporting) (?:depends|relies)|we (?:rely|depend))"
    r" on (?:the )?(?:generous )?(?:support|readers|donations)|\bwe publish\b[^.]{0,20}free to read"
    r"|^perhaps you noticed|will you (?:donate|support|give)"
    r"|^(?:together with|presented by|sponsored by|in partnership with|brought to you by) (?-i:[A-Z])[^,.]{0,40}$"
    r"|reply to this (?:email|newsletter)|use this form to|^feedback:"
    r"|\b(?:journalism|stories|reporting|articles)\b[^.]{0,20}\bfree (?:for (?:all|everyone)|to read)\b"
    r"|\bis free to read,? (?:forever|for (?:all|everyone))|\bchip in (?:a few|what you can)"
    r"|^support (?-i:(?:The )?[A-Z][\w&.\u2019'-]*(?: [A-Z][\w&.\u2019'-]*){0,3})[.!]?$",
    re.IGNORECASE,
)
# Speech marks or a reporting verb: a block with them is the story's, whatever label opens it.
_SPEECH = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told|added|according to)\b", re.IGNORECASE)
# Words of the page's machinery shown as a line of their own.
_LABELS = frozenset(
    {
        "advertisement",
        "advert",
        "skip advert",
        "ad",
        "share",
        "comments",
        "comment",
        "copy link",
        "print",
        "email",
        "image caption",
        "media caption",
        "image source",
        "related topics",
        "topics",
        "loading",
        "close",
        "menu",
        "story continues below advertisement",
        "continue reading",
        "share this article",
        "copied",
        "listen to article",
        "play video",
        "watch video",
        "more",
        "back to top",
        "top of page",
        "sponsored",
        "paid content",
        "correction",
        "corrections",
        "help is available",
        "need to talk?",
        "in this article",
        "recommended video",
        "story continues",
        "key points",
        "corrections and clarifications",
        "what you need to know",
        "in brief",
        "at a glance",
        "where to get help",
        "need to talk",
        "support is available",
        "skip to content",
        "read more",
        "related",
        "more on this story",
        "see also",
        "about this story",
        "summary",
        "republish",
        "republish this story",
        "key events",
        "pinned",
        "about this article",
    }
)


# Punctuation around a label on a line of its own ("Advertisement -", "» Related").
_EDGE_MARKS = " :.|>\u00bb\u203a-\u2013\u2014"


def _words(text: str) -> int:
    return len(text.split())


def _is_byline(block: Block, bare: str) -> bool:
    return bool(_BYLINE.match(bare)) or (block.kind is not Kind.HEADING and bool(_WIRE_BYLINE.match(bare)))


def boilerplate_reason(block: Block) -> str:
    """Why block is not part of the article's text, or "" when it is."""
    text, words = block.text, _words(block.text)
    if not any(character.isalnum() for character in text):
        return "separator"
    if _INITIALS.match(text):
        return "byline or credit"
    folded = text.strip(_EDGE_MARKS).lower()
    if folded in _LABELS:
        return "page label"
    if block.kind is Kind.ITEM and block.list_size and block.linked_items >= max(2, 0.6 * block.list_size):
        return "list of links"
    if _DURATION.match(text.strip()):
        return "media player"
    if _GALLERY.match(text.strip()):
        return "gallery control"
    if words <= 25 and block.link_density >= 0.75:
        return "mostly a link"
    if words <= 30 and _POINTER.match(text):
        return "link to other stories"
    if words <= 80 and _CORRECTION.search(text):
        return "correction or editor's note"
    if words <= 80 and _REFERENCE.match(text):
        return "byline or credit"
    if words <= 60 and _SERIES_NOTE.match(text):
        return "byline or credit"
    if words > 60 or _SPEECH.search(text):
        return ""
    if _NOTICE.search(text) or _AUTHOR_NOTE.match(text):
        return "byline or credit"
    if _HELP_LINE.search(text) and _PHONE.search(text):
        return "help-line box"
    if words <= 50 and (_PROMOTION.match(text.lstrip(_EDGE_MARKS)) or _APPEAL.search(text)):
        return "promotion"
    if words > 30:
        return ""
    if _PROMOTION_ANYWHERE.search(text):
        return "promotion"
    bare = text.lstrip(_EDGE_MARKS + "(").rstrip(")")
    if _CREDIT.match(bare) or _CREDIT_ANYWHERE.search(text) or (words <= 14 and _is_byline(block, bare)):
        return "byline or credit"
    if words <= 12 and (_WIRE_SOURCE.match(text) or _SIGN_OFF.match(text)):
        return "byline or credit"
    if _SERVICE_NUMBER.match(text):
        return "help-line box"
    if words <= 20 and _CONTACT.search(text):
        return "contact details"
    return ""


# Headings over a part of the page that is not the story: the author's bio, whom to call, an appeal for money.
_SECTION_LABEL = re.compile(
    r"^(?:about (?:the |this )?(?:authors?|writers?|reporters?|contributors?)|(?:media |press )?contacts?"
    r"|support (?:our|[\w .&-]{2,30}['\u2019]s?) (?:\w+ )?(?:journalism|reporting|newsroom)\b.*)$",
    re.IGNORECASE,
)
# The heading under which a press release stops addressing readers and speaks to editors: all after it is theirs.
_TAIL_LABEL = re.compile(r"^(?:notes? (?:to|for) editors|editors['\u2019]? notes?)$", re.IGNORECASE)
# A section is the page's only where it is in the article's tail: this few blocks from its heading to the end.
_TAIL_BLOCKS = 8


def with_sections(blocks: list[Block], reasons: list[str]) -> list[str]:
    """reasons with the blocks under a heading that names the page's furniture ("About the author", "Contact",
    "Notes to editors") dropped, heading included: its section runs to the next heading, and to the end after a
    press release's notes to editors. Only a section in the article's tail counts (a few kept blocks after it,
    none of them quoting anyone), so a story's early "Contact" heading or its reported sections are never one."""
    found = list(reasons)
    for place, block in enumerate(blocks):
        after = [at for at in range(place + 1, len(blocks)) if not found[at]]
        if block.kind is not Kind.HEADING or not _in_tail(blocks, after):
            continue
        label = block.text.strip(_EDGE_MARKS)
        if _TAIL_LABEL.match(label):
            end = len(blocks)
        elif _SECTION_LABEL.match(label):
            end = next((at for at in after if blocks[at].kind is Kind.HEADING), len(blocks))
        else:
            continue
        for at in [place, *after]:
            if at < end and not found[at]:
                found[at] = "notes and sections after the story"
    return found


def _in_tail(blocks: list[Block], after: list[int]) -> bool:
    return len(after) <= _TAIL_BLOCKS and not any(_SPEECH.search(blocks[at].text) for at in after)


# What a line on the author says after their name: "Owen Lindqvist covers Minneapolis parks."
_BIO_VERB = re.compile(r"^(?:covers|is|was|writes|reports|has (?:covered|written|reported))\b")
_BIO_WORDS = 40


# Words in an author's name that make it a newsroom's, whose own sentences ("Reuters was unable to verify the
# footage", "Associated Press is reporting") are the story's.
_NEWSROOM_WORDS = frozenset(
    {"press", "news", "staff", "agency", "desk", "team", "wire", "service", "media", "network", "reuters", "afp"}
)


def _personal(author: str) -> bool:
    """Whether an author's name is a person's: two words or more, none a newsroom's."""
    words = author.lower().split()
    return len(words) >= 2 and not _NEWSROOM_WORDS.intersection(words)


def author_reason(block: Block, authors: tuple[str, ...]) -> str:
    """Why a block is the page's note on one of the article's authors (the metadata names them): the name on a
    line of its own, or a short paragraph opening with it and what they cover; else ""."""
    text = block.text.strip()
    for author in filter(_personal, authors):
        if text.strip(_EDGE_MARKS).lower() == author.lower():
            return "byline or credit"
        opening = text.removeprefix(author).lstrip()
        if (
            opening != text
            and block.kind is Kind.PARAGRAPH
            and _words(text) <= _BIO_WORDS
            and _BIO_VERB.match(opening)
            and not _SPEECH.search(text)
        ):
            return "author's note"
    return ""


def page_reasons(blocks: list[Block], authors: tuple[str, ...] = ()) -> list[str]:
    """Why each of a page's blocks is not its article's text ("" for those that are): by the block's own form,
    then by the list and the section it belongs to. authors are the article's, as its metadata names them."""
    reasons = [boilerplate_reason(block) or author_reason(block, authors) for block in blocks]
    return with_tail_credit(blocks, with_sections(blocks, with_credit_lists(blocks, reasons)))


# A wire's credit as a story's last line: its agencies' short names ("AAP", "AFP/Reuters"), perhaps after
# "Source:" and with the desk's initials ("Source: CNA/rg(zl)"). Case counts: an agency's name is in capitals.
_TAIL_CREDIT = re.compile(r"^(?:Source: ?)?[A-Z]{2,8}(?: ?[/,&] ?[\w()]{2,10}){0,3}$")


def with_tail_credit(blocks: list[Block], reasons: list[str]) -> list[str]:
    """reasons with the story's last kept paragraph dropped where it is a wire's credit: the same capitals in
    a sentence, or a paragraph of them with the story still to come, are the story's."""
    found = list(reasons)
    last = next((at for at in reversed(range(len(blocks))) if not found[at]), None)
    if last is not None and blocks[last].kind is Kind.PARAGRAPH and _TAIL_CREDIT.match(blocks[last].text.strip()):
        found[last] = "byline or credit"
    return found


# A byline box's label beside its bylines: "World News".
_LABEL_WORDS = 4


def with_credit_lists(blocks: list[Block], reasons: list[str]) -> list[str]:
    """reasons with the rest of a byline box's list dropped too: where most items of one list are bylines and
    dates ("World News", "Nidhi Varma and Karan Sethi, Reuters", "Updated: June 10"), its few-word items are
    the box's labels, not the story's list."""
    found = list(reasons)
    for start, end in _list_runs(blocks):
        credits = sum(found[at] == "byline or credit" for at in range(start, end))
        if credits >= max(2, (end - start) / 2):
            for at in range(start, end):
                if not found[at] and _words(blocks[at].text) <= _LABEL_WORDS:
                    found[at] = "byline or credit"
    return found


def _list_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """The (start, end) places of each list's items: consecutive items of one list size."""
    runs: list[tuple[int, int]] = []
    for place, block in enumerate(blocks):
        if block.kind is not Kind.ITEM:
            continue
        if runs and runs[-1][1] == place and blocks[place - 1].list_size == block.list_size:
            runs[-1] = (runs[-1][0], place + 1)
        else:
            runs.append((place, place + 1))
    return runs
