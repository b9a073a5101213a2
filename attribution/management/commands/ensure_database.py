import sys
from typing import Any

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand
from psycopg import sql
from psycopg.conninfo import make_conninfo


class Command(BaseCommand):
    help = (
        "Create the configured PostgreSQL database if it does not exist; say so in one line if the server is "
        "unreachable."
    )
    requires_system_checks = []

    def handle(self, *args: Any, **options: Any) -> None:
        db = settings.DATABASES["default"]
        conninfo = make_conninfo(
            dbname="postgres",
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            connect_timeout=5,
        )
        where = f"{db.get('HOST') or 'local socket'}:{db.get('PORT') or 5432}"
        try:
            with psycopg.connect(conninfo, autocommit=True) as conn:
                exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone()
                if not exists:
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
                    self.stdout.write(f"Created database {db['NAME']!r} on {where}.")
        except psycopg.OperationalError as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[-1].strip()
            self.stderr.write(
                f"PostgreSQL is not reachable at {where} ({reason}). Start it "
                "(e.g. `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`) "
                "or point DATABASE_URL at a running server."
            )
            sys.exit(1)
