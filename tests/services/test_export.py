import csv
import io

import pytest

from attribution.services.export import COLUMNS, csv_lines, neutralise, verified_quotes
from attribution.services.review import quote_confirm, quote_edit, quote_reject
from tests.factories import ARTICLE_BODY, QuoteFactory, editor

pytestmark = pytest.mark.django_db


def read(lines):
    return list(csv.DictReader(io.StringIO("".join(lines))))


def test_only_confirmed_and_corrected_quotes_are_exported():
    user = editor()
    confirmed = quote_confirm(quote=QuoteFactory(), user=user, expected_version=1)
    spanning = QuoteFactory(end=ARTICLE_BODY.index("on record,") + len("on record,"))
    corrected = quote_edit(quote=spanning, user=user, expected_version=1, speaker="=HYPERLINK(1)",
                           role="engineer, \"acting\"\nchief", outlet="Radio Kent", kind="direct")
    quote_reject(quote=QuoteFactory(), user=user, expected_version=1)
    QuoteFactory()  # still pending
    rows = read(csv_lines(verified_quotes()))
    assert [int(r["quote_id"]) for r in rows] == [confirmed.pk, corrected.pk]
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["speaker"] == "Hannah Price" and rows[0]["reviewed_by"] == "ed"
    assert rows[1]["speaker"] == "'=HYPERLINK(1)"
    assert rows[1]["speaker_role"] == 'engineer, "acting" chief'
    assert rows[1]["quote_text"] == spanning.text and "\n\n" in spanning.text
    assert rows[1]["outlet"] == "Radio Kent" and rows[1]["status"] == "corrected"
    assert rows[1]["reviewed_at"].endswith("Z")


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(value):
    assert neutralise(value) == "'" + value
