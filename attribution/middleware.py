"""Response headers the whole app shares."""

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control


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
