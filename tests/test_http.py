import pytest
from django.test import RequestFactory

from attribution.http import queue_batch, whole_number


@pytest.mark.parametrize(("value", "batch"), [("7", 7), ("", None), ("abc", None), ("1.5", None), ("²", None)])
def test_queue_batch_takes_only_a_whole_number(value, batch):
    assert queue_batch(RequestFactory().get("/", {"batch": value})) == batch


def test_queue_batch_reads_the_page_an_htmx_request_comes_from():
    request = RequestFactory().get("/", headers={"HX-Current-URL": "https://desk.example.org/articles/3/?batch=9"})
    assert queue_batch(request) == 9


@pytest.mark.parametrize(
    ("value", "number"), [("12", 12), ("", None), ("-1", None), ("1.5", None), ("1e3", None), ("²", None)]
)
def test_whole_number(value, number):
    assert whole_number(value) == number
