"""The speaker registry: merging two entries that are one person."""

from django.db import transaction

from attribution.models import Quote, Speaker
from attribution.services.errors import ServiceError


class MergeError(ServiceError):
    """Two speakers that cannot be merged."""


@transaction.atomic
def speaker_merge(*, target: Speaker, source: Speaker) -> Speaker:
    """Fold source into target: target takes source's names as aliases and its quotes; source stays, pointing
    at target, so the history of who was called what survives."""
    target = Speaker.objects.select_for_update().get(pk=target.pk)
    source = Speaker.objects.select_for_update().get(pk=source.pk)
    if source.pk == target.pk or target.canonical().pk == source.pk:
        raise MergeError("A speaker cannot be merged into itself.")
    if source.merged_into_id:
        raise MergeError(f"{source.name} was already merged into {source.canonical().name}.")
    names = [*target.aliases, source.name, *source.aliases]
    target.aliases = [n for i, n in enumerate(names) if n.lower() != target.name.lower() and n not in names[:i]]
    target.save(update_fields=["aliases"])
    Quote.objects.filter(speaker=source).update(speaker=target)
    source.merged_into = target
    source.save(update_fields=["merged_into"])
    return target
