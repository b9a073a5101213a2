import pytest

from attribution.extraction.names import one_edit_apart


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
