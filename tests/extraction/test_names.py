import pytest

from attribution.extraction.names import _as_name, one_edit_apart
from attribution.extraction.pipeline import load_nlp


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("mukherjee", "mukerjee", True),  # a letter dropped
        ("mukerjee", "mukherjee", True),  # either way round
        ("ljubicic", "ljubicik", True),  # a letter changed
        ("mukherjee", "mukherjee", True),
        ("brown", "brawn", False),  # short surnames differ by a letter too often
        ("hamilton", "milton", False),
        ("richards", "michards", False),  # the first letter holds
        ("johnson", "johnston", True),
    ],
)
def test_one_edit_apart(a, b, same):
    assert one_edit_apart(a, b) is same


def test_a_name_opens_at_its_honorific_whatever_the_model_took_in_before_it():
    doc = load_nlp()("During his speech at GDC Mr Allard said the console was fast.")
    assert _as_name(doc[4:7]).text == "Mr Allard"
