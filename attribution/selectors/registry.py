"""Reads of the speaker, outlet and publisher registries."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower

from attribution.models import Article, Outlet, Publisher, Quote, Speaker
from attribution.selectors.review import article_entities, text_role
from attribution.text import fold_whitespace


def registry_matching[Entry: Speaker | Outlet | Publisher](
    entries: QuerySet[Entry], typed: str, limit: int
) -> list[Entry]:
    """Entries whose name or an alias contains what was typed (folded; two characters at least), those starting
    with it first."""
    typed = fold_whitespace(typed)
    if len(typed) < 2:
        return []
    found = entries.filter(Q(name__icontains=typed) | Q(aliases__icontains=typed)).order_by("name")[: limit * 2]
    return sorted(found, key=lambda entry: (not entry.name.lower().startswith(typed.lower()), entry.name))[:limit]


def _suggestions(entries: QuerySet[Speaker] | QuerySet[Outlet], typed: str, limit: int) -> list[str]:
    return list(dict.fromkeys(entry.name for entry in registry_matching(entries, typed, limit)))


def text_name_suggestions(article_id: int | None, typed: str, *, people: bool, limit: int = 5) -> list[str]:
    """Names the article gives people and organisations (organisations only, without people) that contain what
    was typed (two characters at least), those starting with it first: a name an editor takes from the text need
    not be typed whole, known to the registry or not."""
    typed = fold_whitespace(typed).casefold()
    if len(typed) < 2:
        return []
    names = [
        entity["name"]
        for entity in article_entities(article_id)
        if typed in entity["name"].casefold() and (people or entity.get("kind") != "person")
    ]
    return sorted(names, key=lambda name: not name.casefold().startswith(typed))[:limit]


def speaker_suggestions(typed: str, limit: int = 10) -> list[str]:
    return _suggestions(Speaker.objects.filter(merged_into__isnull=True), typed, limit)


def outlet_suggestions(typed: str, limit: int = 10) -> list[str]:
    return _suggestions(Outlet.objects.all(), typed, limit)


def role_suggestions(speaker: str, typed: str, *, article_id: int | None = None, limit: int = 8) -> list[str]:
    """The roles editors and the engine gave this speaker's quotes (by the name as typed, or the registry entry
    it names), those containing what was typed if anything was, the most used first: a speaker's role is
    typed once, then chosen. First of all, the role the article being reviewed gives them."""
    name = fold_whitespace(speaker).lower()
    if not name:
        return []
    by_name = Q(speaker_lower=name)
    if (known := Speaker.objects.matching(name)) is not None:
        by_name |= Q(speaker=known.canonical())
    quotes = Quote.objects.annotate(speaker_lower=Lower("speaker_text")).filter(by_name).exclude(role="")
    if typed := fold_whitespace(typed):
        quotes = quotes.filter(role__icontains=typed)
    counts = quotes.values("role").annotate(uses=Count("id")).order_by("-uses", "role")[:limit]
    roles = [row["role"] for row in counts]
    in_text = text_role(article_entities(article_id), speaker)
    if in_text and typed.casefold() in in_text.casefold():
        roles = [in_text, *(role for role in roles if role != in_text)][:limit]
    return roles


def speaker_page(search: str, number: str | None, *, per_page: int = 100) -> Page[Speaker]:
    """One page of the speakers not merged into another (those whose name or an alias contains search, if
    given), by name, each with how many quotes are linked to it: counted for the page's speakers alone, not for
    all 50,000 before the page is cut (bench/archive.py: 255 ms of SQL)."""
    speakers = Speaker.objects.filter(merged_into__isnull=True)
    if search := fold_whitespace(search):
        speakers = speakers.filter(Q(name__icontains=search) | Q(aliases__icontains=search))
    page = Paginator(speakers.order_by("name", "id"), per_page).get_page(number)
    listed = list(page.object_list)
    counts = dict(
        Quote.objects.filter(speaker__in=listed)
        .values("speaker_id")
        .annotate(n=Count("id"))
        .values_list("speaker_id", "n")
    )
    for speaker in listed:
        speaker.quote_count = counts.get(speaker.pk, 0)
    page.object_list = listed
    return page


def publisher_page(search: str, number: str | None, *, per_page: int = 100) -> Page[Publisher]:
    """One page of the publisher registry (entries whose name or an alias contains search, if given), by name,
    each with how many articles carry its name, counted for the page's entries alone."""
    publishers = Publisher.objects.all()
    if search := fold_whitespace(search):
        publishers = publishers.filter(Q(name__icontains=search) | Q(aliases__icontains=search))
    page = Paginator(publishers.order_by("name", "id"), per_page).get_page(number)
    listed = list(page.object_list)
    counts = publisher_article_counts([publisher.name for publisher in listed])
    for publisher in listed:
        publisher.article_count = counts.get(publisher.name, 0)
    page.object_list = listed
    return page


def publisher_article_counts(names: list[str]) -> dict[str, int]:
    """How many articles carry each of these publisher names, read from the (publisher, created_at) index."""
    found = Article.objects.filter(publisher__in=names).values("publisher").annotate(n=Count("id"))
    return dict(found.values_list("publisher", "n"))


def speaker_quotes(speaker: Speaker) -> QuerySet[Quote]:
    """The speaker's quotes: those editors linked to them (or to a speaker merged into them), and those still
    pending review under one of their names."""
    merged = list(speaker.merged.values_list("pk", "name", "aliases"))
    names = {name.lower() for name in (speaker.name, *speaker.aliases)}
    names |= {name.lower() for _, merged_name, aliases in merged for name in (merged_name, *aliases)}
    pending = Q(speaker__isnull=True, status=Quote.Status.PENDING) & Q(speaker_lower__in=names)
    return (
        Quote.objects.annotate(speaker_lower=Lower("speaker_text"))
        .filter(Q(speaker_id__in=[speaker.pk, *(pk for pk, _, _ in merged)]) | pending)
        .select_related("article")
        .defer("article__body")
        .order_by("-article__published_at", "start")
    )


def speakers_merged_into(speaker: Speaker) -> QuerySet[Speaker]:
    """The entries merged into speaker: the other names it was known by."""
    return speaker.merged.order_by("name")
