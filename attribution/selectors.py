"""Read queries the views use."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from attribution.highlight import segments
from attribution.models import Article, Outlet, Quote, ReviewEvent, Speaker


def articles_with_progress() -> QuerySet[Article]:
    return Article.objects.annotate(
        quote_count=Count("quotes"),
        reviewed_count=Count("quotes", filter=Q(quotes__status__in=Quote.REVIEWED_STATUSES)),
    ).order_by("-created_at", "-id")


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
