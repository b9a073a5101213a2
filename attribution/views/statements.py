"""The statements editors work through: the same words in several articles whose appearances disagree."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from attribution.http import HtmxHttpRequest
from attribution.selectors.statements import conflicts_page


@login_required
@permission_required("attribution.view_quote", raise_exception=True)
@require_GET
def conflicts(request: HtmxHttpRequest) -> HttpResponse:
    page = conflicts_page(request.GET.get("page"))
    return TemplateResponse(request, "statements/conflicts.html", {"page": page, "query": ""})
