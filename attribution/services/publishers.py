"""The publisher registry: the one name every article of an outlet carries, whichever form its page or feed
gives ("NYTimes", "The New York Times", a page of nytimes.com), and Editors' merges of two entries that turn
out to be one outlet."""

from collections.abc import Sequence

from django.db import transaction

from attribution.models import Article, ImportBatch, Publisher
from attribution.services.errors import ServiceError
from attribution.services.registry import registry_entry
from attribution.text import fold_whitespace

# Names a page gives its site that name no outlet: a CMS's or a hosting service's.
GENERIC_NAMES = frozenset({"hosted", "home", "homepage", "news", "website", "wordpress", "blog", "index", "online"})


class PublisherMergeError(ServiceError):
    pass


def _site_forms(site: str) -> list[str]:
    """site and the sites it is part of, most specific first: edition.cnn.com, cnn.com."""
    parts = site.lower().removeprefix("www.").split(".")
    return [".".join(parts[index:]) for index in range(len(parts) - 1)]


def _by_site(site: str) -> Publisher | None:
    for form in _site_forms(site):
        if (entry := Publisher.objects.filter(aliases__contains=[form]).order_by("pk").first()) is not None:
            return entry
    return None


def _looks_like_site(name: str) -> bool:
    return "." in name and " " not in name


def publisher_resolve(names: Sequence[str], site: str = "") -> str:
    """The registry's name for the publisher a row names (names, most trusted first) on a site (a page's
    host), made an entry when it has none. A site the registry knows decides; else the first known name, and
    the site becomes that entry's alias, so the next page of the site needs no name. "" when nothing names one."""
    names = [name for name in map(fold_whitespace, names) if name and name.lower() not in GENERIC_NAMES]
    site = fold_whitespace(site).lower().removeprefix("www.")
    entry = _by_site(site) if site else None
    entry = entry or next(filter(None, map(Publisher.objects.matching, names)), None)
    if entry is None:
        # A name that reads as one ("DW" rather than "DW.COM"), else the site itself.
        chosen = next((name for name in names if not _looks_like_site(name)), names[0] if names else site)
        if not chosen:
            return ""
        entry = registry_entry(Publisher, chosen[: Publisher._meta.get_field("name").max_length])
    if site and site not in entry.aliases and _by_site(site) is None:
        Publisher.objects.filter(pk=entry.pk).update(aliases=[*entry.aliases, site])
    return entry.name


@transaction.atomic
def publisher_merge(*, target: Publisher, source: Publisher) -> int:
    """Fold source into target: target takes its names and sites, and every article and import that named
    source names target. Returns how many articles were renamed."""
    if source.pk == target.pk:
        raise PublisherMergeError("A publisher cannot be merged into itself.")
    locked = {entry.pk: entry for entry in Publisher.objects.select_for_update().filter(pk__in=[target.pk, source.pk])}
    if len(locked) < 2:
        raise PublisherMergeError("That publisher is no longer in the registry (merged meanwhile?).")
    target, source = locked[target.pk], locked[source.pk]
    known = {name.lower() for name in (target.name, *target.aliases)}
    target.aliases = [*target.aliases, *(name for name in (source.name, *source.aliases) if name.lower() not in known)]
    target.save(update_fields=["aliases"])
    renamed = Article.objects.filter(publisher=source.name).update(publisher=target.name)
    ImportBatch.objects.filter(publisher=source.name).update(publisher=target.name)
    source.delete()
    return renamed
