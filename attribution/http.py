"""The request our views receive."""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request through django-htmx's middleware (request.htmx) to a view behind login_required, so its user
    is a real one."""

    htmx: HtmxDetails
    user: User
