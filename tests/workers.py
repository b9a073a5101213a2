"""A real `db_worker` process against the test database, for tests of background work."""

import os
import signal
import subprocess
import sys
from contextlib import contextmanager

from django.conf import settings
from django.db import connection


def worker_env() -> dict:
    db = connection.settings_dict
    return os.environ | {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SECRET_KEY": "test-only-secret-key",
        "DJANGO_SETTINGS_MODULE": "attribution.settings",
    }


def start_worker() -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2", "--no-reload"],
        cwd=settings.BASE_DIR, env=worker_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


@contextmanager
def running_worker():
    worker = start_worker()
    try:
        yield worker
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=30)
