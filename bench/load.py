"""The desk under load: 20 editors reviewing the BBC corpus at once through a production server.

The corpus (../shared/corpus/bbc.jsonl, read where it lies) is imported and extracted once into its own
"_bench_load" database, kept between runs (--reimport starts it again); each mode then reviews a fresh copy of it
("_bench_load_run", cloned by PostgreSQL from the first), so every run finds the same quotes pending. The app is
served by gunicorn with the project's gunicorn.conf.py and DEBUG off, as in production behind a proxy that ends
TLS (requests say X-Forwarded-Proto: https). Editors are threads on loopback, each with one keep-alive
connection as a browser holds, logged in and warmed up (each opens one article) beforehand; each asks the queue
for an article (GET /articles/next/, a redirect), opens it, confirms each pending quote as the desk does (an htmx
POST with the card's version and the CSRF token of the page), then asks for the next article
(GET /articles/<id>/next/); told that another editor changed a quote first, it moves on to the next article.

    (a) one decision a second: each editor waits --pause (1 s on average, 0.5-1.5 s) before each confirm;
    (b) saturation: no pause.

Each mode runs --seconds (60) and stops by itself. Prints, per request type (queue, page, confirm), server-side
(gunicorn's own request time from its access log) and client-side (request sent to the last byte read, a new
connection's set-up included) p50/p95/p99, requests/s and errors (a status other than 2xx/3xx, or no answer),
with the server's error log for any. Asserts nothing.

    python bench/load.py [--seconds 60] [--editors 20] [--modes a b] [--reimport] [--preconnect] [--gunicorn ARGS]

--gunicorn adds options to the server's command line, after the config file, so they override it: e.g.
--gunicorn "--worker-class sync --threads 1 --workers 5" measures gunicorn's default worker class (with more than
one thread gunicorn turns sync into gthread). --preconnect makes each editor open its next connection as soon as
the server closes one, as browsers do, and leave it idle until the next request: what sync workers, which close
every connection, do not survive (see gunicorn.conf.py).
"""

import argparse
import http.client
import os
import re
import secrets
import shlex
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from random import Random
from urllib.parse import urlencode, urlsplit, urlunsplit

from common import ROOT, bench_django, resident_mb

CORPUS_SUFFIX, RUN_SUFFIX = "_bench_load", "_bench_load_run"
bench_django(CORPUS_SUFFIX)

import dj_database_url  # noqa: E402
import psycopg  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.db import connection, connections  # noqa: E402
from psycopg import sql  # noqa: E402

from attribution.models import Article, ImportBatch, Quote  # noqa: E402
from attribution.services.demo import roles_ensure  # noqa: E402
from attribution.services.imports import import_path  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc.jsonl"
CONFIG = ROOT / "gunicorn.conf.py"
PASSWORD = "load-bench-password"
# What the server logs per request: method, path, status, microseconds, worker pid.
ACCESS_FORMAT = "%(m)s %(U)s %(s)s %(D)s %(p)s"
TYPES = ("queue", "page", "confirm")
REQUEST_TIMEOUT = 30.0
MAX_REQUESTS = 200_000  # per mode, whatever the duration: the loops are bounded in count as well as time

CARD = re.compile(r'<section class="card[^"]*"[^>]*>')
ATTRIBUTE = re.compile(r'data-(quote|status|version)="([^"]*)"')
CSRF_HEADER = re.compile(r'"X-CSRFToken": "([^"]+)"')
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def request_type(method: str, path: str) -> str:
    if path.startswith("/login/"):
        return "login"
    if re.fullmatch(r"/articles/(\d+/)?next/", path):
        return "queue"
    if re.fullmatch(r"/articles/\d+/", path):
        return "page"
    if re.fullmatch(r"/quotes/\d+/confirm/", path) and method == "POST":
        return "confirm"
    return "other"


