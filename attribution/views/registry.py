"""Active search over the speaker and outlet registries, for the edit form's suggestions."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from attribution.http import HtmxHttpRequest, review_required, whole_number
from attribution.models import Outlet, Speaker
from attribution.selectors.registry import (
    outlet_suggestions,
    role_suggestions,
    speaker_suggestions,
    text_name_suggestions,
)
from attribution.text import fold_whitespace


def _options(request: HtmxHttpRequest, noun: str, names: list[str], new: list[str]) -> HttpResponse:
    """Suggestions for the field named noun: names, then new ones (each an entry that adds it when chosen)."""
    return TemplateResponse(request, "registry/options.html", {"names": names, "noun": noun, "new": new})


def _registry_options(
    request: HtmxHttpRequest, noun: str, registry: type[Speaker] | type[Outlet], suggest: Callable[[str], list[str]]
) -> HttpResponse:
    """The registry's names for what was typed in the field named noun and the article's names (?article=), each
    an entry to add it where the registry does not know it, and one to add what was typed."""
    typed = fold_whitespace(request.GET.get(noun, ""))
    known = suggest(typed)
    from_text = text_name_suggestions(whole_number(request.GET.get("article", "")), typed, people=noun == "speaker")
    unknown = [name for name in dict.fromkeys([*from_text, typed]) if name and registry.objects.matching(name) is None]
    names = dict.fromkeys([*(name for name in from_text if name not in unknown), *known])
    return _options(request, noun, list(names), unknown)


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
    return _options(request, "role", names, [])


@login_required
@review_required
@require_GET
def outlet_search(request: HtmxHttpRequest) -> HttpResponse:
    return _registry_options(request, "outlet", Outlet, outlet_suggestions)
