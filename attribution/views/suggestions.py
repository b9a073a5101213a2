"""The suggestions a filter field searched as you type asks for (forms.Typeahead): a few matches for ?q=."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from attribution.http import HtmxHttpRequest
from attribution.selectors.suggestions import (
    Suggestion,
    article_suggestions,
    import_batch_suggestions,
    publisher_entry_suggestions,
    publisher_suggestions,
    speaker_suggestions,
)

articles_readable = permission_required("attribution.view_article", raise_exception=True)
speakers_readable = permission_required("attribution.view_speaker", raise_exception=True)


def _options(request: HtmxHttpRequest, suggest: Callable[[str], list[Suggestion]], minimum: int = 0) -> HttpResponse:
    typed = request.GET.get("q", "").replace("\x00", "")  # no name holds one, and PostgreSQL refuses it
    context = {"suggestions": suggest(typed), "typed": typed.strip(), "minimum": minimum}
    return TemplateResponse(request, "suggestions/options.html", context)


@login_required
@articles_readable
@require_GET
def publishers(request: HtmxHttpRequest) -> HttpResponse:
    return _options(request, publisher_suggestions)


@login_required
@articles_readable
@require_GET
def articles(request: HtmxHttpRequest) -> HttpResponse:
    return _options(request, article_suggestions, minimum=1)


@login_required
@articles_readable
@require_GET
def import_batches(request: HtmxHttpRequest) -> HttpResponse:
    return _options(request, import_batch_suggestions)


@login_required
@speakers_readable
@require_GET
def speaker_names(request: HtmxHttpRequest) -> HttpResponse:
    """Registry names, for a filter on the speaker's name (the export's)."""
    return _options(request, lambda typed: speaker_suggestions(typed, keyed=False), minimum=2)


@login_required
@speakers_readable
@require_GET
def speakers(request: HtmxHttpRequest) -> HttpResponse:
    """Registry entries by id, for the merge form."""
    return _options(request, lambda typed: speaker_suggestions(typed, keyed=True), minimum=2)


@login_required
@permission_required("attribution.view_publisher", raise_exception=True)
@require_GET
def publisher_entries(request: HtmxHttpRequest) -> HttpResponse:
    """Registry publishers by id, for the merge form."""
    return _options(request, publisher_entry_suggestions, minimum=2)
