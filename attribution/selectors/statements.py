"""Reads of statements: each quote's other appearances (for its card), and the flagged statements editors
work through."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.db.models.functions import Coalesce

from attribution.models import Quote, Statement


@dataclass(frozen=True)
class FirstReport:
    publisher: str
    at: datetime | None
    article_id: int
    title: str


def _other_appearances(statement_ids: set[int]) -> QuerySet[Quote]:
    return (
        Quote.objects.filter(statement_id__in=statement_ids)
        .select_related("article")
        .only(
            "id",
            "statement_id",
            "article_id",
            "text",
            "speaker_text",
            "role",
            "outlet_text",
            "status",
            "article__title",
            "article__publisher",
            "article__published_at",
        )
        .order_by(Coalesce("article__published_at", "article__created_at"), "id")
    )


def with_appearances(quotes: list[Quote]) -> list[Quote]:
    """Give each quote its statement's appearances in other articles (.appearances, earliest first) and, for one
    still pending, the attribution a verified appearance gives it where it differs (.verified_elsewhere): what
    the card offers the editor to take, never takes by itself. One query for all the quotes."""
    statements = {quote.statement_id for quote in quotes if quote.statement_id is not None}
    by_statement: dict[int, list[Quote]] = defaultdict(list)
    for other in _other_appearances(statements) if statements else ():
        by_statement[other.statement_id or 0].append(other)
    for quote in quotes:
        quote.appearances = [
            other for other in by_statement.get(quote.statement_id or 0, []) if other.article_id != quote.article_id
        ]
        quote.verified_elsewhere = next(
            (
                other
                for other in quote.appearances
                if quote.status == Quote.Status.PENDING
                and other.status in Quote.VERIFIED_STATUSES
                and (other.speaker_text, other.role, other.outlet_text)
                != (quote.speaker_text, quote.role, quote.outlet_text)
            ),
            None,
        )
    return quotes


def conflicts_page(number: str | None, *, per_page: int = 25) -> Page[Statement]:
    """The flagged statements, the most recently changed first, each with its appearances (earliest first) and
    its first report."""
    flagged = Statement.objects.filter(conflict=True)
    page = Paginator(flagged.order_by("-updated_at", "-id"), per_page).get_page(number)
    listed = list(page.object_list)
    appearances: dict[int, list[Quote]] = defaultdict(list)
    for quote in _other_appearances({statement.pk for statement in listed}):
        appearances[quote.statement_id or 0].append(quote)
    for statement in listed:
        statement.appearances = appearances[statement.pk]
        first = statement.appearances[0] if statement.appearances else None
        statement.first_report = (
            FirstReport(first.article.publisher, first.article.published_at, first.article_id, first.article.title)
            if first
            else None
        )
    page.object_list = listed
    return page