def percentile(samples: list[float], p: float) -> float:
    """Nearest rank."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, round(len(ordered) * p / 100 + 0.5) - 1))]


# The corpus database, imported and extracted once.


def corpus_ready(*, reimport: bool, extract_workers: int) -> None:
    stored = ImportBatch.objects.filter(source_name=CORPUS.name, state=ImportBatch.State.STORED).exists()
    if reimport or not stored:  # never imported, or stopped while storing
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE attribution_article, attribution_importbatch, attribution_speaker, attribution_outlet, "
                "django_tasks_database_dbtaskresult CASCADE"
            )
        started = time.perf_counter()
        batch = import_path(CORPUS, extract=True, background=True)
        print(
            f"corpus stored: {batch.created_count:,} articles ({batch.duplicate_count} duplicates skipped) in "
            f"{time.perf_counter() - started:.1f} s; extracting with {extract_workers} worker(s)",
            flush=True,
        )
    pending = Article.objects.filter(extraction_status=Article.ExtractionStatus.PENDING)
    if pending.exists():
        started = time.perf_counter()
        env = os.environ.copy()
        command = [sys.executable, "manage.py", "worker", "--no-startup-delay", "--interval", "0.5"]
        workers = [
            subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(extract_workers)
        ]
        try:
            while left := pending.count():
                if any(worker.poll() is not None for worker in workers):
                    sys.exit("an extraction worker stopped; run again to resume")
                print(f"  {left:,} articles to extract ({time.perf_counter() - started:.0f} s)", flush=True)
                time.sleep(10)
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.wait(timeout=60)
        print(f"extracted in {time.perf_counter() - started:.1f} s", flush=True)
    with connection.cursor() as cursor:  # the planner's statistics, as autovacuum keeps them on a live database
        cursor.execute("ANALYZE")
    print(
        f"corpus: {Article.objects.count():,} articles, {Quote.objects.count():,} quotes "
        f"({Article.objects.filter(extraction_status=Article.ExtractionStatus.FAILED).count()} extractions failed), "
        f"{Article.objects.filter(quotes__isnull=False).distinct().count():,} articles with quotes",
        flush=True,
    )


def editors_ready(count: int) -> list[str]:
    editors, _ = roles_ensure()
    names = [f"load-editor-{n:02}" for n in range(1, count + 1)]
    for name in names:
        user, created = User.objects.get_or_create(username=name)
        if created:
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(editors)
    return names


def fresh_copy() -> str:
    """A copy of the corpus database for one run, made by PostgreSQL (from a database nobody is connected to);
    returns its URL."""
    connections.close_all()
    corpus_url = os.environ["DATABASE_URL"]
    corpus = dj_database_url.parse(corpus_url)["NAME"]
    run_url = corpus_url.removesuffix(CORPUS_SUFFIX) + RUN_SUFFIX
    run = dj_database_url.parse(run_url)["NAME"]
    maintenance = urlunsplit(urlsplit(corpus_url)._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(run)))
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(run), sql.Identifier(corpus)))
    return run_url


# The server.


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    folder: Path

    @property
    def access_log(self) -> Path:
        return self.folder / "access.log"

    @property
    def error_log(self) -> Path:
        return self.folder / "error.log"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(database_url: str, folder: Path, extra: list[str]) -> Server:
    port = free_port()
    env = os.environ.copy() | {
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("GUNICORN_CMD_ARGS", None)
    # As `make serve` does: production pages name the hashed copies of the static files collectstatic writes.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        str(CONFIG),
        "--bind",
        f"127.0.0.1:{port}",
        "--access-logfile",
        str(folder / "access.log"),
        "--access-logformat",
        ACCESS_FORMAT,
        "--error-logfile",
        "-",  # with Django's log (500s and their tracebacks), which goes to standard error
        *extra,
    ]
    with (folder / "error.log").open("wb") as errors:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    server = Server(process, port, folder)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped at start:\n{(folder / 'error.log').read_text(errors='replace')[-3000:]}")
        probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            probe.request("GET", "/healthz", headers={"X-Forwarded-Proto": "https"})
            if probe.getresponse().status == 200:
                return server
        except OSError:
            pass
        finally:
            probe.close()
        time.sleep(0.2)
    process.terminate()
    sys.exit("gunicorn did not answer /healthz within 60 s")


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def server_pids(master: int) -> list[int]:
    """gunicorn's master and workers."""
    try:
        return [master, *(int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split())]
    except OSError:
        return [master]


