"""How gunicorn serves the desk in production: `gunicorn -c gunicorn.conf.py --bind HOST:PORT` (without --bind,
127.0.0.1:8000, or 0.0.0.0:$PORT when PORT is set), with the production environment of README's Security section.
bench/load.py serves with this file; the figures below are its own: 20 editors on loopback, DEBUG off, 2 cores
shared with the client and PostgreSQL; mode (a) one decision a second, (b) no pause.

Static files are not served here: gunicorn answers the app's URLs only.
"""

import os

wsgi_app = "attribution.wsgi:application"

# Threaded workers, not gunicorn's default sync ones. A sync worker belongs to one connection from accept() to
# close, and closes every connection after one answer. A browser keeps a connection open and idle, and opens the
# next one ahead of need (preconnect); each such idle connection holds a sync worker until the browser sends on it,
# after the editor's moment of reading, while the requests behind it wait in the kernel's listen queue, where the
# server's own request time does not see them. That is where the seconds-long client-side tails of page requests
# came from while gunicorn logged under 110 ms. bench/load.py --preconnect, (a), sync workers: client p99 page
# 1,520 ms with 2 workers, 1,329 ms with 5 (server p95 page 56 and 73 ms); editors taking 4 s per decision
# (--pause 4), 5 workers: client p95 page 5.4 s, p99 5.7 s, server p95 115 ms. (A client that opens a connection
# only to send on it sees no tails from sync workers: client p99 page 37 ms.) A gthread worker parks idle
# connections in its poller, where they cost no thread, and keeps them alive: --preconnect, (a), client p99 page
# 39 ms.
worker_class = "gthread"

# One process per core: Python runs one thread at a time in a process. WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", len(os.sched_getaffinity(0))))

# Threads per process: two, so a request waiting on PostgreSQL, or a long one (an export streaming, an upload
# arriving), does not stop its process answering the others; with one, a single export would stall every editor
# whose connection that process holds. More threads only share the same core: at saturation (b) 4 served as many
# requests/s as 2 (124 and 125) with twice the server's p95 (confirm 96 ms against 43: requests waiting for the
# interpreter inside the process rather than in the poller).
threads = int(os.environ.get("GUNICORN_THREADS", "2"))

# Each worker listens on a socket of its own (SO_REUSEPORT), so the kernel spreads new connections over the
# workers. With one shared socket the first worker to accept takes whatever arrives, and kept-alive connections
# stay with it: measured, all 20 editors' connections on one of two workers, which then served 65-82 requests/s
# at saturation against 125 spread. Beware: another gunicorn started on the same port shares it silently rather
# than failing to bind.
reuse_port = True

# An idle connection is closed after 75 s: longer than an editor's pause between decisions, and than the idle
# timeout of the load balancers and proxies usually put in front (60 s), so that it is never gunicorn that closes
# a connection the proxy is about to reuse.
keepalive = 75

# Each request on standard output, with its duration (%(M)s, milliseconds).
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
