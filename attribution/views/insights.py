"""How far the extractor can be trusted, from editors' verdicts: /insights/ and each figure as CSV."""

from datetime import datetime

from django.contrib.auth.decorators import login_required, permission_required
from django.core.cache import cache
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from attribution.csv_writer import csv_lines
from attribution.forms import InsightsFilterForm
from attribution.http import HtmxHttpRequest
from attribution.insight_figures import FIGURES, Figure, figures
from attribution.selectors.insights import Filters as InsightFilters

insights_readable = permission_required("attribution.view_quote", raise_exception=True)


# How long the figures of one set of filters are reused: they read every verdict in the archive (seconds at a
# million quotes), and a verdict given meanwhile changes them by a hair.
FIGURES_SECONDS = 600


def _figures(filters: InsightFilters) -> tuple[list[Figure], datetime]:
    """The figures for filters and when they were read, from the cache while they are fresh."""
    key = f"insights:{filters.batch}:{filters.since}"
    found = cache.get(key)
    if found is None:
        found = (figures(filters), timezone.now())
        cache.set(key, found, FIGURES_SECONDS)
    shown: tuple[list[Figure], datetime] = found
    return shown


@login_required
@insights_readable
@require_GET
def insights(request: HtmxHttpRequest) -> HttpResponse:
    form = InsightsFilterForm(request.GET)
    shown, read_at = _figures(form.filters())
    context = {
        "form": form,
        "figures": shown,
        "read_at": read_at,
        "fresh_minutes": FIGURES_SECONDS // 60,
        "query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "insights/page.html", context)


@login_required
@insights_readable
@require_GET
def insights_csv(request: HtmxHttpRequest, figure: str) -> StreamingHttpResponse:
    if figure not in FIGURES:
        raise Http404("No such figure.")
    found = next(shown for shown in _figures(InsightsFilterForm(request.GET).filters())[0] if shown.key == figure)
    return StreamingHttpResponse(
        csv_lines(found.columns, found.rows),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="insights-{figure}.csv"'},
    )
