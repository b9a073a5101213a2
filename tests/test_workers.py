"""Liveness of task workers: a running task whose worker's lock is free goes back to the queue."""

import time
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from attribution.services.extract import extract_articles
from attribution.workers import Liveness, orphaned_tasks_requeue

pytestmark = pytest.mark.django_db


# Quoted: the model is generic to type checkers only.
def running_task(worker_id: str) -> "DBTaskResult[..., Any]":
    result = DBTaskResult.objects.get(pk=extract_articles.enqueue([1]).id)
    result.claim(worker_id)
    return result


@pytest.fixture
def live_worker():
    liveness = Liveness("alive")
    assert liveness.hold()
    yield liveness
    assert liveness.connection is not None
    liveness.connection.close()


def test_only_tasks_of_workers_that_are_gone_are_requeued(live_worker, capsys):
    kept, orphaned = running_task("alive"), running_task("gone")
    assert orphaned_tasks_requeue() == 1
    kept.refresh_from_db()
    orphaned.refresh_from_db()
    assert (kept.status, orphaned.status, orphaned.started_at) == ("RUNNING", "READY", None)
    assert orphaned.worker_ids == ["gone"]  # the next claim appends the worker that takes it over
    call_command("resume_tasks")
    assert "0 task(s) of workers that died" in capsys.readouterr().out

    _close_and_wait_gone(live_worker)  # its process died: PostgreSQL frees the lock with the connection
    assert orphaned_tasks_requeue() == 1


def _close_and_wait_gone(liveness: Liveness) -> None:
    """Close a worker's connection and wait until its server process has ended: the server frees the lock when
    the backend exits, a moment after the client hangs up (on a busy machine, after the next query)."""
    assert liveness.connection is not None
    with liveness.connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    liveness.connection.close()
    for _ in range(500):
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.01)


def test_a_worker_takes_its_lock_again_after_losing_its_connection_and_ids_are_exclusive(live_worker):
    assert not Liveness("alive").hold()  # a second worker under the same id is refused
    with live_worker.connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    with connection.cursor() as cursor:  # as a database restart would
        cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
    assert live_worker.hold()
    running_task("alive")
    assert orphaned_tasks_requeue() == 0
