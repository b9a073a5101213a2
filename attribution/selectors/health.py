"""What a load balancer asks of the app: does the database answer, how much work waits, which workers live."""

from typing import TypedDict

from django.db import DEFAULT_DB_ALIAS, DatabaseError, ProgrammingError, connections
from django_tasks_db.models import DBTaskResult

from attribution.workers import LOCK_NAMESPACE


class Health(TypedDict, total=False):
    database: str  # "ok", "not migrated" (run manage.py migrate) or "unavailable"
    tasks_waiting: int
    workers: int


# Each live worker holds one session advisory lock in our namespace (attribution.workers); pg_locks lists a
# two-key lock with the first key as classid.
_LIVE_WORKERS = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = %s::oid"


def health(alias: str = DEFAULT_DB_ALIAS) -> Health:
    """Read on a connection of its own, closed after: a database that has gone away cannot leave the request's
    connection broken, and the check never waits on the request's transaction."""
    connection = connections.create_connection(alias)
    try:
        ready, params = DBTaskResult.objects.ready().values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({ready}) AS ready", params)
            waiting = cursor.fetchone()
            cursor.execute(_LIVE_WORKERS, [LOCK_NAMESPACE])
            workers = cursor.fetchone()
        return {"database": "ok", "tasks_waiting": _count(waiting), "workers": _count(workers)}
    except ProgrammingError:  # it answers, but without the app's tables
        return {"database": "not migrated"}
    except DatabaseError:
        return {"database": "unavailable"}
    finally:
        connection.close()


def _count(row: tuple[int] | None) -> int:
    return int(row[0]) if row else 0
