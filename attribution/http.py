"""The request our views receive, and the permission checks they share."""

from django.contrib.auth.decorators import permission_required
from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request through django-htmx's middleware (request.htmx) to a view behind login_required, so its user
    is a real one."""

    htmx: HtmxDetails
    user: User


# Reviewing quotes (every desk action, and the registry suggestions the edit form asks for).
review_required = permission_required("attribution.change_quote", raise_exception=True)
