"""Which task workers are alive, and the queue's recovery from those that died.

django-tasks-db keeps no heartbeat: a worker killed mid-task leaves its task "running" for ever. Each of our
workers (`python manage.py worker`) holds a PostgreSQL session advisory lock named by its worker id for as long
as it lives, on a connection of its own; PostgreSQL frees the lock the moment that connection drops, however the
worker died (SIGKILL, out of memory, a lost machine). A running task whose worker's lock is free was orphaned
and goes back to the queue: every task here is idempotent, so running it again duplicates nothing.
"""

import logging
import threading
import time
from datetime import timedelta

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from attribution.services.extract import extraction_resume
from attribution.services.imports import batches_resume

log = logging.getLogger(__name__)

# First key of the advisory locks: keeps ours apart from any other use of advisory locks in the database.
LOCK_NAMESPACE = 0x41545444  # "ATTD"


class Liveness:
    """This worker's liveness lock, held on a connection of its own (Django's own connection is closed and
    reopened between tasks, which would free it) for as long as the worker lives."""

    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self.connection: BaseDatabaseWrapper | None = None

    def hold(self) -> bool:
        """Make sure the lock is held, taking it again if its connection dropped (say, a database restart):
        until then other workers would take this one for dead. Returns whether it is held."""
        if self.connection is not None:
            try:
                with self.connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
                return True
            except DatabaseError:
                self.connection.close()
        connection = connections.create_connection(DEFAULT_DB_ALIAS)
        connection.inc_thread_sharing()  # taken here, checked from the watchdog's thread
        with connection.cursor() as cursor:
            held = _try_lock(cursor, self.worker_id)
        if not held:
            connection.close()
        self.connection = connection if held else None
        return held


def _try_lock(cursor: CursorWrapper, worker_id: str) -> bool:
    """Take worker_id's liveness lock on the cursor's connection if no live worker holds it."""
    cursor.execute("SELECT pg_try_advisory_lock(%s, hashtext(%s))", [LOCK_NAMESPACE, worker_id])
    row = cursor.fetchone()
    return bool(row and row[0])


def _alive(cursor: CursorWrapper, worker_id: str) -> bool:
    if _try_lock(cursor, worker_id):
        cursor.execute("SELECT pg_advisory_unlock(%s, hashtext(%s))", [LOCK_NAMESPACE, worker_id])
        return False
    return True


def orphaned_tasks_requeue() -> int:
    """Put back in the queue the running tasks whose worker is gone; returns how many."""
    with transaction.atomic(), connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True).only("id", "worker_ids")
        orphaned = [task.pk for task in running if not (task.worker_ids and _alive(cursor, task.worker_ids[-1]))]
        DBTaskResult.objects.filter(pk__in=orphaned).update(status=TaskResultStatus.READY, started_at=None)
    if orphaned:
        log.warning("%d task(s) of workers that died put back in the queue", len(orphaned))
    return len(orphaned)


def unfinished_work_requeue(*, stale_after: timedelta) -> dict[str, int]:
    """Everything left unfinished, back in the queue: tasks of workers that died, and (as a backstop for a
    task that failed or was lost) uploads and articles that no queued task covers and nothing touched for
    stale_after. Safe at any time. Returns how many of each."""
    return {
        "tasks": orphaned_tasks_requeue(),
        "imports": batches_resume(stale_after=stale_after),
        "articles": extraction_resume(stale_after=stale_after),
    }


def watchdog_start(liveness: Liveness, interval: float) -> threading.Thread:
    """Every interval seconds, from a daemon thread: keep this worker's liveness lock held, and requeue the
    tasks of workers that died, so one dying while others live has its task taken over with no restart."""

    def watch() -> None:
        while True:
            time.sleep(interval)
            try:
                liveness.hold()
                orphaned_tasks_requeue()
            except Exception:  # a lost database connection must not end the watch; the next round retries
                log.exception("checking for orphaned tasks failed")
            finally:
                connections.close_all()

    thread = threading.Thread(target=watch, name="orphaned-task-watchdog", daemon=True)
    thread.start()
    return thread
