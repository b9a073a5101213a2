"""The database connection dropping in the middle of a review request: the request fails, and nothing of it
is half-written."""

import threading
import time

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from django.urls import reverse

from attribution.models import Quote, ReviewEvent
from tests.factories import QuoteFactory, editor

pytestmark = pytest.mark.django_db(transaction=True)

WAITING_ON_A_LOCK = (
    "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() "
    "AND pid <> pg_backend_pid()"
)


def waiting_backend(cursor) -> int | None:
    """The backend of the request waiting for the row, once it waits."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # a transaction sees one snapshot of the activity
        cursor.execute(WAITING_ON_A_LOCK)
        if row := cursor.fetchone():
            return int(row[0])
        time.sleep(0.05)
    return None


def test_a_confirm_whose_connection_drops_fails_and_changes_nothing():
    quote = QuoteFactory.create()
    client = Client(raise_request_exception=False)
    client.force_login(editor())
    answers = []

    def confirm() -> None:
        try:
            answers.append(client.post(reverse("quote_confirm", args=[quote.pk]), {"version": 1}))
        finally:
            connections.close_all()  # this thread's own

    request = threading.Thread(target=confirm)
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute("SELECT id FROM attribution_quote WHERE id = %s FOR UPDATE", [quote.pk])
            request.start()  # the confirm waits for the row inside its transaction, having written nothing yet...
            pid = waiting_backend(cursor)
            if pid is not None:  # ...when its connection is cut
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            cursor.execute("ROLLBACK")
    finally:
        other.close()
        request.join(10)
    assert pid is not None
    assert [answer.status_code for answer in answers] == [500]
    quote.refresh_from_db()
    assert (quote.status, quote.version, ReviewEvent.objects.count()) == (Quote.Status.PENDING, 1, 0)
