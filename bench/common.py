"""Set-up shared by the benchmarks that need Django: their own database ("_bench" unless they name another suffix),
created and migrated."""

import os
import re
import sys
from pathlib import Path

import django
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]


def bench_django(suffix: str = "_bench") -> None:
    """Point Django at the configured database with suffix appended, so the app's data is never touched."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attribution.settings")
    os.environ.setdefault("DEBUG", "1")
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/attribution")
    os.environ["DATABASE_URL"] = base + suffix
    django.setup()
    call_command("ensure_database", verbosity=0)
    call_command("migrate", verbosity=0)


def resident_mb(pid: int) -> float:
    """The process's resident memory (VmRSS), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else 0.0
