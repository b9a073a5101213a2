"""What a filter field searched as you type offers: a few publishers, import batches or speakers matching what
was typed, never the whole list (300 publishers, 500 batches and 50,000 speakers in bench/archive.py made the
filter forms 812 options and the merge form 2.3 MB)."""

from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery
from django.db.models import Q

from attribution.http import whole_number
from attribution.models import Article, ImportBatch, Publisher, Speaker
from attribution.selectors.registry import registry_matching
from attribution.text import fold_whitespace

LIMIT = 20


class Suggestion(NamedTuple):
    value: str  # what the field submits: a name, or an id
    label: str  # what the editor reads


def publisher_suggestions(typed: str) -> list[Suggestion]:
    """Publishers containing what was typed (the first ones alphabetically for nothing typed), those starting with
    it first. Read from the (publisher, created_at) index alone."""
    typed = fold_whitespace(typed)
    found = (
        Article.objects.exclude(publisher="")
        .filter(publisher__icontains=typed)
        .order_by("publisher")
        .values_list("publisher", flat=True)
        .distinct()[: LIMIT * 2]
    )
    names = sorted(found, key=lambda name: not name.lower().startswith(typed.lower()))[:LIMIT]
    return [Suggestion(name, name) for name in names]


def article_suggestions(typed: str) -> list[Suggestion]:
    """The newest articles with the words typed in their title or quotes (their search documents, as the list's
    search reads them: an ILIKE over 100,000 titles took 510 ms for a word none has), or the one whose number was
    typed. Whole words, not prefixes: the planner cannot tell a rare prefix from a common one, and for 'zeppelin:*'
    walked every article newest first (162 ms) where a whole word takes 3 ms."""
    matching = Q(search=SearchQuery(typed, config="english", search_type="websearch")) if typed.strip() else Q()
    if (number := whole_number(fold_whitespace(typed).removeprefix("#"))) is not None:
        matching |= Q(pk=number)
    if not matching:
        return []
    articles = Article.objects.only("id", "title").filter(matching).order_by("-created_at", "-id")[:LIMIT]
    return [Suggestion(str(article.pk), article_label(article)) for article in articles]


def article_label(article: Article | None) -> str:
    return f"{article.title} #{article.pk}" if article else ""


def import_batch_suggestions(typed: str) -> list[Suggestion]:
    """The latest import batches whose file name contains what was typed, or the one whose number it is."""
    typed = fold_whitespace(typed)
    matching = Q(source_name__icontains=typed)
    if (number := whole_number(typed.removeprefix("#"))) is not None:
        matching |= Q(pk=number)
    batches = ImportBatch.objects.filter(matching).order_by("-created_at", "-id")[:LIMIT]
    return [Suggestion(str(batch.pk), import_batch_label(batch)) for batch in batches]


def import_batch_label(batch: ImportBatch | None) -> str:
    return f"{batch} #{batch.pk}" if batch else ""


def speaker_suggestions(typed: str, *, keyed: bool) -> list[Suggestion]:
    """Speakers not merged into another whose name or an alias contains what was typed: by id when keyed (the
    merge form), else by name (the export's filter)."""
    speakers = registry_matching(Speaker.objects.filter(merged_into__isnull=True), typed, LIMIT)
    if keyed:
        return [Suggestion(str(speaker.pk), speaker_label(speaker)) for speaker in speakers]
    return [Suggestion(name, name) for name in dict.fromkeys(speaker.name for speaker in speakers)]


def publisher_entry_suggestions(typed: str) -> list[Suggestion]:
    """Registry publishers whose name or an alias contains what was typed, by id (the merge form)."""
    return [Suggestion(str(entry.pk), entry.name) for entry in registry_matching(Publisher.objects.all(), typed, LIMIT)]


def speaker_label(speaker: Speaker | None) -> str:
    return f"{speaker.name} ({speaker.get_kind_display().lower()})" if speaker else ""
