"""Read queries the views use."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from attribution.highlight import segments
from attribution.models import Article, ArticleOpen, Outlet, Quote, ReviewEvent, Speaker

LOW_CONFIDENCE = 0.5
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


def articles_with_progress(filters: ArticleFilters = ArticleFilters()) -> QuerySet[Article]:
    articles = Article.objects.defer("body").annotate(
        quote_count=Count("quotes"),
        reviewed_count=Count("quotes", filter=Q(quotes__status__in=Quote.REVIEWED_STATUSES)),
    )
    if filters.search:
        # Full-text search over titles and quote texts, through the GIN indexes on both expressions.
        query = SearchQuery(filters.search, config="english", search_type="websearch")
        in_quotes = Quote.objects.annotate(found=SearchVector("text", config="english")).filter(
            article=OuterRef("pk"), found=query
        )
        articles = articles.annotate(title_found=SearchVector("title", config="english")).filter(
            Q(title_found=query) | Exists(in_quotes)
        )
    if filters.review == "pending":
        articles = articles.filter(Exists(Quote.objects.filter(article=OuterRef("pk"), status=Quote.Status.PENDING)))
    elif filters.review == "done":
        articles = articles.exclude(Exists(Quote.objects.filter(article=OuterRef("pk"), status=Quote.Status.PENDING)))
    if filters.publisher:
        articles = articles.filter(publisher=filters.publisher)
    if filters.date_from:
        articles = articles.filter(published_at__date__gte=filters.date_from)
    if filters.date_to:
        articles = articles.filter(published_at__date__lte=filters.date_to)
    if filters.import_batch:
        articles = articles.filter(import_batch_id=filters.import_batch)
    if filters.low_confidence:
        low = Quote.objects.filter(article=OuterRef("pk"), confidence__lt=LOW_CONFIDENCE)
        articles = articles.filter(Exists(low))
    return articles.order_by("-created_at", "-id")


def next_article_to_review(user) -> Article | None:
    """The oldest article with quotes still pending that no other editor opened in the last few minutes."""
    recently = timezone.now() - timedelta(minutes=CLAIM_MINUTES)
    claimed = ArticleOpen.objects.filter(article=OuterRef("pk"), opened_at__gte=recently).exclude(user=user)
    pending = Quote.objects.filter(article=OuterRef("pk"), status=Quote.Status.PENDING)
    return (
        Article.objects.defer("body")
        .filter(Exists(pending))
        .exclude(Exists(claimed))
        .order_by("created_at", "id")
        .first()
    )


def article_progress(article: Article | int) -> dict:
    article_id = article.pk if isinstance(article, Article) else article
    counts = Quote.objects.filter(article_id=article_id).aggregate(
        total=Count("id"), reviewed=Count("id", filter=Q(status__in=Quote.REVIEWED_STATUSES))
    )
    total, reviewed = counts["total"], counts["reviewed"]
    return {"total": total, "reviewed": reviewed, "remaining": total - reviewed}


def article_quotes(article: Article) -> QuerySet[Quote]:
    return (
        article.quotes.select_related("reviewed_by", "speaker", "outlet")
        .annotate(has_history=Exists(ReviewEvent.objects.filter(quote=OuterRef("pk"))))
        .order_by("start", "id")
    )


def review_context(article: Article) -> dict:
    """What the review page and its card list render: the quotes (painted per speaker), the article text
    cut into highlighted segments, and the progress."""
    quotes = list(article_quotes(article))
    return {
        "article": article,
        "quotes": quotes,
        "segments": segments(article.body, quotes),
        "progress": article_progress(article),
    }


def _suggestions(model, typed: str, limit: int) -> list[str]:
    """Registry names starting with, then containing, what was typed; aliases count."""
    typed = " ".join(typed.split())
    if len(typed) < 2:
        return []
    matches = model.objects.filter(merged_into__isnull=True) if hasattr(model, "merged_into") else model.objects.all()
    found = matches.filter(Q(name__icontains=typed) | Q(aliases__icontains=typed)).order_by("name")[: limit * 2]
    names = sorted({entry.name for entry in found}, key=lambda name: (not name.lower().startswith(typed.lower()), name))
    return names[:limit]


def speaker_suggestions(typed: str, limit: int = 10) -> list[str]:
    return _suggestions(Speaker, typed, limit)


def outlet_suggestions(typed: str, limit: int = 10) -> list[str]:
    return _suggestions(Outlet, typed, limit)
