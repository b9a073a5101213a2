import re

import pytest

from attribution.models import Quote, Speaker, SpeakerMerge
from attribution.services.review import Correction, quote_confirm, quote_edit
from attribution.services.speakers import MergeError, speaker_merge, speaker_merge_undo
from tests.factories import QuoteFactory, admin_user, editor

pytestmark = pytest.mark.django_db


def named(name):
    return Correction(speaker=name, role="", outlet="", kind="direct", new_speaker=True, new_outlet=True)


def test_merge_moves_quotes_keeps_aliases_and_history():
    first = quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    second = quote_edit(quote=QuoteFactory.create(), user=editor(), expected_version=1, correction=named("H. Price"))
    target, source = first.speaker, second.speaker
    assert target is not None
    assert source is not None
    source.aliases = ["Hannah P."]
    source.save()
    boss = admin_user()
    merge = speaker_merge(target=target, source=source, user=boss)
    target.refresh_from_db()
    source.refresh_from_db()
    assert target.aliases == ["H. Price", "Hannah P."]
    assert source.merged_into == target
    assert set(Quote.objects.values_list("speaker", flat=True)) == {target.pk}
    assert Quote.objects.get(pk=second.pk).speaker_text == "H. Price"  # as written stays as written
    # Audited: who, and what the merge changed.
    assert (merge.merged_by, merge.moved_quotes, merge.added_aliases) == (boss, [second.pk], ["H. Price", "Hannah P."])
    # A later edit naming the merged speaker links to the one it was merged into.
    third = quote_edit(quote=QuoteFactory.create(), user=editor(), expected_version=1, correction=named("H. Price"))
    assert third.speaker == target


def test_merge_refuses_nonsense():
    speaker = Speaker.objects.create(name="Ann Lee")
    other = Speaker.objects.create(name="Bo Chan")
    boss = admin_user()
    with pytest.raises(MergeError):
        speaker_merge(target=speaker, source=speaker, user=boss)
    speaker_merge(target=speaker, source=other, user=boss)
    with pytest.raises(MergeError):
        speaker_merge(target=speaker, source=other, user=boss)
    with pytest.raises(MergeError):
        speaker_merge(target=other, source=speaker, user=boss)
    assert SpeakerMerge.objects.count() == 1


def test_never_into_a_speaker_that_is_itself_merged():
    kept, merged, third = (Speaker.objects.create(name=name) for name in ("Ann Lee", "A. Lee", "Bo Chan"))
    boss = admin_user()
    speaker_merge(target=kept, source=merged, user=boss)
    with pytest.raises(MergeError, match=re.escape("A. Lee was itself merged into Ann Lee: merge into that one.")):
        speaker_merge(target=merged, source=third, user=boss)
    third.refresh_from_db()
    assert third.merged_into is None


def test_undo_gives_back_the_quotes_and_names_the_merge_moved():
    target = quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1).speaker
    moved = quote_edit(quote=QuoteFactory.create(), user=editor(), expected_version=1, correction=named("H. Price"))
    source = moved.speaker
    assert target is not None
    assert source is not None
    target.aliases = ["Dr Price"]
    target.save()
    boss = admin_user()
    merge = speaker_merge(target=target, source=source, user=boss)
    undone = speaker_merge_undo(merge=merge, user=boss)
    target.refresh_from_db()
    source.refresh_from_db()
    assert source.merged_into is None
    assert target.aliases == ["Dr Price"]
    assert Quote.objects.get(pk=moved.pk).speaker == source
    assert (undone.undone_by, undone.undone_at is not None) == (boss, True)
    with pytest.raises(MergeError, match="already undone"):
        speaker_merge_undo(merge=merge, user=boss)
    # The source can be merged again, into anyone.
    speaker_merge(target=target, source=source, user=boss)


def test_undo_waits_for_a_later_merge_of_the_target_to_be_undone():
    first, second, third = (Speaker.objects.create(name=name) for name in ("A. Lee", "Ann Lee", "Ann B. Lee"))
    boss = admin_user()
    earlier = speaker_merge(target=second, source=first, user=boss)
    later = speaker_merge(target=third, source=second, user=boss)
    with pytest.raises(MergeError, match=re.escape("Ann Lee has since been merged into Ann B. Lee: undo that first.")):
        speaker_merge_undo(merge=earlier, user=boss)
    speaker_merge_undo(merge=later, user=boss)
    speaker_merge_undo(merge=earlier, user=boss)
    assert not Speaker.objects.filter(merged_into__isnull=False).exists()
