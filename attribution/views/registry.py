"""Active search over the speaker and outlet registries, for the edit form's suggestions."""

from django.contrib.auth.decorators import login_required, permission_required
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from attribution.selectors.registry import outlet_suggestions, speaker_suggestions

review_required = permission_required("attribution.change_quote", raise_exception=True)


def _options(request, names):
    return TemplateResponse(request, "registry/options.html", {"names": names})


@login_required
@review_required
@require_GET
def speaker_search(request):
    return _options(request, speaker_suggestions(request.GET.get("speaker", "")))


@login_required
@review_required
@require_GET
def outlet_search(request):
    return _options(request, outlet_suggestions(request.GET.get("outlet", "")))
