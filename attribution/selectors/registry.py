"""Reads of the speaker and outlet registries."""

from django.db.models import Count, Q, QuerySet

from attribution.models import Outlet, Quote, Speaker
from attribution.text import fold_whitespace


def _suggestions(entries: QuerySet[Speaker] | QuerySet[Outlet], typed: str, limit: int) -> list[str]:
    """Names of entries whose name or an alias contains what was typed (folded; two characters at least),
    those starting with it first."""
    typed = fold_whitespace(typed)
    if len(typed) < 2:
        return []
    found = entries.filter(Q(name__icontains=typed) | Q(aliases__icontains=typed)).order_by("name")[: limit * 2]
    names = {entry.name for entry in found}
    return sorted(names, key=lambda name: (not name.lower().startswith(typed.lower()), name))[:limit]


def speaker_suggestions(typed: str, limit: int = 10) -> list[str]:
    return _suggestions(Speaker.objects.filter(merged_into__isnull=True), typed, limit)


def outlet_suggestions(typed: str, limit: int = 10) -> list[str]:
    return _suggestions(Outlet.objects.all(), typed, limit)


def speakers_with_counts() -> QuerySet[Speaker]:
    """Speakers not merged into another, with how many quotes each has."""
    return Speaker.objects.filter(merged_into__isnull=True).annotate(quote_count=Count("quotes")).order_by("name")


def speaker_quotes(speaker: Speaker) -> QuerySet[Quote]:
    return speaker.quotes.select_related("article").defer("article__body").order_by("-article__published_at", "start")


def speakers_merged_into(speaker: Speaker) -> QuerySet[Speaker]:
    """The entries merged into speaker: the other names it was known by."""
    return speaker.merged.order_by("name")


def speakers_to_merge_into(speaker: Speaker) -> QuerySet[Speaker]:
    """The other speakers speaker could be merged with."""
    return Speaker.objects.filter(merged_into__isnull=True).exclude(pk=speaker.pk).order_by("name")
