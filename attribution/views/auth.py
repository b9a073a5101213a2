"""The login page as a locked-out user and address see it (django-axes calls this, see settings)."""

from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def locked_out(request: HttpRequest, response: HttpResponse | None, credentials: dict[str, Any] | None) -> HttpResponse:
    """The login form again, saying why no password is accepted and until when. Rendered here: django-axes
    swaps it in after the view's response was rendered."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        "form": AuthenticationForm(request, initial={"username": username}),
        "locked_out": f"Too many failed logins as “{username}” from your address: try again in {minutes} minutes.",
        "next": request.POST.get("next", ""),
    }
    return TemplateResponse(request, "registration/login.html", context, status=HTTPStatus.TOO_MANY_REQUESTS).render()
