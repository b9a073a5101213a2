"""Response headers the whole app shares, and what an htmx request gets when its session has gone."""

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import resolve_url
from django.utils.cache import patch_cache_control
from django_htmx.http import HttpResponseClientRedirect

from attribution.http import HtmxHttpRequest


class PrivatePagesMiddleware:
    """Whatever an authenticated user is sent (pages, partials, exports) is theirs alone: neither the browser's
    history on a shared newsroom machine nor a proxy between may keep a copy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class HtmxLoginMiddleware:
    """An htmx request from a page whose session has expired is redirected to the login page, which htmx would
    follow and paste into the card list: the whole page goes to log in instead, and comes back after."""

    def __init__(self, get_response: Callable[[HtmxHttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HtmxHttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.htmx and response.status_code == 302 and _to_login(response["Location"]):
            back = request.htmx.current_url_abs_path or "/"
            return HttpResponseClientRedirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': back})}")
        return response


def _to_login(location: str) -> bool:
    return urlsplit(location).path == resolve_url(settings.LOGIN_URL)
