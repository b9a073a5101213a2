"""Read queries the views use."""

from django.db.models import Count, Q, QuerySet

from attribution.models import Article, Quote


def articles_with_progress() -> QuerySet[Article]:
    return Article.objects.annotate(
        quote_count=Count("quotes"),
        reviewed_count=Count("quotes", filter=Q(quotes__status__in=Quote.REVIEWED_STATUSES)),
    ).order_by("-created_at", "-id")


def article_progress(article: Article) -> dict:
    counts = article.quotes.aggregate(
        total=Count("id"), reviewed=Count("id", filter=Q(status__in=Quote.REVIEWED_STATUSES))
    )
    total, reviewed = counts["total"], counts["reviewed"]
    return {"total": total, "reviewed": reviewed, "percent": round(100 * reviewed / total) if total else 100}


def article_quotes(article: Article) -> QuerySet[Quote]:
    return article.quotes.select_related("reviewed_by", "speaker", "outlet").order_by("start", "id")
