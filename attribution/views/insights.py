"""How far the extractor can be trusted, from editors' verdicts: /insights/ and each figure as CSV."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from attribution.csv_writer import csv_lines
from attribution.forms import InsightsFilterForm
from attribution.http import HtmxHttpRequest
from attribution.insight_figures import FIGURES, figures

insights_readable = permission_required("attribution.view_quote", raise_exception=True)


@login_required
@insights_readable
@require_GET
def insights(request: HtmxHttpRequest) -> HttpResponse:
    form = InsightsFilterForm(request.GET)
    context = {"form": form, "figures": figures(form.filters()), "query": request.GET.urlencode()}
    return TemplateResponse(request, "insights/page.html", context)


@login_required
@insights_readable
@require_GET
def insights_csv(request: HtmxHttpRequest, figure: str) -> StreamingHttpResponse:
    if figure not in FIGURES:
        raise Http404("No such figure.")
    found = FIGURES[figure](InsightsFilterForm(request.GET).filters())
    return StreamingHttpResponse(
        csv_lines(found.columns, found.rows),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="insights-{figure}.csv"'},
    )
