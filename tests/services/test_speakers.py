import pytest

from attribution.models import Quote, Speaker
from attribution.services.review import Correction, quote_confirm, quote_edit
from attribution.services.speakers import MergeError, speaker_merge
from tests.factories import QuoteFactory, editor

pytestmark = pytest.mark.django_db


def test_merge_moves_quotes_keeps_aliases_and_history():
    first = quote_confirm(quote=QuoteFactory.create(), user=editor(), expected_version=1)
    second = quote_edit(
        quote=QuoteFactory.create(),
        user=editor(),
        expected_version=1,
        correction=Correction(speaker="H. Price", role="", outlet="", kind="direct", new_speaker=True, new_outlet=True),
    )
    target, source = first.speaker, second.speaker
    assert target is not None
    assert source is not None
    source.aliases = ["Hannah P."]
    source.save()
    speaker_merge(target=target, source=source)
    target.refresh_from_db()
    source.refresh_from_db()
    assert target.aliases == ["H. Price", "Hannah P."]
    assert source.merged_into == target
    assert set(Quote.objects.values_list("speaker", flat=True)) == {target.pk}
    assert Quote.objects.get(pk=second.pk).speaker_text == "H. Price"  # as written stays as written
    # A later edit naming the merged speaker links to the one it was merged into.
    third = quote_edit(
        quote=QuoteFactory.create(),
        user=editor(),
        expected_version=1,
        correction=Correction(speaker="H. Price", role="", outlet="", kind="direct", new_speaker=True, new_outlet=True),
    )
    assert third.speaker == target


def test_merge_refuses_nonsense():
    speaker = Speaker.objects.create(name="Ann Lee")
    other = Speaker.objects.create(name="Bo Chan")
    with pytest.raises(MergeError):
        speaker_merge(target=speaker, source=speaker)
    speaker_merge(target=speaker, source=other)
    with pytest.raises(MergeError):
        speaker_merge(target=speaker, source=other)
    with pytest.raises(MergeError):
        speaker_merge(target=other, source=speaker)
