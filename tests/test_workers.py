"""Liveness of task workers: a running task whose worker's lock is free goes back to the queue."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from attribution.tasks import extract_articles
from attribution.workers import orphaned_tasks_requeue, worker_register

pytestmark = pytest.mark.django_db


def running_task(worker_id: str) -> DBTaskResult:
    result = DBTaskResult.objects.get(pk=extract_articles.enqueue([1]).id)
    result.claim(worker_id)
    return result


def test_only_tasks_of_workers_that_are_gone_are_requeued(capsys):
    live = worker_register("alive")
    try:
        kept, orphaned = running_task("alive"), running_task("gone")
        assert orphaned_tasks_requeue() == 1
        kept.refresh_from_db()
        orphaned.refresh_from_db()
        assert (kept.status, orphaned.status, orphaned.started_at) == ("RUNNING", "READY", None)
        assert orphaned.worker_ids == ["gone"]  # the next claim appends the worker that takes it over
        call_command("resume_tasks")
        assert "0 task(s) of workers that died" in capsys.readouterr().out
    finally:
        live.close()
    assert orphaned_tasks_requeue() == 1  # its worker's connection is gone, and so is its lock
