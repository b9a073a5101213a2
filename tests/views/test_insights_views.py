import csv
import io

import pytest
from django.urls import reverse

from attribution.services.review import quote_confirm, quote_reject
from tests.factories import QuoteFactory, editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided():
    ann = editor("ann")
    quote_confirm(quote=QuoteFactory.create(confidence=0.9), user=ann, expected_version=1)
    quote_reject(quote=QuoteFactory.create(confidence=0.3), user=ann, expected_version=1)
    QuoteFactory.create()  # pending: no verdict
    return ann


def test_the_page_shows_every_figure_with_its_chart_table_and_csv(client, decided):
    client.force_login(decided)
    page = client.get(reverse("insights")).content.decode()
    for title in (
        "Accuracy per field",
        "Misses and false positives",
        "Accuracy over time",
        "Per import batch",
        "Per publisher",
        "Per engine version",
        "Calibration",
        "Review progress per editor",
        "Review progress per import batch",
        "Top speakers",
        "Top outlets",
        "Speaker kinds",
    ):
        assert title in page
    assert page.count('<svg class="chart"') >= 10
    assert "(1 verdict)" in page
    assert reverse("insights_csv", args=["fields"]) in page


def test_a_figure_as_csv_is_its_table(client, decided):
    client.force_login(decided)
    response = client.get(reverse("insights_csv", args=["outcomes"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [
        ["outcome", "quotes"],
        ["kept as found", "1"],
        ["kept, corrected", "0"],
        ["false positives (rejected)", "1"],
        ["misses (added by editors)", "0"],
    ]
    assert client.get(reverse("insights_csv", args=["nonsense"])).status_code == 404


def test_bad_filters_are_said_and_the_page_still_shows(client, decided):
    client.force_login(decided)
    page = client.get(reverse("insights"), {"since": "0001-01-01", "import_batch": "x"}).content.decode()
    assert "Choose a date from" in page
    assert "Accuracy per field" in page


def test_the_figures_are_read_once_then_reused_until_they_expire(client, decided, django_assert_max_num_queries):
    client.force_login(decided)
    client.get(reverse("insights"))
    QuoteFactory.create()  # a new quote does not show until the figures are read again
    with django_assert_max_num_queries(8):  # the session, the user and permissions: no aggregate
        page = client.get(reverse("insights")).content.decode()
    assert "Read at" in page
