"""Active search over the speaker and outlet registries, for the edit form's suggestions."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from attribution.http import HtmxHttpRequest, review_required
from attribution.selectors.registry import outlet_suggestions, speaker_suggestions


def _options(request: HtmxHttpRequest, names: list[str]) -> HttpResponse:
    return TemplateResponse(request, "registry/options.html", {"names": names})


@login_required
@review_required
@require_GET
def speaker_search(request: HtmxHttpRequest) -> HttpResponse:
    return _options(request, speaker_suggestions(request.GET.get("speaker", "")))


@login_required
@review_required
@require_GET
def outlet_search(request: HtmxHttpRequest) -> HttpResponse:
    return _options(request, outlet_suggestions(request.GET.get("outlet", "")))