def backend_pids(database: str) -> list[int]:
    """The PostgreSQL backends serving database, where the server runs on this machine."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if title.startswith(b"postgres:") and f" {database} ".encode() in title:
                pids.append(int(entry.name))
    return pids


def workers_mb(master: int) -> str:
    """Each gunicorn worker's resident memory."""
    return ", ".join(f"{resident_mb(pid):.0f}" for pid in server_pids(master)[1:])


def machine_jiffies() -> tuple[int, int, int]:
    """(busy, stolen, total) jiffies of all cores since boot: stolen is the time a virtual machine's cores waited
    for the host's."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    idle, steal = values[3] + values[4], values[7] if len(values) > 7 else 0
    return sum(values) - idle - steal, steal, sum(values)


class CpuMeter:
    """Where the machine's cores went during a run: gunicorn, PostgreSQL's backends for the run's database, this
    client, and everything else (other work on a shared machine shows there). Processes are sampled every half
    second, so a backend that ends (Django closes connections after CONN_MAX_AGE) still counts."""

    def __init__(self, master: int, database: str) -> None:
        self.master, self.database = master, database
        self.first: dict[int, float] = {}
        self.last: dict[int, tuple[str, float]] = {}
        self.stop = threading.Event()
        self.sampler = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def _sample(self) -> None:
        for name, pids in (("gunicorn", server_pids(self.master)), ("postgres", backend_pids(self.database))):
            for pid in pids:
                self.last[pid] = (name, cpu_seconds(pid))

    def _sample_until_stopped(self) -> None:
        while not self.stop.wait(0.5):
            self._sample()

    def start(self) -> None:
        self._sample()
        self.first = {pid: seconds for pid, (_, seconds) in self.last.items()}
        self.client, self.jiffies, self.wall = time.process_time(), machine_jiffies(), time.monotonic()
        self.sampler.start()

    def report(self) -> str:
        self.stop.set()
        self.sampler.join()
        self._sample()
        wall = time.monotonic() - self.wall
        cores = dict.fromkeys(("gunicorn", "postgres"), 0.0)
        for pid, (name, seconds) in self.last.items():
            cores[name] += (seconds - self.first.get(pid, 0.0)) / wall
        cores["client"] = (time.process_time() - self.client) / wall
        busy, stolen, total = (now - before for now, before in zip(machine_jiffies(), self.jiffies, strict=True))
        count = os.cpu_count() or 1
        machine = busy / max(1, total) * count
        cores["other"] = max(0.0, machine - sum(cores.values()))
        used = ", ".join(f"{name} {value:.2f}" for name, value in cores.items())
        steal = stolen / max(1, total) * count
        return f"CPU: {machine:.2f} cores busy of {count} ({used}); stolen by the host {steal:.2f}"


# The editors.


@dataclass
class Sample:
    kind: str
    status: int  # 0: no answer
    ms: float
    error: str = ""


@dataclass
class Editor:
    """One browser: its cookies, its connection (reused while the server keeps it open) and what it measured."""

    port: int
    username: str
    samples: list[Sample] = field(default_factory=list)
    cookies: dict[str, str] = field(default_factory=dict)
    connects: int = 0
    retries: int = 0
    conflicts: int = 0
    articles: int = 0
    connection: http.client.HTTPConnection | None = None
    preconnect: bool = False
    random: Random = field(default_factory=Random)
    refused: str = ""

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def _connection(self) -> tuple[http.client.HTTPConnection, bool]:
        if self.connection is None or self.connection.sock is None:
            if self.connection is not None:
                self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
            self.connection.connect()
            self.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.connects += 1
            return self.connection, False
        return self.connection, True

    def send(
        self, method: str, path: str, *, body: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        """One request as the browser sends it; like a browser, a request that finds the kept-alive connection
        closed by the server before any answer is sent again on a new one (counted in retries)."""
        all_headers = {"X-Forwarded-Proto": "https", "Accept": "text/html", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers["Origin"] = self.origin
        kind = request_type(method, path)
        started = time.perf_counter()
        for attempt in range(2):
            conn, reused = self._connection()
            try:
                conn.request(method, path, body=data, headers=all_headers)
                response = conn.getresponse()
                text = response.read().decode("utf-8", errors="replace")
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as exc:
                conn.close()
                if reused and attempt == 0:
                    self.retries += 1
                    continue
                return self._failed(kind, started, exc)
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                return self._failed(kind, started, exc)
            break
        ms = (time.perf_counter() - started) * 1000
        if self.preconnect and conn.sock is None:  # closed by the server: open the next one now, as browsers do
            self._connection()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        self.samples.append(Sample(kind, response.status, ms))
        return response.status, {k.lower(): v for k, v in response.getheaders()}, text

    def _failed(self, kind: str, started: float, exc: Exception) -> tuple[int, dict[str, str], str]:
        self.samples.append(Sample(kind, 0, (time.perf_counter() - started) * 1000, f"{type(exc).__name__}: {exc}"))
        return 0, {}, ""

    def warm_up(self, article: int) -> None:
        """Open one article (the last the queue would hand out), so that the measurement finds the server as it
        runs all day: every worker with its templates compiled and its database connections open."""
        self.send("GET", f"/articles/{article}/")

    def log_in(self) -> None:
        """As a person does, through the login form; what went wrong, if anything, in refused."""
        status, _, page = self.send("GET", "/login/")
        token = CSRF_FIELD.search(page)
        if status != 200 or token is None:
            self.refused = f"{self.username}: the login page answered {status}"
            return
        form = {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token[1], "next": ""}
        status, headers, _ = self.send("POST", "/login/", body=form, headers={"Referer": f"{self.origin}/login/"})
        if status != 302 or "sessionid" not in self.cookies:
            self.refused = f"{self.username}: logging in answered {status} ({headers.get('location')})"

    def review(self, start: float, deadline: float, pause: float, budget: threading.Semaphore) -> None:
        """Queue, article, its pending quotes confirmed one by one, and on, until the deadline."""
        time.sleep(max(0.0, start - time.monotonic()))
        try:
            self._review(deadline, pause, budget)
        finally:  # a browser closing its tab: nothing left open for the server to wait on
            self.preconnect = False
            if self.connection is not None:
                self.connection.close()

    def _review(self, deadline: float, pause: float, budget: threading.Semaphore) -> None:
        queue = "/articles/next/"
        while time.monotonic() < deadline and budget.acquire(blocking=False):
            status, headers, _ = self.send("GET", queue)
            location = urlsplit(headers.get("location", "")).path
            if status == 302 and request_type("GET", location) == "login":
                self.samples.append(Sample("queue", 0, 0.0, "sent to log in again"))
                return
            if status != 302 or request_type("GET", location) != "page" or not budget.acquire(blocking=False):
                if status == 302:  # back to the list: nothing left to review
                    return
                time.sleep(0.5)  # an error, counted; a person would try again
                continue
            status, _, page = self.send("GET", location)
            if status != 200:
                time.sleep(0.5)
                continue
            self.articles += 1
            queue = f"{location}next/"
            self.confirm_all(location, page, deadline, pause, budget)

    def confirm_all(self, location: str, page: str, deadline: float, pause: float, budget: threading.Semaphore) -> None:
        token = CSRF_HEADER.search(page)
        cards = [dict(ATTRIBUTE.findall(tag)) for tag in CARD.findall(page)]
        for card in cards:
            if card.get("status") != "pending":
                continue
            if pause:  # a person's second: some decisions are quicker, some slower
                think = self.random.uniform(pause / 2, pause * 3 / 2)
                time.sleep(max(0.0, min(think, deadline - time.monotonic())))
            if time.monotonic() >= deadline or not budget.acquire(blocking=False):
                return
            status, _, answer = self.send(
                "POST",
                f"/quotes/{card['quote']}/confirm/",
                body={"version": card["version"]},
                headers={
                    "HX-Request": "true",
                    "HX-Current-URL": f"{self.origin}{location}",
                    "HX-Target": f"quote-{card['quote']}",
                    "X-CSRFToken": token[1] if token else "",
                    "Referer": f"{self.origin}{location}",
                },
            )
            if status == 200 and 'class="conflict"' in answer:
                # Another editor is on this article (the queue gave it to both): on to the next one, as a person
                # told so would go, rather than following the other through it.
                self.conflicts += 1
                return


# One mode.


@dataclass
class Figures:
    requests: int
    per_second: float
    errors: int
    server_p95: dict[str, float]
    client_p99: float

    def line(self, mode: str) -> str:
        return (
            f"load ({mode}): {self.requests} requests, {self.per_second:.1f} req/s, errors {self.errors}; server p95 "
            f"page {self.server_p95['page']:.0f} ms, confirm {self.server_p95['confirm']:.0f} ms; client p99 "
            f"{self.client_p99:.0f} ms"
        )


def run_mode(
    name: str, *, pause: float, args: argparse.Namespace, users: list[str], warm: int, extra: list[str]
) -> Figures:
    database_url = fresh_copy()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        folder = Path(tmp)
        server = serve(database_url, folder, extra)
        try:
            editors = [Editor(server.port, username, random=Random(username)) for username in users]
            threads = [threading.Thread(target=editor.log_in) for editor in editors]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            if refused := [editor.refused for editor in editors if editor.refused]:
                sys.exit(f"logging in failed: {refused[0]}")
            threads = [threading.Thread(target=editor.warm_up, args=(warm,)) for editor in editors]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            for editor in editors:
                editor.samples.clear()
                editor.connects = 0
                # From now on only: an idle connection opened while the others log in would hold a sync worker
                # that their logins wait for, until gunicorn's worker timeout.
                editor.preconnect = args.preconnect
            log_offset = server.access_log.stat().st_size
            meter = CpuMeter(server.process.pid, dj_database_url.parse(database_url)["NAME"])
            warm_mb = workers_mb(server.process.pid)
            meter.start()
            budget = threading.Semaphore(MAX_REQUESTS)
            started = time.monotonic()
            deadline = started + args.seconds
            # Editors start over the first second, as people do: the queue hands an article to whoever asks until
            # its page is opened, so editors asking at the same instant would all get the same one.
            threads = [
                threading.Thread(
                    target=editor.review, args=(started + n / len(editors), deadline, pause, budget), daemon=True
                )
                for n, editor in enumerate(editors)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=args.seconds + 2 * REQUEST_TIMEOUT)
            elapsed = time.monotonic() - started
            cpu = meter.report()
            # A web worker's memory must stay flat however many requests it serves.
            memory = (
                f"web workers' RSS: {warm_mb} MB after warming up, {workers_mb(server.process.pid)} MB after the run"
            )
            time.sleep(0.5)  # the access log's last lines
        finally:
            server.process.terminate()
            server.process.wait(timeout=60)
        with server.access_log.open(encoding="utf-8") as log:
            log.seek(log_offset)
            access = [line.split() for line in log if line.strip()]
        errors_log = server.error_log.read_text(errors="replace")

    server_ms: dict[str, list[float]] = defaultdict(list)
    server_statuses: Counter[str] = Counter()
    pids: Counter[str] = Counter()
    for method, path, status, micros, pid in access:
        kind = request_type(method, path)
        server_ms[kind].append(int(micros) / 1000)
        server_statuses[status] += 1
        pids[pid] += 1
    samples = [sample for editor in editors for sample in editor.samples]
    client_ms: dict[str, list[float]] = defaultdict(list)
    for sample in samples:
        client_ms[sample.kind].append(sample.ms)
    failed = [s for s in samples if not 200 <= s.status < 400]

    label = f"load ({name})"
    pause_text = f"{pause:g} s before each confirm" if pause else "no pause"
    served = f"gunicorn -c {CONFIG.name} {shlex.join(extra)}".strip()
    print(f"\n{label}: {len(editors)} editors, {pause_text}, {elapsed:.1f} s; {served}")
    print(f"{'':10} {'n':>6}   server p50    p95    p99 ms   client p50    p95    p99    max ms")
    for kind in (*TYPES, *sorted(set(client_ms) - set(TYPES))):
        s, c = server_ms.get(kind, []), client_ms.get(kind, [])
        print(
            f"{kind:10} {len(c):6}   {percentile(s, 50):10.1f} {percentile(s, 95):6.1f} {percentile(s, 99):6.1f}"
            f"      {percentile(c, 50):10.1f} {percentile(c, 95):6.1f} {percentile(c, 99):6.1f}"
            f" {max(c, default=0):9.1f}"
        )
    all_client = [sample.ms for sample in samples]
    shares = "/".join(f"{100 * n / max(1, len(access)):.0f}%" for _, n in pids.most_common())
    print(
        f"connections opened {sum(e.connects for e in editors)}, requests sent again on a new connection "
        f"{sum(e.retries for e in editors)}, articles opened {sum(e.articles for e in editors)}, conflicts "
        f"{sum(e.conflicts for e in editors)}; server answered {len(access)} "
        f"({', '.join(f'{k}: {v}' for k, v in sorted(server_statuses.items()))}) over {len(pids)} worker "
        f"processes ({shares})"
    )
    print(cpu)
    print(memory)
    if failed:
        print(f"errors: {Counter(s.error or f'HTTP {s.status} on {s.kind}' for s in failed).most_common(10)}")
    problems = [line for line in errors_log.splitlines() if re.search(r"Error|Exception|Traceback|WORKER", line)]
    if problems:
        print(f"server's error log ({len(problems)} lines of note), the last:")
        for line in problems[-12:]:
            print(f"  {line[:200]}")
    requests = len(samples)
    figures = Figures(
        requests=requests,
        per_second=requests / elapsed,
        errors=len(failed),
        server_p95={kind: percentile(server_ms.get(kind, []), 95) for kind in TYPES},
        client_p99=percentile(all_client, 99),
    )
    print(figures.line(name), flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long each mode runs")
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--pause", type=float, default=1.0, help="mode (a): seconds before each decision")
    parser.add_argument("--modes", nargs="*", choices=["a", "b"], default=["a", "b"])
    parser.add_argument("--reimport", action="store_true", help="import and extract the corpus again")
    parser.add_argument("--extract-workers", type=int, default=2, help="task workers extracting the corpus")
    parser.add_argument(
        "--preconnect",
        action="store_true",
        help="open a new connection as soon as the server closes one, as a browser's preconnect does",
    )
    parser.add_argument("--gunicorn", default="", help="more gunicorn options, overriding gunicorn.conf.py")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"{CORPUS} not found: the benchmark reads the shared corpus beside the project.")
    corpus_ready(reimport=args.reimport, extract_workers=args.extract_workers)
    users = editors_ready(args.editors)
    warm = Article.objects.filter(quotes__isnull=False).order_by("-created_at", "-id").values_list("pk", flat=True)[0]
    extra = shlex.split(args.gunicorn)
    summaries = []
    for mode in args.modes:
        pause = args.pause if mode == "a" else 0.0
        figures = run_mode(mode, pause=pause, args=args, users=users, warm=warm, extra=extra)
        summaries.append((mode, figures))
    print()
    for mode, figures in summaries:
        print(figures.line(mode))


if __name__ == "__main__":
    main()
