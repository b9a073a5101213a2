"""Reads of speaker merges: what merging one speaker into another would move, and the merges one can take back."""

from django.db.models import QuerySet

from attribution.models import Quote, Speaker, SpeakerMerge


def quotes_linked_to(speaker: Speaker) -> int:
    """How many quotes editors linked to speaker: what a merge of it would move."""
    return Quote.objects.filter(speaker=speaker).count()


def merges_to_undo(speaker: Speaker) -> QuerySet[SpeakerMerge]:
    """The merges into speaker still in force, the latest first, with who made them."""
    return speaker.merges_in.filter(undone_at__isnull=True).select_related("source", "merged_by")
