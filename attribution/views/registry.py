"""Active search over the speaker and outlet registries, for the edit form's suggestions."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from attribution.http import HtmxHttpRequest, review_required
from attribution.models import Outlet, Speaker
from attribution.selectors.registry import outlet_suggestions, role_suggestions, speaker_suggestions
from attribution.text import fold_whitespace


def _options(request: HtmxHttpRequest, noun: str, names: list[str], new: str) -> HttpResponse:
    return TemplateResponse(request, "registry/options.html", {"names": names, "noun": noun, "new": new})


@login_required
@review_required
@require_GET
def speaker_search(request: HtmxHttpRequest) -> HttpResponse:
    typed = fold_whitespace(request.GET.get("speaker", ""))
    new = typed if typed and Speaker.objects.matching(typed) is None else ""
    return _options(request, "speaker", speaker_suggestions(typed), new)


@login_required
@review_required
@require_GET
def role_search(request: HtmxHttpRequest) -> HttpResponse:
    """Roles for the speaker the form names (roles have no registry: nothing is new among them)."""
    names = role_suggestions(request.GET.get("speaker", ""), request.GET.get("role", ""))
    return _options(request, "role", names, "")


@login_required
@review_required
@require_GET
def outlet_search(request: HtmxHttpRequest) -> HttpResponse:
    typed = fold_whitespace(request.GET.get("outlet", ""))
    new = typed if typed and Outlet.objects.matching(typed) is None else ""
    return _options(request, "outlet", outlet_suggestions(typed), new)
