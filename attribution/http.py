"""The request our views receive, and the permission checks they share."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.models import User
from django.http import HttpRequest, QueryDict
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request through django-htmx's middleware (request.htmx) to a view behind login_required, so its user
    is a real one."""

    htmx: HtmxDetails
    user: User


def queue_batch(request: HttpRequest) -> int | None:
    """The import batch whose articles the editor is reviewing, if any: ?batch= on the page, or on the page an
    htmx request comes from."""
    query = request.GET
    current = request.headers.get("HX-Current-URL", "")
    if "batch" not in query and current:
        query = QueryDict(urlsplit(current).query)
    return whole_number(query.get("batch", ""))


def whole_number(value: str) -> int | None:
    """A parameter that names a row by id, or None for anything else ("", "abc", "1.5"; isdigit() would pass
    "²", which int() refuses)."""
    return int(value) if value.isdecimal() else None


# Reviewing quotes (every desk action, and the registry suggestions the edit form asks for).
review_required = permission_required("attribution.change_quote", raise_exception=True)


def client_address(request: HttpRequest) -> str:
    """The client's address: the connection's, or behind settings.TRUSTED_PROXY_COUNT reverse proxies (each
    appending the address it was reached from to X-Forwarded-For), the one the outermost proxy saw. Entries
    before those are whatever the client claimed, and never trusted."""
    proxies = int(settings.TRUSTED_PROXY_COUNT)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return str(forwarded[-proxies])
    return str(request.META.get("REMOTE_ADDR", ""))
