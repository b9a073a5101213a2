"""Active search over the speaker and outlet registries, for the edit form's suggestions."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from attribution.http import HtmxHttpRequest, review_required, whole_number
from attribution.models import Outlet, Speaker
from attribution.selectors.registry import outlet_suggestions, role_suggestions, speaker_suggestions
from attribution.text import fold_whitespace


def _options(request: HtmxHttpRequest, noun: str, names: list[str], new: str) -> HttpResponse:
    return TemplateResponse(request, "registry/options.html", {"names": names, "noun": noun, "new": new})


def _registry_options(
    request: HtmxHttpRequest, noun: str, registry: type[Speaker] | type[Outlet], suggest: Callable[[str], list[str]]
) -> HttpResponse:
    """The registry's names for what was typed in the field named noun, and an entry to add it if unknown."""
    typed = fold_whitespace(request.GET.get(noun, ""))
    new = typed if typed and registry.objects.matching(typed) is None else ""
    return _options(request, noun, suggest(typed), new)


@login_required
@review_required
@require_GET
def speaker_search(request: HtmxHttpRequest) -> HttpResponse:
    return _registry_options(request, "speaker", Speaker, speaker_suggestions)


@login_required
@review_required
@require_GET
def role_search(request: HtmxHttpRequest) -> HttpResponse:
    """Roles for the speaker the form names (roles have no registry: nothing is new among them)."""
    typed = request.GET.get("role", "")
    if typed == request.GET.get("shown"):  # the role the form opened with, not typed by the editor
        typed = ""
    names = role_suggestions(
        request.GET.get("speaker", ""), typed, article_id=whole_number(request.GET.get("article", ""))
    )
    return _options(request, "role", names, "")


@login_required
@review_required
@require_GET
def outlet_search(request: HtmxHttpRequest) -> HttpResponse:
    return _registry_options(request, "outlet", Outlet, outlet_suggestions)
