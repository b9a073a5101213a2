"""Reads of the review desk: an article's quotes and progress, one quote's card, its history."""

import re
from typing import Any, TypedDict

from django.db.models import Count, Q, QuerySet

from attribution.highlight import paint, segments
from attribution.models import Article, Quote, ReviewEvent
from attribution.selectors.statements import with_appearances
from attribution.text import fold_whitespace, snap_to_words


class Progress(TypedDict):
    article_id: int
    total: int
    reviewed: int
    remaining: int


def article_progress(article_id: int) -> Progress:
    counts = Quote.objects.filter(article_id=article_id).aggregate(
        total=Count("id"), reviewed=Count("id", filter=Q(status__in=Quote.REVIEWED_STATUSES))
    )
    return _progress(article_id, counts["total"], counts["reviewed"])


def _progress(article_id: int, total: int, reviewed: int) -> Progress:
    return {"article_id": article_id, "total": total, "reviewed": reviewed, "remaining": total - reviewed}


def _progress_of(article_id: int, quotes: list[Quote]) -> Progress:
    """The progress of an article whose quotes (every one, their status read) are at hand."""
    reviewed = sum(quote.status in Quote.REVIEWED_STATUSES for quote in quotes)
    return _progress(article_id, len(quotes), reviewed)


def article_quotes(article: Article) -> list[Quote]:
    """The article's quotes in reading order, each knowing whether it has a history to show and undo."""
    quotes = list(
        article.quotes.select_related("reviewed_by", "speaker", "outlet", "statement").order_by("start", "id")
    )
    # By the quote's article: events recorded before they named their article have no article of their own.
    with_events = set(ReviewEvent.objects.filter(quote__article=article).values_list("quote_id", flat=True))
    for quote in quotes:
        quote.has_history = quote.pk in with_events
    return with_appearances(quotes)


