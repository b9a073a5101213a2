"""The speaker registry: merging two entries that are one person, and taking a merge back. A merge changes the
registry for every editor, so only Admins make one (the views check it), each is recorded as a SpeakerMerge and
each can be undone."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from attribution.models import Quote, Speaker, SpeakerMerge
from attribution.services.errors import ServiceError
from attribution.services.statements import statements_refresh


class MergeError(ServiceError):
    """Two speakers that cannot be merged, or a merge that cannot be undone."""


def _locked(*pks: int) -> list[Speaker]:
    """The speakers afresh, locked in id order, so two merges of the same pair wait for each other instead of
    deadlocking."""
    found = {speaker.pk: speaker for speaker in Speaker.objects.select_for_update().filter(pk__in=pks).order_by("pk")}
    return [found[pk] for pk in pks]


def speaker_merge_check(*, target: Speaker, source: Speaker) -> None:
    """Refuse (MergeError) a merge that must not happen: asked before an Admin confirms one, and again as it is
    made."""
    if source.pk == target.pk:
        raise MergeError("A speaker cannot be merged into itself.")
    if target.merged_into_id:
        raise MergeError(f"{target.name} was itself merged into {target.canonical().name}: merge into that one.")
    if source.merged_into_id:
        raise MergeError(f"{source.name} was already merged into {source.canonical().name}.")


def names_taken(*, target: Speaker, source: Speaker) -> list[str]:
    """The names of source that target would take as aliases: those it is not known by already, in any case."""
    known = {name.lower() for name in (target.name, *target.aliases)}
    taken = []
    for name in (source.name, *source.aliases):
        if name.lower() not in known:
            taken.append(name)
            known.add(name.lower())
    return taken


@transaction.atomic
def speaker_merge(*, target: Speaker, source: Speaker, user: User) -> SpeakerMerge:
    """Fold source into target: target takes source's names as aliases and its quotes; source stays, pointing at
    target, so the history of who was called what survives."""
    target, source = _locked(target.pk, source.pk)
    speaker_merge_check(target=target, source=source)
    added = names_taken(target=target, source=source)
    target.aliases = [*target.aliases, *added]
    target.save(update_fields=["aliases"])
    quotes = Quote.objects.filter(speaker=source)
    moved = list(quotes.values_list("pk", flat=True))
    quotes.update(speaker=target)
    source.merged_into = target
    source.save(update_fields=["merged_into"])
    # Appearances of one statement that named the two apart now name one speaker.
    statements_refresh(Quote.objects.filter(pk__in=moved).values_list("statement_id", flat=True))
    return SpeakerMerge.objects.create(
        target=target, source=source, merged_by=user, moved_quotes=moved, added_aliases=added
    )


@transaction.atomic
def speaker_merge_undo(*, merge: SpeakerMerge, user: User) -> SpeakerMerge:
    """Take a merge back: source is an entry of its own again with the quotes the merge moved (those target
    still has: an editor may have relinked one since), and target loses the names it took from source."""
    merge = SpeakerMerge.objects.select_for_update().get(pk=merge.pk)
    target, source = _locked(merge.target_id, merge.source_id)
    if merge.undone_at:
        raise MergeError(f"The merge of {source.name} into {target.name} was already undone.")
    if target.merged_into_id:
        raise MergeError(f"{target.name} has since been merged into {target.canonical().name}: undo that first.")
    target.aliases = [name for name in target.aliases if name not in merge.added_aliases]
    target.save(update_fields=["aliases"])
    Quote.objects.filter(pk__in=merge.moved_quotes, speaker=target).update(speaker=source)
    source.merged_into = None
    source.save(update_fields=["merged_into"])
    statements_refresh(Quote.objects.filter(pk__in=merge.moved_quotes).values_list("statement_id", flat=True))
    merge.undone_by, merge.undone_at = user, timezone.now()
    merge.save(update_fields=["undone_by", "undone_at"])
    return merge
