import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attribution.settings")
application = get_wsgi_application()

# Every module a request can reach imported now, not on the first request (the views import the extraction
# engine, hence spaCy: a heap of long-lived objects), then moved out of the garbage collector's sight. Its full
# collections walked all of them, 90-140 ms each in bench/archive.py's import page p95; now they walk only what
# requests allocate since.
get_resolver().url_patterns  # noqa: B018 (imports the URLconf and through it every view)
gc.freeze()