# A run of capitalised words, joined by the particles names carry ("Ursula von der Leyen", "Bank of England").
_NAME = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+(?:(?:of|the|de|der|van|von|bin|al|la|le)\s+)*[A-Z][\w'\u2019.-]*)+")


class Mention(TypedDict):
    name: str
    kind: str  # person, organization, group; "" where only the text's capitals suggest a name
    role: str  # the role the article gives them, if any
    at: list[list[int]]  # [start, end] of each place the article names them


def _entity_mentions(article: Article) -> dict[str, Mention]:
    return {
        entity["name"]: {
            "name": entity["name"],
            "kind": entity.get("kind", ""),
            "role": entity.get("role", ""),
            "at": [list(place) for place in entity.get("mentions", [])],
        }
        for entity in article.entities
    }


def article_mentions(article: Article, quotes: list[Quote]) -> list[Mention]:
    """The names an editor may pick a speaker or an outlet from: the people and organisations the engine
    found in the article (with the role it gives each), then runs of capitalised words it did not take for
    one (articles read before the engine kept its picture have only these), then the names the engine and
    editors gave the article's quotes; each with the places the article names it, in order of first place."""
    body = article.body
    found = _entity_mentions(article)
    covered = {i for mention in found.values() for start, end in mention["at"] for i in range(start, end)}

    def place(name: str, start: int, end: int) -> None:
        found.setdefault(name, {"name": name, "kind": "", "role": "", "at": []})["at"].append([start, end])

    for match in _NAME.finditer(body):
        if covered.isdisjoint(range(match.start(), match.end())):
            name = match.group().rstrip(".'\u2019")
            place(name, match.start(), match.start() + len(name))
    for quote in quotes:
        for name in (quote.speaker_text, quote.outlet_text, quote.extracted_speaker, quote.extracted_outlet):
            if name and name not in found:
                at = body.find(name)
                place(name, *((at, at + len(name)) if at >= 0 else (quote.start, quote.start)))
    return sorted(found.values(), key=lambda mention: mention["at"][0] if mention["at"] else [len(body), 0])


def article_entities(article_id: int | None) -> list[dict[str, Any]]:
    """Who is who in the article, as the engine read it (Article.entities), without its body; [] for no such
    article."""
    if article_id is None:
        return []
    found = Article.objects.filter(pk=article_id).values_list("entities", flat=True).first()
    return list(found or [])


def text_role(entities: list[dict[str, Any]], name: str) -> str | None:
    """The role the article gives a person it names (entities: article_entities'); None where it names no
    such person (or gives them no role)."""
    wanted = fold_whitespace(name).casefold()
    return next((entity.get("role") or None for entity in entities if entity["name"].casefold() == wanted), None)


def review_context(article: Article) -> dict[str, Any]:
    """What the review page and its card list render: the quotes (painted per speaker), the article text
    cut into highlighted segments, and the progress."""
    quotes = article_quotes(article)
    return {
        "article": article,
        "quotes": quotes,
        "segments": segments(article.body, quotes),
        "mentions": article_mentions(article, quotes),
        "progress": _progress_of(article.pk, quotes),
    }


class Card(TypedDict):
    quote: Quote
    progress: Progress


def quote_for_card(pk: int) -> Card:
    """One quote as its card shows it (with has_history and its speaker's colour), without the article's
    body, and its article's progress."""
    quote = Quote.objects.select_related("reviewed_by", "speaker", "outlet", "statement").get(pk=pk)
    quote.has_history = quote.events.exists()
    return painted(quote)


def reviewed_card(quote: Quote) -> Card:
    """A quote as a review action just left it (its reviewer, speaker and outlet set, an event recorded), ready
    for its card without reading it again, and its article's progress."""
    quote.has_history = True
    return painted(quote)


def painted(quote: Quote) -> Card:
    """The quote with its speaker's colour, which comes from the speakers of the article's quotes alone, and
    the progress those quotes make: one read of them serves both (a card is repainted after every action)."""
    siblings = list(
        Quote.objects.filter(article_id=quote.article_id).only("id", "speaker_text", "status").order_by("start", "id")
    )
    quote.colour = next(q.colour for q in paint(siblings) if q.pk == quote.pk)
    with_appearances([quote])
    return {"quote": quote, "progress": _progress_of(quote.article_id, siblings)}


# Marks that open or close quoted words, straight and curly.
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def add_proposal(article: Article, start: int, end: int) -> dict[str, str]:
    """What the add form opens with for words an editor selected: direct where quote marks enclose them, and
    the speaker and role of the nearest quote in the same paragraph, else of the last quote before them (a
    missed quote mostly continues whoever speaks around it: six in ten on the annotated BBC sets)."""
    body = article.body
    if not 0 <= start < end <= len(body):  # no words of the article: nothing to propose
        return {}
    enclosed = (start > 0 and body[start - 1] in _QUOTE_MARKS) or body[end : end + 1] in tuple(_QUOTE_MARKS)
    proposal = {"kind": Quote.Kind.DIRECT if enclosed else Quote.Kind.INDIRECT, "speaker": "", "role": ""}
    paragraph_start = body.rfind("\n\n", 0, start)
    paragraph_end = body.find("\n\n", end)
    if paragraph_end < 0:  # the last paragraph
        paragraph_end = len(body)
    neighbours = article.quotes.exclude(status=Quote.Status.REJECTED).exclude(speaker_text="")
    near = neighbours.filter(start__gte=paragraph_start, start__lt=paragraph_end)
    ranked = sorted(near, key=lambda quote: abs(quote.start - start)) or list(
        neighbours.filter(start__lt=start).order_by("-start")[:1]
    )
    if ranked:
        proposal |= {"speaker": ranked[0].speaker_text, "role": ranked[0].role}
    return proposal


def selected_span(article: Article, start: object, end: object) -> tuple[int | None, int | None]:
    """Offsets an editor's selection gave (as sent, perhaps not numbers), snapped to whole words."""
    try:
        first, last = int(str(start)), int(str(end))
    except ValueError:
        return None, None
    return snap_to_words(article.body, first, last) if 0 <= first < last <= len(article.body) else (first, last)


def span_words(article: Article, start: object, end: object) -> str:
    """The words of the article a span selects, to show instead of its offsets; "" for no valid span."""
    first, last = selected_span(article, start, end)
    return article.body[first:last] if first is not None and last is not None else ""


def quote_history(quote: Quote) -> QuerySet[ReviewEvent]:
    return quote.events.select_related("user").order_by("-created_at", "-id")
