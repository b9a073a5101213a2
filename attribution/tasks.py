"""Background work, run by `python manage.py worker` (django-tasks-db): several workers share the queue
through the database's row locks, so each task runs once."""

from django.tasks import Task, task
from django_tasks_db.models import DBTaskResult

from attribution.services.extract import articles_extract
from attribution.services.imports import batch_run


@task()
def extract_articles(article_ids: list[int]) -> int:
    return articles_extract(article_ids=article_ids)


@task()
def store_import(batch_id: int) -> None:
    batch_run(batch_id=batch_id)


def queued_arguments(queued_task: Task) -> list:
    """The first argument of each run of this task still waiting in the queue."""
    waiting = DBTaskResult.objects.ready().filter(task_path=queued_task.module_path)
    return [result.args_kwargs["args"][0] for result in waiting]
