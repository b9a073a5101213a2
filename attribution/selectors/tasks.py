"""Reads of the background task queue (django-tasks-db's table)."""

from typing import Any

from django.tasks import Task
from django_tasks_db.models import DBTaskResult


def queued_arguments(queued_task: Task[Any, Any]) -> list[Any]:
    """The first argument of each run of this task still waiting in the queue."""
    waiting = DBTaskResult.objects.ready().filter(task_path=queued_task.module_path)
    return [result.args_kwargs["args"][0] for result in waiting]
