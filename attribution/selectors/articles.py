"""Reads of articles: the filtered list with review progress, the review queue, the publishers known."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import Any

from django.contrib.auth.models import User
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from attribution.models import LOW_CONFIDENCE, Article, ArticleOpen, Quote

# The most matches of a search the list offers, in pages (20 of 50).
SEARCH_CAP = 1000
# How long an editor's opening of an article keeps the queue from handing it to someone else.
CLAIM_MINUTES = 5


@dataclass(frozen=True)
class ArticleFilters:
    search: str = ""
    review: str = ""  # "", "pending" (quotes left to review) or "done"
    publisher: str = ""
    date_from: date | None = None
    date_to: date | None = None
    import_batch: int | None = None
    low_confidence: bool = False


def articles_matching(filters: ArticleFilters | None = None) -> QuerySet[Article]:
    """The articles the filters select, newest first. Search reads the articles' search documents (title and
    quote texts), the review state the pending articles' own table, the low-confidence filter a partial index of
    quotes; the publisher, batch and date filters have indexes in the list's order (bench/archive.py measures
    each)."""
    filters = filters or ArticleFilters()
    articles = Article.objects.defer("body", "entities", "search")
    if filters.search:
        articles = articles.filter(search=SearchQuery(filters.search, config="english", search_type="websearch"))
    if filters.review == "pending":
        articles = articles.filter(pending__isnull=False)
    elif filters.review == "done":
        articles = articles.filter(pending__isnull=True)
    if filters.publisher:
        articles = articles.filter(publisher=filters.publisher)
    articles = articles.filter(published_within(filters.date_from, filters.date_to))
    if filters.import_batch:
        articles = articles.filter(import_batch_id=filters.import_batch)
    if filters.low_confidence:
        low = Quote.objects.filter(article=OuterRef("pk"), confidence__lt=LOW_CONFIDENCE)
        articles = articles.filter(Exists(low))
    return articles.order_by("-created_at", "-id")


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def published_within(first: date | None, last: date | None, field: str = "published_at") -> Q:
    """Published from the first day to the last, inclusive, in UTC: a half-open range of timestamps, which an
    index reads (a __date lookup converts every row's timestamp before comparing)."""
    within = Q()
    if first:
        within &= Q(**{f"{field}__gte": _day_start(first)})
    if last:
        within &= Q(**{f"{field}__lt": _day_start(last + timedelta(days=1))})
    return within


def with_progress(articles: Iterable[Article]) -> list[Article]:
    """The articles (a page of them), each with quote_count and reviewed_count: counted for these alone, in
    one query, rather than for every article the filters select before the page is cut."""
    listed = list(articles)
    counts = (
        Quote.objects.filter(article__in=listed)
        .values("article_id")
        .annotate(total=Count("id"), reviewed=Count("id", filter=Q(status__in=Quote.REVIEWED_STATUSES)))
    )
    found = {row["article_id"]: (row["total"], row["reviewed"]) for row in counts}
    for article in listed:
        article.quote_count, article.reviewed_count = found.get(article.pk, (0, 0))
    return listed


class CappedPaginator(Paginator[Any]):
    """Counts no further than cap: the first pages of a search for a common word need not find all its matches
    (40,000 articles for "ferry"), only know that there are more than the pages offer."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, cap: int) -> None:
        super().__init__(object_list, per_page)
        self.matching = object_list
        self.cap = cap

    @cached_property
    def found(self) -> int:
        return self.matching.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.found, self.cap)

    @property
    def more(self) -> bool:
        """Whether more than cap match, of which only the first cap are offered."""
        return self.found > self.cap


def article_page(filters: ArticleFilters, number: str | None, *, per_page: int = 50) -> Page[Article]:
    """One page of the articles the filters select, with their review progress; of a search, one of the first
    SEARCH_CAP. The page is cut from the articles' ids, which the list's indexes hold, and only its articles are
    read: an OFFSET over whole rows read and dropped every row before the page (page 2,000 of 100,000 articles,
    116 ms of SQL)."""
    ids = articles_matching(filters).values_list("pk", flat=True)
    paginator = CappedPaginator(ids, per_page, SEARCH_CAP) if filters.search else Paginator(ids, per_page)
    page = paginator.get_page(number)
    found = Article.objects.defer("body", "entities", "search").in_bulk(list(page.object_list))
    return Page(with_progress(found[pk] for pk in page.object_list), page.number, paginator)


def next_article_to_review(
    user: User, *, batch: int | None = None, leaving: int | None = None, lock: bool = False
) -> Article | None:
    """The oldest article with quotes still pending that no other editor opened in the last few minutes: of one
    import batch if given, and not the article the editor is leaving (skipping it). With lock (inside a
    transaction), its row is locked and rows other requests hold locked are passed over."""
    recently = timezone.now() - timedelta(minutes=CLAIM_MINUTES)
    claimed = ArticleOpen.objects.filter(article=OuterRef("pk"), opened_at__gte=recently).exclude(user=user)
    # Walked in the order of the pending articles' own index: reviewed articles are not in it at all.
    articles = Article.objects.defer("body").filter(pending__isnull=False).exclude(Exists(claimed))
    if batch is not None:
        articles = articles.filter(import_batch_id=batch)
    if leaving is not None:
        articles = articles.exclude(pk=leaving)
    if lock:
        articles = articles.select_for_update(skip_locked=True, of=("self",))
    return articles.order_by("pending__created_at", "pending__article_id").first()
