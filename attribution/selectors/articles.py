"""Reads of articles: the filtered list with review progress, the review queue, the publishers known."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from attribution.models import LOW_CONFIDENCE, Article, ArticleOpen, Quote

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
    """The articles the filters select, newest first. Search reads the GIN indexes of titles and quote texts
    (ids from either, not an OR the planner must test article by article), and the review state reads the
    pending articles' own table; the publisher, batch, date and confidence filters have no index of their own
    yet (bench/archive.py measures them)."""
    filters = filters or ArticleFilters()
    articles = Article.objects.defer("body", "entities")
    if filters.search:
        query = SearchQuery(filters.search, config="english", search_type="websearch")
        titled = Article.objects.annotate(found=SearchVector("title", config="english")).filter(found=query)
        quoted = Quote.objects.annotate(found=SearchVector("text", config="english")).filter(found=query)
        articles = articles.filter(Q(pk__in=titled.values("pk")) | Q(pk__in=quoted.values("article_id")))
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


def article_page(filters: ArticleFilters, number: str | None, *, per_page: int = 50) -> Page[Article]:
    """One page of the articles the filters select, with their review progress. The page is cut from the
    articles' ids, which the list's indexes hold, and only its articles are read: an OFFSET over whole rows
    read and dropped every row before the page (page 2,000 of 100,000 articles, 116 ms of SQL)."""
    paginator: Paginator[Any] = Paginator(articles_matching(filters).values_list("pk", flat=True), per_page)
    ids = paginator.get_page(number)
    found = Article.objects.defer("body", "entities").in_bulk(list(ids.object_list))
    return Page(with_progress(found[pk] for pk in ids.object_list), ids.number, paginator)


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
