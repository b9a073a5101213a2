import json
import time

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.urls import reverse

from attribution.selectors.health import health
from attribution.services.extract import extraction_queue
from tests.factories import ArticleFactory
from tests.workers import running_worker, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def test_healthz_reports_the_database_the_queue_and_the_live_workers_without_a_login(client):
    extraction_queue([ArticleFactory.create().pk for _ in range(20)])  # two tasks of TASK_CHUNK articles
    answer = client.get(reverse("healthz"))
    assert answer.status_code == 200
    assert answer["Cache-Control"].startswith("max-age=0")
    assert json.loads(answer.content) == {"database": "ok", "tasks_waiting": 2, "workers": 0}
    with running_worker():
        wait_until(lambda: health()["workers"] == 1, time.monotonic() + 60)
        assert health()["workers"] == 1


def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    # The check opens a connection of its own from the settings: pointed at a port nothing listens on.
    monkeypatch.setitem(connections.settings[DEFAULT_DB_ALIAS], "PORT", "1")
    answer = client.get(reverse("healthz"))
    assert (answer.status_code, json.loads(answer.content)) == (503, {"database": "unavailable"})


def test_healthz_answers_plain_http_where_every_page_redirects_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get(reverse("login")).status_code == 301


def test_healthz_says_when_the_database_answers_without_the_apps_tables(client, monkeypatch):
    # A database that exists and answers, never migrated: the server's own maintenance database.
    monkeypatch.setitem(connections.settings[DEFAULT_DB_ALIAS], "NAME", "postgres")
    answer = client.get(reverse("healthz"))
    assert (answer.status_code, json.loads(answer.content)) == (503, {"database": "not migrated"})
