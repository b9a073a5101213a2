"""Real `worker` processes against the test database, for tests of background work."""

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests.factories import ARTICLE_BODY


def worker_env() -> dict[str, str]:
    db = connection.settings_dict
    return os.environ | {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SECRET_KEY": "test-only-secret-key",
        "DJANGO_SETTINGS_MODULE": "attribution.settings",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),  # where the uploads it stores wait
    }


def start_worker(worker_id: str | None = None) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "manage.py",
        "worker",
        "--no-startup-delay",
        "--interval",
        "0.2",
        "--watch-interval",
        "1",
    ]
    return subprocess.Popen(
        command + (["--worker-id", worker_id] if worker_id else []),
        cwd=settings.BASE_DIR,
        env=worker_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@contextmanager
def running_worker(worker_id: str | None = None) -> Iterator[subprocess.Popen[bytes]]:
    worker = start_worker(worker_id)
    try:
        yield worker
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=30)


def write_feed(path: Path, count: int, extra: str = "") -> None:
    """A JSONL file of count small articles, each with two quotes, plus any extra raw lines."""

    lines = [json.dumps({"title": f"Story {n}", "text": f"{ARTICLE_BODY}\n\nNumber {n}."}) for n in range(count)]
    path.write_text("\n".join(lines) + "\n" + extra)


def wait_until(condition: Callable[[], object], deadline: float, pause: float = 0.2) -> None:
    while not condition() and time.monotonic() < deadline:
        time.sleep(pause)
